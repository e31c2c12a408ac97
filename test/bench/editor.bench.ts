// The payload editor on a 5 MB JSON payload, in Chromium against the web host: opening
// the editor, typing latency (keydown → the next frame after the character is on screen) and
// validation after an edit (keydown → the status line says valid / not JSON). The same three for
// a plain <textarea> validated with JSON.parse on every input, the floor, reported as ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { Args, RequestName, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { figure, median, percentile, type Figure } from './figures';
import { chromiumArgs } from './startup.bench';

const KEYS = 40;
const EDITS = 8;

/** ~5 MB of formatted JSON; line 2 holds a string to type into. */
export function bigPayload(): string {
  const items: string[] = [];
  for (let i = 0, size = 0; size < 5 * 1024 * 1024 - 200; i++) {
    const item = `    {"id": ${i}, "name": "item-${i}", "tags": ["a", "b", "c"], "enabled": ${i % 2 === 0}, "note": "${'x'.repeat(40)}"}`;
    items.push(item);
    size += item.length + 2;
  }
  return `{\n  "note": "typing goes here",\n  "items": [\n${items.join(',\n')}\n  ]\n}`;
}

function startHost(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/start.ts'], {
    env: {
      ...process.env,
      TRIGGER_DESK_DATA: dataDir,
      TRIGGER_DESK_PORT: '0',
      TRIGGER_DESK_SANDBOX_PORT: '0',
      TRIGGER_DESK_NO_OPEN: '1',
      TRIGGER_DESK_VAULT_SERVICE: `trigger-desk-bench-editor-${process.pid}`,
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
    child.on('exit', (code) => {
      reject(new Error(`web host exited ${String(code)} before printing its URL: ${out}`));
    });
  });
  return { child, url };
}

