// Which dialog is open. One at a time: a desktop tool, not a stack of modals.
import { create } from 'zustand';

export type DialogName = 'import' | 'settings';

interface UiState {
  dialog: DialogName | null;
}

export const useUi = create<UiState>(() => ({ dialog: null }));

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
