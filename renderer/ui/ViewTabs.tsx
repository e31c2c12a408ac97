// The window's view switcher: a tab bar (role=tablist, arrow keys move between tabs) and
// Ctrl/Cmd+1…9 from anywhere, in the order the tabs are given.
import { useCallback, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { ariaShortcut } from '../../shared/shortcuts';
import { keysText, useShortcut } from '../shortcuts';
import { focusInView, showView, useUi, type ViewName } from '../stores/ui';
import { liveCount, useWatches } from '../stores/watch';
import './view-tabs.css';

export interface ViewTab {
  name: ViewName;
  label: string;
}

/** Tab order = Ctrl/Cmd+1… order (the welcome screen lists them). */
export const VIEW_TABS: ViewTab[] = [
  { name: 'triggers', label: 'Triggers' },
  { name: 'history', label: 'History' },
  { name: 'inspector', label: 'Inspector' },
  { name: 'conditions', label: 'Conditions' },
  { name: 'chains', label: 'Chains' },
  { name: 'account', label: 'Account' },
];

export function tabId(view: ViewName): string {
  return `view-tab-${view}`;
}

export function panelId(view: ViewName): string {
  return `view-panel-${view}`;
}

export function ViewTabs({ tabs }: { tabs: ViewTab[] }): ReactNode {
  const view = useUi((s) => s.view);
  // The History tab says how many runs are being followed, from any view.
  const live = useWatches(liveCount);
  const list = useRef<HTMLDivElement>(null);

  useShortcut(
    'view',
    useCallback(
      (key: string) => {
        const tab = tabs[Number(key) - 1];
        if (!tab) return;
        showView(tab.name);
        focusInView(tab.name);
      },
      [tabs],
    ),
  );

  const onKeyDown = (event: ReactKeyboardEvent): void => {
    const index = tabs.findIndex((t) => t.name === view);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    showView(tab.name);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab.name)}`)?.focus();
  };

  return (
    <div className="view-tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => {
        const shortcut = i < 9 ? keysText('view', String(i + 1)) : null;
        return (
          <button
            key={tab.name}
            type="button"
            role="tab"
            id={tabId(tab.name)}
            className="view-tab"
            aria-selected={tab.name === view}
            aria-controls={panelId(tab.name)}
            tabIndex={tab.name === view ? 0 : -1}
            aria-keyshortcuts={shortcut ? ariaShortcut('view', String(i + 1)) : undefined}
            title={shortcut ? `${tab.label} (${shortcut})` : tab.label}
            onClick={() => {
              showView(tab.name);
            }}
          >
            {tab.label}
            {tab.name === 'history' && live > 0 && <span className="badge view-badge">{live} running</span>}
          </button>
        );
      })}
    </div>
  );
}
