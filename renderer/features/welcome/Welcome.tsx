// What the middle column shows with no trigger selected. On a first launch it points at the
// Sandbox workspace, whose example triggers answer from a Harness simulator on this computer.
import { Fragment, type ReactNode } from 'react';
import { SHORTCUTS } from '../../../shared/shortcuts';
import { keysText } from '../../shortcuts';
import { useSettings } from '../../stores/settings';
import { openDialog } from '../../stores/ui';
import { selectTrigger, useDesk } from '../../stores/workspaces';
import { VIEW_TABS } from '../../ui/ViewTabs';

/** Keys of the trigger list and its filter (they belong to those fields, not to the window). */
const LIST_KEYS = [
  { id: 'list-arrows', keys: '↑ ↓ Home End', what: 'Move along the trigger list (one Tab stop)' },
  { id: 'filter-enter', keys: 'Enter', what: 'In the filter: open the first match' },
];

export function Welcome(): ReactNode {
  const info = useSettings((s) => s.info);
  const sandbox = useDesk((s) => s.workspaces.find((w) => w.kind === 'sandbox'));
  const first = useDesk((s) => s.triggers.find((t) => t.workspaceId === sandbox?.id));
  const fresh = info?.firstLaunch ?? false;
  return (
    <main className="main main-scroll welcome" aria-label={fresh ? 'Welcome' : 'No trigger selected'}>
      <h2>{fresh ? 'Welcome to Trigger Desk' : 'Pick a trigger'}</h2>
      {fresh ? (
        <p>
          Fire Harness custom webhook triggers, see Harness’s answer in plain words. To try it at once, the{' '}
          <strong>{sandbox?.name ?? 'Sandbox'}</strong> workspace on the left holds example triggers that point at a
          Harness simulator running on this computer
          {info?.sandboxBaseUrl ? (
            <>
              {' '}
              (<code>{info.sandboxBaseUrl}</code>)
            </>
          ) : null}
          : nothing leaves your machine.
        </p>
      ) : (
        <p>Choose a trigger on the left, or import one from Harness’s “Copy as cURL”.</p>
      )}
      <div className="welcome-actions">
        {first && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              selectTrigger(first.id);
            }}
          >
            Open “{first.name}”
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            openDialog('import');
          }}
        >
          Import a trigger… <kbd>{keysText('import')}</kbd>
        </button>
      </div>
      <dl className="shortcuts" aria-label="Keyboard shortcuts">
        {SHORTCUTS.flatMap((s) =>
          // The view shortcut is written out, one line per view.
          s.id === 'view'
            ? VIEW_TABS.map((tab, i) => ({
                id: `view-${tab.name}`,
                keys: keysText('view', String(i + 1)),
                what: `${tab.label} view`,
              }))
            : [{ id: s.id, keys: keysText(s.id), what: s.what }],
        )
          .concat(LIST_KEYS)
          .map((s) => (
            <Fragment key={s.id}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </Fragment>
          ))}
      </dl>
    </main>
  );
}
