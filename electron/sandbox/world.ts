// What the sandbox "has in Harness": projects (with the mandate-authorization setting), API keys
// and custom triggers with their pipelines. Lookups follow the rules of docs/harness-protocol.md §1-2.
import { ACCOUNT, EXAMPLES, KEYS, ORG, PIPELINES, SECURED_PROJECT } from './examples';
import { harnessUuid } from './ids';
import { defaultInputYaml } from './links';
import type { ExampleKind, SandboxTrigger, StepDef, TriggerRef, TriggerSpec } from './types';

export interface ApiKey {
  value: string;
  account: string;
  canExecute: boolean;
}

export interface Scope {
  account: string;
  org: string;
  project: string;
}

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/;

const DEFAULT_STEPS: StepDef[] = [
  { identifier: 'build', name: 'Build', type: 'CI' },
  { identifier: 'deploy', name: 'Deploy', type: 'Deployment' },
];

export class World {
  readonly triggers: SandboxTrigger[] = [];
  readonly keys: ApiKey[] = [
    { value: KEYS.execute, account: ACCOUNT, canExecute: true },
    { value: KEYS.viewOnly, account: ACCOUNT, canExecute: false },
  ];
  private readonly mandated = new Set<string>([scopeKey({ account: ACCOUNT, org: ORG, project: SECURED_PROJECT })]);

  constructor(private readonly now: () => number) {
    for (const spec of EXAMPLES) this.add(spec, spec.kind);
  }

  add(spec: TriggerSpec, kind: ExampleKind = 'custom'): SandboxTrigger {
    if (!IDENTIFIER.test(spec.identifier))
      throw new Error(
        `sandbox: trigger identifier "${spec.identifier}" must start with a letter or underscore and hold only letters, digits, _ and $`,
      );
    const form = spec.form ?? 'v3';
    const token = form === 'v2' ? null : (spec.token ?? harnessUuid());
    if (token !== null && !TOKEN.test(token))
      throw new Error(`sandbox: a custom webhook token is 22 characters of A-Z a-z 0-9 _ -, not "${token}"`);
    if (token !== null && this.byToken(token))
      throw new Error(`sandbox: token ${token} is already used by another trigger`);
    const org = spec.orgIdentifier ?? ORG;
    const project = spec.projectIdentifier ?? 'Sandbox';
    const pipelineIdentifier = spec.pipelineIdentifier ?? 'build_and_deploy';
    if (
      this.triggers.some(
        (t) =>
          t.orgIdentifier === org &&
          t.projectIdentifier === project &&
          t.pipelineIdentifier === pipelineIdentifier &&
          t.identifier === spec.identifier,
      )
    ) {
      throw new Error(`sandbox: trigger ${spec.identifier} already exists for pipeline ${pipelineIdentifier}`);
    }
    const known = PIPELINES[pipelineIdentifier];
    const trigger: SandboxTrigger = {
      name: spec.name,
      identifier: spec.identifier,
      description: spec.description ?? '',
      kind,
      accountIdentifier: ACCOUNT,
      orgIdentifier: org,
      projectIdentifier: project,
      pipelineIdentifier,
      pipelineName: spec.pipelineName ?? known?.name ?? pipelineIdentifier,
      token,
      enabled: spec.enabled ?? true,
      steps: spec.steps ?? known?.steps ?? DEFAULT_STEPS,
      failStage: spec.failStage ?? null,
      payloadConditions: spec.payloadConditions ?? [],
      headerConditions: spec.headerConditions ?? [],
      jexlCondition: spec.jexlCondition ?? null,
      inputYaml: spec.inputYaml ?? defaultInputYaml(pipelineIdentifier),
      invalidRuntimeInput: spec.invalidRuntimeInput ?? null,
      createdAt: this.now(),
    };
    if (spec.mandateAuthorization) this.mandated.add(scopeKey({ account: ACCOUNT, org, project }));
    this.triggers.push(trigger);
    return trigger;
  }

  mandatesAuthorization(s: Scope): boolean {
    return this.mandated.has(scopeKey(s));
  }

  key(value: string): ApiKey | undefined {
    return this.keys.find((k) => k.value === value);
  }

  byToken(token: string): SandboxTrigger | undefined {
    return this.triggers.find((t) => t.token === token);
  }

  /** v2 lookup: enabled custom triggers in the scope, narrowed by the optional identifiers. */
  enabledIn(s: Scope, pipeline: string | null, trigger: string | null): SandboxTrigger[] {
    return this.inScope(s).filter(
      (t) =>
        t.enabled &&
        (pipeline === null || t.pipelineIdentifier === pipeline) &&
        (trigger === null || t.identifier === trigger),
    );
  }

  /** Changes a trigger as a person would in Harness (its YAML changes with it); false when unknown. */
  edit(ref: TriggerRef, patch: { name?: string; description?: string; enabled?: boolean }): boolean {
    const t = this.find(ref);
    if (!t) return false;
    if (patch.name !== undefined) t.name = patch.name;
    if (patch.description !== undefined) t.description = patch.description;
    if (patch.enabled !== undefined) t.enabled = patch.enabled;
    return true;
  }

  /** Deletes a trigger in "Harness"; false when unknown. */
  remove(ref: TriggerRef): boolean {
    const t = this.find(ref);
    if (!t) return false;
    this.triggers.splice(this.triggers.indexOf(t), 1);
    return true;
  }

  private find(ref: TriggerRef): SandboxTrigger | undefined {
    return this.triggers.find(
      (t) =>
        t.identifier === ref.identifier &&
        t.pipelineIdentifier === ref.pipelineIdentifier &&
        t.orgIdentifier === (ref.orgIdentifier ?? ORG) &&
        t.projectIdentifier === (ref.projectIdentifier ?? 'Sandbox'),
    );
  }

  inScope(s: Scope): SandboxTrigger[] {
    return this.triggers.filter(
      (t) => t.accountIdentifier === s.account && t.orgIdentifier === s.org && t.projectIdentifier === s.project,
    );
  }
}

function scopeKey(s: Scope): string {
  return `${s.account}:${s.org}:${s.project}`;
}
