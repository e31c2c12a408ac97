// Abort a running execution (docs/harness-protocol.md §8): PUT {prefix}/pipeline/api/pipeline/execute/interrupt/{id}
// ?accountIdentifier&orgIdentifier&projectIdentifier&interruptType=AbortAll, on the origin and path
// prefix of the event's apiUrl. Sent once (never retried); the key only to the trigger's origin.
import { DeskError } from '../../../shared/errors';
import { redact } from '../../../shared/harness/redact';
import type { ExecutionView } from '../../../shared/watch-model';
import type { Ctx } from '../context';
import { checkRequestUrl } from '../net/index';
import { keyForUrl, knownSecrets } from './key';

const PIPELINE_API = '/pipeline/api/';

export function interruptUrl(
  apiUrl: string,
  e: Pick<ExecutionView, 'planExecutionId' | 'orgIdentifier' | 'projectIdentifier'>,
): string {
  const u = new URL(apiUrl);
  const at = u.pathname.indexOf(PIPELINE_API);
  const prefix = at >= 0 ? u.pathname.slice(0, at) : '';
  const account = u.searchParams.get('accountIdentifier') ?? '';
  const q = new URLSearchParams({
    accountIdentifier: account,
    orgIdentifier: e.orgIdentifier ?? '',
    projectIdentifier: e.projectIdentifier ?? '',
    interruptType: 'AbortAll',
  });
  return `${u.origin}${prefix}/pipeline/api/pipeline/execute/interrupt/${encodeURIComponent(e.planExecutionId)}?${q.toString()}`;
}

/** Harness's message, redacted as it is read (and before the text is cut). */
function messageOf(body: string, secrets: string[]): string {
  try {
    const doc = JSON.parse(body) as { message?: unknown };
    if (typeof doc.message === 'string' && doc.message !== '') return redact(doc.message, secrets);
  } catch {
    // Not JSON: fall through to the text.
  }
  return redact(body.replace(/<[^>]*>/g, ' '), secrets)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

export async function abortExecution(
  ctx: Ctx,
  o: { apiUrl: string; triggerId: string | null; execution: ExecutionView },
): Promise<{ accepted: boolean; message: string }> {
  if (o.execution.orgIdentifier === null || o.execution.projectIdentifier === null) {
    throw new DeskError(
      'not-found',
      'Harness did not say which project the run belongs to, so it cannot be aborted from here.',
      { hint: 'Abort it in Harness.' },
    );
  }
  const url = interruptUrl(o.apiUrl, o.execution);
  checkRequestUrl(url);
  const { key } = await keyForUrl(ctx, url, o.triggerId);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key !== null) headers['X-Api-Key'] = key;
  const res = await ctx.http.request({ method: 'PUT', url, headers, retry: false });
  if (res.status >= 200 && res.status < 300)
    return { accepted: true, message: `Abort requested for run ${o.execution.name} (${o.execution.planExecutionId}).` };
  const secrets = await knownSecrets(ctx, o.triggerId);
  if (key !== null) secrets.push(key);
  const said = messageOf(res.body, secrets);
  if (res.status === 401 || res.status === 403) {
    return {
      accepted: false,
      message: `Harness refused the abort (HTTP ${res.status}): ${said}. The key needs the pipeline execute permission.`,
    };
  }
  return { accepted: false, message: `Harness did not abort the run (HTTP ${res.status}): ${said}` };
}
