// API keys as Harness checks them: a sent key must be valid for the account (401 otherwise, even
// where none is needed); a project may mandate one; executing needs core_pipeline_execute (403).
import { accessDenied, invalidToken, type Answer } from './responses';
import type { ApiKey, Scope, World } from './world';

export const PIPELINE_EXECUTE = 'core_pipeline_execute';

/** The X-Api-Key header (names arrive lower-cased); an empty value still counts as sent. */
export function sentKey(headers: Record<string, string>): string | null {
  return headers['x-api-key'] ?? null;
}

/** 401 for a key that is sent but unknown or foreign to the account; else the key (or null). */
export function authenticate(
  world: World,
  headers: Record<string, string>,
  account: string,
): { key: ApiKey | null } | Answer {
  const value = sentKey(headers);
  if (value === null) return { key: null };
  const key = world.key(value.trim());
  if (!key || key.account !== account) return invalidToken();
  return { key };
}

export function isAnswer(x: { key: ApiKey | null } | Answer): x is Answer {
  return 'status' in x;
}

/**
 * The trigger REST endpoints and interrupts, "as for the project": a sent key must be valid; a
 * project that mandates authorization needs one; `execute` needs the permission.
 */
export function authorizeRest(
  world: World,
  headers: Record<string, string>,
  scope: Scope,
  pipeline: string | null,
  execute: boolean,
): Answer | null {
  const auth = authenticate(world, headers, scope.account);
  if (isAnswer(auth)) return auth;
  if (auth.key === null) return world.mandatesAuthorization(scope) ? invalidToken() : null;
  if (execute && !auth.key.canExecute) return accessDenied(scope, PIPELINE_EXECUTE, pipeline);
  return null;
}
