// Playwright fixtures in the Insomnia style: every test gets its own web host (a real backend,
// sandbox and keychain service) on a free port with a fresh data folder, and a page opened on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Args, RequestName, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';

export { expect };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script: string = '../../scripts/web.mjs';
const { webHostArgs } = (await import(script)) as { webHostArgs: (dir: string) => string[] };
const START_TIMEOUT_MS = 30_000;

export interface DeskHost {
  /** The printed address, with its #token=… */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  vaultService: string;
  /** Calls the contract over the web host, as the page does. */
  api<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>>;
}

function startHost(
  dataDir: string,
  vaultService: string,
  extraEnv: Record<string, string>,
): { child: ChildProcess; url: Promise<string> } {
  // Started as `npm run web` starts it (the bundle global-setup.ts keeps fresh, scripts/web.mjs's
  // arguments); node itself rather than npm: the pid is the host, so SIGTERM reaches it.
  const child = spawn(process.execPath, webHostArgs(root), {
    cwd: root,
    env: {
      ...process.env,
      TRIGGER_DESK_DATA: dataDir,
      TRIGGER_DESK_PORT: '0',
      TRIGGER_DESK_SANDBOX_PORT: '0',
      TRIGGER_DESK_VAULT_SERVICE: vaultService,
      TRIGGER_DESK_NO_OPEN: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const url = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the web host printed no URL within ${START_TIMEOUT_MS} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\S*#token=\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the web host exited (${String(code)}) before printing its URL.\nstdout: ${out}\nstderr: ${err}`),
      );
    });
  });
  return { child, url };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      done();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

let counter = 0;

export const test = base.extend<{
  hostEnv: Record<string, string>;
  hostData: { fill(dataDir: string): void } | null;
  host: DeskHost;
  desk: Page;
}>({
  /** Extra environment for the web host (e.g. no D-Bus, to see the session-only vault). */
  hostEnv: [{}, { option: true }],
  /** Fills the data folder before the web host starts (e.g. with damaged files). An object: Playwright would take a bare function for a fixture. */
  hostData: [null, { option: true }],
  host: async ({ hostEnv, hostData }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'td-e2e-'));
    hostData?.fill(dataDir);
    const vaultService = `trigger-desk-e2e-${process.pid}-${testInfo.workerIndex}-${++counter}`;
    const { child, url: urlPromise } = startHost(dataDir, vaultService, hostEnv);
    try {
      const url = await urlPromise;
      const parsed = new URL(url);
      const token = decodeURIComponent(/token=([^&]+)/.exec(parsed.hash)?.[1] ?? '');
      const api = async <K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> => {
        const response = await fetch(`${parsed.origin}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-desk-token': token },
          body: JSON.stringify(args),
        });
        const reply = (await response.json()) as Reply<Result<K>>;
        if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
        return reply.value;
      };
      await use({ url, origin: parsed.origin, token, dataDir, vaultService, api });
    } finally {
      await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  desk: async ({ page, host }, use) => {
    // Uncaught errors and console errors (CSP violations among them) fail the test.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(host.url);
    await expect(
      page
        .getByRole('list', { name: /^Triggers in / })
        .first()
        .getByRole('listitem')
        .first(),
    ).toBeVisible();
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

/** Every file under a folder, recursively, as bytes (to search for secrets). */
export function readAllFiles(folder: string): { path: string; bytes: Buffer }[] {
  const files: { path: string; bytes: Buffer }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push({ path, bytes: readFileSync(path) });
    }
  };
  walk(folder);
  return files;
}

/** Screenshots go to test-results/screenshots/, and only after checking no key text is on the page. */
export async function screenshot(page: Page, name: string, secrets: string[]): Promise<void> {
  const html = await page.content();
  const visible = await page.locator('body').innerText();
  // Typed text lives in .value, which neither of the above shows.
  const values = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, textarea'), (e) => (e as HTMLInputElement).value).join('\n'),
  );
  for (const secret of secrets) {
    expect(html, `a key is in the DOM before screenshot ${name}`).not.toContain(secret);
    expect(visible, `a key is visible before screenshot ${name}`).not.toContain(secret);
    expect(values, `a key is in a field before screenshot ${name}`).not.toContain(secret);
  }
  await page.screenshot({ path: join(root, 'test-results', 'screenshots', `${name}.png`), fullPage: false });
}

/** A trigger's row in the sidebar (the welcome screen may show a button with the same name). */
export function sidebarTrigger(page: Page, name: string | RegExp): Locator {
  return page.getByRole('complementary', { name: 'Workspaces and triggers' }).getByRole('button', { name });
}
