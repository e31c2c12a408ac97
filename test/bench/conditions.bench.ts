// The condition evaluator. A trigger with 20 payload conditions, 5 header conditions and a
// JEXL condition against a 1 MB payload: per evaluation once the payload is parsed and the trigger
// compiled (target < 2 ms), next to a naive evaluation that re-parses the YAML and the payload and
// re-compiles every time; and the matrix of 50 triggers × 200 samples (target < 1 s).
import '../../electron/regex-deadline';
import {
  compileTrigger,
  evaluate,
  evaluateTrigger,
  parseSample,
  type ParsedSample,
} from '../../shared/harness/conditions';
import { compileJexl } from '../../shared/harness/jexl-bridge';
import { buildMatrix, type MatrixSample, type MatrixTrigger } from '../../shared/harness/trigger-matrix';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import { figure, median, type Figure } from './figures';

const OPS: [string, (i: number) => string][] = [
  ['Equals', (i) => `v${i}`],
  ['In', (i) => `x, y, v${i}, "z"`],
  ['StartsWith', () => 'v'],
  ['EndsWith', (i) => String(i)],
  ['Contains', (i) => `${i}`],
  ['Regex', (i) => `v${i}|w.*`],
  ['NotEquals', () => 'nope'],
  ['NotIn', () => 'a, b, c'],
  ['DoesNotContain', () => 'zzz'],
];

/** `variant` shifts one expected value, so matrix rows differ (some stop early, some fire). */
export function benchYaml(variant = 0): string {
  const payload = Array.from({ length: 20 }, (_, i) => {
    const deep = i % 4 === 3;
    const [op, value] = deep
      ? (['Equals', () => `item${i * 10}`] as const)
      : (OPS[i % OPS.length] ?? ['Equals', () => '']);
    const key = deep ? `<+trigger.payload.items[${i * 10}].name>` : `<+trigger.payload.meta.f${i}>`;
    const expected = value(i);
    const v = i === 19 && variant % 3 === 1 ? 'other' : expected;
    return `          - key: ${key}\n            operator: ${op}\n            value: "${v.replace(/"/g, '\\"')}"`;
  });
  const headers = Array.from(
    { length: 5 },
    (_, i) =>
      `          - key: <+trigger.header['X-H${i}']>\n            operator: ${i % 2 ? 'In' : 'Equals'}\n            value: ${i % 2 ? `a, h${i}` : `h${i}`}`,
  );
  const jexl =
    variant % 3 === 2
      ? '<+trigger.payload.meta.f0> == "w0"'
      : '<+trigger.payload.meta.f0> == "v0" && <+trigger.payload.tags>.contains("prod") && <+trigger.header[\'X-H0\']>.startsWith("h") && <+trigger.payload.meta.count> > 10';
  return `trigger:
  name: Bench ${variant}
  identifier: bench_${variant}
  enabled: true
  orgIdentifier: default
  projectIdentifier: Bench
  pipelineIdentifier: bench
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
${payload.join('\n')}
        headerConditions:
${headers.join('\n')}
        jexlCondition: '${jexl.replace(/'/g, "''")}'
`;
}

/** A payload whose meta fields satisfy benchYaml(0), padded with items to about `bytes`. */
export function benchPayload(bytes: number, o: { minItems?: number; pad?: number } = {}): string {
  const meta: Record<string, unknown> = { count: 42 };
  for (let i = 0; i < 20; i++) meta[`f${i}`] = `v${i}`;
  const items: { name: string; payload: string; n: number }[] = [];
  const pad = 'x'.repeat(o.pad ?? 100);
  const minItems = o.minItems ?? 0;
  const base = JSON.stringify({ meta, tags: ['qa', 'prod'], items: [] }).length;
  for (let n = 0, size = base; size < bytes || n < minItems; n++) {
    const item = { name: `item${n}`, payload: pad, n };
    items.push(item);
    size += JSON.stringify(item).length + 1;
  }
  return JSON.stringify({ meta, tags: ['qa', 'prod'], items });
}

const HEADERS = [0, 1, 2, 3, 4]
  .map((i) => ({ name: `X-H${i}`, value: `h${i}` }))
  .concat([{ name: 'Content-Type', value: 'application/json' }]);

