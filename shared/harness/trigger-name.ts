// Trigger names: the default one made from the URL's identifiers, and the rule that a workspace
// never holds two triggers with one name (compared without case and surrounding spaces).
import type { TriggerUrl } from '../model';

const MAX_NAME = 120;

/** "build_and_deploy" / "deployOnPush" → "Build and deploy" / "Deploy on push". */
export function readableIdentifier(identifier: string): string {
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((w) => w !== '')
    .map((w) => (/^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name an import offers: "Pipeline / Trigger" from the identifiers, as far as the URL names them. */
export function readableTriggerName(
  parsed: Pick<TriggerUrl, 'pipelineIdentifier' | 'triggerIdentifier' | 'projectIdentifier'>,
): string {
  const parts = [parsed.pipelineIdentifier, parsed.triggerIdentifier]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(readableIdentifier);
  const name = parts.length > 0 ? parts.join(' / ') : `Trigger in ${parsed.projectIdentifier}`;
  return name.slice(0, MAX_NAME);
}

/** The key two names are compared by. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** `name` if no taken name equals it, else "name (2)", "name (3)"… */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(nameKey));
  const stem = name.trim().slice(0, MAX_NAME);
  if (!used.has(nameKey(stem))) return stem;
  for (let i = 2; ; i++) {
    const candidate = `${stem.slice(0, MAX_NAME - 6)} (${i})`;
    if (!used.has(nameKey(candidate))) return candidate;
  }
}

/** Two URLs that reach the same Harness trigger (the token, or the identifiers of a v2 URL). */
export function sameTrigger(a: TriggerUrl, b: TriggerUrl): boolean {
  const key = (p: TriggerUrl): string =>
    [
      p.base.toLowerCase(),
      p.form,
      p.token ?? '',
      p.accountIdentifier,
      p.orgIdentifier,
      p.projectIdentifier,
      p.pipelineIdentifier ?? '',
      p.triggerIdentifier ?? '',
    ].join('\n');
  return key(a) === key(b);
}
