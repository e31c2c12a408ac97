// The Conditions view: the lab (one trigger YAML against one sample, explained row by row) and the
// matrix (the workspace's triggers × its sample library). Lazy-loaded: the evaluator (yaml, jexl)
// stays out of the first paint.
import { useEffect, type ReactNode } from 'react';
import { chooseTrigger, chooseWorkspace, setLabTab, useConditions, type LabTab } from '../../stores/conditions';
import { useDesk } from '../../stores/workspaces';
import { WorkspacePicker } from '../../ui/WorkspacePicker';
import { LabView } from './LabView';
import { MatrixView } from './MatrixView';
import './conditions.css';

const TABS: { name: LabTab; label: string }[] = [
  { name: 'lab', label: 'Lab' },
  { name: 'matrix', label: 'Matrix' },
];

function useDefaultWorkspace(): void {
  const workspaces = useDesk((s) => s.workspaces);
  const selected = useDesk((s) => s.triggers.find((t) => t.id === s.selectedId));
  const current = useConditions((s) => s.workspaceId);
  // Coming from the Triggers view with a trigger open: the lab starts on it (once, when the view opens).
  useEffect(() => {
    if (useConditions.getState().triggerId === null && selected) chooseTrigger(selected);
  }, []);
  useEffect(() => {
    if (current !== null && workspaces.some((w) => w.id === current)) return;
    const id = selected?.workspaceId ?? workspaces[0]?.id;
    if (id) chooseWorkspace(id);
  }, [current, workspaces, selected]);
}

export default function ConditionsView(): ReactNode {
  useDefaultWorkspace();
  const tab = useConditions((s) => s.tab);
  const workspaceId = useConditions((s) => s.workspaceId);
  return (
    <div className="cond-view">
      <div className="cond-toolbar">
        <div role="tablist" aria-label="Condition tools" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.name}
              type="button"
              role="tab"
              className="tab"
              id={`cond-tab-${t.name}`}
              aria-controls={`cond-panel-${t.name}`}
              aria-selected={tab === t.name}
              tabIndex={tab === t.name ? 0 : -1}
              onClick={() => {
                setLabTab(t.name);
              }}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = tab === 'lab' ? 'matrix' : 'lab';
                setLabTab(next);
                document.getElementById(`cond-tab-${next}`)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <WorkspacePicker className="cond-workspace" value={workspaceId} onChange={chooseWorkspace} />
        <span className="muted small-text">
          Evaluated here, as you type, exactly as Harness decides (nothing is sent).
        </span>
      </div>
      <div role="tabpanel" id={`cond-panel-${tab}`} aria-labelledby={`cond-tab-${tab}`} className="cond-body">
        {tab === 'lab' ? <LabView /> : <MatrixView />}
      </div>
    </div>
  );
}