function time(rounds: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A 13 KB jexlCondition: valid, or with one stray token near its end (the worst place to find). */
export function bigJexl(withError: boolean): string {
  const terms = Array.from({ length: 330 }, (_, i) => `<+trigger.payload.meta.f${i % 20}> == "v${i}"`);
  terms[328] = `${terms[328] ?? ''}${withError ? ' ==' : '   '}`;
  return terms.join(' && ');
}

/** Time to find the error's place in a 13 KB condition, next to compiling a valid one as large. */
function jexlErrorFigures(): Figure[] {
  const valid = bigJexl(false);
  const broken = bigJexl(true);
  if (!compileJexl(valid).ok) throw new Error('bench: the large valid condition should compile');
  const failed = compileJexl(broken);
  if (failed.ok || failed.kind !== 'syntax')
    throw new Error('bench: the large broken condition should be a syntax error');
  const ok = median(time(15, () => compileJexl(valid)));
  const error = median(time(15, () => compileJexl(broken)));
  return [
    figure(`conditions: compile a valid ${(valid.length / 1024).toFixed(0)} KB JEXL condition`, ok, 'ms'),
    figure(
      `conditions: report the syntax error position in a ${(broken.length / 1024).toFixed(0)} KB JEXL condition`,
      error,
      'ms',
    ),
    figure('conditions: error position / valid compile ratio (13 KB)', error / ok, '×', { max: 3 }),
  ];
}

/** Catastrophic patterns: one RE2 can take (answered, linear), and twenty that need backtracking (one shared deadline). */
function regexFigures(): Figure[] {
  const sample = parseSample({ payload: JSON.stringify({ s: 'a'.repeat(30) }), headers: [] });
  const trigger = (values: string[]) =>
    compileTrigger({
      enabled: true,
      headerConditions: [],
      jexlCondition: null,
      payloadConditions: values.map((value) => ({
        key: '<+trigger.payload.s>',
        operator: 'Regex',
        value,
        where: null,
      })),
    });
  const linear = trigger(['(a|a?)+b']);
  const bad = trigger(Array.from({ length: 20 }, (_, i) => `(a|a?)+b(?=c)${'x'.repeat(i)}`));
  if (evaluate(linear, sample).outcome !== 'does-not-fire') throw new Error('bench: (a|a?)+b should be answered');
  if (!/took too long/.test(evaluate(bad, sample).summary))
    throw new Error('bench: the backtracking patterns should be stopped');
  return [
    figure(
      "conditions: Regex (a|a?)+b against 30 a's (RE2, linear time)",
      median(time(50, () => evaluate(linear, sample))),
      'ms',
      { max: 2 },
    ),
    figure(
      'conditions: 20 catastrophic backtracking patterns in one evaluation (deadline 100 ms)',
      median(time(5, () => evaluate(bad, sample))),
      'ms',
      { max: 150 },
    ),
  ];
}

export function run(): Promise<Figure[]> {
  const yaml = benchYaml(0);
  const payload = benchPayload(1024 * 1024);
  const trigger = parseTriggerYaml(yaml);
  const compiled = compileTrigger(trigger);
  const parsed = parseSample({ payload, headers: HEADERS });
  const check = evaluate(compiled, parsed);
  if (check.outcome !== 'fires')
    throw new Error(`bench: the trigger should fire for the bench payload: ${check.summary}`);

  // A fresh per-sample memo each time: what one more trigger costs against an already parsed payload.
  const fresh = (): ParsedSample => ({ ...parsed, cache: new Map<string, unknown>() });
  time(200, () => evaluate(compiled, fresh()));
  const once = median(time(2000, () => evaluate(compiled, fresh())));
  const memo = median(time(2000, () => evaluate(compiled, parsed)));
  const parse = median(time(15, () => parseSample({ payload, headers: HEADERS })));
  const naive = median(time(15, () => evaluateTrigger(parseTriggerYaml(yaml), { payload, headers: HEADERS })));

  const triggers: MatrixTrigger[] = Array.from({ length: 50 }, (_, i) => ({
    id: `t${i}`,
    name: `Bench ${i}`,
    yaml: benchYaml(i),
  }));
  const samples: MatrixSample[] = Array.from({ length: 200 }, (_, i) => ({
    id: `s${i}`,
    name: `Sample ${i}`,
    payload: benchPayload(4096 + (i % 7) * 512, { minItems: 200, pad: 4 }).replace(
      '"v0"',
      i % 5 === 0 ? '"w0"' : '"v0"',
    ),
    headers: HEADERS,
  }));
  buildMatrix(triggers.slice(0, 2), samples.slice(0, 5));
  const matrix = median(time(5, () => buildMatrix(triggers, samples)));
  const m = buildMatrix(triggers, samples);
  const fired = m.rows.reduce((n, r) => n + r.cells.filter((c) => c.outcome === 'fires').length, 0);
  if (fired === 0 || fired === 50 * 200)
    throw new Error(`bench: the matrix should mix outcomes (${fired} of 10000 fire)`);

  return Promise.resolve([
    figure('conditions: evaluate 20+5+JEXL vs 1 MB payload, parsed (fresh memo)', once, 'ms', { max: 2 }),
    figure('conditions: same, sample memo warm', memo, 'ms'),
    figure('conditions: parse the 1 MB payload once', parse, 'ms'),
    figure('conditions: naive (parse YAML + payload, compile, evaluate)', naive, 'ms'),
    figure('conditions: naive / parsed-once ratio', naive / once, '×'),
    figure('conditions: matrix 50 triggers × 200 samples (with YAML and sample parsing)', matrix, 'ms', { max: 1000 }),
    ...jexlErrorFigures(),
    ...regexFigures(),
  ]);
}
