// The embedded Harness sandbox (see README.md beside this file).
export { startSandbox } from './server';
export { startSandboxPeer } from './peer';
export { createSandboxEvaluate } from './evaluate';
export { ACCOUNT, KEYS, ORG, OPEN_PROJECT, SECURED_PROJECT } from './examples';
export { NO_FAULTS } from './faults';
export { TERMINAL } from './runs';
export type {
  Condition,
  Evaluate,
  EvaluateInput,
  EvaluateResult,
  ExampleKind,
  ExampleTrigger,
  Faults,
  ReceivedRequest,
  RunEnd,
  Sandbox,
  SandboxOptions,
  SandboxTrigger,
  StageDef,
  StepDef,
  TriggerSpec,
} from './types';
