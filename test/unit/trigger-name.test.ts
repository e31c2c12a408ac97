// Default trigger names from the URL's identifiers, and names made free in a workspace.
import { describe, expect, it } from 'vitest';
import { freeName, readableIdentifier, readableTriggerName } from '../../shared/harness/trigger-name';

describe('trigger names', () => {
  it('makes identifiers readable', () => {
    expect(readableIdentifier('build_and_deploy')).toBe('Build and deploy');
    expect(readableIdentifier('deployOnPush')).toBe('Deploy on push');
    expect(readableIdentifier('nightly-QA.checks')).toBe('Nightly QA checks');
  });

  it('names an import after its pipeline and trigger, as far as the URL names them', () => {
    const p = { projectIdentifier: 'Shop' };
    expect(readableTriggerName({ ...p, pipelineIdentifier: 'build_and_deploy', triggerIdentifier: 'on_push' })).toBe(
      'Build and deploy / On push',
    );
    expect(readableTriggerName({ ...p, pipelineIdentifier: 'build_and_deploy', triggerIdentifier: null })).toBe(
      'Build and deploy',
    );
    expect(readableTriggerName({ ...p, pipelineIdentifier: null, triggerIdentifier: null })).toBe('Trigger in Shop');
  });

  it('adds (2), (3)… to a taken name, ignoring case and spaces', () => {
    expect(freeName('Deploy', [])).toBe('Deploy');
    expect(freeName('Deploy', [' deploy '])).toBe('Deploy (2)');
    expect(freeName('Deploy', ['Deploy', 'Deploy (2)'])).toBe('Deploy (3)');
  });
});
