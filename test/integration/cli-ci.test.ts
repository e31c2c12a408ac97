// `trigger-desk fire` as a CI job runs it (bin/trigger-desk.mjs in a child process, output to pipes)
// against the sandbox: --wait --timeout (exit 3, where the run stands, the links), --header with a
// value from the environment (sent, never printed), --var and --data-raw, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY, --output FILE, timestamped lines without colour, and the refused --api-key.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { uniqueService } from '../helpers/keychain';
import { example, openDesk } from './watch-helpers';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/trigger-desk.mjs', import.meta.url));
let sandbox: Sandbox;
let dir: string;
let service: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        TRIGGER_DESK_DATA: join(dir, 'data'),
        TRIGGER_DESK_VAULT_SERVICE: service,
        TRIGGER_DESK_POLL_SCALE: '0.05',
        HARNESS_API_KEY: '',
        ...env,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const posts = (): { body: string; headers: Record<string, string | string[] | undefined> }[] =>
  sandbox.received.filter((x) => x.method === 'POST').map((x) => ({ body: x.body.toString(), headers: x.headers }));

/** key=value lines into an object (as Jenkins readProperties or a GitLab dotenv report reads them). */
function properties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  dir = mkdtempSync(join(tmpdir(), 'td-cli-ci-'));
  service = uniqueService('cli-ci');
  // Saved triggers, as the app would have them: one waits for an approval, one has a {{tag}} payload.
  const desk = await openDesk({ dataDir: join(dir, 'data'), service });
  const ws = await desk.backend.handlers['workspaces:create']({ name: 'CI' });
  const text = (kind: string): string => example(sandbox, kind).curl;
  await desk.backend.handlers['triggers:importCurl']({ workspaceId: ws.id, text: text('approval'), name: 'Release' });
  const { trigger } = await desk.backend.handlers['triggers:importCurl']({
    workspaceId: ws.id,
    text: text('plain'),
    name: 'Deploy',
  });
  // Its first payload, the one a fire without --payload sends, becomes a template.
  const first = trigger.payloads[0]?.id;
  await desk.backend.handlers['payloads:save']({
    triggerId: trigger.id,
    ...(first === undefined ? {} : { id: first }),
    name: 'tagged',
    body: '{"tag":"{{tag}}"}',
  });
  await desk.close();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fire --wait --timeout', () => {
  it('exits 3 when the run is still going, saying where it stands, with the links and outputs', async () => {
    const out = join(dir, 'timeout.env');
    const r = await cli(['fire', example(sandbox, 'approval').url, '--wait', '--timeout', '3s', '--output', out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /Run .+ #\d+ \([\w-]+\): http:\/\/127\.0\.0\.1:\d+\/ng\/#\/account\/.+\/executions\/[\w-]+\/pipeline/,
    );
    expect(r.stdout).toMatch(
      /Timed out after 3 s: the run is still going, waiting for an approval in Approve release\. It goes on in Harness:/,
    );
    const o = properties(readFileSync(out, 'utf8'));
    expect(r.stdout).toContain(`  run: ${o.execution_url ?? 'x'}\n  event: ${o.api_url ?? 'x'}\n`);
    expect(o.status).toBe('ApprovalWaiting');
    expect(o.plan_execution_id).toMatch(/^[\w-]+$/);
    expect(o.execution_url).toContain(`/executions/${o.plan_execution_id ?? 'x'}/pipeline`);
    expect(o.api_url).toContain('/triggerExecutionDetails/');
  });

  it('refuses a bad duration, and --timeout without --wait (exit 2, nothing fired)', async () => {
    sandbox.clearReceived();
    const bad = await cli(['fire', example(sandbox, 'plain').url, '--wait', '--timeout', '10 minutes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--timeout needs a duration such as 90s, 30m or 1h/);
    expect((await cli(['fire', example(sandbox, 'plain').url, '--timeout', '1m'])).stderr).toMatch(/add --wait/);
    expect(posts()).toEqual([]);
  });
});

describe('fire in GitHub Actions', () => {
  it('writes the outputs to GITHUB_OUTPUT and the stage table to GITHUB_STEP_SUMMARY', async () => {
    const output = join(dir, 'gh-output');
    const summary = join(dir, 'gh-summary.md');
    const r = await cli(['fire', example(sandbox, 'plain').url, '--data-raw', '{"tag":"v1"}', '--wait'], {
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(0);
    const o = properties(readFileSync(output, 'utf8'));
    expect(Object.keys(o)).toEqual([
      'event_correlation_id',
      'api_url',
      'ui_url',
      'plan_execution_id',
      'execution_url',
      'status',
    ]);
    expect(o.status).toBe('Success');
    expect(o.event_correlation_id).toMatch(/^[0-9a-f]{24}$/);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^### Trigger Desk: deploy_on_push/);
    expect(md).toContain('| Stage | Status | Time |');
    expect(md).toMatch(/\| Deploy QA \| Succeeded \| \d+\.\d s \|/);
    expect(md).toContain(`](${o.execution_url ?? 'x'})`);
  });
});

describe('fire logs in CI', () => {
  it('prints one timestamped line per change, the run link first, no colour or cursor codes', async () => {
    const r = await cli(['fire', example(sandbox, 'plain').url, '--wait']);
    expect(r.code).toBe(0);
    const [progress = '', table = ''] = r.stdout.split(/\n(?=Run )/);
    const lines = progress.split('\n').filter((l) => l !== '');
    for (const l of lines) expect(l).toMatch(/^\[\d\d:\d\d:\d\dZ\] /);
    const texts = lines.map((l) => l.slice(12));
    expect(texts.filter((t, i) => t === texts[i - 1])).toEqual([]);
    const runAt = texts.findIndex((t) => t.startsWith('Run '));
    expect(runAt).toBeGreaterThan(0);
    // The link as soon as the run exists, before the line that says how it ended.
    expect(runAt).toBeLessThan(texts.length - 1);
    expect(texts.at(-1)).toBe('Succeeded');
    expect(table).toMatch(/Deploy QA/);
    expect(r.stdout + r.stderr).not.toContain('\x1b');
  });
});

describe('fire on a terminal', () => {
  /** Runs the CLI with a pseudo-terminal as its output (util-linux `script`). */
  async function onTty(args: string[], env: Record<string, string> = {}): Promise<string> {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = await run('script', ['-qec', quoted, '/dev/null'], {
      env: { ...process.env, TRIGGER_DESK_DATA: join(dir, 'data'), HARNESS_API_KEY: '', ...env },
      timeout: 60_000,
    });
    return r.stdout;
  }

  it('colours the state that matters, unless NO_COLOR is set', async () => {
    const url = example(sandbox, 'plain').url;
    expect(await onTty(['fire', url, '--wait'])).toContain('] \x1b[32mSucceeded\x1b[0m');
    expect(await onTty(['fire', url, '--wait'], { NO_COLOR: '1' })).not.toContain('\x1b');
  });
});

describe('fire --header, --var, --data-raw', () => {
  it('sends a header value from the environment and never prints it', async () => {
    const token = `tok-${Math.random().toString(36).slice(2)}-secret`;
    sandbox.clearReceived();
    const args = ['fire', example(sandbox, 'plain').url, '-H', 'X-Build-Token: $BUILD_TOKEN', '--header'];
    const r = await cli([...args, 'X-Source: jenkins', '--header', 'X-Other: env:OTHER', '--json'], {
      BUILD_TOKEN: token,
      OTHER: 'other-value',
    });
    expect(r.code).toBe(0);
    const sent = posts()[0]?.headers;
    expect(sent?.['x-build-token']).toBe(token);
    expect(sent?.['x-other']).toBe('other-value');
    expect(sent?.['x-source']).toBe('jenkins');
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stdout + r.stderr).not.toContain('other-value');
    const missing = await cli(['fire', example(sandbox, 'plain').url, '-H', 'X-T: $NOT_SET_ANYWHERE']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/X-T: the environment variable NOT_SET_ANYWHERE is not set/);
  });

  it('fills {{variables}} from --var; a missing one stops the fire', async () => {
    sandbox.clearReceived();
    const url = example(sandbox, 'plain').url;
    const body = '{"image":"{{image}}","tag":"{{tag}}","n":{{n}}}';
    const ok = await cli([
      'fire',
      url,
      '--data-raw',
      body,
      '--var',
      'image=shop/api',
      '--var',
      'tag=v1.2',
      '--var',
      'n=3',
    ]);
    expect(ok.code).toBe(0);
    expect(posts()[0]?.body).toBe('{"image":"shop/api","tag":"v1.2","n":3}');
    sandbox.clearReceived();
    const missing = await cli(['fire', url, '--data-raw', body, '--var', 'image=x', '--var', 'n=1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the payload uses \{\{tag\}\}: give --var tag=VALUE/);
    const both = await cli(['fire', url, '--data-raw', '{}', '--payload', join(dir, 'x.json')]);
    expect(both.stderr).toMatch(/--payload FILE or --data-raw TEXT, not both/);
    expect(posts()).toEqual([]);
  });
});

describe('fire --api-key', () => {
  it('is refused, saying why and what to use, without echoing the key', async () => {
    sandbox.clearReceived();
    for (const args of [['--api-key', 'pat.abc.secretvalue'], ['--api-key=pat.abc.secretvalue']]) {
      const r = await cli(['fire', example(sandbox, 'authorized').url, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/a key is never taken from an argument: arguments show in process lists/);
      expect(r.stderr).toMatch(/Set HARNESS_API_KEY in the environment/);
      expect(r.stderr).not.toContain('secretvalue');
    }
    expect(posts()).toEqual([]);
  });
});

describe('fire on a saved trigger in CI', () => {
  it('--timeout stops following (exit 3) and leaves the outputs; the fire is in the history', async () => {
    const out = join(dir, 'saved-timeout.env');
    const r = await cli(['fire', 'Release', '--wait', '--timeout', '2s', '--output', out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Timed out after 2 s: the run is still going/);
    expect(readFileSync(out, 'utf8')).toMatch(/^status=ApprovalWaiting$/m);
    const desk = await openDesk({ dataDir: join(dir, 'data'), service });
    const page = await desk.backend.handlers['history:search']({ text: 'Release' });
    expect(page.entries[0]?.triggerName).toBe('Release');
    await desk.close();
  });

  it('fills {{tag}} in its saved payload from --var', async () => {
    sandbox.clearReceived();
    const ok = await cli(['fire', 'Deploy', '--var', 'tag=v5']);
    expect(ok.code).toBe(0);
    expect(posts()[0]?.body).toBe('{"tag":"v5"}');
    const missing = await cli(['fire', 'Deploy']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/give --var tag=VALUE/);
    expect(posts()).toHaveLength(1);
  });

  it('sends --header with the saved headers; a value from the environment is masked in the history, never saved', async () => {
    sandbox.clearReceived();
    const token = `tok-${Math.random().toString(36).slice(2)}-secret`;
    const r = await cli(['fire', 'Deploy', '--var', 'tag=v6', '-H', 'X-Source: jenkins', '-H', 'X-Build: $BUILD'], {
      BUILD: token,
    });
    expect(r.code, r.stderr).toBe(0);
    const sent = posts()[0]?.headers;
    expect(sent?.['x-source']).toBe('jenkins');
    expect(sent?.['x-build']).toBe(token);
    expect(r.stdout + r.stderr).not.toContain(token);
    const desk = await openDesk({ dataDir: join(dir, 'data'), service });
    const page = await desk.backend.handlers['history:search']({ text: 'Deploy' });
    const entry = await desk.backend.handlers['history:get']({ id: page.entries[0]?.id ?? '' });
    expect(entry.request.headers['X-Source']).toBe('jenkins');
    expect(entry.request.headers['X-Build']).not.toContain(token.slice(0, -4));
    const saved = (await desk.backend.handlers['triggers:list']({})).find((t) => t.name === 'Deploy');
    expect(saved?.headers.map((h) => h.name)).not.toContain('X-Build');
    expect(saved?.headers.map((h) => h.name)).not.toContain('X-Source');
    await desk.close();
    expect(readFileSync(join(dir, 'data', 'history.jsonl'), 'utf8')).not.toContain(token);
  });

  it('reports an argument the contract refuses in plain words, naming the request (exit 2, nothing sent)', async () => {
    sandbox.clearReceived();
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    const r = await cli(['fire', 'Deploy', '--payload', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trigger-desk fire: triggers:fire: body payload is over 10 MB$/m);
    expect(posts()).toEqual([]);
  });
});
