// Browser mode start-up: from spawning the web host to the trigger list interactive in Chromium,
// against the floor (a bare Node http server's static list page, same Chromium, same run); where the
// time goes (the start-up trace); the first screen's JavaScript (gzipped), RSS and JS heap at rest.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { figure, median, vsFloor, type Figure } from './figures';
import { startFloorServer } from './startup-floor';
import { HOST_PIECES, hostTrace, PAGE_PIECES, pageTrace, type Piece, type Trace } from './startup-trace';

const MB = 1024 * 1024;
const RENDERER = 'dist/renderer';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * What `npm run web` runs once its page and bundle are built, started the same way (scripts/web.mjs,
 * webHostArgs): the measured process start is the host's own. Returns the host's arguments.
 */
async function buildHost(): Promise<string[]> {
  const script: string = '../../scripts/web.mjs';
  const web = (await import(script)) as {
    buildRendererIfStale: (root: string) => boolean;
    buildWebHostIfStale: (root: string) => Promise<boolean>;
    webHostArgs: (root: string) => string[];
  };
  if (!web.buildRendererIfStale(process.cwd())) throw new Error('bench: the renderer could not be built');
  if (!(await web.buildWebHostIfStale(process.cwd()))) throw new Error('bench: the web host bundle could not be built');
  return web.webHostArgs(process.cwd());
}

function startHost(
  hostArgs: string[],
  dataDir: string,
): { child: ChildProcess; url: Promise<string>; trace: Promise<string> } {
  const child = spawn(process.execPath, hostArgs, {
    env: {
      ...process.env,
      TRIGGER_DESK_DATA: dataDir,
      TRIGGER_DESK_PORT: '0',
      TRIGGER_DESK_SANDBOX_PORT: '0',
      TRIGGER_DESK_NO_OPEN: '1',
      TRIGGER_DESK_TRACE: '1',
      TRIGGER_DESK_VAULT_SERVICE: `trigger-desk-bench-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const printed = (pattern: RegExp): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const look = (): void => {
        const match = pattern.exec(out);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout.on('data', look);
      child.on('exit', (code) => reject(new Error(`web host exited ${code} before printing ${pattern}: ${out}`)));
    });
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const trace = printed(/^Start-up trace: (\{.*\})$/m);
  trace.catch(() => undefined); // awaited after the URL; an early exit is reported through the URL
  return { child, url: printed(/^(http:\/\/127\.0\.0\.1:\d+\/\S*#token=\S+)$/m), trace };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

interface Launch {
  ms: number;
  rss: number;
  heap: number;
  trace: Trace;
}

const listItem = (page: Page) => page.getByRole('list', { name: 'Triggers' }).getByRole('listitem').first();

async function launchOnce(browser: Browser, hostArgs: string[], dataDir: string): Promise<Launch> {
  const page = await browser.newPage();
  const start = performance.now();
  const spawnedAt = Date.now();
  const host = startHost(hostArgs, dataDir);
  try {
    await page.goto(await host.url);
    await listItem(page).waitFor({ state: 'visible' });
    const ms = performance.now() - start;
    const trace: Trace = {
      ...hostTrace(await host.trace, spawnedAt),
      ...(await pageTrace(page, spawnedAt)),
      'list-interactive': ms,
    };
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { ms, rss: rssOf(host.child.pid ?? 0), heap, trace };
  } finally {
    await page.close();
    host.child.kill('SIGTERM');
    await new Promise((resolve) => host.child.once('exit', resolve));
  }
}

/** The floor: spawn a bare Node http server and open its static list page, timed the same way. */
async function floorOnce(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  const start = performance.now();
  const server = startFloorServer();
  try {
    await page.goto(await server.url);
    await listItem(page).waitFor({ state: 'visible' });
    return performance.now() - start;
  } finally {
    await page.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

const PIECE_WORDS: Record<Piece, string> = {
  'process-start': 'node process started',
  'host-code-loaded': 'host code loaded',
  'stores-open': 'stores open',
  'vault-probed': 'keychain probed',
  'sandbox-up': 'sandbox listening',
  'backend-ready': 'backend ready',
  'host-listening': 'web host listening',
  'navigation-start': 'page navigation starts',
  'renderer-loaded': 'renderer loaded (DOMContentLoaded)',
  'first-paint': 'first paint',
  'first-data': 'first data (triggers:list answered)',
  'list-interactive': 'trigger list interactive',
};

/** The median of each piece over the launches, as ms after spawn, in the order they ended. */
function traceFigures(label: string, launches: Launch[]): Figure[] {
  const pieces = ['process-start', ...HOST_PIECES, ...PAGE_PIECES, 'list-interactive'] as const;
  return pieces
    .filter((piece) => launches.some((l) => l.trace[piece] !== undefined))
    .map((piece) => ({ piece, at: median(launches.map((l) => l.trace[piece] ?? Number.NaN)) }))
    .sort((a, b) => a.at - b.at)
    .map((p) => figure(`startup trace, ${label}: ${PIECE_WORDS[p.piece]}`, Math.round(p.at), 'ms after spawn'));
}

function firstScreenJsGzip(): number {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(RENDERER, file))).length, 0);
}

/** Start-up targets, as ratios to the floor: a first launch also seeds the sandbox workspace. */
export const STARTUP_MAX_RATIO = { first: 4, later: 4 };

export async function run(): Promise<Figure[]> {
  const hostArgs = await buildHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const fresh: Launch[] = [];
  const warm: Launch[] = [];
  const floors: number[] = [];
  try {
    await floorOnce(browser); // warms the browser and the disk cache for both sides
    for (let i = 0; i < 3; i++) {
      // Interleaved, so a burst of load from elsewhere hits the floor and the app alike.
      floors.push(await floorOnce(browser));
      const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-start-'));
      try {
        fresh.push(await launchOnce(browser, hostArgs, dataDir));
        floors.push(await floorOnce(browser));
        warm.push(await launchOnce(browser, hostArgs, dataDir));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  const floor = median(floors);
  const rest = warm.at(-1) ?? { rss: Number.NaN, heap: Number.NaN };
  const ms = (launches: Launch[]): number => median(launches.map((l) => l.ms));
  return [
    vsFloor(
      'startup: spawn → trigger list interactive, first launch (median of 3; floor: bare node http + static page)',
      ms(fresh),
      floor,
      'ms',
      STARTUP_MAX_RATIO.first,
    ),
    vsFloor('startup: same, later launch (median of 3)', ms(warm), floor, 'ms', STARTUP_MAX_RATIO.later),
    ...traceFigures('later launch', warm),
    ...traceFigures('first launch', fresh).filter((f) => /keychain|sandbox|backend ready|interactive/.test(f.name)),
    figure("startup: first screen's JavaScript, gzipped", firstScreenJsGzip() / 1024, 'KB', { max: 400 }),
    figure('startup: backend RSS at rest (web host + sandbox)', rest.rss / MB, 'MB'),
    figure('startup: renderer JS heap at rest', rest.heap / MB, 'MB'),
  ];
}
