// The sandbox as a peer of the backend (shared/sandbox-peer.ts): the hosts hand this starter to
// createBackend. The port is kept stable across launches (the backend asks for the one it had, so
// saved sandbox URLs stay valid); when that port is taken a free one is used, and the note says so.
import type { SandboxPeer, StartSandbox } from '../../shared/sandbox-peer';
import { startSandbox } from './server';
import type { Evaluate, Sandbox } from './types';

function peer(sandbox: Sandbox, note: string | null): SandboxPeer {
  return { baseUrl: sandbox.baseUrl, examples: sandbox.examples, note, close: () => sandbox.close() };
}

/**
 * Fires at the sandbox obey the triggers' conditions, decided by the app's own evaluator. It is
 * loaded at the first fire (JEXL, the Java regex engine and the YAML reader are not needed to start).
 */
function lazyEvaluate(): Evaluate {
  let loading: Promise<Evaluate> | null = null;
  return async (input) => {
    loading ??= import('./evaluate').then((m) => m.createSandboxEvaluate());
    return (await loading)(input);
  };
}

export const startSandboxPeer: StartSandbox = async (preferred) => {
  const evaluate = lazyEvaluate();
  if (preferred !== null && preferred !== 0) {
    try {
      return peer(await startSandbox({ port: preferred, host: '127.0.0.1', evaluate }), null);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', evaluate });
      return peer(
        sandbox,
        `The sandbox could not use port ${preferred} (${reason}); it runs at ${sandbox.baseUrl} instead.`,
      );
    }
  }
  return peer(await startSandbox({ port: 0, host: '127.0.0.1', evaluate }), null);
};
