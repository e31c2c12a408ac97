// "Open in Harness" for one execution. Harness's answers carry no execution link: the page is
// built from the uiUrl form of the fire answer ({base}/ng/#/account/A/{module}/orgs/O/projects/P/...)
// and planExecutionId; without a uiUrl, from apiUrl's origin and account and the run's org and project.

export interface ExecutionLinkInput {
  /** The fire answer's uiUrl, when known. */
  uiUrl: string | null;
  apiUrl: string;
  org: string | null;
  project: string | null;
  pipeline: string;
  planExecutionId: string;
}

const PROJECT_PREFIX =
  /^(https?:\/\/[^/?#]+(?:\/[^#]*)?\/ng\/#\/account\/[^/]+\/[^/]+\/orgs\/[^/]+\/projects\/[^/?#]+)/;
const q = encodeURIComponent;

export function executionLink(o: ExecutionLinkInput): string | null {
  if (o.planExecutionId === '' || o.pipeline === '') return null;
  const tail = `/pipelines/${q(o.pipeline)}/executions/${q(o.planExecutionId)}/pipeline`;
  const prefix = o.uiUrl === null ? null : (PROJECT_PREFIX.exec(o.uiUrl)?.[1] ?? null);
  if (prefix !== null) return `${prefix}${tail}`;
  // Plain text parsing: shared/ has no URL global in its types (see urls.ts).
  const origin = /^(https?:\/\/[^/?#]+)/i.exec(o.apiUrl)?.[1];
  const raw = /[?&]accountIdentifier=([^&#]*)/.exec(o.apiUrl)?.[1];
  let account: string | null = null;
  try {
    account = raw === undefined ? null : decodeURIComponent(raw);
  } catch {
    account = null;
  }
  if (!origin || !account || !o.org || !o.project) return null;
  return `${origin}/ng/#/account/${q(account)}/cd/orgs/${q(o.org)}/projects/${q(o.project)}${tail}`;
}
