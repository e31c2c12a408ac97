// `trigger-desk fire <trigger-name|id|url> …`: fires once (never retried) and, with --wait, follows
// the run, printing one timestamped line per change (ci-log.ts) and leaving key=value outputs and a
// summary for the CI job (ci-output.ts). A saved trigger fires through the app's own backend, by the
// same dispatch as the page (desk.ts: its key from the keychain, the fire recorded in the history);
// a URL fires with the key from HARNESS_API_KEY. Never a key argument (fire-args.ts).
import { pathToFileURL } from 'node:url';
import { isJsonContentType } from '../../shared/harness/request-preview';
import { substituteVariables, variableNames } from '../../shared/harness/variables';
import type { FireResult, Trigger } from '../../shared/model';
import type { EventView, WatchState } from '../../shared/watch-model';
import { defaultDataDir } from '../backend/store/index';
import { ciLog, toneOf, wantsColour, type CiLog } from './ci-log';
import { executionUrl, outputsOf, writeCiFiles, type FireRecord } from './ci-output';
import { BadInput, reportFailure } from './failure';
import { parseFireArgs, type FireArgs } from './fire-args';
import { exitFor, stageTable, stdio, type CliIo } from './status';
import type { Backend } from '../backend/types';

const EXIT_TIMED_OUT = 3;

const USAGE = `usage: trigger-desk fire <trigger-name|id|url> [--payload FILE | --data-raw TEXT] [--var name=value]...
                         [--header 'Name: value']... [--wait [--timeout DURATION]] [--output FILE] [--json]

Fires a Harness custom trigger once (never retried: a second fire is a second deployment).
  <trigger>           a saved trigger's name or id (its key comes from the keychain), or a webhook URL
                      (the key, if Harness needs one, comes from the HARNESS_API_KEY environment variable;
                      there is no --api-key: an argument shows in process lists and CI logs)
  -p, --payload FILE  the body to send ("-" reads standard input); default: the trigger's first payload, or {}
  --data-raw TEXT     the body, given literally
  --var name=value    a value for {{name}} in the body; repeat for more
  -H, --header 'N: V' an extra request header, sent after the saved ones; repeat for more. A value written
                      '$NAME' or 'env:NAME' is read from that environment variable and never printed
  --wait              follow the run until it ends, one timestamped line per change
  --timeout DURATION  with --wait: stop waiting after 90s, 30m, 1h… (the run goes on in Harness)
  -o, --output FILE   write event_correlation_id, api_url, ui_url, plan_execution_id, execution_url
                      and status as key=value lines (GitHub Actions: written to GITHUB_OUTPUT, with a
                      summary in GITHUB_STEP_SUMMARY, by themselves)
  --json              print the fire result (and the final state) as JSON
  --data DIR          the app's data folder (default: the desktop app's own)
  --workspace-dir DIR fire a trigger of the folder workspace in DIR (trigger-desk workspace --help): its
                      keys come from the keychain by the names the folder gives them, or from
                      HARNESS_API_KEY; a webhook token the folder leaves out, from HARNESS_WEBHOOK_URL
                      (the trigger's URL) or \`trigger-desk workspace token\`
exit codes:
  0  accepted (with --wait: the run ended in Success)
  1  the run, or Harness's processing of the event, ended otherwise
  2  bad input or a request error (Harness refused the fire, or it could not be sent)
  3  still running when --timeout ran out
`;

/** What follows an accepted fire: prints changes and the run link once the run exists. */
function watcher(log: CiLog | null, event: FireResult['event']) {
  let last = '';
  let linked = false;
  let latest: EventView | null = null;
  return {
    see(v: EventView): void {
      latest = v;
      if (log === null) return;
      const run = v.execution;
      if (!linked && run !== null) {
        linked = true;
        const url = event ? executionUrl(event.uiUrl, run.planExecutionId, run.pipelineIdentifier) : '';
        log.line(`Run ${run.name} #${run.runSequence ?? '?'} (${run.planExecutionId})${url ? `: ${url}` : ''}`);
      }
      if (v.headline === last) return;
      last = v.headline;
      const person = v.needsPerson !== null && !v.headline.startsWith(v.needsPerson) ? ` — ${v.needsPerson}` : '';
      log.line(`${v.headline}${person}`, toneOf(v));
    },
    latest: (): EventView | null => latest,
  };
}
type Watcher = ReturnType<typeof watcher>;

