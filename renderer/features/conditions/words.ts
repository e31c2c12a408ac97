// Row states and verdicts in the words the lab shows.
import type { RowState } from '../../../shared/harness/conditions';

export const STATE_WORDS: Record<RowState | 'blank', string> = {
  'pass': 'pass',
  'fail': 'fail',
  'error': 'error',
  'unsupported': 'cannot tell',
  'dropped': 'dropped by Harness',
  'not-reached': 'not reached',
  'blank': 'pass',
};

export function stateText(state: RowState | 'blank', wouldBe: RowState | 'blank' | null): string {
  if (state === 'not-reached' && wouldBe) return `not reached (would ${STATE_WORDS[wouldBe]})`;
  return STATE_WORDS[state];
}
