// Pipeline chains run from the desk. A chain is a list of steps (trigger + payload); each
// step after the first starts when the previous run reaches Success (or, if asked, any terminal
// status), and its payload may carry values of that run: {{prev.planExecutionId}}, {{prev.payload.tag}}.
// Pure: the page checks a chain with the very code the backend runs before it fires anything.

/** When a step starts: after the previous run reached Success, or after it ended whatever its status. */
export type ChainAfter = 'success' | 'terminal';

export interface ChainStep {
  triggerId: string;
  body: string;
  /** Ignored on the first step. */
  after: ChainAfter;
}

export interface Chain {
  id: string;
  workspaceId: string;
  name: string;
  steps: ChainStep[];
  createdAt: number;
  updatedAt: number;
}

/** A problem found before anything fires; `step` is 0-based, shown as "Step n+1". */
export interface ChainProblem {
  step: number;
  message: string;
}

export interface ChainView extends Chain {
  problems: ChainProblem[];
}

export type ChainStepPhase =
  'waiting' | 'firing' | 'running' | 'succeeded' | 'ended' | 'failed' | 'skipped' | 'stopped';

export interface ChainStepRun {
  triggerId: string;
  triggerName: string;
  phase: ChainStepPhase;
  /** The body sent, after {{prev.*}} substitution (null until fired). */
  body: string | null;
  historyId: string | null;
  watchId: string | null;
  planExecutionId: string | null;
  /** Harness's run status, verbatim (Success, Failed, ...), or the processing status when no run started. */
  status: string | null;
  message: string | null;
}

export type ChainRunState = 'running' | 'succeeded' | 'failed' | 'stopped';

export interface ChainRun {
  id: string;
  chainId: string;
  chainName: string;
  state: ChainRunState;
  steps: ChainStepRun[];
  startedAt: number;
  endedAt: number | null;
  /** Why the chain stopped or failed, in plain words. */
  message: string | null;
  /** Grows with every change: a page never goes back to an older state that arrived late. */
  seq: number;
}

/** What a step may read of the previous run (plus `payload.<path>`: the previous step's body). */
export const PREV_FIELDS = [
  'planExecutionId',
  'status',
  'eventCorrelationId',
  'pipelineIdentifier',
  'runSequence',
  'startTs',
  'endTs',
  'failureMessage',
  'triggerName',
] as const;
export type PrevField = (typeof PREV_FIELDS)[number];

export type PrevValues = Partial<Record<PrevField, string | number | null>> & { payload?: unknown };

const TOKEN = /\{\{\s*prev(?:\.([^}\s]*))?\s*\}\}/g;

export interface PrevRef {
  /** The text inside the braces after `prev.`, e.g. `payload.tag`. */
  path: string;
  offset: number;
  text: string;
}

export function prevRefs(body: string): PrevRef[] {
  return [...body.matchAll(TOKEN)].map((m) => ({ path: m[1] ?? '', offset: m.index, text: m[0] }));
}

function lookup(value: unknown, path: string[]): { found: boolean; value: unknown } {
  let cur = value;
  for (const part of path) {
    if (Array.isArray(cur) && /^\d+$/.test(part) && Number(part) < cur.length) cur = cur[Number(part)];
    else if (typeof cur === 'object' && cur !== null && !Array.isArray(cur) && Object.hasOwn(cur, part))
      cur = (cur as Record<string, unknown>)[part];
    else return { found: false, value: undefined };
  }
  return { found: true, value: cur };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Why `{{prev.<path>}}` cannot be filled from a previous step with body `prevBody`, or null. */
function refProblem(path: string, prevBody: string): string | null {
  if (path === '') return 'needs a field, e.g. {{prev.planExecutionId}}';
  const [head = '', ...rest] = path.split('.');
  if (head === 'payload') {
    if (rest.length === 0 || rest.some((p) => p === ''))
      return 'needs a field of the payload, e.g. {{prev.payload.tag}}';
    const parsed = parseJson(prevBody);
    if (!parsed.ok) return 'reads the previous payload, which is not JSON';
    if (!lookup(parsed.value, rest).found) return `the previous step's payload has no ${rest.join('.')}`;
    return null;
  }
  if (rest.length > 0 || !(PREV_FIELDS as readonly string[]).includes(head)) {
    return `the previous run has no "${path}" (known: ${PREV_FIELDS.join(', ')}, payload.<field>)`;
  }
  return null;
}

/**
 * Everything wrong with a chain before it fires: an unknown or deleted trigger, a trigger used twice
 * (a cycle: A → B → A), a {{prev.x}} the previous run cannot have. `triggers` maps live trigger ids to names.
 */
export function checkChain(steps: ChainStep[], triggers: ReadonlyMap<string, string>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  if (steps.length === 0) problems.push({ step: 0, message: 'A chain needs at least one step' });
  const firstAt = new Map<string, number>();
  steps.forEach((s, i) => {
    const name = triggers.get(s.triggerId);
    if (name === undefined)
      problems.push({ step: i, message: `Step ${i + 1}: its trigger is deleted or unknown; pick another` });
    const before = firstAt.get(s.triggerId);
    if (before !== undefined) {
      problems.push({
        step: i,
        message: `Step ${i + 1} fires "${name ?? 'the trigger'}" again (as step ${before + 1}): a chain cannot loop back to a trigger`,
      });
    } else firstAt.set(s.triggerId, i);
    for (const ref of prevRefs(s.body)) {
      const prev = steps[i - 1];
      const why = prev === undefined ? 'the first step has no previous run' : refProblem(ref.path, prev.body);
      if (why !== null)
        problems.push({ step: i, message: `Step ${i + 1}: ${ref.text} at character ${ref.offset + 1}: ${why}` });
    }
  });
  return problems;
}

/** A value written into a body: JSON-escaped (no quotes), so it is safe inside a JSON string. */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return JSON.stringify(v).slice(1, -1);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Fills {{prev.*}} from the previous run; a value the run lacks (e.g. no planExecutionId) becomes ''. */
export function fillPrev(body: string, prev: PrevValues): string {
  return body.replace(TOKEN, (_m, path: string | undefined) => {
    const [head = '', ...rest] = (path ?? '').split('.');
    if (head === 'payload') return asText(lookup(prev.payload, rest).value);
    return asText((prev as Record<string, unknown>)[head]);
  });
}
