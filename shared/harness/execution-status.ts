// The status model of an event (docs/harness-protocol.md §3): what one answer of apiUrl means. Pure, so the
// backend's watches, the inspector, the CLI and the page all read Harness the same way. The answer
// is redacted as it is parsed: nothing read from it can carry a key or a secret Harness echoed.
import type { EventView, ExecutionView, ProcessingView, StageStep, StatusWords } from '../watch-model';
import { executionWords, isTerminal, PERSON_WAITS, processingPending, processingWords } from './execution-status-words';
import { redact, redactParsed } from './redact';
import { stageSteps } from './stage-graph';

export {
  executionWords,
  isTerminal,
  processingWords,
  TERMINAL_STATUSES,
  PROCESSING_STATUSES,
} from './execution-status-words';

type Json = Record<string, unknown>;

/** How a poll should go on after this answer. */
export type DetailsAnswer =
  /** Details (or the 400 "doesn't exist" answer, phase pending): show them; stop when `view.terminal`. */
  | { kind: 'view'; view: EventView; data: Json | null; payload: string | null; runtimeInput: string | null }
  /** 401/403: the key cannot read this event; polling again will not help. */
  | { kind: 'denied'; status: number; message: string }
  /** Network-side trouble (5xx, 429, a proxy's HTML page): try again later, the run is not failing. */
  | { kind: 'trouble'; status: number; message: string }
  /** Any other answer (404, another 400): the event cannot be followed. */
  | { kind: 'refused'; status: number; message: string };

export const PENDING_TEXT = "Trigger event history doesn't exist";

function obj(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function pos(v: unknown): number | null {
  const n = num(v);
  return n !== null && n > 0 ? n : null;
}

function parseJson(body: string): Json | null {
  try {
    return obj(JSON.parse(body));
  } catch {
    return null;
  }
}

/** Harness's message (from the redacted doc), else the start of the body's text, masked before it is cut. */
function messageOf(doc: Json | null, body: string, secrets: readonly string[]): string {
  const m = str(doc?.message);
  if (m !== null && m !== '') return m;
  const text = redact(body.replace(/<[^>]*>/g, ' '), secrets)
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 200);
}

const QUEUED_HEADLINE = 'Queued: Harness has not processed the event yet';
/** After this long, "doesn't exist" may no longer mean "queued". */
export const PENDING_DOUBT_MS = 60_000;

/**
 * What Harness's "Trigger event history doesn't exist" means. `pendingForMs`: how long since this
 * app fired the event; null for an event id never fired from here. Fresh: queued. After a minute,
 * or at once for an id fired elsewhere, the id or the account may be wrong, or the event too old.
 */
export function pendingWords(pendingForMs: number | null = 0): string {
  const doubt = 'the event id or the account may be wrong, or the event too old for Harness to keep it';
  if (pendingForMs === null) return `Harness has no history for this event: it may still be queued, or ${doubt}`;
  if (pendingForMs >= PENDING_DOUBT_MS)
    return `Still no history after ${Math.floor(pendingForMs / 60_000)} min: the event may still be queued, or ${doubt}`;
  return QUEUED_HEADLINE;
}

export function pendingView(pendingForMs: number | null = 0): EventView {
  return {
    phase: 'pending',
    processing: null,
    execution: null,
    steps: [],
    failureMessages: [],
    needsPerson: null,
    terminal: false,
    headline: pendingWords(pendingForMs),
  };
}

function processingView(p: Json, sandboxNote: string | null): ProcessingView {
  const status = str(p.status) ?? 'QUEUED';
  return {
    sandboxNote,
    status: processingWords(status),
    message: str(p.message) ?? '',
    warning: str(p.warningMsg),
    exceptionOccured: p.exceptionOccured === true,
    triggerIdentifier: str(p.triggerIdentifier),
    pipelineIdentifier: str(p.pipelineIdentifier),
    pipelineExecutionId: str(p.pipelineExecutionId),
    eventCreatedAt: pos(p.eventCreatedAt),
  };
}

function executionView(s: Json, now: number): ExecutionView {
  const status = str(s.status) ?? 'NotStarted';
  const startTs = pos(s.startTs);
  const endTs = pos(s.endTs);
  const failure = str(obj(s.failureInfo)?.message);
  const count = (k: string): number => num(s[k]) ?? 0;
  return {
    planExecutionId: str(s.planExecutionId) ?? '',
    name: str(s.name) ?? str(s.pipelineIdentifier) ?? '',
    pipelineIdentifier: str(s.pipelineIdentifier) ?? '',
    runSequence: num(s.runSequence),
    status: executionWords(status),
    startTs,
    endTs,
    durationMs: startTs === null ? null : Math.max(0, (endTs ?? now) - startTs),
    failureMessage: failure !== null && failure.trim() !== '' ? failure : null,
    stageCounts: {
      successful: count('successfulStagesCount'),
      running: count('runningStagesCount'),
      failed: count('failedStagesCount'),
      total: count('totalStagesCount'),
    },
    orgIdentifier: str(s.orgIdentifier),
    projectIdentifier: str(s.projectIdentifier),
  };
}

function personWait(execution: ExecutionView | null, steps: StageStep[]): string | null {
  if (!execution || isTerminal(execution.status.status)) return null;
  const direct = PERSON_WAITS[execution.status.status];
  if (direct !== undefined) return direct;
  for (const step of steps)
    for (const s of step.stages) {
      const words = PERSON_WAITS[s.status.status];
      if (words !== undefined) return `${words} (stage ${s.name})`;
    }
  return null;
}

