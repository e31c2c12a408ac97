// Which view is shown (the tab bar) and which dialog is open. One dialog at a time: a desktop tool,
// not a stack of modals.
import { create } from 'zustand';

export type DialogName = 'import' | 'settings';

/** The window's views, in tab order (Ctrl/Cmd+1… follows this order in App.tsx). */
export type ViewName = 'triggers' | 'conditions' | 'history' | 'inspector' | 'chains' | 'account';
const VIEWS: readonly ViewName[] = ['triggers', 'conditions', 'history', 'inspector', 'chains', 'account'];

interface UiState {
  dialog: DialogName | null;
  view: ViewName;
}

// The view travels in the address (#view=history): a reload keeps it, and the Electron shell saves
// it with the window's place and opens the next start there (docs/ARCHITECTURE.md).
function viewInAddress(): ViewName {
  const named = new URLSearchParams(location.hash.slice(1)).get('view');
  return VIEWS.find((v) => v === named) ?? 'triggers';
}

export const useUi = create<UiState>(() => ({ dialog: null, view: viewInAddress() }));

export function showView(view: ViewName): void {
  useUi.setState({ view });
  history.replaceState(history.state, '', `#view=${view}`);
}

/**
 * A view opened by its shortcut puts the cursor in its main field (marked data-view-focus), as a
 * desktop tool does; a lazily loaded view gets a few frames to appear.
 */
export function focusInView(view: ViewName, frames = 60): void {
  const field = document.querySelector<HTMLElement>(`#view-panel-${view} [data-view-focus]`);
  if (field) field.focus();
  else if (frames > 0)
    requestAnimationFrame(() => {
      if (useUi.getState().view === view) focusInView(view, frames - 1);
    });
}

export function openDialog(dialog: DialogName): void {
  useUi.setState({ dialog });
}

export function closeDialog(): void {
  useUi.setState({ dialog: null });
}

export const FILTER_INPUT_ID = 'trigger-filter';

export function focusFilter(): void {
  const input = document.getElementById(FILTER_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}
