// Opening a link from a fire result (uiUrl, uiSetupUrl) in the system browser. Only https URLs of
// the trigger's own host pass; a sandbox trigger may also open the sandbox's own http://127.0.0.1
// pages. Anything else is refused: a Harness answer must not be able to open arbitrary URLs.
import { DeskError } from '../../../shared/errors';
import { liveTrigger, type Ctx } from '../context';

function forbidden(why: string): DeskError {
  return new DeskError('forbidden', `This link was not opened: ${why}`, {
    hint: 'Only links to the trigger’s own Harness host are opened.',
  });
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The checked URL (normalised), or DeskError('forbidden'). Exported for the tests. */
export function checkExternalUrl(ctx: Ctx, raw: string, triggerId: string): string {
  const t = liveTrigger(ctx.data.read(), triggerId);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw forbidden('it is not a valid address.');
  }
  if (url.username !== '' || url.password !== '') throw forbidden('it carries a user name or password.');
  let own: URL;
  try {
    own = new URL(t.parsed.url);
  } catch {
    throw forbidden('the trigger’s own URL cannot be read.');
  }
  if (url.protocol === 'https:') {
    // Same host, and the same port when the trigger has one (a self-managed install on :8443).
    if (own.protocol === 'https:' ? url.host === own.host : url.hostname === own.hostname) return url.href;
    throw forbidden(`it points to ${url.hostname}, not to the trigger’s host ${own.hostname}.`);
  }
  if (url.protocol === 'http:') {
    const sandbox = ctx.sandboxBaseUrl();
    const sandboxOrigin = sandbox === null ? null : originOf(sandbox);
    if (sandboxOrigin !== null && own.origin === sandboxOrigin && url.origin === sandboxOrigin) return url.href;
    throw forbidden('only https links are opened (plain http is allowed for the embedded sandbox only).');
  }
  throw forbidden(`${url.protocol.replace(/:$/, '')} links are never opened.`);
}

export async function openExternal(
  ctx: Ctx,
  a: { url: string; triggerId: string },
): Promise<{ opened: boolean; openInPage: boolean; url: string }> {
  const url = checkExternalUrl(ctx, a.url, a.triggerId);
  if (ctx.openExternal) {
    await ctx.openExternal(url);
    return { opened: true, openInPage: false, url };
  }
  return { opened: false, openInPage: true, url };
}
