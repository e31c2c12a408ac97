// Settings: timeouts, proxy, extra CA certificates, theme. A proxy password never lands in the
// settings file: it goes to the vault and the page sees it masked; the HTTP client gets it back.
import { DeskError } from '../../../shared/errors';
import type { Settings } from '../../../shared/model';
import { changed, type Ctx } from '../context';
import { parseCaPem } from '../net/index';

export const PASSWORD_MASK = '********';

export type SettingsPatch = Partial<Settings>;

/** The proxy URL parsed, or a plain-words error naming what is wrong. */
function parseProxyUrl(raw: string): URL {
  let url: URL;
  try {
    // A bare host:port means an http proxy, as curl and the *_PROXY variables read it.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    // Credentials in a bad address are masked: the message reaches the page.
    const shown = raw.replace(/^([^/@\s]*\/\/)?[^/@\s]*@/, '$1***@');
    throw new DeskError('invalid-args', `The proxy address "${shown}" is not a URL`, {
      hint: 'Write it like http://proxy.example.com:8080',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DeskError(
      'invalid-args',
      `The proxy address must start with http:// or https:// (it starts with ${url.protocol}//)`,
    );
  }
  return url;
}

/** The same check the HTTP client makes (net/tls.ts), at save time: a bad PEM is an input error. */
function checkCaPem(pem: string): void {
  try {
    parseCaPem(pem);
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    throw new DeskError('parse', err.message, {
      ...(err.where ? { where: err.where } : {}),
      ...(err.hint ? { hint: err.hint } : {}),
    });
  }
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** For the HTTP client: the settings with the proxy password put back. */
  forHttp(): Settings;
  /** Loads the proxy password from the vault (once, at startup). */
  load(): Promise<void>;
}

/** Everything but the HTTP client, which is built from this service. */
export type SettingsCtx = Pick<Ctx, 'data' | 'settings' | 'vault' | 'notify'>;

export function createSettingsService(ctx: SettingsCtx): SettingsService {
  let proxyPassword: string | null = null;
  let httpCache: { from: Settings; value: Settings } | null = null;

  const masked = (stored: Settings): Settings => {
    const s = onlySettings(stored);
    if (!s.proxyUrl) return s;
    const url = parseProxyUrlLoose(s.proxyUrl);
    if (url && proxyPassword !== null) url.password = PASSWORD_MASK;
    return { ...s, proxyUrl: url ? url.href : s.proxyUrl };
  };

  return {
    async load() {
      const id = ctx.data.read().meta.proxyPasswordId;
      proxyPassword = id ? await ctx.vault.get(id) : null;
    },
    get: () => masked(ctx.settings.read()),
    forHttp() {
      const s = ctx.settings.read();
      if (httpCache?.from === s) return httpCache.value;
      const url = s.proxyUrl ? parseProxyUrlLoose(s.proxyUrl) : null;
      if (url && proxyPassword !== null) url.password = encodeURIComponent(proxyPassword);
      httpCache = { from: s, value: { ...onlySettings(s), proxyUrl: url ? url.href : s.proxyUrl } };
      return httpCache.value;
    },
    async update(patch) {
      const current = ctx.settings.read();
      const next: Settings = { ...current, ...definedOnly(patch) };
      if (next.totalTimeoutMs < next.connectTimeoutMs) {
        throw new DeskError(
          'invalid-args',
          `The total timeout (${next.totalTimeoutMs / 1000} s) is shorter than the connect timeout (${next.connectTimeoutMs / 1000} s)`,
          {
            hint: 'Make the total timeout at least as long as the connect timeout.',
          },
        );
      }
      if (patch.extraCaPem !== undefined) checkCaPem(patch.extraCaPem);
      let newPassword: string | null | undefined; // undefined: unchanged
      if (patch.proxyUrl !== undefined) {
        next.proxyUrl = patch.proxyUrl.trim();
        if (next.proxyUrl === '') newPassword = null;
        else {
          const url = parseProxyUrl(next.proxyUrl);
          const given = decodeUserinfo(url.password);
          if (given !== PASSWORD_MASK) newPassword = given === '' ? null : given;
          url.password = '';
          next.proxyUrl = url.href;
        }
      }
      if (next.proxyMode === 'manual' && next.proxyUrl === '') {
        throw new DeskError('invalid-args', 'A manual proxy needs its address', {
          hint: 'Write it like http://proxy.example.com:8080, or choose the system proxy.',
        });
      }
      if (newPassword !== undefined) await replaceProxyPassword(ctx, newPassword);
      if (newPassword !== undefined) proxyPassword = newPassword;
      ctx.settings.update((doc) => {
        Object.assign(doc, next);
      });
      changed(ctx, 'settings');
      return masked(ctx.settings.read());
    },
  };
}

/** The settings fields alone (the file also holds conf's bookkeeping). */
function onlySettings(s: Settings): Settings {
  const { connectTimeoutMs, totalTimeoutMs, proxyMode, proxyUrl, extraCaPem, theme } = s;
  return { connectTimeoutMs, totalTimeoutMs, proxyMode, proxyUrl, extraCaPem, theme };
}

function definedOnly(patch: SettingsPatch): SettingsPatch {
  // The schema drops absent keys, but a caller may still pass `key: undefined`.
  const entries: [string, unknown][] = Object.entries(patch);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function decodeUserinfo(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseProxyUrlLoose(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

async function replaceProxyPassword(ctx: SettingsCtx, password: string | null): Promise<void> {
  const old = ctx.data.read().meta.proxyPasswordId;
  const info = password === null ? null : await ctx.vault.put(password, 'proxy password');
  ctx.data.update((doc) => {
    doc.meta.proxyPasswordId = info ? info.id : null;
  });
  if (old) {
    try {
      await ctx.vault.remove(old);
    } catch {
      // An orphaned entry is harmless.
    }
  }
}
