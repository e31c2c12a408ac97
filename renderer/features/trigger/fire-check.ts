// What stands between a trigger and a fire, from the newest analysis and the variable values:
// hard blockers (a variable without a value, over 10 MB) disable Fire; a body that is not JSON
// only asks for a confirmation ("Send anyway…").
import { formatBytes, MAX_PAYLOAD_BYTES } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';
import { variableValues, useComposer } from '../../stores/composer';
import { shownKey, usePayloads } from '../../stores/payloads';
import { isJsonType } from './PayloadEditor';

export interface FireCheck {
  /** Fire is impossible until this is fixed. */
  blocked: string | null;
  /** The first variable without a value, to focus. */
  missing: string | null;
  /** The body is not JSON (with where): a fire needs a confirmation. */
  notJson: string | null;
}

export function fireCheck(trigger: Trigger): FireCheck {
  const s = useComposer.getState();
  const a = s.analyses[shownKey(usePayloads.getState(), trigger)];
  if (!a) return { blocked: null, missing: null, notJson: null };
  const values = variableValues(s, trigger);
  // A secret variable's value is in the keychain: the backend fills it in when firing.
  const missing = a.variables.filter((v) => values[v] === undefined && trigger.secretVariables?.[v] === undefined);
  let blocked: string | null = null;
  if (missing.length > 0)
    blocked = `Fill in ${missing.map((m) => `{{${m}}}`).join(', ')} first: ${missing.length === 1 ? 'it has' : 'they have'} no value.`;
  else if (a.bytes > MAX_PAYLOAD_BYTES) blocked = `The payload is ${formatBytes(a.bytes)}; the limit is 10 MB.`;
  const notJson =
    isJsonType(trigger.contentType) && !a.ok && a.error
      ? a.empty
        ? 'The payload is empty.'
        : `Not JSON: line ${a.error.line}, column ${a.error.column}.`
      : null;
  return { blocked, missing: missing[0] ?? null, notJson };
}
