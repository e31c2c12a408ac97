// The inspector: open any event (an apiUrl, an eventCorrelationId + account, or a history entry)
// and read it in plain words. The key goes only with an apiUrl on a stored trigger's own origin and
// account; the answer is redacted against every known secret as it is read.
import { DeskError } from '../../../shared/errors';
import { executionLink } from '../../../shared/harness/execution-link';
import { pendingWords, readDetails } from '../../../shared/harness/execution-status';
import { redact, redactJson } from '../../../shared/harness/redact';
import { supportReport } from '../../../shared/harness/support-report';
import type { Explanation } from '../../../shared/model';
import type { ExplainedField, HistoryEntry, InspectResult, StatusWords } from '../../../shared/watch-model';
import type { Ctx } from '../context';
import type { HistoryService } from '../history/index';
import { checkRequestUrl } from '../net/index';
import { keyForUrl, knownSecrets } from '../watch/index';

export interface InspectTarget {
  apiUrl?: string | undefined;
  eventCorrelationId?: string | undefined;
  accountIdentifier?: string | undefined;
  base?: string | undefined;
  historyId?: string | undefined;
}

const SAAS = 'https://app.harness.io';
const DETAILS_PATH = '/gateway/pipeline/api/webhook/triggerExecutionDetails/';

const MEANINGS: Readonly<Record<string, string>> = {
  eventFound: 'Harness found the event.',
  eventId: 'The event’s id (eventCorrelationId of the fire answer).',
  accountIdentifier: 'The account the event was sent to.',
  orgIdentifier: 'The organization of the trigger.',
  projectIdentifier: 'The project of the trigger.',
  triggerIdentifier: 'The trigger that took the event.',
  pipelineIdentifier: 'The pipeline the trigger starts.',
  pipelineExecutionId: 'The run started for this event (planExecutionId); empty when none started.',
  exceptionOccured:
    'True when no run was started for this event (a condition miss, an input error...), not that Harness crashed. Harness spells it this way.',
  status: 'How processing ended (see the status list).',
  message: 'Harness’s own words about processing.',
  warningMsg: 'A warning Harness attached, if any.',
  payload: 'The body Harness received, as a raw string.',
  eventCreatedAt: 'When Harness received the event.',
  runtimeInput: 'The input YAML the run was started with.',
};

export function resolveApiUrl(t: InspectTarget, history: HistoryService, sandboxBase: string | null): string {
  if (t.historyId !== undefined) {
    const e = history.get(t.historyId);
    if (e.apiUrl === null)
      throw new DeskError('not-found', 'This fire has no event to open: Harness did not accept it.');
    return e.apiUrl;
  }
  if (t.apiUrl !== undefined) return t.apiUrl.trim();
  if (t.eventCorrelationId !== undefined && t.accountIdentifier !== undefined) {
    const base = (t.base?.trim() || sandboxBase || SAAS).replace(/\/+$/, '');
    return `${base}${DETAILS_PATH}${encodeURIComponent(t.eventCorrelationId)}?accountIdentifier=${encodeURIComponent(t.accountIdentifier)}`;
  }
  throw new DeskError(
    'invalid-args',
    'Give an apiUrl, or an eventCorrelationId with its accountIdentifier, or a history entry.',
  );
}

function fieldValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && v > 1e12) return `${String(v)} (${new Date(v).toISOString()})`;
  return JSON.stringify(v);
}

function explainAnswer(kind: string, status: number, message: string): Explanation | null {
  switch (kind) {
    case 'denied':
      return {
        title: `Harness refused to show the event (HTTP ${status})`,
        detail: message,
        action: 'Set an API key with pipeline view permission on a trigger of this Harness address.',
      };
    case 'trouble':
      return { title: `Harness could not answer (HTTP ${status})`, detail: message, action: 'Try again in a moment.' };
    case 'refused':
      return {
        title: `Harness cannot show this event (HTTP ${status})`,
        detail: message,
        action: 'Check the event id and account.',
      };
    default:
      return null;
  }
}

