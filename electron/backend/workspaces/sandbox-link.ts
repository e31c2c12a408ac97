// The sandbox workspace's triggers follow the embedded sandbox. The host starts the sandbox
// (shared/sandbox-peer.ts) on the port it had last time, so saved sandbox URLs stay valid; when that
// port was taken, the sandbox workspace's triggers follow it. A user's own URLs are never rewritten.
import { parseTriggerUrl } from '../../../shared/harness/urls';
import { changed, type Ctx } from '../context';
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

/** The port the sandbox had last time (kept so saved sandbox URLs stay valid), or null. */
export function rememberedSandboxPort(doc: DataDoc): number | null {
  return portOf(doc.meta.sandboxBaseUrl);
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
