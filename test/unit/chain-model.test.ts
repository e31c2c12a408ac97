import { describe, expect, it } from 'vitest';
import { checkChain, fillPrev, prevRefs, type ChainStep } from '../../shared/chain-model';

const names = new Map([
  ['a', 'Build'],
  ['b', 'Deploy'],
  ['c', 'Smoke'],
]);
const step = (triggerId: string, body = '{}'): ChainStep => ({ triggerId, body, after: 'success' });

describe('checkChain', () => {
  it('a sound chain has no problems', () => {
    expect(
      checkChain(
        [
          step('a', '{"tag":"v1","deep":{"x":[1,2]}}'),
          step('b', '{"id":"{{prev.planExecutionId}}","t":"{{prev.payload.tag}}","x":"{{prev.payload.deep.x.1}}"}'),
          step('c', '{"s":"{{ prev.status }}"}'),
        ],
        names,
      ),
    ).toEqual([]);
  });

  it('names the step of every problem', () => {
    const problems = checkChain(
      [
        step('a', '{"x":"{{prev.status}}"}'),
        step('zzz'),
        step('a'),
        step('b', '{{prev.payload.tag}}'),
        step('c', '{{prev}} {{prev.nope}} {{prev.payload}} {{prev.payload.x}}'),
      ],
      names,
    );
    expect(problems.map((p) => [p.step, p.message])).toEqual([
      [
        0,
        expect.stringMatching(
          /^Step 1: \{\{prev\.status\}\} at character 7: the first step has no previous run$/,
        ) as unknown,
      ],
      [1, 'Step 2: its trigger is deleted or unknown; pick another'],
      [2, 'Step 3 fires "Build" again (as step 1): a chain cannot loop back to a trigger'],
      [3, expect.stringMatching(/^Step 4: .*the previous step's payload has no tag$/) as unknown],
      [4, expect.stringMatching(/^Step 5: \{\{prev\}\} .*needs a field/) as unknown],
      [4, expect.stringMatching(/^Step 5: \{\{prev\.nope\}\} .*has no "nope"/) as unknown],
      [4, expect.stringMatching(/^Step 5: \{\{prev\.payload\}\} .*needs a field of the payload/) as unknown],
      [
        4,
        expect.stringMatching(
          /^Step 5: \{\{prev\.payload\.x\}\} .*reads the previous payload, which is not JSON$/,
        ) as unknown,
      ],
    ]);
  });

  it('an empty chain is a problem', () => {
    expect(checkChain([], names)).toEqual([{ step: 0, message: 'A chain needs at least one step' }]);
  });
});

describe('fillPrev', () => {
  it('fills values, JSON-escaped so the body stays JSON', () => {
    const body =
      '{"id":"{{prev.planExecutionId}}","msg":"{{prev.failureMessage}}","n":{{prev.runSequence}},"tag":"{{prev.payload.tag}}","obj":{{prev.payload.o}}}';
    const out = fillPrev(body, {
      planExecutionId: 'abc',
      failureMessage: 'exit "1"\\n',
      runSequence: 7,
      payload: { tag: 'v1', o: { k: [1] } },
    });
    expect(JSON.parse(out)).toEqual({ id: 'abc', msg: 'exit "1"\\n', n: 7, tag: 'v1', obj: { k: [1] } });
  });

  it('a value the run lacks becomes empty; other {{...}} are left alone', () => {
    expect(fillPrev('{{prev.endTs}}|{{tag}}|{{prev.payload.none}}', { endTs: null, payload: {} })).toBe('|{{tag}}|');
  });

  it('prevRefs lists each reference with its offset', () => {
    expect(prevRefs('ab{{prev.status}}{{ prev.payload.x }}')).toEqual([
      { path: 'status', offset: 2, text: '{{prev.status}}' },
      { path: 'payload.x', offset: 17, text: '{{ prev.payload.x }}' },
    ]);
  });
});
