// Catastrophic regexes never hang an evaluation: a pattern RE2 can take is answered in linear time;
// one that needs backtracking runs under the Node watchdog (electron/regex-deadline.ts) and, past
// the deadline, gives "cannot tell: the pattern took too long". One deadline per evaluation.
import { afterEach, describe, expect, it } from 'vitest';
import { vmRunner } from '../../electron/regex-deadline';
import { evaluateTrigger } from '../../shared/harness/conditions';
import { setBoundedRunner, type BoundedRunner } from '../../shared/harness/java-regex-run';
import type { ConditionSpec } from '../../shared/harness/trigger-yaml';

const A30 = 'a'.repeat(30);
const payload = JSON.stringify({ s: A30, ref: `refs/${A30}` });
const cond = (operator: string, value: string, key = '<+trigger.payload.s>'): ConditionSpec => ({
  key,
  operator,
  value,
  where: null,
});
const verdict = (payloadConditions: ConditionSpec[], jexlCondition: string | null = null) =>
  evaluateTrigger({ enabled: true, payloadConditions, headerConditions: [], jexlCondition }, { payload, headers: [] });

// Backtracking is needed for the lookahead, so this one cannot go to RE2.
const BAD = '(a|a?)+b(?=c)';

afterEach(() => setBoundedRunner(vmRunner));

describe('regex deadline', () => {
  it('answers a catastrophic pattern that RE2 can take, at once and correctly', () => {
    const v = verdict([cond('Regex', '(a|a?)+b'), cond('In', 'x, (a|a?)+b')]);
    expect(v.rows.map((r) => [r.state, r.wouldBe])).toEqual([
      ['fail', null],
      ['not-reached', 'fail'],
    ]);
    expect(verdict([cond('Regex', '(a|a?)+')]).outcome).toBe('fires');
  });

  it('says "cannot tell: the pattern took too long" for one that needs backtracking', () => {
    const v = verdict([cond('Regex', BAD)]);
    expect(v.outcome).toBe('undetermined');
    expect(v.summary).toBe(`Cannot tell: the pattern took too long (stopped after 100 ms): ${JSON.stringify(BAD)}`);
    expect(v.rows[0]?.state).toBe('unsupported');
  });

  it('shares one deadline between every regex of an evaluation: the twentieth bad pattern does not run', () => {
    const runs: number[] = [];
    const spy: BoundedRunner = (job, ms, evaluation) => {
      runs.push(ms);
      return vmRunner(job, ms, evaluation);
    };
    setBoundedRunner(spy);
    const v = verdict(Array.from({ length: 20 }, (_, i) => cond('Regex', `${BAD}${'x'.repeat(i)}`)));
    expect(v.rows.map((r) => r.state === 'unsupported' || r.wouldBe === 'unsupported')).toEqual(Array(20).fill(true));
    // The first pattern uses the whole budget; the others find none left and are not started.
    expect(runs.length).toBeLessThanOrEqual(2);
    expect(runs[0]).toBeGreaterThan(90);
  });

  it('In: a later item that matches still decides; otherwise cannot tell', () => {
    expect(verdict([cond('In', `${BAD}, a+`)]).rows[0]?.state).toBe('pass');
    const v = verdict([cond('In', `${BAD}, b+`)]);
    expect([v.outcome, v.rows[0]?.why]).toEqual([
      'undetermined',
      `the pattern took too long (stopped after 100 ms): ${JSON.stringify(BAD)}`,
    ]);
  });

  it('bounds the regexes of JEXL too (=~, matches, split)', () => {
    for (const jexl of [
      `<+trigger.payload.s> =~ "${BAD}"`,
      `<+trigger.payload.s>.matches("${BAD}")`,
      `<+trigger.payload.ref>.split("${BAD}").size() == 1`,
    ]) {
      const v = verdict([], jexl);
      expect([v.outcome, v.jexl.state, v.jexl.why], jexl).toEqual([
        'undetermined',
        'unsupported',
        `the pattern took too long (stopped after 100 ms): ${JSON.stringify(BAD)}`,
      ]);
    }
    expect(verdict([], `<+trigger.payload.ref>.split("(a|a?)+b").size() == 1`).outcome).toBe('fires');
  });
});