function describeFire(r: FireResult): string {
  if (r.outcome === 'accepted')
    return `Accepted by Harness in ${Math.round(r.durationMs)} ms: event ${r.event?.eventCorrelationId ?? '?'}`;
  const e = r.explanation;
  return `${r.outcome === 'network-error' ? 'Not sent' : `Refused (HTTP ${r.response?.status ?? '?'})`}: ${e ? `${e.title}. ${e.detail}${e.action ? ` ${e.action}` : ''}` : (r.harness?.message ?? '')}`;
}

/** The body with --var filled in; a {{name}} left without a value stops the fire. */
function fillBody(
  template: string,
  a: FireArgs,
  o: { json: boolean; defaults?: Record<string, string>; keep?: Set<string> },
): string {
  const names = variableNames(template, o.json);
  const unused = Object.keys(a.vars).filter((n) => !names.includes(n));
  if (unused.length > 0) throw new BadInput(`--var ${unused.join(', ')}: the payload has no {{${unused[0] ?? ''}}}`);
  if (names.length === 0) return template;
  const filled = substituteVariables(template, { ...o.defaults, ...a.vars }, o.json, o.keep);
  if (!filled.ok)
    throw new BadInput(
      `the payload uses ${filled.missing.map((n) => `{{${n}}}`).join(', ')}: give ${filled.missing.map((n) => `--var ${n}=VALUE`).join(' ')}`,
    );
  return filled.body;
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

interface Ctx {
  a: FireArgs;
  io: CliIo;
  log: CiLog | null;
  dataDir: string;
}

/**
 * Which comes first: `ended`, or `ms` passing ('timeout'; never without a limit). The timer is
 * cleared once `ended` wins, and keeps the process alive while it runs.
 */
async function raceTimeout<T>(ended: Promise<T>, ms: number | null): Promise<T | 'timeout'> {
  if (ms === null) return ended;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([ended, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The triggers of the folder workspace in `dir` (opened as `workspace open` does). What the wanted
 * trigger still needs comes from the environment: its key from HARNESS_API_KEY (put in the keychain
 * under the name the folder gives it), its webhook token from HARNESS_WEBHOOK_URL.
 */
async function fromFolder(
  backend: Backend,
  dir: string,
  wanted: string,
  env: Record<string, string | undefined>,
): Promise<Trigger[]> {
  const { ask } = await import('./desk');
  const opened = await ask(backend, 'folders:open', { dir });
  const list = await ask(backend, 'triggers:list', { workspaceId: opened.workspace.id });
  const t = findTrigger(list, wanted);
  for (const need of opened.status.needs.filter((n) => n.triggerId === t.id)) {
    const key = env.HARNESS_API_KEY?.trim() ?? '';
    const url = env.HARNESS_WEBHOOK_URL?.trim() ?? '';
    if (need.kind === 'key' && need.ref !== null && key !== '')
      await ask(backend, 'folders:setSecret', { workspaceId: opened.workspace.id, ref: need.ref, value: key });
    else if (need.kind === 'token' && url !== '')
      await ask(backend, 'folders:supplyToken', { triggerId: t.id, text: url });
    else
      throw new BadInput(
        `${need.text} ${need.kind === 'token' ? 'Set HARNESS_WEBHOOK_URL to its URL, or run trigger-desk workspace token.' : need.kind === 'key' ? 'Set HARNESS_API_KEY.' : 'Set it in the app.'}`,
      );
  }
  return ask(backend, 'triggers:list', { workspaceId: opened.workspace.id });
}

async function fireSaved(c: Ctx): Promise<FireRecord> {
  const [{ createBackend }, { ask }] = await Promise.all([import('../backend/index'), import('./desk')]);
  let w: Watcher | null = null;
  let watchId: string | null = null;
  let ended: (() => void) | null = null;
  let trouble: string | null = null;
  const early: WatchState[] = [];
  const onUpdate = (s: WatchState): void => {
    if (watchId === null || w === null) {
      early.push(s);
      return;
    }
    if (s.id !== watchId) return;
    w.see(s);
    if (c.log !== null && s.connectionTrouble !== trouble && s.connectionTrouble !== null)
      c.io.err(`  ${s.connectionTrouble}\n`);
    trouble = s.connectionTrouble;
    if (s.ended !== null) ended?.();
  };
  const backend = await createBackend({
    dataDir: c.dataDir,
    mode: 'cli',
    version: 'cli',
    env: c.io.env,
    notify: (name, payload) => {
      if (name === 'watch:update') onUpdate(payload as WatchState);
    },
  });
  try {
    const trigger = findTrigger(
      c.a.workspaceDir === undefined
        ? await ask(backend, 'triggers:list', {})
        : await fromFolder(backend, c.a.workspaceDir, c.a.target, c.io.env),
      c.a.target,
    );
    const template = c.a.body ?? trigger.payloads[0]?.body;
    const body =
      template === undefined
        ? undefined
        : fillBody(template, c.a, {
            json: isJsonContentType(trigger.contentType),
            defaults: trigger.variables ?? {},
            keep: new Set(Object.keys(trigger.secretVariables ?? {})),
          });
    if (template === undefined && Object.keys(c.a.vars).length > 0) fillBody('{}', c.a, { json: true });
    const result = await ask(backend, 'triggers:fire', {
      id: trigger.id,
      ...(body === undefined ? {} : { body }),
      ...(c.a.headers.length === 0 ? {} : { headers: c.a.headers }),
    });
    c.log?.line(describeFire(result), result.outcome === 'accepted' ? undefined : 'bad');
    const record: FireRecord = { triggerName: trigger.name, result, view: null, timedOutAfterMs: null };
    if (!c.a.wait || result.outcome !== 'accepted') return record;
    const watch = (await ask(backend, 'watches:list', {})).find((x) => x.historyId === result.id);
    if (!watch) return record;
    const seen = watcher(c.log, result.event);
    const done = new Promise<'ended'>((resolve) => {
      ended = () => resolve('ended');
    });
    w = seen;
    watchId = watch.id;
    for (const s of early.splice(0)) onUpdate(s);
    const now = (await ask(backend, 'watches:list', {})).find((x) => x.id === watch.id);
    if (now) onUpdate(now);
    const how = now?.ended ? 'ended' : await raceTimeout(done, c.a.timeoutMs);
    if (how === 'timeout') {
      await ask(backend, 'watch:stop', { watchId: watch.id });
      return { ...record, view: seen.latest(), timedOutAfterMs: c.a.timeoutMs };
    }
    return { ...record, view: seen.latest() };
  } finally {
    await backend.close();
  }
}

async function fireUrl(c: Ctx): Promise<FireRecord> {
  const [{ parseTriggerUrl }, { fireTrigger }, { createHttpClient }, { belongsTo }, { CLI_SETTINGS, follow }] =
    await Promise.all([
      import('../../shared/harness/urls'),
      import('../backend/fire/index'),
      import('../backend/net/index'),
      import('../backend/watch/index'),
      import('./status'),
    ]);
  const parsed = parseTriggerUrl(c.a.target);
  const key = c.io.env.HARNESS_API_KEY?.trim() || null;
  const trigger: Trigger = {
    id: 'cli',
    workspaceId: 'cli',
    name: 'command line',
    parsed,
    key: key ? { id: 'env', label: 'HARNESS_API_KEY', last4: '' } : null,
    headers: c.a.headers.filter((h) => !h.secret).map((h) => ({ name: h.name, value: h.value, secret: null })),
    contentType: 'application/json',
    payloads: [],
    production: false,
    createdAt: 0,
    updatedAt: 0,
  };
  const body = fillBody(c.a.body ?? '{}', c.a, { json: true });
  const secretHeaders = c.a.headers.filter((h) => h.secret).map((h) => ({ name: h.name, value: h.value }));
  const http = createHttpClient(() => CLI_SETTINGS, { env: c.io.env });
  const stop = new AbortController();
  try {
    const result = await fireTrigger({ trigger, apiKey: key, secretHeaders, body, http });
    c.log?.line(describeFire(result), result.outcome === 'accepted' ? undefined : 'bad');
    // Named by its identifiers: the URL itself carries the trigger's token.
    const name = parsed.triggerIdentifier ?? parsed.pipelineIdentifier ?? 'webhook';
    const record: FireRecord = { triggerName: name, result, view: null, timedOutAfterMs: null };
    const apiUrl = result.event?.apiUrl;
    if (!c.a.wait || result.outcome !== 'accepted' || !apiUrl) return record;
    const seen = watcher(c.log, result.event);
    const secrets = [key, ...secretHeaders.map((h) => h.value)].filter((s): s is string => s !== null);
    // The key goes with the polls only when apiUrl has the trigger URL's origin and account; it is masked in any case.
    const followed = follow({
      apiUrl,
      key: belongsTo({ parsed }, apiUrl) ? key : null,
      secrets,
      http,
      wait: true,
      firedAt: result.at,
      signal: stop.signal,
      print: (v) => seen.see(v),
    });
    const how = await raceTimeout(
      followed.then(() => 'ended' as const),
      c.a.timeoutMs,
    );
    if (how === 'timeout') {
      stop.abort();
      await followed.catch(() => undefined);
      return { ...record, view: seen.latest(), timedOutAfterMs: c.a.timeoutMs };
    }
    return { ...record, view: await followed };
  } finally {
    stop.abort();
    await http.close();
  }
}

/** Where a run that is still going stands, e.g. "waiting for an approval in Approve release". */
function standing(v: EventView | null): string {
  if (v === null) return 'Harness has not answered about the event yet';
  const current = v.steps
    .flatMap((step) => step.stages)
    .filter((s) => s.status.status !== 'NotStarted' && (s.status.tone === 'wait' || s.status.tone === 'person'));
  if (current.length === 0) return v.headline;
  return current
    .map((s) => `${s.status.words.charAt(0).toLowerCase()}${s.status.words.slice(1)} in ${s.name}`)
    .join('; ');
}

function timedOutLine(r: FireRecord): string {
  const ms = r.timedOutAfterMs ?? 0;
  const limit = ms >= 60_000 ? `${+(ms / 60_000).toFixed(1)} min` : `${+(ms / 1000).toFixed(1)} s`;
  return `Timed out after ${limit}: the run is still going, ${standing(r.view)}. It goes on in Harness:`;
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  const args = argv[0] === 'fire' ? argv.slice(1) : argv;
  let json = args.includes('--json');
  // The data folder: the stores, and the log an unexpected error is written to.
  let dataDir = defaultDataDir(io.env);
  const secrets = [io.env.HARNESS_API_KEY ?? '', io.env.HARNESS_WEBHOOK_URL ?? ''].filter((s) => s.length >= 4);
  try {
    const a = await parseFireArgs(args, io.env);
    json = a.json;
    dataDir = a.dataDir ?? dataDir;
    for (const h of a.headers) if (h.secret && h.value.length >= 4) secrets.push(h.value);
    if (a.help) {
      io.out(USAGE);
      return 0;
    }
    const log = json ? null : ciLog((t) => io.out(t), wantsColour(io.env, io.isTty === true));
    const ctx: Ctx = { a, io, log, dataDir };
    if (a.workspaceDir !== undefined && /^https?:\/\//i.test(a.target))
      throw new BadInput('--workspace-dir fires a trigger of the folder by its name or id, not a URL');
    const record = /^https?:\/\//i.test(a.target) ? await fireUrl(ctx) : await fireSaved(ctx);
    writeCiFiles(record, io.env, a.output);
    if (record.timedOutAfterMs !== null && log !== null) {
      log.line(timedOutLine(record), 'person');
      const o = outputsOf(record);
      for (const [label, url] of [
        ['run', o.execution_url],
        ['event', o.api_url],
        ['pipeline', o.ui_url],
      ] as const)
        if (url !== '') io.out(`  ${label}: ${url}\n`);
    }
    if (json)
      io.out(
        `${JSON.stringify({ fire: record.result, final: record.view, timedOut: record.timedOutAfterMs !== null }, null, 2)}\n`,
      );
    else if (record.view && a.wait) io.out(stageTable(record.view));
    if (record.result.outcome !== 'accepted') return 2;
    if (record.timedOutAfterMs !== null) return EXIT_TIMED_OUT;
    return record.view ? exitFor(record.view, true) : 0;
  } catch (e) {
    return reportFailure(e, { command: 'fire', json, io, usage: USAGE, secrets, dataDir });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
