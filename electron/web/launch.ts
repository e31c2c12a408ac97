// Browser mode, start to finish: the backend on the shared data folder, the web host in front of
// it, the address printed (and opened), and a clean stop on SIGINT/SIGTERM. Used by
// `npm run web` (start.ts) and `trigger-desk web`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notify } from '../../shared/api';
import { defaultDataDir } from '../backend/store/index';
import { createBackend } from '../backend/index';
// From peer.ts itself: the sandbox's index also exports the condition evaluator, which start-up
// does not load (the peer loads it at the first fire).
import { startSandboxPeer } from '../sandbox/peer';
import { openBrowser, shouldOpenBrowser } from './open-browser';
import { startWebHost, type WebHost } from './server';

/** The port `npm run web` tries first, so a bookmarked address keeps working; taken → any free one. */
export const DEFAULT_PORT = 4470;
const STOP_TIMEOUT_MS = 5000;

/** The folder with package.json above this file: electron/web/ from source, dist-electron/ when bundled. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export function packageVersion(root: string = projectRoot): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** TRIGGER_DESK_PORT: a port (0 = any free one); absent → DEFAULT_PORT with a free-port fallback. */
export function portFromEnv(raw: string | undefined): { port: number; strict: boolean } {
  if (raw === undefined || raw.trim() === '') return { port: DEFAULT_PORT, strict: false };
  const port = Number(raw.trim());
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`TRIGGER_DESK_PORT must be a port number from 0 to 65535, not "${raw}".`);
  }
  return { port, strict: true };
}

function isAddrInUse(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EADDRINUSE';
}

export interface WebRun {
  host: WebHost;
  dataDir: string;
  /** Settles once the backend is open; rejects (the host closed) when it cannot open. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the backend, then the web host without waiting for it: the backend's synchronous part
 * (opening the stores) runs first, then the host listens and serves the page while the rest
 * (keychain probe, sandbox, seeding) completes; the page's first requests wait for it. The page's
 * load is off the start-up critical path (docs/ARCHITECTURE.md, "Speed: the bench and its floors").
 */
export async function launchWeb(env: Record<string, string | undefined> = process.env): Promise<WebRun> {
  performance.mark('td:host-code-loaded');
  const { port, strict } = portFromEnv(env.TRIGGER_DESK_PORT);
  const dataDir = defaultDataDir(env);
  // Events reach the host once it is up (the page asks for what it shows when it connects).
  let forward: Notify = () => undefined;
  const opening = createBackend({
    dataDir,
    mode: 'web',
    version: packageVersion(),
    notify: (event, payload) => forward(event, payload),
    startSandbox: startSandboxPeer,
    env,
  });
  const closeBackend = (): Promise<void> =>
    opening.then(
      (b) => b.close(),
      () => undefined,
    );
  opening.catch(() => undefined); // handled through `ready` below
  const rendererDir = join(projectRoot, 'dist', 'renderer');
  let host: WebHost;
  try {
    try {
      host = await startWebHost({ backend: opening, rendererDir, port });
    } catch (err) {
      if (strict || !isAddrInUse(err)) throw err;
      host = await startWebHost({ backend: opening, rendererDir, port: 0 });
    }
  } catch (err) {
    await closeBackend();
    if (isAddrInUse(err))
      throw new Error(`Port ${port} is already in use: set TRIGGER_DESK_PORT to another port, or 0 for any free one.`);
    throw err;
  }
  forward = host.broadcast;
  performance.mark('td:host-listening');
  const ready = opening.then(
    () => undefined,
    async (err: unknown) => {
      await host.close();
      throw err;
    },
  );
  return {
    host,
    dataDir,
    ready,
    stop: async () => {
      await host.close();
      await closeBackend();
    },
  };
}

/**
 * TRIGGER_DESK_TRACE=1: one line saying when each start-up piece ended ("td:*" performance marks),
 * in ms after this process started, and when it started (ms since the epoch). `npm run bench` reads it.
 */
function startupTrace(): string {
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('td:'));
  const at = Object.fromEntries(marks.map((m) => [m.name.slice(3), Math.round(m.startTime * 10) / 10]));
  return `Start-up trace: ${JSON.stringify({ processStart: performance.timeOrigin, at })}`;
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function runWeb(
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  let run: WebRun;
  try {
    run = await launchWeb(env);
  } catch (err) {
    process.stderr.write(`Trigger Desk could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  out('Trigger Desk is running:');
  out(run.host.url);
  out(`Data folder: ${run.dataDir}`);
  out('Press Ctrl+C to stop.');
  if (shouldOpenBrowser(env)) {
    openBrowser(run.host.url, (why) =>
      process.stderr.write(
        `trigger-desk: the browser could not be opened (${why}); open the address above yourself.\n`,
      ),
    );
  }
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    // Set before the backend is open: a stop while it opens is a clean stop too.
    const stop = (signal: NodeJS.Signals): void => {
      // A terminal's Ctrl+C reaches both `npm run web` and this process: only the first counts.
      if (stopping) return;
      stopping = true;
      const code = signal === 'SIGINT' ? 130 : 143;
      const forced = setTimeout(() => resolveExit(code), STOP_TIMEOUT_MS);
      forced.unref();
      run.stop().then(
        () => {
          clearTimeout(forced);
          resolveExit(0);
        },
        (err: unknown) => {
          process.stderr.write(`trigger-desk: stopping failed: ${err instanceof Error ? err.message : String(err)}\n`);
          clearTimeout(forced);
          resolveExit(1);
        },
      );
    };
    run.ready.then(
      () => {
        if (env.TRIGGER_DESK_TRACE === '1') out(startupTrace());
      },
      (err: unknown) => {
        process.stderr.write(`Trigger Desk could not start: ${err instanceof Error ? err.message : String(err)}\n`);
        resolveExit(1);
      },
    );
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
