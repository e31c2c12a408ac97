// The chains requests, wired to chains.ts (store), run.ts (runner) and the pure
// notificationRules generator.
import type { Args, Handlers, Result } from '../../../shared/api';
import { DeskError } from '../../../shared/errors';
import { notificationRulesYaml } from '../../../shared/harness/notification-rules';
import { liveTrigger, type Ctx } from '../context';
import type { ChainRunner } from './run';
import { deleteChain, listChains, listRuns, saveChain } from './chains';

type ChainNames =
  | 'chains:list'
  | 'chains:save'
  | 'chains:delete'
  | 'chains:run'
  | 'chains:stop'
  | 'chains:runs'
  | 'chains:notificationYaml';

export function notificationFor(ctx: Ctx, a: Args<'chains:notificationYaml'>): Result<'chains:notificationYaml'> {
  let webhookUrl = a.webhookUrl;
  if (a.triggerId !== undefined) webhookUrl = liveTrigger(ctx.data.read(), a.triggerId).parsed.url;
  if (webhookUrl === undefined || webhookUrl.trim() === '')
    throw new DeskError('invalid-args', 'Pick the trigger of pipeline B (or give its URL)');
  return notificationRulesYaml({
    name: a.name,
    events: a.events,
    webhookUrl,
    secretId: a.secretId,
    ...(a.source ? { source: a.source } : {}),
  });
}

export function chainHandlers(ctx: Ctx, runner: ChainRunner): Pick<Handlers, ChainNames> {
  return {
    'chains:list': async (a) => listChains(ctx, a),
    'chains:save': async (a) => saveChain(ctx, a),
    'chains:delete': async (a) => {
      deleteChain(ctx, a);
      return null;
    },
    'chains:run': async (a) => runner.run(a.id),
    'chains:stop': async (a) => runner.stop(a.runId),
    // A run recorded as running that this process does not follow was left by an app that stopped
    // (or is followed by another process, e.g. the CLI): shown as stopped here, record untouched.
    'chains:runs': async (a) =>
      listRuns(ctx, a).map((r) =>
        r.state === 'running' && !runner.has(r.id)
          ? {
              ...r,
              state: 'stopped' as const,
              message:
                'Not followed here: the Trigger Desk process that ran it stopped (or another one, such as the command line, follows it).',
            }
          : r,
      ),
    'chains:notificationYaml': async (a) => notificationFor(ctx, a),
  };
}