/** The fire of this app that produced the event (by history id, else by the event id in apiUrl). */
function firedEntry(history: HistoryService, t: InspectTarget, apiUrl: string): HistoryEntry | null {
  if (t.historyId !== undefined) return history.get(t.historyId);
  const id = /\/triggerExecutionDetails\/([^/?#]+)/.exec(apiUrl)?.[1];
  if (id === undefined) return null;
  const found = history.search({ text: id, limit: 20 }).entries.find((e) => e.eventCorrelationId === id);
  return found ? history.find(found.id) : null;
}

export async function inspectEvent(ctx: Ctx, history: HistoryService, t: InspectTarget): Promise<InspectResult> {
  const apiUrl = resolveApiUrl(t, history, ctx.sandboxBaseUrl());
  checkRequestUrl(apiUrl);
  const fired = firedEntry(history, t, apiUrl);
  const historyTrigger = t.historyId === undefined ? null : (fired?.triggerId ?? null);
  const { key, trigger } = await keyForUrl(ctx, apiUrl, historyTrigger);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key !== null) headers['X-Api-Key'] = key;
  const secrets = await knownSecrets(ctx, historyTrigger ?? trigger?.id);
  if (key !== null) secrets.push(key);
  const res = await ctx.http.request({ method: 'GET', url: apiUrl, headers, retry: 'idempotent' });
  const now = ctx.now();
  const pendingForMs = fired ? now - fired.at : null;
  const answer = readDetails(res.status, res.body, now, secrets, { pendingForMs });
  // The raw view is the answer as received, redacted the same way (everything below comes from `answer`, already redacted).
  let raw: string;
  try {
    raw = JSON.stringify(redactJson(JSON.parse(res.body) as unknown, secrets), null, 2);
  } catch {
    raw = redact(res.body, secrets);
  }
  const base = {
    apiUrl,
    keySent: key !== null,
    keyTriggerName: key !== null ? (trigger?.name ?? null) : null,
    httpStatus: res.status,
    fetchedAt: now,
    raw,
  };
  if (answer.kind !== 'view') {
    return {
      ...base,
      phase: 'stopped',
      processing: null,
      execution: null,
      steps: [],
      failureMessages: [],
      needsPerson: null,
      terminal: false,
      headline: `HTTP ${res.status}: ${answer.message}`,
      payload: null,
      runtimeInput: null,
      fields: [],
      statuses: [],
      explanation: explainAnswer(answer.kind, res.status, answer.message),
      harnessLink: null,
    };
  }
  const p = answer.data?.webhookProcessingDetails;
  const fields: ExplainedField[] =
    typeof p === 'object' && p !== null
      ? Object.entries(p as Record<string, unknown>).map(([name, v]) => ({
          name,
          value: fieldValue(v),
          meaning: MEANINGS[name] ?? 'A field this app does not know; shown as Harness sent it.',
        }))
      : [];
  const v = answer.view;
  const statuses: StatusWords[] = [];
  const add = (s: StatusWords | undefined): void => {
    if (s && !statuses.some((x) => x.status === s.status)) statuses.push(s);
  };
  add(v.processing?.status);
  add(v.execution?.status);
  for (const step of v.steps) for (const s of step.stages) add(s.status);
  const fresh = pendingForMs !== null && pendingWords(pendingForMs) === pendingWords(0);
  const explanation: Explanation | null =
    v.phase === 'pending'
      ? {
          title: fresh ? 'Queued' : 'Queued, or not there',
          detail: fresh
            ? "Harness answered that the event's history does not exist yet: it is queued, not failed."
            : `Harness answered "Trigger event history doesn't exist". ${pendingWords(pendingForMs)}.`,
          action: fresh
            ? 'Open it again in a moment.'
            : 'Check the event id and the account, then open it again; Harness keeps event history for a limited time.',
        }
      : null;
  const e = v.execution;
  const link =
    e &&
    executionLink({
      uiUrl: fired?.uiUrl ?? null,
      apiUrl,
      org: e.orgIdentifier,
      project: e.projectIdentifier,
      pipeline: e.pipelineIdentifier,
      planExecutionId: e.planExecutionId,
    });
  return {
    ...base,
    ...v,
    payload: answer.payload,
    runtimeInput: answer.runtimeInput,
    fields,
    statuses,
    explanation,
    harnessLink: link ? { url: link, triggerId: historyTrigger ?? trigger?.id ?? null } : null,
  };
}

export async function inspectReport(
  ctx: Ctx,
  history: HistoryService,
  t: InspectTarget,
  version: string,
): Promise<{ markdown: string }> {
  const result = await inspectEvent(ctx, history, t);
  const entry = t.historyId === undefined ? null : history.find(t.historyId);
  return {
    markdown: supportReport(result, {
      secrets: [...ctx.vault.knownSecrets()],
      appVersion: version,
      fire: entry,
      now: ctx.now(),
    }),
  };
}
