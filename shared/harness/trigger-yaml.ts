// A Harness trigger YAML read into a custom webhook trigger (docs/harness-protocol.md §6). Errors say where
// (line/column) and what the document is when it is not a custom webhook trigger.

import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { DeskError } from '../errors';

export interface Where {
  line: number;
  column: number;
}
/** A scalar's place and raw text in the YAML, to point at a spot inside its value (whereInScalar). */
export interface ScalarAt {
  line: number;
  column: number;
  source: string;
}
export interface ConditionSpec {
  key: string | null;
  operator: string | null;
  value: string | null;
  where: Where | null;
  keyAt?: ScalarAt | null;
}

export interface TriggerConditions {
  enabled: boolean;
  payloadConditions: ConditionSpec[];
  headerConditions: ConditionSpec[];
  jexlCondition: string | null;
}

export interface CustomTrigger extends TriggerConditions {
  name: string | null;
  identifier: string | null;
  description: string | null;
  org: string | null;
  project: string | null;
  pipeline: string | null;
  jexlWhere: Where | null;
  jexlAt: ScalarAt | null;
  inputYaml: string | null;
  /** Line in the trigger YAML where the inputYaml text starts (1-based), for mapping locations back. */
  inputYamlLine: number | null;
  inputSetRefs: string[];
  pipelineBranchName: string | null;
  stagesToExecute: string[];
  tags: Record<string, string>;
  /** Things worth knowing that are not errors. */
  notes: string[];
}

const SOURCE_KINDS: Record<string, string> = {
  Scheduled: 'a Scheduled (cron) trigger',
  Artifact: 'an Artifact trigger',
  Manifest: 'a Manifest trigger',
  MultiRegionArtifact: 'a multi-region Artifact trigger',
};

