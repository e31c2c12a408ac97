// `trigger-desk fire <trigger-name|id|url> [--payload FILE] [--wait] [--json]`: fires once (never
// retried). A saved trigger fires through the app's own backend (its key from the vault, the fire
// recorded in the history); a URL fires with the key from HARNESS_API_KEY. Never a key argument.
// Exit codes: 0 accepted (with --wait: the run ended in Success), 1 the run ended otherwise,
// 2 bad input, or Harness refused the fire, or it could not be sent.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/index';
import { defaultDataDir } from '../backend/store/index';
import { fireTrigger } from '../backend/fire/index';
import { createHttpClient } from '../backend/net/index';
import type { Backend } from '../backend/types';
import { belongsTo } from '../backend/watch/index';
import type { EventName, Events } from '../../shared/api';
import { parseTriggerUrl } from '../../shared/harness/urls';
import type { FireResult, Trigger } from '../../shared/model';
import type { EventView, WatchState } from '../../shared/watch-model';
import { BadInput, reportFailure } from './failure';
import { CLI_SETTINGS, exitFor, follow, progressLine, stageTable, stdio, type CliIo } from './status';

const USAGE = `usage: trigger-desk fire <trigger-name|id|url> [--payload FILE] [--wait] [--json]

Fires a Harness custom trigger once (never retried: a second fire is a second deployment).
  <trigger>        a saved trigger's name or id (its key comes from the keychain), or a webhook URL
                   (the key, if Harness needs one, comes from the HARNESS_API_KEY environment variable)
  -p, --payload F  the body to send ("-" reads standard input); default: the trigger's first payload, or {}
  --wait           follow the run until it ends, printing the stage progress
  --json           print the fire result (and the final state) as JSON
  --data DIR       the app's data folder (default: the desktop app's own)
exit codes: 0 accepted (with --wait: Success), 1 the run ended otherwise, 2 bad input or request error
`;

async function readPayload(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(
      `cannot read the payload file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? e)}`,
    );
  }
}

function findTrigger(list: Trigger[], wanted: string): Trigger {
  const byId = list.find((t) => t.id === wanted);
  if (byId) return byId;
  const byName = list.filter((t) => t.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1)
    throw new BadInput(
      `${byName.length} saved triggers are named "${wanted}"; use the id instead: ${byName.map((t) => t.id).join(', ')}`,
    );
  throw new BadInput(`no saved trigger is named "${wanted}" (names and ids are listed in the app)`);
}

function describeFire(r: FireResult): string {
  if (r.outcome === 'accepted')
    return `Accepted by Harness in ${Math.round(r.durationMs)} ms: event ${r.event?.eventCorrelationId ?? '?'}\n`;
  const e = r.explanation;
  return `${r.outcome === 'network-error' ? 'Not sent' : `Refused (HTTP ${r.response?.status ?? '?'})`}: ${e ? `${e.title}. ${e.detail}${e.action ? ` ${e.action}` : ''}` : (r.harness?.message ?? '')}\n`;
}

interface Fired {
  result: FireResult;
  final: EventView | null;
}

