// A real backend on a temp data folder, and the Harness sandbox in a process of its own (as Harness
// would be: its work must not be counted against the client's), for the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import type { Trigger } from '../../shared/model';

export interface BenchBackend {
  backend: Backend;
  /** The ready cURL commands the sandbox printed, in its order (the first is the plain trigger). */
  curls: string[];
  close(): Promise<void>;
}

function startSandboxProcess(speed: number): Promise<{ child: ChildProcess; curls: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/sandbox/cli.ts', '--port', '0', '--speed', String(speed)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) resolve({ child, curls: out.split('\n').filter((l) => l.startsWith('curl ')) });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
}

/** `speed` makes the sandbox's runs (and so the watches every fire starts) end that many times sooner. */
export async function openBenchBackend(speed = 1): Promise<BenchBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-'));
  const sandbox = await startSandboxProcess(speed);
  let backend: Backend;
  try {
    backend = await createBackend({
      dataDir,
      mode: 'cli',
      version: 'bench',
      notify: () => undefined,
      vaultService: `trigger-desk-bench-${process.pid}`,
    });
  } catch (err) {
    // Never leave the sandbox behind: it holds the terminal's pipes open.
    sandbox.child.kill('SIGTERM');
    throw err;
  }
  return {
    backend,
    curls: sandbox.curls,
    close: async () => {
      await backend.close();
      sandbox.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Imports the sandbox's plain trigger (no key, runs succeed) exactly as a user's paste would. */
export async function plainSandboxTrigger(bench: BenchBackend): Promise<Trigger> {
  const curl = bench.curls[0];
  if (!curl) throw new Error('bench: the sandbox printed no cURL command');
  const workspace = await bench.backend.handlers['workspaces:create']({ name: 'Bench' });
  const { trigger } = await bench.backend.handlers['triggers:importCurl']({ workspaceId: workspace.id, text: curl });
  return trigger;
}
