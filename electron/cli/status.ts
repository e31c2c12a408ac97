// `trigger-desk status <apiUrl> [--wait] [--json]`: where an event stands, in plain words; with
// --wait it follows the run to its end (polling kindly, as the app does). The key comes from
// HARNESS_API_KEY only (never an argument: arguments show up in process lists and shell history),
// and goes only where cli-key.ts allows; what Harness answers is redacted as it is read.
// Exit codes: 0 Success (or, without --wait, still going), 1 any other end, 2 bad input or a request error.
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { defaultDataDir } from '../backend/store/index';
import { createHttpClient, type HttpClient } from '../backend/net/index';
import { pollDelay, troubleDelay } from '../backend/watch/index';
import { DeskError } from '../../shared/errors';
import { readDetails } from '../../shared/harness/execution-status';
import type { Settings } from '../../shared/model';
import type { EventView } from '../../shared/watch-model';
import { chooseCliKey } from './cli-key';
import { BadInput, reportFailure } from './failure';
import { parseTargetArgs } from './target-args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** `out` is a terminal (colour may be used); absent: not one. */
  isTty?: boolean;
}

export const stdio: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
  isTty: process.stdout.isTTY,
};

const USAGE = `usage: trigger-desk status <apiUrl> [--wait] [--json] [--data DIR]

Shows where a Harness event stands: processing, the pipeline run, each stage.
  --wait      follow the run until it ends, printing its progress
  --json      print the final state as JSON
  --data DIR  the app's data folder, to recognise a saved trigger's host (default: the app's own)
The API key, when Harness needs one, comes from the HARNESS_API_KEY environment variable. It is
sent only to HARNESS_URL (default https://app.harness.io), or to the host and account of a saved
trigger whose key it is; anywhere else the event is asked for without a key.
exit codes: 0 Success (or still going, without --wait), 1 any other end, 2 bad input or request error
`;

export const CLI_SETTINGS: Settings = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  proxyMode: 'system',
  proxyUrl: '',
  extraCaPem: '',
  theme: 'system',
};
const MAX_TROUBLE = 8;

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function seconds(ms: number | null): string {
  return ms === null ? '' : ` ${(ms / 1000).toFixed(1)} s`;
}

/** One line per change of the headline; the stage table at the end. */
export function progressLine(v: EventView, now: number): string {
  return `[${clock(now)}] ${v.headline}${v.needsPerson !== null && !v.headline.startsWith('Needs') ? ` — ${v.needsPerson}` : ''}\n`;
}

export function stageTable(v: EventView): string {
  const rows = v.steps.flatMap((step, i) =>
    step.stages.map(
      (s) =>
        `  ${String(i + 1).padStart(2)}${step.parallel ? '‖' : ' '} ${s.name.padEnd(24)} ${s.status.words}${seconds(s.durationMs)}${s.failureMessage ? `: ${s.failureMessage}` : ''}`,
    ),
  );
  const e = v.execution;
  const head = e
    ? `Run ${e.name} #${e.runSequence ?? '?'} (${e.planExecutionId}): ${e.status.words}${seconds(e.durationMs)}\n`
    : '';
  return head + (rows.length > 0 ? `${rows.join('\n')}\n` : '');
}

export function exitFor(v: EventView, waited: boolean): number {
  // A watch stopped by a refusal (401/403) is a request error, not the run's outcome.
  if (v.phase === 'stopped') return 2;
  if (v.execution?.status.status === 'Success' && v.terminal) return 0;
  if (v.terminal) return 1;
  return waited ? 1 : 0;
}

/**
 * Follows apiUrl to a terminal status; `print` sees every changed view. Throws DeskError when it
 * cannot. `secrets`: every secret known besides the key, masked in everything read from Harness.
 */
export async function follow(o: {
  apiUrl: string;
  key: string | null;
  secrets?: string[];
  http: HttpClient;
  wait: boolean;
  print: (v: EventView) => void;
  startedAt?: number;
  /**
   * When this process fired the event. Without it (`status` on a given apiUrl) the event was fired
   * elsewhere, so "doesn't exist" is doubted at once: the id or account may be wrong.
   */
  firedAt?: number;
  /** Stops the polling between two requests (`fire --timeout`); the promise then rejects. */
  signal?: AbortSignal;
}): Promise<EventView> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.key !== null) headers['X-Api-Key'] = o.key;
  const secrets = [...(o.secrets ?? []), ...(o.key === null ? [] : [o.key])];
  const started = o.startedAt ?? Date.now();
  let failures = 0;
  let last = '';
  for (;;) {
    let delay: number;
    try {
      const res = await o.http.request({ method: 'GET', url: o.apiUrl, headers, retry: false });
      const now = Date.now();
      const a = readDetails(res.status, res.body, now, secrets, {
        pendingForMs: o.firedAt === undefined ? null : now - o.firedAt,
      });
      if (a.kind === 'view') {
        failures = 0;
        if (a.view.headline !== last) o.print(a.view);
        last = a.view.headline;
        if (a.view.terminal || !o.wait) return a.view;
        delay = pollDelay(Date.now() - started, 1, Math.random);
      } else if (a.kind === 'trouble') {
        failures++;
        if (!o.wait || failures > MAX_TROUBLE)
          throw new DeskError('network', `Harness answered HTTP ${res.status}: ${a.message}`);
        delay = troubleDelay(failures, 1, Math.random);
      } else {
        throw new DeskError(
          a.kind === 'denied' ? 'invalid-key' : 'not-found',
          `Harness refused to show the event (HTTP ${res.status}): ${a.message}`,
        );
      }
    } catch (err) {
      if (
        !(err instanceof DeskError) ||
        !['network', 'timeout'].includes(err.code) ||
        !o.wait ||
        failures > MAX_TROUBLE
      )
        throw err;
      failures++;
      delay = troubleDelay(failures, 1, Math.random);
    }
    await sleep(delay, undefined, o.signal ? { signal: o.signal } : {});
  }
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  const args = argv[0] === 'status' ? argv.slice(1) : argv;
  let json = args.includes('--json');
  let dataDir = defaultDataDir(io.env);
  const given = io.env.HARNESS_API_KEY?.trim() || null;
  let secrets = given === null ? [] : [given];
  try {
    const values = parseTargetArgs(args, dataDir);
    ({ json, dataDir } = values);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const apiUrl = values.target;
    if (apiUrl === null) throw new BadInput('give exactly one apiUrl');
    const http = createHttpClient(() => CLI_SETTINGS, { env: io.env });
    try {
      const key = await chooseCliKey({ apiUrl, key: given, env: io.env, dataDir });
      secrets = key.secrets;
      if (key.note !== null) io.err(`trigger-desk status: ${key.note}\n`);
      const view = await follow({
        apiUrl,
        key: key.send,
        secrets,
        http,
        wait: values.wait,
        print: (v) => {
          if (!json) io.out(progressLine(v, Date.now()));
        },
      });
      if (json) io.out(`${JSON.stringify(view, null, 2)}\n`);
      else io.out(stageTable(view));
      return exitFor(view, values.wait);
    } finally {
      await http.close();
    }
  } catch (err) {
    return reportFailure(err, { command: 'status', json, io, usage: USAGE, dataDir, secrets });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
