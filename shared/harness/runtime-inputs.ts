// The runtime inputs a trigger would pass: its inputYaml with every trigger expression
// (<+trigger.payload...>, <+trigger.header...>, <+eventPayload...>) resolved against the event.
// Other expressions (<+input>, <+pipeline.sequenceId>...) are the pipeline's business: kept as is.

import { withRegexDeadline } from './java-regex-run';
import type { ParsedSample } from './expressions';
import { lineColumn } from './expressions-json';
import { compileTemplate, renderTemplate } from './render-template';
import type { CompiledTemplate } from './render-template';

export interface RuntimeInputRef {
  expression: string;
  /** 1-based, inside inputYaml; documentLine is the line in the whole trigger YAML when known. */
  line: number;
  column: number;
  documentLine: number | null;
  state: 'resolved' | 'missing' | 'error' | 'unsupported' | 'kept';
  value: string | null;
  why: string | null;
}

export interface RuntimeInputs {
  /** inputYaml with trigger expressions replaced by their values. */
  yaml: string;
  refs: RuntimeInputRef[];
  /** The refs that did not resolve to a value from the event. */
  unresolved: RuntimeInputRef[];
}

export interface CompiledInputs {
  template: CompiledTemplate;
  firstLine: number | null;
}

export function compileRuntimeInputs(inputYaml: string | null, firstLine: number | null = null): CompiledInputs {
  return { template: compileTemplate(inputYaml ?? ''), firstLine };
}

const isTriggerExpr = (inner: string): boolean => /^\s*(trigger|eventPayload)\b/.test(inner);

/** A value that would change the YAML's structure if pasted bare after `key: `. */
function needsQuotes(value: string): boolean {
  return value === '' || /[\n\r]|: |\s#|^[\s{[&*!|>'"%@`,?:-]|\s$/.test(value);
}

export function resolveRuntimeInputs(c: CompiledInputs, s: ParsedSample): RuntimeInputs {
  const src = c.template.source;
  const rendered = withRegexDeadline(() => renderTemplate(c.template, s));
  const refs: RuntimeInputRef[] = [];
  let yaml = '';
  let at = 0;
  for (const b of rendered.blocks) {
    const inner = b.text.slice(2, -1);
    const { line, column } = lineColumn(src, b.start);
    const ref: RuntimeInputRef = {
      expression: b.text,
      line,
      column,
      documentLine: c.firstLine === null ? null : c.firstLine + line - 1,
      state: 'kept',
      value: null,
      why: null,
    };
    let out = b.text;
    if (isTriggerExpr(inner)) {
      ref.state = b.state === 'ok' ? 'resolved' : b.state;
      ref.value = b.state === 'ok' || b.state === 'missing' ? b.rendered : null;
      ref.why = b.why;
      if (ref.value !== null) {
        // A whole scalar after "key: " that would break the YAML is shown quoted.
        const lineStart = src.lastIndexOf('\n', b.start - 1) + 1;
        const lineEnd = src.indexOf('\n', b.end);
        const wholeScalar =
          /:\s*$|^\s*-\s*$/.test(src.slice(lineStart, b.start)) &&
          src.slice(b.end, lineEnd < 0 ? src.length : lineEnd).trim() === '';
        out = wholeScalar && needsQuotes(ref.value) ? JSON.stringify(ref.value) : ref.value;
      }
    } else ref.why = 'not a trigger expression: resolved later by the pipeline';
    refs.push(ref);
    yaml += src.slice(at, b.start) + out;
    at = b.end;
  }
  yaml += src.slice(at);
  return { yaml, refs, unresolved: refs.filter((r) => r.state !== 'resolved' && r.state !== 'kept') };
}
