// Which view is shown (the tab bar) and which dialog is open. One dialog at a time: a desktop tool,
// not a stack of modals.
import { create } from 'zustand';

export type DialogName = 'import' | 'settings';

/** The window's views, in tab order (Ctrl/Cmd+1… follows this order in App.tsx). */
export type ViewName = 'triggers' | 'conditions' | 'history' | 'inspector' | 'chains';

interface UiState {
  dialog: DialogName | null;
  view: ViewName;
}

export const useUi = create<UiState>(() => ({ dialog: null, view: 'triggers' }));

export function showView(view: ViewName): void {
  useUi.setState({ view });
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
