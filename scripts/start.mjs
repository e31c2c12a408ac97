// `npm start`: build what is stale, then launch Electron. Where Electron cannot run (its binary is
// fetched on first launch and this machine may not be able to; no display; missing system
// libraries), say so in one line and serve the same app in the browser instead (npm run web).
//
// The binary is located through node_modules/electron/path.txt, never `import 'electron'`: in
// plain Node that import tries a download and throws.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { buildRendererIfStale, buildWebHostIfStale, runWebHost } from './web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** An Electron that dies this soon after launch did not start (missing libraries, sandbox, GPU). */
const EARLY_EXIT_MS = 10_000;
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary's path, or null. Honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does. */
function electronBinary(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? join(override, relative || 'electron') : join(dir, 'dist', relative);
  return existsSync(exe) ? exe : null;
}

/** First launch: the electron package fetches its binary now. Quiet unless it takes a while. */
function tryDownload(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: 'ignore' });
    const notice = setTimeout(
      () => process.stdout.write("Downloading Electron's binary (first start only)...\n"),
      3000,
    );
    const limit = setTimeout(() => child.kill('SIGTERM'), DOWNLOAD_TIMEOUT_MS);
    const done = () => {
      clearTimeout(notice);
      clearTimeout(limit);
      resolve(electronBinary(dir));
    };
    child.on('error', done);
    child.on('exit', done);
  });
}

async function findElectron() {
  const dir = electronDir();
  if (dir === null) return { exe: null, why: 'the electron package is not installed: run npm install' };
  const exe = electronBinary(dir) ?? (await tryDownload(dir));
  if (exe === null) return { exe: null, why: 'its binary is not installed and cannot be downloaded here' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { exe: null, why: 'there is no display: $DISPLAY and $WAYLAND_DISPLAY are not set' };
  }
  return { exe, why: null };
}

function lastLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.find((l) => /error|missing|cannot|failed/i.test(l)) ?? lines.at(-1) ?? '').slice(0, 200);
}

/** Resolves { started: true, code } when Electron ran, { started: false, why } when it did not start. */
function launchElectron(exe) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(exe, [root], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    const startedAt = Date.now();
    let early = '';
    child.stderr.on('data', (chunk) => {
      // Held back while the launch may still fail (the one line says why); passed on after.
      if (Date.now() - startedAt < EARLY_EXIT_MS) early += chunk.toString();
      else process.stderr.write(chunk);
    });
    const flush = setTimeout(() => {
      process.stderr.write(early);
      early = '';
    }, EARLY_EXIT_MS);
    const forward = (signal) => child.exitCode === null && child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const finish = (result) => {
      clearTimeout(flush);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(result);
    };
    child.on('error', (err) => finish({ started: false, why: `it could not be run: ${err.message}` }));
    child.on('exit', (code, signal) => {
      const quick = Date.now() - startedAt < EARLY_EXIT_MS;
      if (quick && code !== 0 && signal === null) {
        const detail = lastLine(early);
        finish({ started: false, why: `it exited with code ${code}${detail ? `: ${detail}` : ''}` });
        return;
      }
      if (early) process.stderr.write(early);
      finish({ started: true, code: code ?? (signal === 'SIGINT' ? 130 : 143) });
    });
  });
}

async function main() {
  const { exe, why } = await findElectron();
  if (!buildRendererIfStale(root)) return 1;
  if (exe !== null) {
    try {
      await buildElectron();
    } catch (err) {
      process.stderr.write(
        `The Electron bundle could not be built: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      return 1;
    }
    const result = await launchElectron(exe);
    if (result.started) return result.code;
    process.stdout.write(`Electron could not start (${result.why}); opening Trigger Desk in your browser instead.\n`);
  } else {
    process.stdout.write(`Electron could not start (${why}); opening Trigger Desk in your browser instead.\n`);
  }
  if (!(await buildWebHostIfStale(root))) return 1;
  return runWebHost();
}

process.exit(await main());
