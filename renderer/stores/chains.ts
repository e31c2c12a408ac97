// The Chains view's state: the workspace's saved chains, the chain being edited (a draft checked
// as it changes with the backend's own rules), and the chain runs pushed as `chain:update`.
import { create } from 'zustand';
import {
  checkChain,
  type ChainAfter,
  type ChainProblem,
  type ChainRun,
  type ChainStep,
  type ChainView,
} from '../../shared/chain-model';
import { desk, request } from '../bridge';
import { showError, showToast } from './toasts';

export interface Draft {
  id: string | null;
  name: string;
  steps: ChainStep[];
}

interface ChainsState {
  workspaceId: string | null;
  chains: ChainView[];
  draft: Draft;
  /** Runs by id; the newest run of the draft's chain is shown. */
  runs: Record<string, ChainRun>;
  busy: boolean;
}

const emptyDraft = (): Draft => ({ id: null, name: '', steps: [] });

export const useChains = create<ChainsState>(() => ({
  workspaceId: null,
  chains: [],
  draft: emptyDraft(),
  runs: {},
  busy: false,
}));

export function draftProblems(draft: Draft, triggers: { id: string; name: string }[]): ChainProblem[] {
  return checkChain(draft.steps, new Map(triggers.map((t) => [t.id, t.name])));
}

export function latestRun(s: ChainsState): ChainRun | null {
  const id = s.draft.id;
  if (id === null) return null;
  return (
    Object.values(s.runs)
      .filter((r) => r.chainId === id)
      .sort((a, b) => b.startedAt - a.startedAt)[0] ?? null
  );
}

/** The chain last open in each workspace, remembered across reloads and restarts (a view preference, no data). */
const OPEN_CHAIN = 'trigger-desk:open-chain:';

function rememberOpen(workspaceId: string | null, chainId: string | null): void {
  if (workspaceId === null) return;
  if (chainId === null) localStorage.removeItem(OPEN_CHAIN + workspaceId);
  else localStorage.setItem(OPEN_CHAIN + workspaceId, chainId);
}

export async function loadChains(workspaceId: string): Promise<void> {
  useChains.setState({ workspaceId });
  const [chains, runs] = await Promise.all([request('chains:list', { workspaceId }), request('chains:runs', {})]);
  if (!chains.ok) {
    showError(chains.error, 'Could not load the chains');
    return;
  }
  if (!runs.ok) {
    showError(runs.error, 'Could not load the chain runs');
    return;
  }
  useChains.setState((s) => ({
    chains: chains.value,
    runs: { ...Object.fromEntries(runs.value.map((r) => [r.id, r])), ...s.runs },
  }));
  // Reopen the chain that was open here, unless something is being typed.
  const { draft } = useChains.getState();
  const remembered = chains.value.find((c) => c.id === localStorage.getItem(OPEN_CHAIN + workspaceId));
  if (remembered && draft.id === null && draft.name === '' && draft.steps.length === 0) editChain(remembered);
}

export function editChain(chain: ChainView | null): void {
  useChains.setState({
    draft: chain ? { id: chain.id, name: chain.name, steps: chain.steps.map((s) => ({ ...s })) } : emptyDraft(),
  });
  rememberOpen(useChains.getState().workspaceId, chain?.id ?? null);
}

export function setDraftName(name: string): void {
  useChains.setState((s) => ({ draft: { ...s.draft, name } }));
}

export function addStep(triggerId: string): void {
  useChains.setState((s) => ({
    draft: { ...s.draft, steps: [...s.draft.steps, { triggerId, body: '{}', after: 'success' }] },
  }));
}

export function updateStep(
  index: number,
  patch: Partial<{ triggerId: string; body: string; after: ChainAfter }>,
): void {
  useChains.setState((s) => ({
    draft: { ...s.draft, steps: s.draft.steps.map((st, i) => (i === index ? { ...st, ...patch } : st)) },
  }));
}

export function removeStep(index: number): void {
  useChains.setState((s) => ({ draft: { ...s.draft, steps: s.draft.steps.filter((_, i) => i !== index) } }));
}

export async function saveDraft(): Promise<ChainView | null> {
  const { workspaceId, draft } = useChains.getState();
  if (workspaceId === null) return null;
  const reply = await request('chains:save', {
    workspaceId,
    ...(draft.id === null ? {} : { id: draft.id }),
    name: draft.name,
    steps: draft.steps,
  });
  if (!reply.ok) {
    showError(reply.error, 'Could not save the chain');
    return null;
  }
  const saved = reply.value;
  useChains.setState((s) => ({
    chains: [...s.chains.filter((c) => c.id !== saved.id), saved],
    draft: { ...s.draft, id: saved.id },
  }));
  rememberOpen(workspaceId, saved.id);
  return saved;
}

export async function runDraft(): Promise<void> {
  useChains.setState({ busy: true });
  const saved = await saveDraft();
  if (saved && saved.problems.length > 0)
    showToast('Fix the problems shown on the steps first: nothing was fired.', { tone: 'error' });
  else if (saved) {
    const reply = await request('chains:run', { id: saved.id });
    if (reply.ok) upsertRun(reply.value);
    else showError(reply.error, 'The chain did not start');
  }
  useChains.setState({ busy: false });
}

export async function stopRun(runId: string): Promise<void> {
  const reply = await request('chains:stop', { runId });
  if (reply.ok) upsertRun(reply.value);
  else showError(reply.error, 'Could not stop the chain');
}

export async function deleteDraft(): Promise<void> {
  const { workspaceId, draft } = useChains.getState();
  if (workspaceId === null || draft.id === null) return;
  const reply = await request('chains:delete', { workspaceId, id: draft.id });
  if (reply.ok) useChains.setState((s) => ({ chains: s.chains.filter((c) => c.id !== draft.id), draft: emptyDraft() }));
  else showError(reply.error, 'Could not delete the chain');
}

function upsertRun(run: ChainRun): void {
  const before = useChains.getState().runs[run.id];
  if (before && before.seq > run.seq) return;
  useChains.setState((s) => ({ runs: { ...s.runs, [run.id]: run } }));
}

/** Subscribes to `chain:update` for the view's life. */
export function subscribeRuns(): () => void {
  return desk.on('chain:update', upsertRun);
}
