// The embedded sandbox decides matches with the app's own evaluator (shared/harness/conditions.ts),
// so a fire at the sandbox obeys the trigger's conditions exactly as the condition lab predicts:
// a miss ends in Harness's NO_MATCHING_TRIGGER_FOR_… status, a hit runs with the resolved inputs.
import '../regex-deadline';
import {
  compileTrigger,
  evaluate,
  parseSample,
  type CompiledTrigger,
  type Verdict,
} from '../../shared/harness/conditions';
import { compileRuntimeInputs, resolveRuntimeInputs, type CompiledInputs } from '../../shared/harness/runtime-inputs';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import type { Evaluate, EvaluateInput, EvaluateResult } from './types';

interface Compiled {
  trigger: CompiledTrigger;
  inputs: CompiledInputs | null;
}

/** The stage where the preview could not decide, as the status a miss there gives. */
function undeterminedStatus(v: Verdict): string {
  const row = v.rows.find((r) => r.state === 'unsupported');
  if (row)
    return row.kind === 'payload'
      ? 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'
      : 'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS';
  return 'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS';
}

/** A hit runs with the resolved inputs; a miss carries the lab's summary as the sandbox's own note. */
export function verdictToResult(v: Verdict, runtimeInput: string | undefined): EvaluateResult {
  if (v.outcome === 'fires') return runtimeInput === undefined ? { match: true } : { match: true, runtimeInput };
  // The sandbox cannot ask Harness: a construct the preview cannot evaluate counts as a miss, said so.
  return { match: false, status: v.status ?? undeterminedStatus(v), note: v.summary };
}

/** An `evaluate` hook for startSandbox; compiled triggers are kept per YAML text (they never change). */
export function createSandboxEvaluate(): Evaluate {
  const cache = new Map<string, Compiled>();
  const compiled = (yaml: string): Compiled => {
    let c = cache.get(yaml);
    if (!c) {
      // A YAML the sandbox itself wrote; a parse error here is a bug and surfaces as EXCEPTION_WHILE_PROCESSING.
      const t = parseTriggerYaml(yaml);
      c = {
        trigger: compileTrigger(t),
        inputs: t.inputYaml === null ? null : compileRuntimeInputs(t.inputYaml, t.inputYamlLine),
      };
      if (cache.size > 200) cache.clear();
      cache.set(yaml, c);
    }
    return c;
  };
  return (input: EvaluateInput): EvaluateResult => {
    const c = compiled(input.yaml);
    const sample = parseSample({ payload: input.body, headers: input.headers });
    const verdict = evaluate(c.trigger, sample, { full: false });
    const runtimeInput = verdict.fires && c.inputs ? resolveRuntimeInputs(c.inputs, sample).yaml : undefined;
    return verdictToResult(verdict, runtimeInput);
  };
}
