// The lab's evaluation, derived in the page as the user types: the YAML is read and compiled only
// when it changes, the sample parsed only when it changes, then one evaluate() (well under a
// millisecond). A YAML that cannot be read keeps the last good trigger on screen, marked stale.
import { useDeferredValue, useMemo, useRef } from 'react';
import { DeskError } from '../../../shared/errors';
import {
  compileTrigger,
  evaluate,
  parseSample,
  type CompiledTrigger,
  type Verdict,
} from '../../../shared/harness/conditions';
import {
  compileRuntimeInputs,
  resolveRuntimeInputs,
  type CompiledInputs,
  type RuntimeInputs,
} from '../../../shared/harness/runtime-inputs';
import { parseTriggerYaml, type CustomTrigger } from '../../../shared/harness/trigger-yaml';
import { parseHeaderLines } from '../../stores/conditions';
import { useRegexAnswers } from './regex-jobs';

interface Compiled {
  trigger: CustomTrigger;
  compiled: CompiledTrigger;
  inputs: CompiledInputs | null;
}

export interface YamlProblem {
  message: string;
  hint: string | null;
  line: number | null;
  column: number | null;
}

export interface LabResult {
  /** The trigger evaluated: the current YAML's, or the last good one while the YAML has an error. */
  trigger: CustomTrigger | null;
  yamlError: YamlProblem | null;
  stale: boolean;
  verdict: Verdict | null;
  inputs: RuntimeInputs | null;
  headerProblems: string[];
}

function read(yaml: string): Compiled | YamlProblem | null {
  if (yaml.trim() === '') return null;
  try {
    const trigger = parseTriggerYaml(yaml);
    return {
      trigger,
      compiled: compileTrigger(trigger),
      inputs: trigger.inputYaml === null ? null : compileRuntimeInputs(trigger.inputYaml, trigger.inputYamlLine),
    };
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    return { message: e.message, hint: e.hint ?? null, line: e.where?.line ?? null, column: e.where?.column ?? null };
  }
}

export function useLab(yamlNow: string, payloadNow: string, headersNow: string): LabResult {
  const yaml = useDeferredValue(yamlNow);
  const payload = useDeferredValue(payloadNow);
  const headersText = useDeferredValue(headersNow);
  const lastGood = useRef<Compiled | null>(null);
  const compiled = useMemo(() => read(yaml), [yaml]);
  const { headers, problems } = useMemo(() => parseHeaderLines(headersText), [headersText]);
  const sample = useMemo(() => parseSample({ payload, headers }), [payload, headers]);
  // Answers from the regex worker (patterns that need backtracking) make the verdict run again.
  const regexAnswers = useRegexAnswers();
  return useMemo((): LabResult => {
    let current: Compiled | null = null;
    let yamlError: YamlProblem | null = null;
    if (compiled && 'compiled' in compiled) current = compiled;
    else if (compiled) yamlError = compiled;
    if (current) lastGood.current = current;
    const shown = current ?? (yamlError ? lastGood.current : null);
    if (!shown)
      return { trigger: null, yamlError, stale: false, verdict: null, inputs: null, headerProblems: problems };
    return {
      trigger: shown.trigger,
      yamlError,
      stale: current === null,
      verdict: evaluate(shown.compiled, sample),
      inputs: shown.inputs ? resolveRuntimeInputs(shown.inputs, sample) : null,
      headerProblems: problems,
    };
  }, [compiled, sample, problems, regexAnswers]);
}
