// The pure parts of `trigger-desk fire` in CI: durations, header values from the environment, the
// run link built from uiUrl, key=value lines, the Markdown summary, and when colour is used.
import { describe, expect, it } from 'vitest';
import { ciLog, wantsColour } from '../../electron/cli/ci-log';
import { executionUrl, outputLines, summaryMarkdown, type FireRecord } from '../../electron/cli/ci-output';
import { parseDuration, parseHeader } from '../../electron/cli/fire-args';
import type { FireResult } from '../../shared/model';

describe('parseDuration', () => {
  it('reads 90s, 30m, 1h, 1h30m, 500ms and bare seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('45')).toBe(45_000);
  });
  it('refuses anything else, quoting it', () => {
    for (const bad of ['', '0s', '10 minutes', '5d', '1h 30m', '-3s', 'm'])
      expect(() => parseDuration(bad)).toThrow(/--timeout needs a duration such as 90s/);
  });
});

describe('parseHeader', () => {
  const env = { TOKEN: 't0ken', EMPTY: '' };
  it('keeps a literal value and reads $NAME, ${NAME} and env:NAME from the environment', () => {
    expect(parseHeader('X-Source: jenkins', env)).toEqual({ name: 'X-Source', value: 'jenkins', secret: false });
    expect(parseHeader('X-T: $TOKEN', env)).toEqual({ name: 'X-T', value: 't0ken', secret: true });
    expect(parseHeader('X-T: ${TOKEN}', env)).toMatchObject({ value: 't0ken', secret: true });
    expect(parseHeader('X-T:env:TOKEN', env)).toMatchObject({ value: 't0ken', secret: true });
    // Only a whole value names a variable: a price stays text.
    expect(parseHeader('X-Price: $5 off', env)).toMatchObject({ value: '$5 off', secret: false });
  });
  it('refuses a header without a name, and a variable that is unset or empty', () => {
    expect(() => parseHeader('no colon', env)).toThrow(/--header needs "Name: value"/);
    expect(() => parseHeader('X-T: $MISSING', env)).toThrow(/MISSING is not set/);
    expect(() => parseHeader('X-T: env:EMPTY', env)).toThrow(/EMPTY is not set \(or is empty\)/);
  });
});

describe('executionUrl', () => {
  it("turns uiUrl's deployments page into the run's page", () => {
    const ui = 'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/deployments?pipelineIdentifier=PL&page=0';
    expect(executionUrl(ui, 'X1', null)).toBe(
      'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/pipelines/PL/executions/X1/pipeline',
    );
    expect(executionUrl(ui, 'X1', 'other')).toContain('/pipelines/other/executions/X1/');
    expect(executionUrl('https://example.com/elsewhere', 'X1', 'PL')).toBe('');
  });
});

const accepted: FireResult = {
  id: 'h1',
  triggerId: 'cli',
  at: 0,
  durationMs: 12,
  request: { method: 'POST', url: 'u', headers: {}, bodyBytes: 2, bodyIsJson: true },
  outcome: 'accepted',
  response: { status: 200, contentType: 'application/json', body: '{}' },
  event: { eventCorrelationId: 'e1', apiUrl: 'https://h/api', uiUrl: 'https://h/ui', uiSetupUrl: '' },
  harness: null,
  explanation: null,
  notes: [],
};

describe('outputs and summary', () => {
  it('writes one key=value line per output, a line break in a value made a space', () => {
    const text = outputLines({
      event_correlation_id: 'e1',
      api_url: 'https://h/api?a=1&b=2',
      ui_url: '',
      plan_execution_id: '',
      execution_url: '',
      status: 'Harness\nsays',
    });
    expect(text.split('\n')).toEqual([
      'event_correlation_id=e1',
      'api_url=https://h/api?a=1&b=2',
      'ui_url=',
      'plan_execution_id=',
      'execution_url=',
      'status=Harness says',
      '',
    ]);
  });
  it('says what a refused fire came to, and escapes table cells', () => {
    const refused: FireRecord = {
      triggerName: 'a|b',
      result: {
        ...accepted,
        outcome: 'rejected',
        response: { status: 400, contentType: '', body: '' },
        event: null,
        explanation: { title: 'Bad', detail: 'x | y', action: null },
      },
      view: null,
      timedOutAfterMs: null,
    };
    const md = summaryMarkdown(refused);
    expect(md).toContain('### Trigger Desk: a\\|b');
    expect(md).toContain('**Refused (HTTP 400)**: Bad. x \\| y');
  });
});

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(false);
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false);
  });
  it('prints a UTC timestamp on every line, with colour codes only when asked', () => {
    let out = '';
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    ciLog(
      (t) => (out += t),
      false,
      () => at,
    ).line('Succeeded', 'good');
    ciLog(
      (t) => (out += t),
      true,
      () => at,
    ).line('Succeeded', 'good');
    expect(out).toBe('[03:04:05Z] Succeeded\n[03:04:05Z] \x1b[32mSucceeded\x1b[0m\n');
  });
});
