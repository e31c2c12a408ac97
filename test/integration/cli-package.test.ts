// The packed CLI installs alone: `npm pack` (which bundles dist-cli/ first), then `npm install -g
// <tarball>` into a temporary prefix, run from a folder outside the checkout. The installed
// `trigger-desk` answers --version and --help, runs `match`, and fires and follows a webhook URL on
// the sandbox; the install holds no Electron and no development package, and no TypeScript.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import { CONDITIONAL_SAMPLE } from '../../electron/sandbox/examples';
import type { Sandbox } from '../../electron/sandbox/types';
import { example } from './watch-helpers';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let work: string;
let prefix: string;
let bin: string;
let packed: { filename: string; files: { path: string }[] };
let sandbox: Sandbox | undefined;

function sb(): Sandbox {
  if (!sandbox) throw new Error('the sandbox did not start');
  return sandbox;
}

/** An environment that knows nothing of the checkout: no npm_* variables from a parent npm run. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.toLowerCase().startsWith('npm_') && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD') env[k] = v;
  return { ...env, HARNESS_API_KEY: '', NO_COLOR: '1' };
}

async function installed(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(bin, args, { cwd: work, env: { ...cleanEnv(), ...env }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'td-pack-'));
  prefix = join(work, 'prefix');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  packed = (JSON.parse(stdout) as (typeof packed)[])[0] ?? { filename: '', files: [] };
  const tarball = join(work, packed.filename);
  // From the folder beside the tarball, with npm's cache (the registry only for what it lacks).
  await run(
    'npm',
    ['install', '-g', tarball, '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: work, env: cleanEnv(), timeout: 180_000 },
  );
  bin = join(prefix, 'bin', 'trigger-desk');
  sandbox = await startSandbox({ port: 0, speed: 20 });
}, 300_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('carries the bundle and its starter, no sources, tests or TypeScript', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('bin/trigger-desk.mjs');
    expect(paths).toContain('dist-cli/trigger-desk.mjs');
    expect(paths).toContain('package.json');
    expect(paths.filter((p) => !/^(bin|dist-cli)\/|^(package\.json|README\.md|LICENSE)$/.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts'))).toEqual([]);
  });

  it('installs without Electron or any development package', () => {
    const modules = join(prefix, 'lib', 'node_modules', 'trigger-desk', 'node_modules');
    const names = existsSync(modules)
      ? readdirSync(modules).flatMap((n) =>
          n.startsWith('@') ? readdirSync(join(modules, n)).map((s) => `${n}/${s}`) : [n],
        )
      : [];
    expect(names.filter((n) => !n.startsWith('@napi-rs/') && !n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'electron'))).toBe(false);
  });

  it('answers --version and --help from the install, with the exit codes', async () => {
    const version = await installed(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await installed(['fire', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/3 +still running when --timeout/);
  });

  it('runs match on files', async () => {
    writeFileSync(join(work, 't.yaml'), example(sb(), 'conditional').yaml);
    writeFileSync(join(work, 'p.json'), CONDITIONAL_SAMPLE.body);
    const r = await installed(['match', '--trigger', 't.yaml', '--payload', 'p.json', '--header', 'X-Source: jenkins']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/WOULD FIRE/);
    expect(r.code).toBe(0);
  });

  it('fires a webhook URL and follows the run to Success', async () => {
    const r = await installed(['fire', example(sb(), 'plain').url, '--data-raw', '{"tag":"v9"}', '--wait']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Succeeded/);
    expect(
      sandbox.received
        .filter((x) => x.method === 'POST')
        .at(-1)
        ?.body.toString(),
    ).toBe('{"tag":"v9"}');
  });
});
