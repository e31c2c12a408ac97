import { describe, expect, it } from 'vitest';
import { stageSteps } from '../../shared/harness/stage-graph';

function node(
  id: string,
  o: {
    type?: string;
    status?: string;
    next?: string[];
    children?: string[];
    start?: number;
    end?: number;
    failure?: string;
  } = {},
) {
  return {
    nodeType: o.type ?? 'Deployment',
    nodeIdentifier: id,
    name: id.toUpperCase(),
    nodeUuid: `u_${id}`,
    status: o.status ?? 'Success',
    startTs: o.start ?? 0,
    endTs: o.end ?? 0,
    edgeLayoutList: { currentNodeChildren: o.children ?? [], nextIds: o.next ?? [] },
    failureInfo: { message: o.failure ?? '' },
  };
}

describe('stageSteps', () => {
  it('walks from startingNodeId along nextIds, parallel children side by side, whatever the map order', () => {
    const map = {
      u_prod: node('prod'),
      u_par: node('par', { type: 'parallel', children: ['u_qa', 'u_stg'], next: ['u_prod'] }),
      u_stg: node('stg'),
      u_build: node('build', { next: ['u_par'] }),
      u_qa: node('qa'),
    };
    const steps = stageSteps(map, 'u_build', 0);
    expect(steps.map((s) => [s.parallel, s.stages.map((x) => x.identifier)])).toEqual([
      [false, ['build']],
      [true, ['qa', 'stg']],
      [false, ['prod']],
    ]);
  });

  it('gives durations (time so far while running) and failure messages', () => {
    const map = {
      a: node('a', { start: 1000, end: 4000, next: ['b'] }),
      b: node('b', { status: 'Running', start: 4000, end: 0, next: ['c'] }),
      c: node('c', { status: 'NotStarted', start: 0, end: 0 }),
    };
    const [a, b, c] = stageSteps(map, 'a', 10_000).map((s) => s.stages[0]);
    expect(a).toMatchObject({ durationMs: 3000, status: { status: 'Success', tone: 'good' }, failureMessage: null });
    expect(b).toMatchObject({ durationMs: 6000, endTs: null });
    expect(c).toMatchObject({ durationMs: null, startTs: null });
    const failed = stageSteps({ x: node('x', { status: 'Failed', failure: 'boom', start: 1, end: 2 }) }, 'x', 0)[0]
      ?.stages[0];
    expect(failed?.failureMessage).toBe('boom');
  });

  it('survives cycles, missing ids and orphans (appended, never dropped)', () => {
    const map = { a: node('a', { next: ['b', 'ghost'] }), b: node('b', { next: ['a'] }), orphan: node('orphan') };
    expect(stageSteps(map, 'a', 0).map((s) => s.stages[0]?.identifier)).toEqual(['a', 'b', 'orphan']);
    expect(stageSteps(null, 'a', 0)).toEqual([]);
    expect(stageSteps(map, null, 0).map((s) => s.stages[0]?.identifier)).toEqual(['a', 'b', 'orphan']);
  });
});
