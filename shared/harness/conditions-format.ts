// A verdict as plain text: the CLI's output and the app's "copy explanation".

import type { ConditionRow, Verdict } from './conditions-types';
import type { RuntimeInputs } from './runtime-inputs';

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const LABEL: Record<string, string> = {
  'pass': 'PASS',
  'fail': 'FAIL',
  'error': 'ERROR',
  'unsupported': 'CANNOT TELL',
  'dropped': 'DROPPED',
  'not-reached': 'not reached',
  'blank': 'PASS',
};

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) =>
    `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ')}`.trimEnd(),
  );
}

function conditionLines(title: string, rows: ConditionRow[]): string[] {
  if (rows.length === 0) return [`${title}: none`];
  const header = ['#', 'key', 'resolved', 'operator', 'expected', 'result'];
  const body = rows.map((r) => {
    const result =
      r.state === 'not-reached'
        ? `not reached${r.wouldBe ? ` (would ${LABEL[r.wouldBe] ?? r.wouldBe})` : ''}`
        : `${LABEL[r.state] ?? r.state}: ${r.why}`;
    return [
      String(r.index + 1),
      cut(r.key, 40),
      cut(JSON.stringify(r.resolved), 30),
      r.operator || '(none)',
      cut(JSON.stringify(r.expected), 30),
      result,
    ];
  });
  const warnings = rows.flatMap((r) => r.warnings.map((w) => `  ! ${r.index + 1}: ${w}`));
  return [title, ...table([header, ...body]), ...warnings];
}

export function formatVerdict(
  v: Verdict,
  o: { trigger?: { name: string | null; identifier: string | null }; inputs?: RuntimeInputs | null } = {},
): string {
  const lines: string[] = [];
  if (o.trigger)
    lines.push(`Trigger: ${o.trigger.name ?? '(no name)'}${o.trigger.identifier ? ` (${o.trigger.identifier})` : ''}`);
  const head = v.outcome === 'fires' ? 'WOULD FIRE' : v.outcome === 'does-not-fire' ? 'WOULD NOT FIRE' : 'CANNOT TELL';
  lines.push(`Verdict: ${head}${v.status ? ` (${v.status})` : ''}`, `  ${v.summary}`, '');
  lines.push(
    ...conditionLines(
      'Payload conditions',
      v.rows.filter((r) => r.kind === 'payload'),
    ),
    '',
  );
  lines.push(
    ...conditionLines(
      'Header conditions',
      v.rows.filter((r) => r.kind === 'header'),
    ),
    '',
  );
  const j = v.jexl;
  if (j.state === 'blank') lines.push(`JEXL condition: ${j.why}`);
  else {
    lines.push('JEXL condition', `  ${j.expression.trim().split('\n').join('\n  ')}`);
    for (const b of j.bindings)
      lines.push(`  ${b.text} = ${b.type} ${cut(b.preview, 80)}${b.note ? ` (${b.note})` : ''}`);
    const state =
      j.state === 'not-reached'
        ? `not reached${j.wouldBe ? ` (would ${LABEL[j.wouldBe] ?? j.wouldBe})` : ''}`
        : (LABEL[j.state] ?? j.state);
    lines.push(`  result: ${state}: ${j.why}`);
    for (const w of j.warnings) lines.push(`  ! ${w}`);
  }
  if (v.warnings.length) lines.push('', 'Notes', ...v.warnings.map((w) => `  ! ${w}`));
  if (o.inputs && o.inputs.refs.length + o.inputs.yaml.trim().length > 0) {
    lines.push(
      '',
      'Runtime inputs',
      ...o.inputs.yaml
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
    for (const u of o.inputs.unresolved)
      lines.push(`  ! line ${u.line}, column ${u.column}: ${u.why ?? `${u.expression} (${u.state})`}`);
  }
  return `${lines.join('\n')}\n`;
}