function headline(v: Omit<EventView, 'headline'>): string {
  const e = v.execution;
  if (e) {
    if (v.terminal) {
      // Name the stage that failed, with its message (which names the step), e.g. "Failed in Tests: Shell Script…".
      const failed = v.steps.flatMap((x) => x.stages).find((x) => x.status.tone === 'bad' && x.failureMessage);
      const words = e.status.words.replace(/ \(.*\)$/, '');
      if (failed) return `${words} in ${failed.name}: ${failed.failureMessage ?? ''}`;
      return `${e.status.words}${e.failureMessage ? `: ${e.failureMessage}` : ''}`;
    }
    if (v.needsPerson !== null) return v.needsPerson;
    const stages = v.steps.flatMap((s) => s.stages);
    const current = stages.filter((s) => !isTerminal(s.status.status) && s.status.status !== 'NotStarted');
    const done = stages.filter((s) => isTerminal(s.status.status)).length;
    if (current.length > 0)
      return `${e.status.words}: ${current.map((s) => s.name).join(' ‖ ')} (${done} of ${stages.length} stages done)`;
    return e.status.words;
  }
  const p = v.processing;
  if (!p) return QUEUED_HEADLINE;
  if (v.phase === 'not-started')
    return p.message !== '' ? `${p.status.words}. Harness says: ${p.message}` : p.status.words;
  return p.status.status === 'TARGET_EXECUTION_REQUESTED'
    ? 'Pipeline execution requested: waiting for the run to appear'
    : p.status.words;
}

function failures(
  execution: ExecutionView | null,
  steps: StageStep[],
  processing: ProcessingView | null,
  phase: EventView['phase'],
): string[] {
  const out: string[] = [];
  if (phase === 'not-started' && processing && processing.message !== '') out.push(processing.message);
  if (execution?.failureMessage) out.push(execution.failureMessage);
  for (const step of steps)
    for (const s of step.stages)
      if (s.failureMessage && !out.includes(`${s.name}: ${s.failureMessage}`))
        out.push(`${s.name}: ${s.failureMessage}`);
  return out;
}

const NOT_RUN: StatusWords = { status: 'NotStarted', tone: 'neutral', words: 'Not run' };

function notRun(step: StageStep): StageStep {
  if (!step.stages.some((s) => s.status.status === 'NotStarted')) return step;
  return {
    ...step,
    stages: step.stages.map((s) => (s.status.status === 'NotStarted' ? { ...s, status: NOT_RUN } : s)),
  };
}

/**
 * The view from `data` = {webhookProcessingDetails, executionDetails}; `sandboxNote`: the embedded
 * sandbox's own explanation, read from the envelope's metaData (Harness sends none).
 */
export function viewOfData(data: Json, now: number, sandboxNote: string | null = null): EventView {
  const p = obj(data.webhookProcessingDetails);
  // A run followed by itself (GET /pipelines/execution/v2/{id}) has the summary at the top.
  const summary = obj(obj(data.executionDetails)?.pipelineExecutionSummary) ?? obj(data.pipelineExecutionSummary);
  const processing = p ? processingView(p, sandboxNote) : null;
  const execution = summary ? executionView(summary, now) : null;
  let steps = summary ? stageSteps(summary.layoutNodeMap, summary.startingNodeId, now) : [];
  let phase: EventView['phase'];
  if (execution) phase = isTerminal(execution.status.status) ? 'ended' : 'running';
  else if (!processing || processingPending(processing.status.status) || processing.pipelineExecutionId !== null)
    phase = 'processing';
  else phase = 'not-started';
  const terminal = phase === 'ended' || phase === 'not-started';
  // A stage a finished run never reached will not start: "Not run", not "Not started yet".
  if (phase === 'ended') steps = steps.map(notRun);
  const needsPerson = personWait(execution, steps);
  const partial = {
    phase,
    processing,
    execution,
    steps,
    failureMessages: failures(execution, steps, processing, phase),
    needsPerson,
    terminal,
  };
  return { ...partial, headline: headline(partial) };
}

/**
 * Reads one answer of apiUrl. `now` gives running things their time so far. `secrets`: every secret
 * the caller knows (the key it sent, the vault's); they and key-shaped values are masked in every
 * string of the answer before anything is read from it.
 */
export function readDetails(
  httpStatus: number,
  body: string,
  now: number,
  secrets: readonly string[],
  o: { pendingForMs?: number | null } = {},
): DetailsAnswer {
  const parsed = parseJson(body);
  const doc = parsed === null ? null : redactParsed(body, parsed, secrets);
  if (httpStatus === 200) {
    const data = obj(doc?.data);
    if (!data)
      return {
        kind: 'trouble',
        status: httpStatus,
        message: 'The answer was not Harness’s JSON (a proxy or captive portal page?)',
      };
    const p = obj(data.webhookProcessingDetails);
    return {
      kind: 'view',
      view: viewOfData(data, now, str(obj(doc?.metaData)?.sandboxNote)),
      data,
      payload: str(p?.payload),
      runtimeInput: str(p?.runtimeInput),
    };
  }
  const message = messageOf(doc, body, secrets);
  if (httpStatus === 400 && message.includes(PENDING_TEXT))
    return { kind: 'view', view: pendingView(o.pendingForMs), data: null, payload: null, runtimeInput: null };
  if (httpStatus === 401 || httpStatus === 403) return { kind: 'denied', status: httpStatus, message };
  if (httpStatus >= 500 || httpStatus === 429 || httpStatus === 408 || !doc)
    return { kind: 'trouble', status: httpStatus, message };
  return { kind: 'refused', status: httpStatus, message };
}
