// Faults the sandbox can be told to show: slowness, dropped connections, gateway errors, failing
// stages and a proxy page where JSON was expected. Patches from HTTP are checked field by field.
import type { Faults } from './types';

export const NO_FAULTS: Readonly<Faults> = Object.freeze({ delayMs: 0, resetConnections: false, status5xx: null, failStage: null, nonJson: false });

const MAX_DELAY_MS = 10 * 60 * 1000;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Applies a patch (from code or from POST /_sandbox/faults); throws an Error naming the bad field. */
export function patchFaults(current: Faults, patch: unknown): Faults {
  if (!isRecord(patch)) throw new Error('faults must be a JSON object such as {"delayMs": 2000}');
  const next: Faults = { ...current };
  for (const [name, v] of Object.entries(patch)) {
    switch (name) {
      case 'delayMs':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_DELAY_MS) throw new Error(`delayMs must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
        next.delayMs = v;
        break;
      case 'resetConnections':
      case 'nonJson':
        if (typeof v !== 'boolean') throw new Error(`${name} must be true or false`);
        next[name] = v;
        break;
      case 'status5xx':
        if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 400 || v > 599)) throw new Error('status5xx must be null or an HTTP status from 400 to 599, e.g. 503');
        next.status5xx = v;
        break;
      case 'failStage':
        if (v !== null && (typeof v !== 'string' || v.trim() === '')) throw new Error('failStage must be null or a stage identifier such as "deploy_prod"');
        next.failStage = v;
        break;
      default:
        throw new Error(`unknown fault "${name}"; known: ${Object.keys(NO_FAULTS).join(', ')}`);
    }
  }
  return next;
}
