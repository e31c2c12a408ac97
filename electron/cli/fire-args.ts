// The arguments of `trigger-desk fire`, checked before anything is sent: the body (--payload FILE or
// -, --data-raw TEXT), --var name=value for its {{variables}}, --header 'Name: value' (a value
// `$NAME` or `env:NAME` is read from the environment and masked everywhere), --wait --timeout
// DURATION, and a refusal of --api-key that says why and what to use instead.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BadInput } from './failure';
import { COMMON_OPTIONS } from './options';

export interface ExtraHeader {
  name: string;
  value: string;
  /** Read from the environment: never printed, masked in what is recorded. */
  secret: boolean;
}

export interface FireArgs {
  target: string;
  /** The body as given (--payload or --data-raw), before --var; undefined: the trigger's own. */
  body: string | undefined;
  vars: Record<string, string>;
  headers: ExtraHeader[];
  wait: boolean;
  timeoutMs: number | null;
  json: boolean;
  dataDir: string | undefined;
  /** A folder workspace to fire from (opened as `workspace open` does), instead of the app's saved triggers. */
  workspaceDir: string | undefined;
  output: string | undefined;
  help: boolean;
}

const KEY_ARGUMENT_REFUSED =
  'a key is never taken from an argument: arguments show in process lists, shell history and CI logs. ' +
  'Set HARNESS_API_KEY in the environment (in CI, from a secret), or fire a trigger saved in the app, whose key is in the keychain.';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `30m`, `1h`, `1h30m`, `500ms`; a bare number is seconds. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] ?? ''] ?? 0), 0);
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t || ms <= 0)
    throw new BadInput(`--timeout needs a duration such as 90s, 30m or 1h, not ${JSON.stringify(text)}`);
  return ms;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** 'Name: value'; a value `$NAME` or `env:NAME` (the whole value) comes from the environment. */
export function parseHeader(text: string, env: Record<string, string | undefined>): ExtraHeader {
  const at = text.indexOf(':');
  const name = at < 0 ? '' : text.slice(0, at).trim();
  if (!name) throw new BadInput(`--header needs "Name: value", got ${JSON.stringify(text.slice(0, 80))}`);
  const raw = text.slice(at + 1).trim();
  const from = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(raw)?.[1] ?? (raw.startsWith('env:') ? raw.slice(4) : null);
  if (from === null) return { name, value: raw, secret: false };
  if (!ENV_NAME.test(from)) throw new BadInput(`--header ${name}: "${from}" is not an environment variable name`);
  const value = env[from];
  if (value === undefined || value === '')
    throw new BadInput(`--header ${name}: the environment variable ${from} is not set (or is empty)`);
  return { name, value, secret: true };
}

function parseVar(text: string): [string, string] {
  const at = text.indexOf('=');
  const name = at < 0 ? '' : text.slice(0, at).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(name))
    throw new BadInput(
      `--var needs name=value with a variable name such as tag, got ${JSON.stringify(text.slice(0, 80))}`,
    );
  return [name, text.slice(at + 1)];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readPayload(path: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(
      `cannot read the payload file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? e)}`,
    );
  }
}

export async function parseFireArgs(args: string[], env: Record<string, string | undefined>): Promise<FireArgs> {
  // Before parsing, so the refusal is about the key, not "unknown option"; the value is never echoed.
  if (args.some((a) => /^--?(api-?key|key|x-api-key)(=|$)/i.test(a)))
    throw new BadInput(`--api-key: ${KEY_ARGUMENT_REFUSED}`);
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...COMMON_OPTIONS,
      'payload': { type: 'string', short: 'p' },
      'data-raw': { type: 'string' },
      'var': { type: 'string', multiple: true },
      'header': { type: 'string', short: 'H', multiple: true },
      'wait': { type: 'boolean' },
      'timeout': { type: 'string' },
      'workspace-dir': { type: 'string' },
      'output': { type: 'string', short: 'o' },
    },
    strict: true,
    allowPositionals: true,
  });
  const base = {
    vars: {},
    headers: [],
    wait: false,
    timeoutMs: null,
    json: values.json ?? false,
    dataDir: values.data,
    workspaceDir: values['workspace-dir'] === undefined ? undefined : resolve(values['workspace-dir']),
    output: values.output,
    body: undefined,
  };
  if (values.help) return { ...base, target: '', help: true };
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) throw new BadInput('give exactly one trigger name, id or URL');
  if (values.payload !== undefined && values['data-raw'] !== undefined)
    throw new BadInput('give the body once: --payload FILE or --data-raw TEXT, not both');
  if (values.timeout !== undefined && !values.wait)
    throw new BadInput('--timeout limits --wait: add --wait, or leave --timeout out');
  const timeoutMs = values.timeout === undefined ? null : parseDuration(values.timeout);
  const headers = (values.header ?? []).map((h) => parseHeader(h, env));
  const vars = Object.fromEntries((values.var ?? []).map(parseVar));
  const body = values.payload !== undefined ? await readPayload(values.payload) : values['data-raw'];
  return { ...base, target, body, vars, headers, wait: values.wait ?? false, timeoutMs, help: false };
}
