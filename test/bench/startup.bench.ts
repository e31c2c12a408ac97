// Browser mode: from web-host process start to the trigger list interactive in Chromium,
// the first screen's JavaScript (gzipped), backend RSS and renderer JS heap at rest.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { figure, median, type Figure } from './figures';

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

/** What `npm run web` runs once its bundle is built: the measured process start is the host's own. */
async function buildHost(): Promise<void> {
  const script: string = '../../scripts/web.mjs';
  const web = (await import(script)) as { buildWebHostIfStale: (root: string) => Promise<boolean> };
  if (!(await web.buildWebHostIfStale(process.cwd()))) throw new Error('bench: the web host bundle could not be built');
}

function startHost(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['dist-electron/web.mjs'], {
    env: {
      ...process.env,
      TRIGGER_DESK_DATA: dataDir,
      TRIGGER_DESK_PORT: '0',
      TRIGGER_DESK_SANDBOX_PORT: '0',
      TRIGGER_DESK_NO_OPEN: '1',
      TRIGGER_DESK_VAULT_SERVICE: `trigger-desk-bench-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\S*#token=\S+)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`web host exited ${code} before printing its URL: ${out}`)));
  });
  return { child, url };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

async function launchOnce(browser: Browser, dataDir: string): Promise<{ ms: number; rss: number; heap: number }> {
  const page = await browser.newPage();
  const start = performance.now();
  const host = startHost(dataDir);
  try {
    await page.goto(await host.url);
    await page.getByRole('list', { name: 'Triggers' }).getByRole('listitem').first().waitFor({ state: 'visible' });
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { ms, rss: rssOf(host.child.pid ?? 0), heap };
  } finally {
    await page.close();
    host.child.kill('SIGTERM');
    await new Promise((resolve) => host.child.once('exit', resolve));
  }
}

function firstScreenJsGzip(): number {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(RENDERER, file))).length, 0);
}

export async function run(): Promise<Figure[]> {
  await buildHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const fresh: number[] = [];
  const warm: number[] = [];
  let rest = { rss: 0, heap: 0 };
  try {
    for (let i = 0; i < 3; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-start-'));
      try {
        fresh.push((await launchOnce(browser, dataDir)).ms);
        const again = await launchOnce(browser, dataDir);
        warm.push(again.ms);
        rest = again;
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return [
    figure('startup: web host start → trigger list interactive, first launch (median of 3)', median(fresh), 'ms', {
      max: 1500,
    }),
    figure('startup: web host start → trigger list interactive, later launch (median of 3)', median(warm), 'ms', {
      max: 1500,
    }),
    figure("startup: first screen's JavaScript, gzipped", firstScreenJsGzip() / 1024, 'KB', { max: 400 }),
    figure('startup: backend RSS at rest (web host + sandbox)', rest.rss / MB, 'MB'),
    figure('startup: renderer JS heap at rest', rest.heap / MB, 'MB'),
  ];
}
