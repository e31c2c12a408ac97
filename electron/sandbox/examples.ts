// The sandbox's fixed world: one account, an open project and one that mandates authorization,
// four pipelines and the example triggers. Tokens and keys are constants so URLs stay the same
// from one launch to the next. The keys are deliberately not shaped like real Harness keys.
import type { StepDef, TriggerSpec } from './types';

export const ACCOUNT = 'sbxAcct-7Qm2xZpA1wE9rT';
export const ORG = 'default';
export const OPEN_PROJECT = 'Sandbox';
export const SECURED_PROJECT = 'Secured';

export const KEYS = {
  /** May execute pipelines in the sandbox account. */
  execute: 'sat.sandbox.demo-key.Zx8Kq2Lm7Pw4Rt6Vy9Bn',
  /** Valid, may view, lacks pipeline execute permission: firing with it answers 403. */
  viewOnly: 'sat.sandbox.view-only.Hc3Jd5Fg7Kl9Mn2Qp4Rs',
} as const;

export const PIPELINES: Record<string, { name: string; steps: StepDef[] }> = {
  build_and_deploy: {
    name: 'Build and deploy',
    steps: [
      { identifier: 'build', name: 'Build', type: 'CI' },
      {
        parallel: [
          { identifier: 'deploy_qa', name: 'Deploy QA', type: 'Deployment' },
          { identifier: 'deploy_staging', name: 'Deploy staging', type: 'Deployment', weight: 0.7 },
        ],
      },
      { identifier: 'deploy_prod', name: 'Deploy prod', type: 'Deployment' },
    ],
  },
  nightly_checks: {
    name: 'Nightly checks',
    steps: [
      { identifier: 'build', name: 'Build', type: 'CI' },
      {
        parallel: [
          { identifier: 'unit_tests', name: 'Unit tests', type: 'CI', weight: 0.6 },
          { identifier: 'integration_tests', name: 'Integration tests', type: 'CI' },
        ],
      },
      { identifier: 'report', name: 'Report', type: 'Custom', weight: 0.5 },
    ],
  },
  release_with_approval: {
    name: 'Release with approval',
    steps: [
      { identifier: 'build', name: 'Build', type: 'CI' },
      { identifier: 'approve_release', name: 'Approve release', type: 'Approval' },
      { identifier: 'deploy_prod', name: 'Deploy prod', type: 'Deployment' },
    ],
  },
  legacy_deploy: {
    name: 'Legacy deploy',
    steps: [
      { identifier: 'build', name: 'Build', type: 'CI' },
      { identifier: 'deploy', name: 'Deploy', type: 'Deployment' },
    ],
  },
};

export interface ExampleSpec extends TriggerSpec {
  kind: 'plain' | 'authorized' | 'v2' | 'fails' | 'approval' | 'disabled' | 'conditional';
  pipelineIdentifier: string;
}

/** In the order a newcomer should meet them; the first is the plain one. */
export const EXAMPLES: ExampleSpec[] = [
  {
    kind: 'plain',
    name: 'Deploy on push',
    identifier: 'deploy_on_push',
    description:
      'A plain v3 custom trigger: no API key needed; its runs build, deploy to QA and staging side by side, then to prod.',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'build_and_deploy',
    token: 'Kq7vR2mXw9LpT4nZb8YcHd',
  },
  {
    kind: 'authorized',
    name: 'Secured deploy (needs API key)',
    identifier: 'secured_deploy',
    description:
      'Its project mandates authorization, so without X-Api-Key Harness answers 400; with a key lacking execute permission, 403.',
    projectIdentifier: SECURED_PROJECT,
    pipelineIdentifier: 'build_and_deploy',
    token: 'Sec9uR3dTk2Wq7LmN4xPzA',
  },
  {
    kind: 'v2',
    name: 'Legacy v2 webhook',
    identifier: 'legacy_v2',
    description:
      'A trigger created before webhook tokens: it answers on the older v2 URL, which names the trigger in its query.',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'legacy_deploy',
    form: 'v2',
  },
  {
    kind: 'fails',
    name: 'Nightly checks (fails a stage)',
    identifier: 'nightly_checks',
    description: 'Its runs fail in the "Integration tests" stage, with the failure message Harness would show.',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'nightly_checks',
    token: 'F4ilSt4geN1ghtlyXy7QwE',
    failStage: 'integration_tests',
  },
  {
    kind: 'approval',
    name: 'Release (waits for approval)',
    identifier: 'release_approval',
    description: 'Its runs stop at an approval stage (ApprovalWaiting) until approved or aborted.',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'release_with_approval',
    token: 'Appr0vaLWa1tQ8rT5mK2sB',
  },
  {
    kind: 'disabled',
    name: 'Disabled trigger',
    identifier: 'disabled_trigger',
    description:
      'Switched off in Harness: firing it answers 400 "No enabled custom trigger found for the used custom webhook token".',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'build_and_deploy',
    token: 'D1sabLedTr1ggerZ9vX3wQ',
    enabled: false,
  },
  {
    // Conditions as in the example of docs/harness-protocol.md §6, so the condition lab has something to fetch.
    kind: 'conditional',
    name: 'Deploy on image (conditions)',
    identifier: 'deploy_on_image',
    description:
      'Starts only when env is qa or prod, the X-Source header says jenkins and the tag starts with "v"; the image and tag become pipeline variables.',
    projectIdentifier: OPEN_PROJECT,
    pipelineIdentifier: 'build_and_deploy',
    token: 'C0nd1tionalEnvQaPr0dX7',
    payloadConditions: [{ key: '<+trigger.payload.env>', operator: 'In', value: 'qa, prod' }],
    headerConditions: [{ key: "<+trigger.header['X-Source']>", operator: 'Equals', value: 'jenkins' }],
    jexlCondition: '<+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null',
    inputYaml:
      'pipeline:\n  identifier: build_and_deploy\n  variables:\n    - name: image\n      type: String\n      value: <+trigger.payload.image>\n' +
      '    - name: tag\n      type: String\n      value: <+trigger.payload.tag>\n',
  },
];

/** An event the conditional example accepts (Harness's own "Copy as cURL" body does not pass its conditions). */
export const CONDITIONAL_SAMPLE = {
  body: '{"env": "qa", "image": "registry.example.com/shop/api", "tag": "v1.4.2"}',
  headers: { 'X-Source': 'jenkins' } as Record<string, string>,
};
