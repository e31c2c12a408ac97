// The condition lab: the data the sample library keeps, per workspace.

export interface SampleHeader {
  name: string;
  value: string;
}

/** A named event to test triggers against: a body and the headers sent with it. */
export interface Sample {
  id: string;
  workspaceId: string;
  name: string;
  payload: string;
  headers: SampleHeader[];
  createdAt: number;
  updatedAt: number;
}