async function api<K extends RequestName>(url: string, name: K, args: Args<K>): Promise<Result<K>> {
  const u = new URL(url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(u.hash)?.[1] ?? '');
  const res = await fetch(`${u.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': token },
    body: JSON.stringify(args),
  });
  const reply = (await res.json()) as Reply<Result<K>>;
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value;
}

/** Records, in the page, keydown → next frame after the DOM under `root` changed. */
async function installTypingProbe(page: Page, rootSelector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __lat: number[]; __pending: number | null };
    w.__lat = [];
    w.__pending = null;
    // The editor lives in a shadow root: look there too.
    const host = document.querySelector(sel);
    const root = host?.shadowRoot ?? host;
    if (!root) throw new Error(`no ${sel}`);
    window.addEventListener(
      'keydown',
      (e) => {
        w.__pending = e.timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      const start = w.__pending;
      if (start === null) return;
      w.__pending = null;
      requestAnimationFrame(() => {
        w.__lat.push(performance.now() - start);
      });
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, rootSelector);
}

/** keydown → the status element's text changed (validation shown). */
async function timeValidation(page: Page, statusSelector: string, key: string): Promise<number> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __valid: Promise<number>; __down: number };
    const status = document.querySelector(sel);
    if (!status) throw new Error(`no ${sel}`);
    const before = status.textContent;
    w.__valid = new Promise((resolve, reject) => {
      setTimeout(() => {
        reject(new Error(`the status did not change within 5 s: ${before}`));
      }, 5000);
      const obs = new MutationObserver(() => {
        if (status.textContent === before) return;
        obs.disconnect();
        resolve(performance.now() - w.__down);
      });
      obs.observe(status, { subtree: true, childList: true, characterData: true });
    });
    window.addEventListener(
      'keydown',
      (e) => {
        w.__down = e.timeStamp;
      },
      { capture: true, once: true },
    );
  }, statusSelector);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __valid: Promise<number> }).__valid);
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    (window as unknown as { __lat: number[] }).__lat = [];
  });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type('k');
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

interface Run {
  openMs: number;
  typing: number[];
  validation: number[];
}

async function measureEditor(page: Page, url: string, body: string): Promise<Run> {
  const triggers = await api(url, 'triggers:list', {});
  const plain = triggers.find((t) => t.parsed.triggerIdentifier === 'deploy_on_push');
  const other = triggers.find((t) => t !== plain);
  if (!plain || !other) throw new Error('bench: sandbox triggers missing');
  const first = plain.payloads[0];
  await api(
    url,
    'payloads:save',
    first ? { triggerId: plain.id, id: first.id, name: first.name, body } : { triggerId: plain.id, name: 'Big', body },
  );
  await page.goto(url);
  const sidebar = page.getByRole('complementary', { name: 'Workspaces and triggers' });
  await sidebar.getByRole('button', { name: other.name }).click();
  await page.getByRole('main').getByLabel('Payload body').waitFor();
  // Opening: click → the 5 MB payload's first lines on screen in the editor.
  const start = Date.now();
  await sidebar.getByRole('button', { name: plain.name }).click();
  await page.getByRole('main').locator('.cm-line').filter({ hasText: 'typing goes here' }).waitFor();
  const openMs = Date.now() - start;
  process.stderr.write(`bench: editor: opened in ${openMs} ms\n`);
  await page.getByTestId('payload-status').filter({ hasText: 'Valid JSON' }).waitFor();

  await installTypingProbe(page, '[data-testid="payload-editor"]');
  await page.getByRole('main').locator('.cm-line').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const typing = await typeAndMeasure(page);
  process.stderr.write(`bench: editor: typed ${typing.length} keys\n`);
  await page.waitForTimeout(300);
  // Alternate a stray character after the closing quote (not JSON) and its removal (JSON again).
  const validation: number[] = [];
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < EDITS; i++)
    validation.push(await timeValidation(page, '[data-testid="payload-status"]', i % 2 === 0 ? 'z' : 'Backspace'));
  return { openMs, typing, validation };
}

async function measureTextarea(page: Page, body: string): Promise<Run> {
  await page.goto('about:blank');
  const start = Date.now();
  await page.evaluate((text) => {
    const area = document.createElement('textarea');
    area.style.cssText = 'width: 800px; height: 400px; font-family: monospace';
    const status = document.createElement('div');
    status.id = 'status';
    // No named functions in here: tsx's keepNames would wrap them in a __name() the page lacks.
    area.addEventListener('input', () => {
      try {
        JSON.parse(area.value);
        status.textContent = 'Valid JSON.';
      } catch (e) {
        status.textContent = `Not JSON: ${(e as Error).message}`;
      }
    });
    area.value = text;
    document.body.append(area, status);
    area.dispatchEvent(new Event('input'));
  }, body);
  await page.locator('textarea').waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const openMs = Date.now() - start;
  await installTypingProbe(page, 'textarea');
  // A textarea's text is not DOM: watch its value through input events instead.
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __pending: number | null };
    document.querySelector('textarea')?.addEventListener('input', () => {
      const s = w.__pending;
      if (s === null) return;
      w.__pending = null;
      requestAnimationFrame(() => {
        w.__lat.push(performance.now() - s);
      });
    });
    const area = document.querySelector('textarea');
    if (area) {
      area.focus();
      const at = area.value.indexOf('typing goes here') + 10;
      area.setSelectionRange(at, at);
    }
  });
  const typing = await typeAndMeasure(page);
  await page.evaluate(() => {
    const area = document.querySelector('textarea');
    if (area) {
      const at = area.value.indexOf('",\n  "items"') + 1;
      area.setSelectionRange(at, at);
    }
  });
  const validation: number[] = [];
  for (let i = 0; i < EDITS; i++)
    validation.push(await timeValidation(page, '#status', i % 2 === 0 ? 'z' : 'Backspace'));
  return { openMs, typing, validation };
}

export async function run(): Promise<Figure[]> {
  const script: string = '../../scripts/web.mjs';
  const web = (await import(script)) as { buildRendererIfStale: (root: string) => boolean };
  if (!web.buildRendererIfStale(process.cwd())) throw new Error('bench: the renderer could not be built');
  const body = bigPayload();
  const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-editor-'));
  const host = startHost(dataDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const url = await host.url;
    process.stderr.write('bench: editor: host up\n');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const editor = await measureEditor(page, url, body);
    process.stderr.write(`bench: editor measured (open ${editor.openMs} ms), now the textarea floor\n`);
    const floor = await measureTextarea(await browser.newPage({ viewport: { width: 1280, height: 800 } }), body);
    const mb = (body.length / 1048576).toFixed(1);
    const p95 = (r: Run): number => percentile(r.typing, 95);
    const val = (r: Run): number => median(r.validation);
    return [
      figure(`editor: open a ${mb} MB payload`, editor.openMs, 'ms', { max: 500 }),
      figure('editor: typing latency p95 (5 MB)', p95(editor), 'ms', { max: 50 }),
      figure('editor: validation after an edit, median (5 MB, worker)', val(editor), 'ms', { max: 100 }),
      figure('editor: validation after an edit, max (5 MB, worker)', Math.max(...editor.validation), 'ms'),
      figure('textarea floor: open', floor.openMs, 'ms'),
      figure('textarea floor: typing latency p95 (JSON.parse on input)', p95(floor), 'ms'),
      figure('textarea floor: validation after an edit, median', val(floor), 'ms'),
      figure('editor / floor: open', editor.openMs / floor.openMs, 'x'),
      figure('editor / floor: typing p95', p95(editor) / p95(floor), 'x'),
      figure('editor / floor: validation', val(editor) / val(floor), 'x'),
    ];
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await new Promise((resolve) => host.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
