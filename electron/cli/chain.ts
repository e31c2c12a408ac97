// `trigger-desk chain <name|id> [--wait] [--json]`: runs a saved chain through the app's own backend,
// by the same dispatch as the page (desk.ts; keys from the vault, every step recorded in the
// history), printing each step as it goes.
// A chain cannot go on without someone following it (a step starts when the previous run ends), so
// the command always follows it to its end; --wait is accepted for symmetry with `fire`.
// Exit codes as `fire`: 0 every step reached Success, 1 a run ended otherwise or the chain was
// stopped (Ctrl+C stops it: nothing more fires), 2 bad input, a problem found before anything
// fired, or Harness refused a fire.
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backend/index';
import { defaultDataDir } from '../backend/store/index';
import type { Backend } from '../backend/types';
import type { EventName, Events } from '../../shared/events';
import type { ChainRun, ChainView } from '../../shared/chain-model';
import { ask } from './desk';
import { BadInput, reportFailure } from './failure';
import { parseTargetArgs } from './target-args';
import { stdio, type CliIo } from './status';

const USAGE = `usage: trigger-desk chain <chain-name|id> [--wait] [--json]

Runs a saved chain: fires step 1, follows its run, and fires each next step when the previous run
reaches the status the step waits for. Ctrl+C stops the chain (nothing more fires).
  --wait       follow the chain to its end (always done: a chain needs someone following it)
  --json       print the final state of the chain run as JSON
  --data DIR   the app's data folder (default: the desktop app's own)
exit codes: 0 every step reached Success, 1 a run ended otherwise or stopped, 2 bad input or a refused fire
`;

async function findChain(backend: Backend, wanted: string): Promise<ChainView> {
  const all: ChainView[] = [];
  for (const w of await ask(backend, 'workspaces:list', {}))
    all.push(...(await ask(backend, 'chains:list', { workspaceId: w.id })));
  const byId = all.find((c) => c.id === wanted);
  if (byId) return byId;
  const byName = all.filter((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1)
    throw new BadInput(
      `${byName.length} chains are named "${wanted}"; use the id instead: ${byName.map((c) => c.id).join(', ')}`,
    );
  throw new BadInput(`no saved chain is named "${wanted}" (chains are built in the app's Chains view)`);
}

function stepLines(prev: ChainRun | null, run: ChainRun): string {
  let text = '';
  run.steps.forEach((s, i) => {
    const was = prev?.steps[i];
    if (was && was.phase === s.phase && was.status === s.status) return;
    if (s.phase === 'waiting') return;
    text += `step ${i + 1} ${s.triggerName}: ${s.phase}${s.status ? ` (${s.status})` : ''}${s.planExecutionId ? ` run ${s.planExecutionId}` : ''}\n`;
  });
  return text;
}

export function exitForChain(run: ChainRun): number {
  if (run.state === 'succeeded') return 0;
  // A step that was never followed was refused (or not sent): as `fire`, that is exit 2.
  const failed = run.steps.find((s) => s.phase === 'failed');
  if (failed && failed.watchId === null) return 2;
  return 1;
}

async function runChain(o: { wanted: string; json: boolean; dataDir: string; io: CliIo }): Promise<ChainRun> {
  let runId: string | null = null;
  let last: ChainRun | null = null;
  let done: ((r: ChainRun) => void) | null = null;
  const early: ChainRun[] = [];
  /** A function, so the narrowing of `last` does not survive the awaits where updates land. */
  const current = (): ChainRun | null => last;
  const onUpdate = (r: ChainRun): void => {
    if (runId === null) {
      early.push(r);
      return;
    }
    if (r.id !== runId) return;
    if (!o.json) o.io.out(stepLines(last, r));
    last = r;
    if (r.state !== 'running') done?.(r);
  };
  const backend: Backend = await createBackend({
    dataDir: o.dataDir,
    mode: 'cli',
    version: 'cli',
    env: o.io.env,
    notify: <E extends EventName>(name: E, payload: Events[E]) => {
      if (name === 'chain:update') onUpdate(payload as ChainRun);
    },
  });
  const stop = (): void => {
    if (runId !== null) void ask(backend, 'chains:stop', { runId }).catch(() => undefined);
  };
  process.on('SIGINT', stop);
  try {
    const chain = await findChain(backend, o.wanted);
    if (chain.problems.length > 0)
      throw new BadInput(
        `the chain "${chain.name}" was not started:\n  ${chain.problems.map((p) => p.message).join('\n  ')}`,
      );
    const ended = new Promise<ChainRun>((resolve) => {
      done = resolve;
    });
    const started = await ask(backend, 'chains:run', { id: chain.id });
    runId = started.id;
    if (!o.json) o.io.out(`Chain "${chain.name}": ${String(chain.steps.length)} steps\n`);
    for (const r of early.splice(0)) onUpdate(r);
    const now = current();
    return now !== null && now.state !== 'running' ? now : await ended;
  } finally {
    process.off('SIGINT', stop);
    await backend.close();
  }
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  const args = argv[0] === 'chain' ? argv.slice(1) : argv;
  let json = args.includes('--json');
  // The data folder: the stores, and the log an unexpected error is written to.
  let dataDir = defaultDataDir(io.env);
  try {
    const values = parseTargetArgs(args, dataDir);
    ({ json, dataDir } = values);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const wanted = values.target;
    if (wanted === null) throw new BadInput('give exactly one chain name or id');
    const final = await runChain({ wanted, json, io, dataDir });
    if (json) io.out(`${JSON.stringify(final, null, 2)}\n`);
    else io.out(`Chain ${final.state}${final.message ? `: ${final.message}` : ''}\n`);
    return exitForChain(final);
  } catch (e) {
    return reportFailure(e, { command: 'chain', json, io, usage: USAGE, dataDir });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
