// Checks an API key before it goes into the vault.
import { DeskError } from '../../../shared/errors';

/** pat.<account>.<token>.<secret> / sat.<...>, and the legacy three-part pat.<token>.<secret>. */
const HARNESS_KEY = /^(pat|sat)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/;

/** The placeholder in Harness's own "Copy as cURL" when authorization is on. */
export const SAMPLE_KEY = 'sample_api_key';

const WHITESPACE_NAMES: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
};

/**
 * Returns the key to store (surrounding whitespace from a copied line dropped) and notes for the
 * user. Throws DeskError('invalid-key') when the key cannot be right.
 */
export function checkApiKey(raw: string): { key: string; notes: string[] } {
  const key = raw.trim();
  if (key.length === 0)
    throw new DeskError('invalid-key', 'The API key is empty', {
      hint: 'Paste the key from Harness (Profile → My API Keys), or remove the key.',
    });
  const inner = /\s/.exec(key);
  if (inner) {
    const what = WHITESPACE_NAMES[inner[0]] ?? 'a blank character';
    throw new DeskError(
      'invalid-key',
      `The API key has ${what} at character ${inner.index + 1}: a key never contains one, so this is probably a copy mistake`,
      {
        where: { column: inner.index + 1, offset: inner.index },
        hint: 'Copy the key again from Harness in one piece.',
      },
    );
  }
  const notes: string[] = [];
  if (!HARNESS_KEY.test(key)) {
    notes.push(
      'This key does not look like a Harness API key (pat.… or sat.…). It was saved anyway; if Harness answers 401, check it.',
    );
  }
  return { key, notes };
}
