// Writes a trigger back as a curl command a person can run: bash (single quotes) or PowerShell
// (curl.exe). The API key is never written: the command reads it from $HARNESS_API_KEY; a secret
// payload variable is read from its own environment variable in the same way.
import { findVariables } from './variables';

export const KEY_VARIABLE = 'HARNESS_API_KEY';

export interface ExportCurlInput {
  url: string;
  /** Extra headers; content-type and X-Api-Key here are ignored (they come from the fields below).
   * A value that is exactly `$NAME` is written as a reference to the environment variable NAME. */
  headers: { name: string; value: string }[];
  /** 'env': send X-Api-Key from the HARNESS_API_KEY environment variable; null: no key header. */
  apiKey: 'env' | null;
  /** An empty body is left out (PowerShell 5.1 would drop an empty argument anyway). */
  body: string;
  /** Default application/json. */
  contentType?: string;
  shell?: 'bash' | 'powershell';
  /** `{{name}}` in the body written as the environment variable given here (secret variables); its value goes in as it is. */
  bodyEnv?: Readonly<Record<string, string>>;
}

type Part = { text: string } | { env: string };

/** One argument: literal text, or literal text followed by an environment variable; or (a body) text and variables in turn. */
interface Arg {
  text: string;
  env: string | null;
  parts?: Part[];
}

/** The body cut at each `{{name}}` that has an environment variable; null when none has. */
function bodyParts(o: ExportCurlInput): Part[] | null {
  const env = o.bodyEnv ?? {};
  const uses = findVariables(o.body, /json/i.test(o.contentType ?? 'application/json')).filter((u) =>
    Object.hasOwn(env, u.name),
  );
  if (uses.length === 0) return null;
  const parts: Part[] = [];
  let at = 0;
  for (const u of uses) {
    if (u.start > at) parts.push({ text: o.body.slice(at, u.start) });
    parts.push({ env: env[u.name] ?? '' });
    at = u.end;
  }
  if (at < o.body.length) parts.push({ text: o.body.slice(at) });
  return parts;
}

const ENV_REF = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

function headerArg(name: string, value: string): Arg {
  const env = ENV_REF.exec(value);
  return env ? { text: `${name}: `, env: env[1] ?? null } : { text: `${name}: ${value}`, env: null };
}

function args(o: ExportCurlInput): [string, Arg][] {
  const out: [string, Arg][] = [['-X', { text: 'POST', env: null }]];
  out.push(['-H', { text: `content-type: ${o.contentType?.trim() || 'application/json'}`, env: null }]);
  if (o.apiKey === 'env') out.push(['-H', { text: 'X-Api-Key: ', env: KEY_VARIABLE }]);
  for (const h of o.headers) {
    const lower = h.name.toLowerCase();
    if (lower !== 'content-type' && lower !== 'x-api-key') out.push(['-H', headerArg(h.name, h.value)]);
  }
  out.push(['--url', { text: o.url, env: null }]);
  // -d would read a file for a body starting with @; --data-raw never does.
  const parts = bodyParts(o);
  if (parts) out.push(['--data-raw', { text: o.body, env: null, parts }]);
  else if (o.body !== '') out.push([o.body.startsWith('@') ? '--data-raw' : '-d', { text: o.body, env: null }]);
  return out;
}

function bashQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function bashArg(a: Arg): string {
  if (a.parts) return a.parts.map((p) => ('env' in p ? `"$${p.env}"` : bashQuote(p.text))).join('');
  if (a.env === null) return /^[A-Za-z0-9_@%+=:,./-]+$/.test(a.text) ? a.text : bashQuote(a.text);
  return `"${a.text.replace(/[\\"$`]/g, '\\$&')}$${a.env}"`;
}

/** PowerShell reads ‘ ’ ‚ ‛ as single quotes too, so they are doubled like '. */
function psQuote(text: string): string {
  return `'${text.replace(/['‘’‚‛]/g, '$&$&')}'`;
}

function psDoubleQuote(text: string): string {
  return text.replace(/[`"$“”„]/g, '`$&');
}

function bash(list: [string, Arg][]): string {
  const lines = list.map(([flag, a]) => `${flag} ${bashArg(a)}`);
  return `curl ${lines.join(' \\\n  ')}`;
}

function powershell(list: [string, Arg][]): string {
  const prelude: string[] = [];
  const fix: string[] = [];
  let n = 0;
  const lines = list.map(([flag, a]) => {
    if (a.env !== null) return `${flag} "${psDoubleQuote(a.text)}$env:${a.env}"`;
    if (a.parts) {
      // Text and variables joined in a variable, with the same fix for inner quotes as below.
      prelude.push(`$body = ${a.parts.map((p) => ('env' in p ? `"$env:${p.env}"` : psQuote(p.text))).join(' + ')}`);
      fix.push(`$body = $body -replace '(\\\\*)"', '$1$1\\"'`);
      return `${flag} $body`;
    }
    if (!a.text.includes('"'))
      return `${flag} ${/^[A-Za-z0-9][A-Za-z0-9_./:-]*$/.test(a.text) ? a.text : psQuote(a.text)}`;
    // Inner " in an argument to curl.exe: kept as is from PowerShell 7.3 on, silently dropped before
    // (Windows PowerShell 5.1 included) unless escaped as \" by hand. So the text goes in a variable,
    // escaped only where the version needs it.
    const name = flag === '-d' || flag === '--data-raw' ? 'body' : `arg${++n}`;
    prelude.push(`$${name} = ${psQuote(a.text)}`);
    fix.push(`$${name} = $${name} -replace '(\\\\*)"', '$1$1\\"'`);
    return `${flag === '-d' ? '--data-raw' : flag} $${name}`;
  });
  const head =
    prelude.length === 0
      ? ''
      : `${prelude.join('\n')}\n# PowerShell before 7.3 drops inner double quotes when calling curl.exe unless they are escaped.\nif ($PSVersionTable.PSVersion -lt [version]'7.3') { ${fix.join('; ')} }\n`;
  return `${head}curl.exe ${lines.join(' `\n  ')}`;
}

/** A curl command for the trigger, with the key read from $HARNESS_API_KEY ($env:HARNESS_API_KEY in PowerShell). */
export function exportCurl(o: ExportCurlInput): string {
  const list = args(o);
  return o.shell === 'powershell' ? powershell(list) : bash(list);
}
