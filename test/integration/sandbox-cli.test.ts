// `npm run sandbox` as a user runs it: the printed cURL commands work when pasted into a shell,
// the port comes from --port or TRIGGER_DESK_SANDBOX_PORT, and SIGTERM closes it cleanly.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let child: ChildProcessWithoutNullStreams | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

function start(
  args: string[],
  env: Record<string, string> = {},
): { proc: ChildProcessWithoutNullStreams; output: () => string; ready: Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/sandbox/cli.ts', ...args], {
    env: { ...process.env, ...env },
  });
  child = proc;
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', () => out.includes('Press Ctrl+C') && resolve(out));
    proc.on('exit', (code) => reject(new Error(`sandbox exited ${String(code)}: ${out}`)));
  });
  // Awaited only by the tests that expect a start; an expected early exit is not an unhandled error.
  ready.catch(() => undefined);
  return { proc, output: () => out, ready };
}

function exited(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const address = srv.address();
  await new Promise((r) => srv.close(r));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('npm run sandbox', () => {
  it('prints the base URL and cURL commands that work as pasted; SIGTERM stops it', async () => {
    const port = await freePort();
    const s = start([], { TRIGGER_DESK_SANDBOX_PORT: String(port) });
    const text = await s.ready;
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Harness sandbox running at http://127.0.0.1:${port}`);
    const curls = lines.filter((l) => l.startsWith('curl '));
    expect(curls.length).toBeGreaterThanOrEqual(4);
    for (const line of curls) {
      const { stdout } = await run('sh', ['-c', `${line} -s -o /dev/null -w '%{http_code}'`]);
      expect(stdout).toBe('200');
    }
    const disabled = lines.find((l) => l.startsWith('# curl '));
    const { stdout } = await run('sh', ['-c', `${(disabled ?? '').slice(2)} -s -w ' %{http_code}'`]);
    expect(stdout).toMatch(
      /No enabled custom trigger found for the used custom webhook token: [A-Za-z0-9_-]{22}".* 400$/,
    );
    const done = exited(s.proc);
    s.proc.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(s.output()).toContain('Harness sandbox stopped (SIGTERM).');
  });

  it('takes --port and refuses a bad one in plain words', async () => {
    const port = await freePort();
    const s = start(['--port', String(port), '--speed', '5']);
    expect((await s.ready).split('\n')[0]).toBe(`Harness sandbox running at http://127.0.0.1:${port}`);
    s.proc.kill('SIGINT');
    expect(await exited(s.proc)).toBe(0);
    const bad = start(['--port', 'eighty']);
    expect(await exited(bad.proc)).toBe(2);
    expect(bad.output()).toContain('--port must be a number from 0 to 65535, not "eighty"');
  });
});
