// The packed CLI installs alone: `npm pack` (which bundles dist-cli/ first), then `npm install -g
// <tarball>` into a temporary prefix, run from a folder outside the checkout. The installed
// `trigger-desk` answers --version and --help, runs `match`, fires and follows a webhook URL on the
// sandbox and starts its own sandbox; the install holds no Electron, no development package and no
// TypeScript. Then docs/ci.md's GitHub Actions, Jenkins and GitLab CI steps run as written (their
// install line included), with the CI system's variables filled in, against the sandbox.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import { CONDITIONAL_SAMPLE } from '../../electron/sandbox/examples';
import type { Sandbox } from '../../electron/sandbox/types';
import { githubExpressions, githubSteps, gitlabJobs, jenkinsScript } from '../helpers/ci-docs';
import { example } from './watch-helpers';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let work: string;
let prefix: string;
let bin: string;
let tarball: string;
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
  tarball = join(work, packed.filename);
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

const lastPost = (): string | undefined =>
  sb()
    .received.filter((x) => x.method === 'POST')
    .at(-1)
    ?.body.toString();

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
    expect(lastPost()).toBe('{"tag":"v9"}');
  });
});

describe('the installed sandbox', () => {
  it('starts, prints its example triggers and the keys, and stops on SIGTERM', async () => {
    const child = spawn(bin, ['sandbox', '--port', '0'], { cwd: work, env: cleanEnv() });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (/curl -X POST/.test(out)) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    expect(out).toMatch(/^Harness sandbox running at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/API key with execute permission: sat\.sandbox\./);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** Runs a CI script with bash -e (as GitLab and Jenkins do) in a fresh workspace, the install going to the temporary prefix. */
async function ciScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string; dir: string }> {
  const dir = mkdtempSync(join(work, 'job-'));
  const base = cleanEnv();
  const full = {
    ...base,
    PATH: `${join(prefix, 'bin')}:${base.PATH ?? ''}`,
    npm_config_prefix: prefix,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_loglevel: 'error',
    TRIGGER_DESK_TARBALL: tarball,
    HARNESS_API_KEY: sb().keys.execute,
    ...env,
  };
  try {
    const r = await run('bash', ['-e', '-c', script], { cwd: dir, env: full, timeout: 120_000 });
    return { code: 0, out: r.stdout + r.stderr, dir };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, out: (err.stdout ?? '') + (err.stderr ?? ''), dir };
  }
}

describe('docs/ci.md', () => {
  it('GitHub Actions: the step fires with the key, writes the outputs and summary; the next step reads them', async () => {
    const secured = example(sb(), 'authorized');
    const gh = mkdtempSync(join(work, 'gh-'));
    const [fire, report] = githubSteps();
    const values: Record<string, string> = {
      'vars.TRIGGER_DESK_TARBALL': tarball,
      'secrets.HARNESS_WEBHOOK_URL': secured.url,
      'secrets.HARNESS_API_KEY': sb().keys.execute,
      'github.sha': '4f2a9c1',
    };
    const env = Object.fromEntries(Object.entries(fire?.env ?? {}).map(([k, v]) => [k, githubExpressions(v, values)]));
    const files = { GITHUB_OUTPUT: join(gh, 'output'), GITHUB_STEP_SUMMARY: join(gh, 'summary.md') };
    const r = await ciScript(fire?.run ?? 'false', { ...env, ...files });
    expect(r.out).not.toContain(sb().keys.execute);
    expect(r.code).toBe(0);
    expect(lastPost()).toBe('{"image": "registry.example.com/shop/api", "tag": "4f2a9c1"}');
    const outputs = Object.fromEntries(
      readFileSync(files.GITHUB_OUTPUT, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [`steps.harness.outputs.${l.slice(0, l.indexOf('='))}`, l.slice(l.indexOf('=') + 1)]),
    );
    expect(outputs['steps.harness.outputs.status']).toBe('Success');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('| Stage | Status | Time |');
    const next = await ciScript(githubExpressions(report?.run ?? 'false', { ...values, ...outputs }), {});
    expect(next.out).toMatch(
      /^Harness run http:\/\/127\.0\.0\.1:\d+\/ng\/#\/account\/.+\/executions\/[\w-]+\/pipeline ended Success$/m,
    );
  }, 120_000);

  it('Jenkins: the sh script exits 0 and leaves harness.properties for readProperties', async () => {
    const r = await ciScript(jenkinsScript(), {
      HARNESS_WEBHOOK_URL: example(sb(), 'authorized').url,
      GIT_COMMIT: 'abc123',
    });
    expect(r.code).toBe(0);
    expect(lastPost()).toBe('{"image": "registry.example.com/shop/api", "tag": "abc123"}');
    const props = readFileSync(join(r.dir, 'harness.properties'), 'utf8');
    expect(props).toMatch(/^status=Success$/m);
    expect(props).toMatch(/^execution_url=http:\/\/127\.0\.0\.1:\d+\/ng\/#\/account\/.+\/pipeline$/m);
  }, 120_000);

  it('Jenkins: a failing run exits 1 and still leaves the properties (the build fails with its status)', async () => {
    const r = await ciScript(jenkinsScript(), { HARNESS_WEBHOOK_URL: example(sb(), 'fails').url, GIT_COMMIT: 'abc' });
    expect(r.code).toBe(1);
    expect(readFileSync(join(r.dir, 'harness.properties'), 'utf8')).toMatch(/^status=Failed$/m);
  }, 120_000);

  it('GitLab CI: the job writes the dotenv report; the next job reads its variables', async () => {
    const jobs = gitlabJobs();
    const deploy = jobs['deploy-with-harness'];
    const r = await ciScript((deploy?.script ?? ['false']).join('\n'), {
      HARNESS_WEBHOOK_URL: example(sb(), 'authorized').url,
      CI_COMMIT_SHORT_SHA: '9e8d7c6b',
    });
    expect(r.code).toBe(0);
    expect(lastPost()).toBe('{"image": "registry.example.com/shop/api", "tag": "9e8d7c6b"}');
    const report = deploy?.artifacts?.reports?.dotenv ?? 'none';
    const dotenv = Object.fromEntries(
      readFileSync(join(r.dir, report), 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(dotenv.status).toBe('Success');
    const next = await ciScript((jobs['report-harness-run']?.script ?? ['false']).join('\n'), dotenv);
    expect(next.out).toMatch(/^Harness run http:\/\/\S+\/executions\/[\w-]+\/pipeline ended Success$/m);
  }, 120_000);
});
