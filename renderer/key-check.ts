// Plain-words objections to a typed API key, checked before it is sent to the vault.

/** Null when the (already trimmed) key looks usable. */
export function keyProblem(key: string): string | null {
  if (key === '')
    return 'The key is empty: paste the API key from Harness (Account settings → Access control → API keys).';
  if (/\s/.test(key))
    return 'The key contains spaces or line breaks, which a Harness API key never has: copy it again.';
  return null;
}
