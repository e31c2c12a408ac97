// Saved chains and the record of their runs. Their own file, chains.json, beside
// data.json, opened like every store (store/store.ts: schema-checked, versioned, atomic writes, damaged
// items set aside), so the trigger store's format is untouched. A run's record links the history
// entries of its steps (historyId per step).
import { DeskError } from '../../../shared/errors';
import { findSecretInPayload, secretInPayloadError } from '../../../shared/harness/payload-secrets';
import { checkChain, type Chain, type ChainRun, type ChainStep, type ChainView } from '../../../shared/chain-model';
import { liveWorkspace, type Ctx } from '../context';
import { newId } from '../store/index';

export const MAX_CHAINS_PER_WORKSPACE = 200;
/** Run records kept (newest); older runs live on in the history entries of their steps. */
export const KEEP_RUNS = 200;

/** Live triggers (not deleted, workspace not deleted): id → name. */
export function liveTriggerNames(ctx: Ctx): Map<string, string> {
  const doc = ctx.data.read();
  const deadWs = new Set(doc.workspaces.filter((w) => w.deletedAt !== null).map((w) => w.id));
  return new Map(
    doc.triggers.filter((t) => t.deletedAt === null && !deadWs.has(t.workspaceId)).map((t) => [t.id, t.name]),
  );
}

export function viewOf(ctx: Ctx, c: Chain, names = liveTriggerNames(ctx)): ChainView {
  return { ...c, problems: checkChain(c.steps, names) };
}

export function listChains(ctx: Ctx, a: { workspaceId: string }): ChainView[] {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const names = liveTriggerNames(ctx);
  return ctx.chains
    .read()
    .chains.filter((c) => c.workspaceId === a.workspaceId)
    .map((c) => viewOf(ctx, c, names));
}

export function getChain(ctx: Ctx, id: string): Chain {
  const c = ctx.chains.read().chains.find((x) => x.id === id);
  if (!c) throw new DeskError('not-found', 'That chain does not exist (it may have been deleted).');
  return c;
}

/** Saves even with problems (a half-built chain is kept); the problems come back for the page to show. */
export function saveChain(
  ctx: Ctx,
  a: { workspaceId: string; id?: string | undefined; name: string; steps: ChainStep[] },
): ChainView {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const known = [...ctx.vault.knownSecrets()];
  a.steps.forEach((s, i) => {
    const spot = findSecretInPayload(s.body, known);
    if (spot) throw secretInPayloadError(`Step ${i + 1}: the payload`, spot, 'chains are');
  });
  const all = ctx.chains.read().chains;
  const mine = all.filter((x) => x.workspaceId === a.workspaceId);
  const existing = a.id === undefined ? undefined : mine.find((x) => x.id === a.id);
  if (a.id !== undefined && !existing)
    throw new DeskError('not-found', 'That chain does not exist (it may have been deleted).');
  if (mine.some((x) => x.id !== a.id && x.name.toLowerCase() === a.name.toLowerCase())) {
    throw new DeskError('invalid-args', `This workspace already has a chain named "${a.name}"`, {
      hint: 'Pick another name, or open that chain and save over it.',
    });
  }
  if (!existing && mine.length >= MAX_CHAINS_PER_WORKSPACE)
    throw new DeskError('invalid-args', `A workspace keeps at most ${MAX_CHAINS_PER_WORKSPACE} chains`);
  const now = ctx.now();
  const chain: Chain = {
    id: existing?.id ?? newId(),
    workspaceId: a.workspaceId,
    name: a.name,
    steps: a.steps.map((s) => ({ triggerId: s.triggerId, body: s.body, after: s.after })),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  ctx.chains.update((doc) => {
    doc.chains = existing ? all.map((x) => (x.id === chain.id ? chain : x)) : [...all, chain];
  });
  return viewOf(ctx, chain);
}

export function deleteChain(ctx: Ctx, a: { workspaceId: string; id: string }): void {
  const all = ctx.chains.read().chains;
  if (!all.some((x) => x.id === a.id && x.workspaceId === a.workspaceId))
    throw new DeskError('not-found', 'That chain does not exist (it may have been deleted).');
  ctx.chains.update((doc) => {
    doc.chains = all.filter((x) => x.id !== a.id);
  });
}

/** Writes (or replaces) a run's record; the newest KEEP_RUNS are kept. */
export function recordRun(ctx: Ctx, run: ChainRun): void {
  ctx.chains.update((doc) => {
    const runs = doc.runs.filter((r) => r.id !== run.id);
    // A copy: the runner keeps changing its own object, the store keeps what was written.
    runs.push(structuredClone(run));
    doc.runs = runs.slice(-KEEP_RUNS);
  });
}

export function listRuns(ctx: Ctx, a: { chainId?: string | undefined }): ChainRun[] {
  return ctx.chains
    .read()
    .runs.filter((r) => a.chainId === undefined || r.chainId === a.chainId)
    .reverse();
}
