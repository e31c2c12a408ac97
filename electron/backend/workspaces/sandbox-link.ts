// The embedded sandbox and the triggers that point at it. Its port is kept stable across launches
// (so saved sandbox URLs stay valid); when that port is taken, a free one is used and the sandbox
// workspace's triggers follow it. A user's own URLs are never rewritten.
import { parseTriggerUrl } from '../../../shared/harness/urls';
import { startSandbox } from '../../sandbox/index';
import type { Sandbox } from '../../sandbox/types';
import { changed, type Ctx } from '../context';
import { createSandboxEvaluate } from '../sandbox-evaluate';
import type { DataDoc } from '../store/index';

function portOf(baseUrl: string | null): number | null {
  if (baseUrl === null) return null;
  try {
    const port = Number(new URL(baseUrl).port);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/**
 * Starts the sandbox on `wanted` (explicit port), else on the port it had last time, else on a
 * free one; a taken port falls back to a free one. Returns the sandbox and, when a port was
 * asked for but not obtained, a note saying so.
 */
export async function startLinkedSandbox(
  doc: DataDoc,
  wanted: number | null,
): Promise<{ sandbox: Sandbox; note: string | null }> {
  const preferred = wanted ?? portOf(doc.meta.sandboxBaseUrl);
  // Fires at the sandbox obey the triggers' conditions, decided by the app's own evaluator (issue 4).
  const evaluate = createSandboxEvaluate();
  if (preferred !== null && preferred !== 0) {
    try {
      return { sandbox: await startSandbox({ port: preferred, host: '127.0.0.1', evaluate }), note: null };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', evaluate });
      return {
        sandbox,
        note: `The sandbox could not use port ${preferred} (${reason}); it runs at ${sandbox.baseUrl} instead.`,
      };
    }
  }
  return { sandbox: await startSandbox({ port: 0, host: '127.0.0.1', evaluate }), note: null };
}

/** Points the sandbox workspace's triggers at the sandbox's current address; returns how many moved. */
export function followSandbox(ctx: Ctx, baseUrl: string): number {
  const doc = ctx.data.read();
  const before = doc.meta.sandboxBaseUrl;
  if (before === baseUrl) return 0;
  const oldOrigin = before === null ? null : new URL(before).origin;
  const newOrigin = new URL(baseUrl).origin;
  let moved = 0;
  ctx.data.update((draft) => {
    draft.meta.sandboxBaseUrl = baseUrl;
    if (oldOrigin === null || oldOrigin === newOrigin || draft.meta.sandboxWorkspaceId === null) return;
    for (const t of draft.triggers) {
      if (t.workspaceId !== draft.meta.sandboxWorkspaceId || t.parsed.origin !== oldOrigin) continue;
      if (!t.parsed.url.startsWith(oldOrigin)) continue;
      try {
        t.parsed = parseTriggerUrl(newOrigin + t.parsed.url.slice(oldOrigin.length));
        moved++;
      } catch {
        // Leave a URL we cannot re-read as it was; firing it will say what is wrong.
      }
    }
  });
  if (moved > 0) changed(ctx, 'triggers');
  return moved;
}
