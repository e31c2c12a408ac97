// `npm run web`: build the page and the host bundle if stale, then run the browser-mode host
// (dist-electron/web.mjs, bundled from electron/web/start.ts). Signals are passed on so the host
// closes cleanly.
// The page is rebuilt only when dist/renderer is missing or older than its sources, so later
// starts are quick and never serve a stale page. scripts/start.mjs uses the same helpers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'tsconfig.renderer.json', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererIsStale(root) {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > builtAt);
}

/** Returns true when the page is ready (built now or already fresh). */
export function buildRendererIfStale(root) {
  if (!rendererIsStale(root)) return true;
  process.stdout.write('Building the page (vite build)...\n');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(
      `The page could not be built (vite build ${result.error ? `failed: ${result.error.message}` : `exited with code ${result.status}`}).\n`,
    );
    return false;
  }
  return true;
}

const HOST_SOURCES = ['electron', 'shared', 'package.json', 'package-lock.json'];

/** Bundles electron/web/start.ts into dist-electron/web.mjs when missing or older than its sources. */
export async function buildWebHostIfStale(root) {
  const built = join(root, 'dist-electron', 'web.mjs');
  if (existsSync(built) && !HOST_SOURCES.some((source) => newestMtime(join(root, source)) > statSync(built).mtimeMs))
    return true;
  try {
    const { buildWebHost } = await import('./build-electron.mjs');
    await buildWebHost();
    return true;
  } catch (err) {
    process.stderr.write(`The web host could not be built: ${err instanceof Error ? err.message : String(err)}\n`);
    return false;
  }
}

/**
 * How the host is started, the one way: `npm run web`, the e2e fixtures and the start-up bench all
 * spawn `process.execPath` with these arguments. No --enable-source-maps: it parses the bundle's
 * source maps at every start (~10% of the host's start-up CPU); the bundle keeps its names, so a
 * logged stack trace still reads.
 */
export function webHostArgs(dir = root) {
  return [join(dir, 'dist-electron', 'web.mjs')];
}

export function runWebHost(env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, webHostArgs(), {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    const forward = (signal) => {
      if (child.exitCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      process.stderr.write(`The web host could not be started: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!buildRendererIfStale(root) || !(await buildWebHostIfStale(root))) process.exit(1);
  process.exit(await runWebHost());
}
