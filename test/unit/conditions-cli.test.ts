// `trigger-desk match`: real files on disk, exit codes 0 (fires) / 1 (does not) / 2 (bad input or cannot tell).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/match';
import { conditionLines, customTriggerYaml } from '../fixtures/trigger-yaml';

const dir = mkdtempSync(join(tmpdir(), 'td-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const TRIGGER = file(
  't.yaml',
  customTriggerYaml({
    name: 'Deploy on image',
    identifier: 'deploy_on_image',
    enabled: true,
    payloadConditions: [conditionLines.ENV_IN],
    headerConditions: [conditionLines.FROM_JENKINS],
    jexlCondition: '<+trigger.payload.tag>.startsWith("v")',
    inputYaml: 'pipeline:\n  tag: <+trigger.payload.tag>\n  other: <+trigger.payload.missing>\n',
  }),
);
const GOOD = file('good.json', '{"env":"qa","tag":"v1.0"}');
const BAD = file('bad.json', '{"env":"dev","tag":"v1.0"}');

async function match(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('trigger-desk match', () => {
  it('exits 0 and explains when the trigger would fire', async () => {
    const r = await match('--trigger', TRIGGER, '--payload', GOOD, '--header', 'X-Source: jenkins');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Verdict: WOULD FIRE \(TARGET_EXECUTION_REQUESTED\)/);
    expect(r.out).toMatch(/<\+trigger.payload.env> +"qa" +In +"qa, prod" +PASS: matched item "qa" exactly/);
    expect(r.out).toMatch(/tag: v1.0/);
    expect(r.out).toMatch(/line 3, column 10: <\+trigger.payload.missing> is not in the event/);
  });

  it('exits 1 when it would not fire, naming the failing condition', async () => {
    const r = await match('-t', TRIGGER, '-p', BAD, '-H', 'X-Source: jenkins');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/WOULD NOT FIRE \(NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS\)/);
    expect((await match('-t', TRIGGER, '-p', GOOD)).out).toMatch(/NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS/);
  });

  it('prints the same explanation as JSON', async () => {
    const r = await match('--trigger', TRIGGER, '--payload', GOOD, '--header', 'x-source: jenkins', '--json');
    const parsed = JSON.parse(r.out) as {
      verdict: { status: string; rows: { resolved: string }[] };
      runtimeInputs: { unresolved: unknown[] };
    };
    expect(r.code).toBe(0);
    expect(parsed.verdict.status).toBe('TARGET_EXECUTION_REQUESTED');
    expect(parsed.verdict.rows.map((x) => x.resolved)).toEqual(['qa', 'jenkins']);
    expect(parsed.runtimeInputs.unresolved).toHaveLength(1);
  });

  it('exits 2 on bad input, with the YAML error position', async () => {
    const broken = file('broken.yaml', 'trigger:\n  name: x\n   bad: [1\n');
    const yamlError = await match('--trigger', broken, '--payload', GOOD);
    expect(yamlError.code).toBe(2);
    expect(yamlError.err).toMatch(/broken.yaml: The YAML cannot be read: .*\(line 2, column 9\)/);
    const json = await match('--trigger', broken, '--payload', GOOD, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ error: { where: { line: 2, column: 9 } } });
    const cron = file('cron.yaml', 'trigger:\n  name: x\n  source:\n    type: Scheduled\n');
    expect((await match('--trigger', cron, '--payload', GOOD)).err).toMatch(/Scheduled \(cron\) trigger/);
    expect((await match('--trigger', join(dir, 'nope.yaml'), '--payload', GOOD)).err).toMatch(/no such file/);
    expect((await match('--trigger', TRIGGER, '--payload', GOOD, '--header', 'no colon')).code).toBe(2);
    expect((await match('--trigger', TRIGGER)).err).toMatch(/--payload FILE is required/);
    expect((await match('--payload', GOOD)).err).toMatch(/--trigger FILE is required/);
    expect((await match('--trigger', TRIGGER, '--payload', GOOD, '--bogus')).err).toMatch(/Unknown option '--bogus'/);
  });

  it('accepts a payload that is not JSON (the raw string, as Harness does)', async () => {
    const text = file('text.txt', 'not json at all');
    const r = await match('--trigger', TRIGGER, '--payload', text, '--header', 'X-Source: jenkins');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/The body is not JSON/);
  });

  it('exits 2 when the preview cannot tell', async () => {
    const odd = file(
      'odd.yaml',
      'trigger:\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n      spec:\n        jexlCondition: <+trigger.payload.tag>.charAt(0) == "v"\n',
    );
    const r = await match('--trigger', odd, '--payload', GOOD);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/CANNOT TELL/);
  });

  it('exits 2 on conditions that do not compile, with the YAML line and column and no stack trace', async () => {
    const typo = file(
      'typo.yaml',
      'trigger:\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n      spec:\n        jexlCondition: \'<+trigger.payload.tag> == "v" ? true :\'\n',
    );
    const r = await match('--trigger', typo, '--payload', GOOD);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /typo.yaml: The JEXL condition cannot be read: the expression ends too early.*\(line 7, column 63 of the YAML\)/,
    );
    const json = await match('--trigger', typo, '--payload', GOOD, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ error: { where: { line: 7, column: 63 } } });
    const header = file(
      'header.yaml',
      'trigger:\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n      spec:\n        jexlCondition: <+trigger.header[]> == "x"\n',
    );
    const proc = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/match.ts', '--trigger', header, '--payload', GOOD],
      { cwd: resolve(import.meta.dirname, '..', '..'), encoding: 'utf8' },
    );
    expect(proc.status).toBe(2);
    expect(proc.stderr).toMatch(
      /^trigger-desk match: .*header.yaml: The JEXL condition cannot be read: in <\+trigger.header\[\]>: nothing between \[ and \].*\(line 7, column 40 of the YAML\)\.\n$/,
    );
    expect(proc.stderr).not.toMatch(/\bat \S+ \(/);
  }, 30_000);

  it('exits 2 ("cannot tell") on a regex that runs past the deadline, as a real process', () => {
    const slow = file(
      'slow.yaml',
      'trigger:\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n      spec:\n        payloadConditions:\n          - key: <+trigger.payload.s>\n            operator: Regex\n            value: "(a|a?)+b(?=c)"\n',
    );
    const a30 = file('a30.json', JSON.stringify({ s: 'a'.repeat(30) }));
    const proc = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/match.ts', '--trigger', slow, '--payload', a30],
      { cwd: resolve(import.meta.dirname, '..', '..'), encoding: 'utf8', timeout: 20_000 },
    );
    expect(proc.status).toBe(2);
    expect(proc.stdout).toContain('Verdict: CANNOT TELL');
    expect(proc.stdout).toContain('Cannot tell: the pattern took too long (stopped after 100 ms): "(a|a?)+b(?=c)"');
  }, 30_000);

  it('prints help with exit 0', async () => {
    const r = await match('--help');
    expect([r.code, r.out.startsWith('usage: trigger-desk match')]).toEqual([0, true]);
  });

  it('runs as a real process with the same exit codes', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const proc = (payload: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/cli/match.ts',
          '--trigger',
          TRIGGER,
          '--payload',
          payload,
          '--header',
          'X-Source: jenkins',
        ],
        { cwd: root, encoding: 'utf8' },
      );
    const fires = proc(GOOD);
    expect([fires.status, fires.stdout.includes('WOULD FIRE')]).toEqual([0, true]);
    expect(proc(BAD).status).toBe(1);
  }, 30_000);
});