async function fireSaved(o: {
  wanted: string;
  body: string | undefined;
  wait: boolean;
  json: boolean;
  dataDir: string;
  io: CliIo;
}): Promise<Fired> {
  let watchId: string | null = null;
  let lastHeadline = '';
  let done: ((s: WatchState) => void) | null = null;
  const seen: WatchState[] = [];
  const onUpdate = (s: WatchState): void => {
    if (watchId === null) {
      seen.push(s);
      return;
    }
    if (s.id !== watchId) return;
    if (!o.json && s.headline !== lastHeadline) o.io.out(progressLine(s, Date.now()));
    if (!o.json && s.connectionTrouble !== null) o.io.err(`  ${s.connectionTrouble}\n`);
    lastHeadline = s.headline;
    if (s.ended !== null) done?.(s);
  };
  const backend: Backend = await createBackend({
    dataDir: o.dataDir,
    mode: 'cli',
    version: 'cli',
    env: o.io.env,
    notify: <E extends EventName>(name: E, payload: Events[E]) => {
      if (name === 'watch:update') onUpdate(payload as WatchState);
    },
  });
  try {
    const trigger = findTrigger(await backend.handlers['triggers:list']({}), o.wanted);
    const result = await backend.handlers['triggers:fire']({
      id: trigger.id,
      ...(o.body === undefined ? {} : { body: o.body }),
    });
    if (!o.json) o.io.out(describeFire(result));
    if (!o.wait || result.outcome !== 'accepted') return { result, final: null };
    const watch = (await backend.handlers['watches:list']({})).find((w) => w.historyId === result.id);
    if (!watch) return { result, final: null };
    const ended = new Promise<WatchState>((resolve) => {
      done = resolve;
    });
    watchId = watch.id;
    for (const s of seen.splice(0)) onUpdate(s);
    const current = (await backend.handlers['watches:list']({})).find((w) => w.id === watch.id);
    const final = current?.ended ? current : await ended;
    return { result, final };
  } finally {
    await backend.close();
  }
}

async function fireUrl(o: {
  url: string;
  body: string | undefined;
  wait: boolean;
  json: boolean;
  io: CliIo;
}): Promise<Fired> {
  const parsed = parseTriggerUrl(o.url);
  const key = o.io.env.HARNESS_API_KEY?.trim() || null;
  const trigger: Trigger = {
    id: 'cli',
    workspaceId: 'cli',
    name: 'command line',
    parsed,
    key: key ? { id: 'env', label: 'HARNESS_API_KEY', last4: '' } : null,
    headers: [],
    contentType: 'application/json',
    payloads: [],
    production: false,
    createdAt: 0,
    updatedAt: 0,
  };
  const http = createHttpClient(() => CLI_SETTINGS, { env: o.io.env });
  try {
    const result = await fireTrigger({ trigger, apiKey: key, secretHeaders: [], body: o.body ?? '{}', http });
    if (!o.json) o.io.out(describeFire(result));
    const apiUrl = result.event?.apiUrl;
    if (!o.wait || result.outcome !== 'accepted' || apiUrl === undefined) return { result, final: null };
    // The key goes with the polls only when apiUrl has the trigger URL's origin and account; it is masked in any case.
    const final = await follow({
      apiUrl,
      key: belongsTo({ parsed }, apiUrl) ? key : null,
      secrets: key === null ? [] : [key],
      http,
      wait: true,
      print: (v) => {
        if (!o.json) o.io.out(progressLine(v, Date.now()));
      },
    });
    return { result, final };
  } finally {
    await http.close();
  }
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  const args = argv[0] === 'fire' ? argv.slice(1) : argv;
  let json = args.includes('--json');
  // The data folder: the stores, and the log an unexpected error is written to.
  let dataDir = defaultDataDir(io.env);
  const secrets = [io.env.HARNESS_API_KEY ?? ''].filter((s) => s.length >= 4);
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        payload: { type: 'string', short: 'p' },
        wait: { type: 'boolean' },
        json: { type: 'boolean' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    json = values.json ?? false;
    dataDir = values.data ?? dataDir;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const wanted = positionals[0];
    if (wanted === undefined || positionals.length > 1) throw new BadInput('give exactly one trigger name, id or URL');
    const body = await readPayload(values.payload);
    const wait = values.wait ?? false;
    const fired = /^https?:\/\//i.test(wanted)
      ? await fireUrl({ url: wanted, body, wait, json, io })
      : await fireSaved({ wanted, body, wait, json, io, dataDir });
    if (json) io.out(`${JSON.stringify({ fire: fired.result, final: fired.final }, null, 2)}\n`);
    else if (fired.final) io.out(stageTable(fired.final));
    if (fired.result.outcome !== 'accepted') return 2;
    return fired.final ? exitFor(fired.final, true) : 0;
  } catch (e) {
    return reportFailure(e, { command: 'fire', json, io, usage: USAGE, secrets, dataDir });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
