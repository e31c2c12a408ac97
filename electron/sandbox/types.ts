// The embedded Harness sandbox: what it exports (the interface the app and the tests rely on, plus a few
// additions for later issues) and the models its parts share.

export interface Faults {
  /** Wait this long before answering (every Harness route; never the /_sandbox control routes). */
  delayMs: number;
  /** Destroy the socket with a TCP reset instead of answering. */
  resetConnections: boolean;
  /** Answer with this status: 502/503/504 with an HTML gateway page, others with a JSON envelope. */
  status5xx: number | null;
  /** New runs fail this stage (identifier or name), when their pipeline has it. */
  failStage: string | null;
  /** Answer 200 with an HTML page, as a captive portal or a TLS-inspecting proxy does. */
  nonJson: boolean;
  /** Repeat the callers' X-Api-Key and other non-standard header values in every free-text field. */
  echoSecrets: boolean;
  /** The next this-many Harness requests answer 429 with Retry-After (Harness's rate limit). */
  rateLimit: number;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  path: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  at: number;
}

export type ExampleKind = 'plain' | 'authorized' | 'v2' | 'fails' | 'approval' | 'disabled' | 'conditional' | 'custom';

export interface ExampleTrigger {
  name: string;
  identifier: string;
  url: string;
  apiKey: string | null;
  /** Exactly Harness's "Copy as cURL" text. */
  curl: string;
  description: string;
  yaml: string;
  /** Additions beyond the agreed interface, so callers need not match on names. */
  kind: ExampleKind;
  enabled: boolean;
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
}

export interface StageDef {
  identifier: string;
  name: string;
  type: 'CI' | 'Deployment' | 'Approval' | 'Custom';
  /** Duration as a multiple of the stage time (default 1). */
  weight?: number;
}

/** A pipeline is a list of steps; a step is one stage or stages run side by side. */
export type StepDef = StageDef | { parallel: StageDef[] };

export interface Condition {
  key: string;
  operator: string;
  value: string;
}

/** A trigger the sandbox knows, with the pipeline it starts. */
export interface SandboxTrigger {
  name: string;
  identifier: string;
  description: string;
  kind: ExampleKind;
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  pipelineName: string;
  /** The 22-character customWebhookToken; null for a legacy trigger only reachable by the v2 URL. */
  token: string | null;
  enabled: boolean;
  steps: StepDef[];
  /** Stage that always fails in this pipeline's runs. */
  failStage: string | null;
  payloadConditions: Condition[];
  headerConditions: Condition[];
  jexlCondition: string | null;
  inputYaml: string;
  /** When set, processing ends in INVALID_RUNTIME_INPUT_YAML with this message. */
  invalidRuntimeInput: string | null;
  createdAt: number;
}

/** A trigger by its identifiers (org and project default to the sandbox's open project). */
export interface TriggerRef {
  orgIdentifier?: string;
  projectIdentifier?: string;
  pipelineIdentifier: string;
  identifier: string;
}

/** What a test or a later issue may add at runtime (`Sandbox.addTrigger`). */
export interface TriggerSpec {
  name: string;
  identifier: string;
  description?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  pipelineIdentifier?: string;
  pipelineName?: string;
  /** v3 (default: a fresh token) or v2 (a legacy trigger without token). */
  form?: 'v2' | 'v3';
  /** A fixed 22-character token (v3 only). */
  token?: string;
  enabled?: boolean;
  steps?: StepDef[];
  failStage?: string;
  payloadConditions?: Condition[];
  headerConditions?: Condition[];
  jexlCondition?: string;
  inputYaml?: string;
  invalidRuntimeInput?: string;
  /** Makes the trigger's project mandate authorization (X-Api-Key) for custom triggers. */
  mandateAuthorization?: boolean;
}

/**
 * The result of condition evaluation. A miss names Harness's status; the sandbox writes Harness's own
 * message for it, and `note` (the sandbox's explanation, e.g. which condition missed) goes apart,
 * in the answer's metaData.sandboxNote.
 */
export type EvaluateResult = { match: true; runtimeInput?: string } | { match: false; status: string; note?: string };

export interface EvaluateInput {
  trigger: SandboxTrigger;
  /** The trigger YAML (docs/harness-protocol.md §6), as GET /triggers/{id} returns it. */
  yaml: string;
  /** The raw body as received (decoded as UTF-8). */
  body: string;
  /** Request headers, lower-cased names, first value. */
  headers: Record<string, string>;
}

export type Evaluate = (input: EvaluateInput) => EvaluateResult | Promise<EvaluateResult>;

export interface RunEnd {
  planExecutionId: string;
  eventCorrelationId: string;
  trigger: SandboxTrigger;
  status: string;
  startTs: number;
  endTs: number;
  failureMessage: string | null;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  tls?: { key: string; cert: string };
  /** Divides every duration: 10 runs ten times faster. Default 1. */
  speed?: number;
  /** One stage's duration before `speed` (default 1500 ms). */
  stageMs?: number;
  /** How long an event stays queued before `speed` (default 700 ms). */
  queueMs?: number;
  /**
   * Base for apiUrl when it must differ from the sandbox's own, for foreign-origin tests; a function
   * gets the sandbox's base, e.g. (b) => b.replace('127.0.0.1', 'localhost'): same server, other origin.
   */
  apiUrlBase?: string | ((baseUrl: string) => string);
  /** Condition evaluation. Default: every trigger matches. */
  evaluate?: Evaluate;
  /** Called once when a run reaches a terminal status (chain notifications). */
  onRunEnd?: (end: RunEnd) => void;
  /** Ring-buffer sizes (memory stays flat on long benches): counts, and bytes of bodies kept. */
  maxReceived?: number;
  maxEvents?: number;
  maxStoredBytes?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface Sandbox {
  baseUrl: string;
  examples: ExampleTrigger[];
  setFaults(f: Partial<Faults>): void;
  received: ReceivedRequest[];
  clearReceived(): void;
  close(): Promise<void>;
  /** Additions beyond the agreed interface. */
  faults(): Faults;
  keys: { execute: string; viewOnly: string };
  addTrigger(spec: TriggerSpec): ExampleTrigger;
  /** Decides a run waiting for approval; false if it was not waiting. */
  approve(planExecutionId: string, approved?: boolean): boolean;
  /** Changes a trigger "in Harness" (its YAML changes with it); false when unknown. */
  editTrigger(ref: TriggerRef, patch: { name?: string; description?: string; enabled?: boolean }): boolean;
  /** Deletes a trigger "in Harness"; false when unknown. */
  deleteTrigger(ref: TriggerRef): boolean;
}
