// The condition matrix: N triggers × M samples, each cell "fires or not, and why".
// Each trigger YAML is read and compiled once and each sample parsed once, so a cell costs one
// evaluate(); a trigger whose YAML cannot be read fills its row with that error. Plus its CSV.
import { DeskError } from '../errors';
import {
  compileTrigger,
  evaluate,
  parseSample,
  type CompiledTrigger,
  type HarnessMatchStatus,
  type SampleInput,
} from './conditions';
import { parseTriggerYaml } from './trigger-yaml';

export interface MatrixTrigger {
  id: string;
  name: string;
  yaml: string;
}
export interface MatrixSample extends SampleInput {
  id: string;
  name: string;
}

export interface MatrixCell {
  /** error: the trigger's YAML cannot be read. */
  outcome: 'fires' | 'does-not-fire' | 'undetermined' | 'error';
  status: HarnessMatchStatus | null;
  reason: string;
}

export interface MatrixRow {
  trigger: { id: string; name: string; identifier: string | null };
  /** The YAML error, with its line and column, when the trigger cannot be read. */
  error: string | null;
  cells: MatrixCell[];
}

export interface Matrix {
  samples: { id: string; name: string }[];
  rows: MatrixRow[];
}

function compile(t: MatrixTrigger): { compiled: CompiledTrigger; identifier: string | null } | { error: string } {
  try {
    const parsed = parseTriggerYaml(t.yaml);
    return { compiled: compileTrigger(parsed), identifier: parsed.identifier };
  } catch (e) {
    if (e instanceof DeskError) return { error: e.message };
    throw e;
  }
}

export function buildMatrix(triggers: readonly MatrixTrigger[], samples: readonly MatrixSample[]): Matrix {
  const parsed = samples.map((s) => parseSample(s));
  const rows = triggers.map((t): MatrixRow => {
    const c = compile(t);
    if ('error' in c) {
      const cell: MatrixCell = { outcome: 'error', status: null, reason: c.error };
      return { trigger: { id: t.id, name: t.name, identifier: null }, error: c.error, cells: parsed.map(() => cell) };
    }
    const cells = parsed.map((s): MatrixCell => {
      const v = evaluate(c.compiled, s, { full: false });
      return { outcome: v.outcome, status: v.status, reason: v.summary };
    });
    return { trigger: { id: t.id, name: t.name, identifier: c.identifier }, error: null, cells };
  });
  return { samples: samples.map((s) => ({ id: s.id, name: s.name })), rows };
}

export const OUTCOME_WORDS: Record<MatrixCell['outcome'], string> = {
  'fires': 'fires',
  'does-not-fire': 'does not fire',
  'undetermined': 'cannot tell',
  'error': 'YAML error',
};

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (= + - @ at the start) gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per cell: trigger, its identifier, sample, outcome, Harness status, reason. CRLF line ends. */
export function matrixCsv(m: Matrix): string {
  const lines = [['trigger', 'trigger identifier', 'sample', 'outcome', 'harness status', 'reason']];
  for (const row of m.rows) {
    row.cells.forEach((cell, i) => {
      lines.push([
        row.trigger.name,
        row.trigger.identifier ?? '',
        m.samples[i]?.name ?? '',
        OUTCOME_WORDS[cell.outcome],
        cell.status ?? '',
        cell.reason,
      ]);
    });
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
