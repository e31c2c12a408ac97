// The schema of every line of history.jsonl (docs/ARCHITECTURE.md). Each line read from disk is
// checked against it: a line that fails is skipped and counted, never trusted, so one damaged line
// can neither stop the app from starting nor delete what the other lines hold.
import { z } from 'zod';
import { requests } from '../../../shared/api';

const str = z.string();
const nullableStr = z.string().nullable();
const time = z.number().min(0);
const statusWords = z.object({
  status: str,
  words: str,
  tone: z.enum(['good', 'bad', 'wait', 'person', 'neutral', 'unknown']),
});

export const historyEntrySchema = z.object({
  id: z.string().min(1).max(128),
  triggerId: str,
  triggerName: str,
  at: time,
  outcome: z.enum(['accepted', 'rejected', 'network-error']),
  group: z.enum(['success', 'failed', 'live', 'not-started', 'rejected', 'network-error', 'stopped']),
  status: statusWords.nullable(),
  eventCorrelationId: nullableStr,
  correlationId: nullableStr,
  planExecutionId: nullableStr,
  fireMs: z.number(),
  runMs: z.number().nullable(),
  endedAt: time.nullable(),
  live: z.boolean(),
  watchId: nullableStr,
  payloadPreview: str,
  payload: str,
  payloadRedacted: z.boolean(),
  request: z.object({
    method: z.literal('POST'),
    url: str,
    headers: z.record(z.string(), z.string()),
    bodyBytes: z.number(),
    bodyIsJson: z.boolean(),
  }),
  response: z.object({ status: z.number(), contentType: str, body: str }).nullable(),
  harness: z.object({ status: str, code: str, message: str, correlationId: str }).nullable(),
  explanation: z.object({ title: str, detail: str, action: nullableStr }).nullable(),
  apiUrl: nullableStr,
  uiUrl: nullableStr,
  notes: z.array(str),
  failureMessages: z.array(str),
  processingStatus: statusWords.nullable(),
});

/** Retention as `history:setRetention` accepts it: a limit read from the file is held to the same rule. */
export const retentionSchema = requests['history:setRetention'];

export const historyLineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('head'), v: z.number().int().min(1) }),
  z.object({ t: z.literal('add'), e: historyEntrySchema }),
  z.object({ t: z.literal('upd'), id: z.string().min(1), p: historyEntrySchema.omit({ id: true }).partial() }),
  z.object({ t: z.literal('del'), ids: z.array(z.string()) }),
  z.object({ t: z.literal('cfg'), c: retentionSchema }),
]);

/**
 * One line, as read and as written. Entries are typed HistoryEntry on both paths (file.ts),
 * so a field added to HistoryEntry without its schema here, or the reverse, fails to compile.
 */
export type HistoryLine = z.infer<typeof historyLineSchema>;

/** Why a line was refused, in a few words and without its content (it may hold a payload). */
export function lineProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a history line';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
