// The Chains view: pick or build a chain in a workspace, run it and watch every step's run; beside
// it, the recipe to make Harness itself start pipeline B when A ends. Lazy-loaded.
import { useEffect, type ReactNode } from 'react';
import { useDesk } from '../../stores/workspaces';
import { WorkspacePicker } from '../../ui/WorkspacePicker';
import { ChainEditor } from './ChainEditor';
import { ChainRunPanel } from './ChainRunPanel';
import {
  deleteDraft,
  editChain,
  latestRun,
  loadChains,
  runDraft,
  saveDraft,
  subscribeRuns,
  useChains,
} from '../../stores/chains';
import { HarnessSetup } from './HarnessSetup';
import './chains.css';

export default function ChainsView(): ReactNode {
  const workspaces = useDesk((s) => s.workspaces);
  const allTriggers = useDesk((s) => s.triggers);
  const workspaceId = useChains((s) => s.workspaceId);
  const chains = useChains((s) => s.chains);
  const draft = useChains((s) => s.draft);
  const busy = useChains((s) => s.busy);
  const run = useChains(latestRun);
  const triggers = allTriggers.filter((t) => t.workspaceId === workspaceId);

  useEffect(() => subscribeRuns(), []);
  useEffect(() => {
    if (workspaceId !== null && workspaces.some((w) => w.id === workspaceId)) return;
    const first = workspaces[0];
    if (first) void loadChains(first.id);
  }, [workspaceId, workspaces]);

  return (
    <div className="chains-view">
      <div className="chains-toolbar">
        <WorkspacePicker
          value={workspaceId}
          onChange={(id) => {
            editChain(null);
            void loadChains(id);
          }}
        />
        <label className="field-inline">
          <span className="label">Chain</span>
          <select
            value={draft.id ?? ''}
            onChange={(e) => {
              editChain(chains.find((c) => c.id === e.target.value) ?? null);
            }}
          >
            <option value="">(new chain)</option>
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.problems.length > 0 ? ' (has problems)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            editChain(null);
          }}
        >
          New chain
        </button>
        <span className="spacer" />
        <button
          type="button"
          disabled={draft.name.trim() === '' || draft.steps.length === 0}
          onClick={() => {
            void saveDraft();
          }}
        >
          Save
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || draft.name.trim() === '' || draft.steps.length === 0 || run?.state === 'running'}
          onClick={() => {
            void runDraft();
          }}
        >
          Run chain
        </button>
        {draft.id !== null && (
          <button
            type="button"
            onClick={() => {
              void deleteDraft();
            }}
          >
            Delete
          </button>
        )}
      </div>
      <div className="chains-body">
        <div className="chains-main">
          <ChainEditor triggers={triggers} />
          {run && <ChainRunPanel run={run} />}
        </div>
        <HarnessSetup
          triggers={triggers}
          firstStepId={draft.steps[0]?.triggerId}
          nextStepId={draft.steps[1]?.triggerId}
        />
      </div>
    </div>
  );
}