export function parseTriggerYaml(text: string): CustomTrigger {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const message = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new DeskError(
      'parse',
      `The YAML cannot be read: ${message}${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}`,
      pos ? { where: { line: pos.line, column: pos.col } } : {},
    );
  }
  const where = (node: Node | null | undefined): Where | null => {
    if (!node?.range) return null;
    const p = lc.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };
  const at = (node: Node | null | undefined): ScalarAt | null => {
    const w = where(node);
    return w && node?.range && isScalar(node) ? { ...w, source: text.slice(node.range[0], node.range[1]) } : null;
  };
  const fail = (msg: string, node?: Node | null, hint?: string): never => {
    const w = where(node);
    throw new DeskError('parse', w ? `${msg.replace(/\.$/, '')} (line ${w.line}, column ${w.column}).` : msg, {
      ...(w ? { where: w } : {}),
      ...(hint ? { hint } : {}),
    });
  };
  const root = doc.contents;
  if (!root || (isScalar(root) && root.value === null))
    return fail('The YAML is empty: paste a trigger (it starts with "trigger:").');
  if (!isMap(root)) return fail('A trigger YAML is a mapping that starts with "trigger:".', root);
  const notes: string[] = [];
  let trigger = root.get('trigger', true) as Node | undefined;
  if (!trigger) {
    if (root.has('source')) {
      trigger = root;
      notes.push('There is no top-level "trigger:" key; the document itself was read as the trigger.');
    } else if (root.has('pipeline'))
      return fail('This is a pipeline YAML, not a trigger: paste the trigger (it starts with "trigger:").', root);
    else if (root.has('inputSet')) return fail('This is an input set YAML, not a trigger.', root);
    else
      return fail(
        'There is no "trigger:" key at the top.',
        root,
        'Open the trigger in Harness, switch to YAML and copy all of it.',
      );
  }
  if (!isMap(trigger)) return fail('"trigger" must be a mapping.', trigger);
  const t: YAMLMap = trigger;
  const text1 = (m: YAMLMap, key: string): string | null => scalarText(m.get(key, true), key, fail);
  const source = t.get('source', true) as Node | undefined;
  if (!source) return fail('trigger.source is missing, so this cannot be a custom webhook trigger.', t);
  if (!isMap(source)) return fail('trigger.source must be a mapping.', source);
  const sourceType = text1(source, 'type');
  if (sourceType !== 'Webhook') {
    const kind = sourceType ? (SOURCE_KINDS[sourceType] ?? `a ${sourceType} trigger`) : 'a trigger without source.type';
    return fail(`This is ${kind}, not a custom webhook trigger.`, source.get('type', true) ?? source);
  }
  const spec = source.get('spec', true) as Node | undefined;
  if (!isMap(spec)) return fail('trigger.source.spec is missing (it should say type: Custom).', spec ?? source);
  const specType = text1(spec, 'type');
  if (specType !== 'Custom') {
    return fail(
      `This is a Webhook/${specType ?? '(no type)'} trigger, not a custom webhook trigger (source.spec.type must be Custom).`,
      spec.get('type', true) ?? spec,
    );
  }
  const inner = spec.get('spec', true) as Node | undefined;
  if (inner && !isMap(inner)) return fail('trigger.source.spec.spec must be a mapping.', inner);
  const conditions = (key: string): ConditionSpec[] => {
    const list = inner?.get(key, true) as Node | undefined;
    if (!list || (isScalar(list) && list.value === null)) return [];
    if (!isSeq(list)) return fail(`${key} must be a list of { key, operator, value }.`, list);
    return list.items.map((item) => {
      if (!isMap(item))
        return fail(`Each entry of ${key} must be a mapping with key, operator and value.`, item as Node);
      return {
        key: text1(item, 'key'),
        operator: text1(item, 'operator'),
        value: text1(item, 'value'),
        where: where(item),
        keyAt: at(item.get('key', true)),
      };
    });
  };
  const jexlNode = inner?.get('jexlCondition', true) as Node | undefined;
  const inputNode = t.get('inputYaml', true) as Node | undefined;
  const enabledText = text1(t, 'enabled');
  if (enabledText === 'false') notes.push('The trigger is disabled: Harness starts nothing for it.');
  const list = (key: string): string[] => {
    const n = t.get(key, true) as Node | undefined;
    return isSeq(n) ? n.items.map((i) => scalarText(i as Node, key, fail) ?? '') : [];
  };
  const tagsNode = t.get('tags', true) as Node | undefined;
  const tags: Record<string, string> = {};
  if (isMap(tagsNode))
    for (const p of tagsNode.items)
      tags[String(isScalar(p.key) ? p.key.value : p.key)] = scalarText(p.value as Node, 'tags', fail) ?? '';
  const inputLine = where(inputNode);
  return {
    name: text1(t, 'name'),
    identifier: text1(t, 'identifier'),
    description: text1(t, 'description'),
    enabled: enabledText !== 'false',
    org: text1(t, 'orgIdentifier'),
    project: text1(t, 'projectIdentifier'),
    pipeline: text1(t, 'pipelineIdentifier'),
    payloadConditions: conditions('payloadConditions'),
    headerConditions: conditions('headerConditions'),
    jexlCondition: scalarText(jexlNode, 'jexlCondition', fail),
    jexlWhere: where(jexlNode),
    jexlAt: at(jexlNode),
    inputYaml: scalarText(inputNode, 'inputYaml', fail),
    inputYamlLine:
      inputLine && isScalar(inputNode) && inputNode.type?.startsWith('BLOCK')
        ? inputLine.line + 1
        : (inputLine?.line ?? null),
    inputSetRefs: list('inputSetRefs'),
    pipelineBranchName: text1(t, 'pipelineBranchName'),
    stagesToExecute: list('stagesToExecute'),
    tags,
    notes,
  };
}

/** A scalar as the text Harness reads into a String field: `1.50` stays "1.50", `yes` stays "yes". */
function scalarText(
  node: Node | null | undefined,
  key: string,
  fail: (msg: string, node?: Node | null) => never,
): string | null {
  if (!node) return null;
  if (!isScalar(node)) return fail(`"${key}" must be a single value, not a list or mapping.`, node);
  if (node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  const v: unknown = node.value;
  return node.source ?? (typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
}

/**
 * Line and column in the YAML of the character at `offset` in a scalar's value: the value is walked
 * along its raw text (quotes, block headers, indentation and escapes skipped), in one pass.
 */
export function whereInScalar(at: ScalarAt, value: string, offset: number): Where {
  const src = at.source;
  let p = /^[|>]/.test(src) ? src.indexOf('\n') + 1 : /^['"]/.test(src) ? 1 : 0;
  if (p < 0) p = src.length;
  const end = Math.min(Math.max(offset, 0), value.length);
  for (let i = 0; i <= end && i < value.length; i++) {
    // An escape or a folded line break stands for a character written differently: look a little ahead only.
    const found = src.slice(p, p + 17).indexOf(value.charAt(i));
    const next = found >= 0 ? p + found : p;
    if (i === end) {
      p = next;
      break;
    }
    p = next + 1;
  }
  p = Math.min(p, src.length);
  const before = src.slice(0, p);
  const nl = before.lastIndexOf('\n');
  if (nl < 0) return { line: at.line, column: at.column + p };
  return { line: at.line + before.split('\n').length - 1, column: p - nl };
}
