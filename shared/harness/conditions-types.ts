// The explanation of a condition verdict, as shown by the app, the CLI and the matrix.

import type { JexlBinding, JexlWhere } from './jexl-bridge';
import type { Where } from './trigger-yaml';

export type HarnessMatchStatus =
  | 'TARGET_EXECUTION_REQUESTED'
  | 'NO_ENABLED_CUSTOM_TRIGGER_FOUND'
  | 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'
  | 'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS'
  | 'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS';

/**
 * error = Harness fails the condition with an error (so no match); unsupported = the preview cannot
 * tell; dropped = Harness removes the condition before evaluating (changedFiles on a custom trigger).
 */
export type RowState = 'pass' | 'fail' | 'error' | 'unsupported' | 'dropped' | 'not-reached';

export interface ConditionRow {
  kind: 'payload' | 'header';
  /** 0-based position in its list. */
  index: number;
  key: string;
  /** The key rendered against the sample ("null" when missing). */
  resolved: string;
  operator: string;
  expected: string;
  state: RowState;
  pass: boolean;
  /** For a row after the first miss: what it would have given. */
  wouldBe: Exclude<RowState, 'not-reached'> | null;
  why: string;
  warnings: string[];
  where: Where | null;
}

export interface JexlRow {
  expression: string;
  state: RowState | 'blank';
  pass: boolean;
  wouldBe: Exclude<RowState, 'not-reached'> | 'blank' | null;
  /** Each `<+...>` with its typed value. */
  bindings: JexlBinding[];
  result: unknown;
  resultType: string;
  why: string;
  warnings: string[];
  /** Constructs the preview cannot evaluate, named. */
  unsupported: string[];
  /** A syntax error with its position inside the expression, and in the YAML when known. */
  error: { message: string; where: JexlWhere; yaml: Where | null } | null;
  where: Where | null;
}

export interface Verdict {
  /** undetermined: a construct the preview cannot evaluate decides it. */
  outcome: 'fires' | 'does-not-fire' | 'undetermined';
  fires: boolean;
  /** The webhookProcessingDetails.status Harness would report; null when it cannot be told. */
  status: HarnessMatchStatus | null;
  stoppedAt: 'payload' | 'header' | 'jexl' | null;
  summary: string;
  rows: ConditionRow[];
  jexl: JexlRow;
  /** Trigger- and sample-level notes (disabled trigger, body not JSON...). */
  warnings: string[];
  sample: { json: boolean; jsonError: { message: string; line: number; column: number } | null };
}
