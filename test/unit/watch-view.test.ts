// The watch view's pure pieces: the event phases in plain words, the list windowing,
// raw-answer search, date bounds, durations (live ones carried on this computer's clock).
import { describe, expect, it } from 'vitest';
import type { StatusWords, WatchState } from '../../shared/watch-model';
import { visibleRange } from '../../renderer/features/history/window-range';
import { splitMatches } from '../../renderer/features/inspector/matches';
import { formatDuration } from '../../renderer/features/watch/format';
import { phaseSteps } from '../../renderer/features/watch/phases';
import { liveDuration } from '../../renderer/features/watch/useNow';
import { dayBound } from '../../renderer/stores/history-dates';

const words = (status: string, tone: StatusWords['tone'], text = status): StatusWords => ({
  status,
  words: text,
  tone,
});

function watch(o: Partial<WatchState>): WatchState {
  return {
    id: 'w1',
    historyId: 'h1',
    triggerId: 't1',
    triggerName: 'Deploy',
    apiUrl: 'http://127.0.0.1/x',
    eventCorrelationId: 'e1',
    startedAt: 0,
    updatedAt: 0,
    connectionTrouble: null,
    ended: null,
    polls: 0,
    nextPollAt: null,
    canAbort: false,
    phase: 'pending',
    processing: null,
    execution: null,
    steps: [],
    failureMessages: [],
    needsPerson: null,
    terminal: false,
    headline: '',
    ...o,
  };
}

const processing = (status: StatusWords, message = ''): NonNullable<WatchState['processing']> => ({
  status,
  message,
  warning: null,
  sandboxNote: null,
  exceptionOccured: false,
  triggerIdentifier: 't',
  pipelineIdentifier: 'p',
  pipelineExecutionId: null,
  eventCreatedAt: 1,
});

const execution = (status: StatusWords): NonNullable<WatchState['execution']> => ({
  planExecutionId: 'x',
  name: 'Build and deploy',
  pipelineIdentifier: 'p',
  runSequence: 1,
  status,
  startTs: 1,
  endTs: null,
  durationMs: 10,
  failureMessage: null,
  stageCounts: { successful: 0, running: 1, failed: 0, total: 2 },
  orgIdentifier: 'o',
  projectIdentifier: 'p',
});

describe('phaseSteps', () => {
  it('calls a queued event waiting, not failed', () => {
    const steps = phaseSteps(watch({ phase: 'pending' }));
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'todo', 'todo']);
    expect(steps[1]?.detail).toContain('not a failure');
  });

  it('follows a requested run to its end, good or bad', () => {
    const requested = processing(
      words('TARGET_EXECUTION_REQUESTED', 'good', 'Pipeline execution was requested successfully'),
    );
    const running = phaseSteps(
      watch({ phase: 'running', processing: requested, execution: execution(words('Running', 'wait')) }),
    );
    expect(running.map((s) => s.state)).toEqual(['done', 'done', 'done', 'current']);
    const failed = phaseSteps(
      watch({ phase: 'ended', terminal: true, processing: requested, execution: execution(words('Failed', 'bad')) }),
    );
    expect(failed[3]).toMatchObject({ label: 'Run ended', state: 'bad', detail: 'Failed' });
    const good = phaseSteps(
      watch({
        phase: 'ended',
        terminal: true,
        processing: requested,
        execution: execution(words('Success', 'good', 'Succeeded')),
      }),
    );
    expect(good[3]).toMatchObject({ state: 'done', detail: 'Succeeded' });
  });

  it('says where a condition miss stopped, with Harness’s message', () => {
    const miss = processing(
      words('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS', 'bad', 'The payload did not match the trigger’s conditions.'),
      'No trigger matched',
    );
    const steps = phaseSteps(watch({ phase: 'not-started', terminal: true, processing: miss }));
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'bad', 'bad']);
    expect(steps[2]?.detail).toContain('No trigger matched');
  });

  it('marks a watch stopped before pickup as stopped there', () => {
    expect(phaseSteps(watch({ phase: 'stopped' }))[1]?.state).toBe('bad');
  });
});

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 700, 46, 10_000, 6)).toEqual({ start: 0, end: 22 });
    expect(visibleRange(46 * 5000, 700, 46, 10_000, 6)).toEqual({ start: 4994, end: 5022 });
    expect(visibleRange(46 * 9990, 700, 46, 10_000, 6)).toEqual({ start: 9984, end: 10_000 });
    expect(visibleRange(0, 700, 46, 3, 6)).toEqual({ start: 0, end: 3 });
  });
});

describe('splitMatches', () => {
  it('cuts around every case-insensitive match and keeps the original text', () => {
    expect(splitMatches('"Status": "Success", "status"', 'status')).toEqual([
      '"',
      'Status',
      '": "Success", "',
      'status',
      '"',
    ]);
    expect(splitMatches('abc', '')).toEqual(['abc']);
    expect(splitMatches('abc', 'x')).toEqual(['abc']);
    expect(splitMatches('İstanbul ist', 'ist').join('')).toBe('İstanbul ist');
  });
});

describe('dayBound', () => {
  it('gives local midnight and the last millisecond of the day; nothing for a blank field', () => {
    expect(dayBound('2026-03-01', false)).toBe(new Date(2026, 2, 1).getTime());
    expect(dayBound('2026-03-01', true)).toBe(new Date(2026, 2, 2).getTime() - 1);
    expect(dayBound('', false)).toBeUndefined();
  });
});

describe('durations', () => {
  it('reads at a glance', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(512)).toBe('512 ms');
    expect(formatDuration(4500)).toBe('4.5 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });

  it('carries a running duration forward from when it was measured, and freezes an ended one', () => {
    expect(liveDuration(1000, true, 10_000, 12_500)).toBe(3500);
    expect(liveDuration(1000, false, 10_000, 12_500)).toBe(1000);
    expect(liveDuration(null, true, 10_000, 12_500)).toBeNull();
  });
});
