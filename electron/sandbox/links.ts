// The URLs and texts Harness hands out: webhook URLs (v2, v3), "Copy as cURL", apiUrl, UI links,
// and the trigger YAML (docs/harness-protocol.md §1, §3, §6).
import { stringify } from 'yaml';
import type { SandboxTrigger } from './types';

const q = encodeURIComponent;

function scopeQuery(t: SandboxTrigger): string {
  return (
    `accountIdentifier=${q(t.accountIdentifier)}&orgIdentifier=${q(t.orgIdentifier)}&projectIdentifier=${q(t.projectIdentifier)}` +
    `&pipelineIdentifier=${q(t.pipelineIdentifier)}&triggerIdentifier=${q(t.identifier)}`
  );
}

/** The URL Harness shows for the trigger: v3 with its token, v2 for a legacy trigger without one. */
export function webhookUrl(base: string, t: SandboxTrigger): string {
  const path = t.token === null ? 'v2' : `${t.token}/v3`;
  return `${base}/gateway/pipeline/api/webhook/custom/${path}?${scopeQuery(t)}`;
}

export const SAMPLE_BODY = '{"sample_key": "sample_value"}';

/** Exactly Harness's "Copy as cURL" (the key part only when authorization is enforced). */
export function curlCommand(url: string, apiKey: string | null): string {
  const key = apiKey === null ? '' : ` -H 'X-Api-Key: ${apiKey}'`;
  return `curl -X POST -H 'content-type: application/json'${key} --url '${url}' -d '${SAMPLE_BODY}'`;
}

export function apiUrl(base: string, eventId: string, account: string): string {
  return `${base}/gateway/pipeline/api/webhook/triggerExecutionDetails/${eventId}?accountIdentifier=${q(account)}`;
}

function project(base: string, a: string, o: string, p: string): string {
  return `${base}/ng/#/account/${a}/cd/orgs/${o}/projects/${p}`;
}

export function uiUrl(base: string, a: string, o: string, p: string, pipeline: string | null): string {
  return `${project(base, a, o, p)}/deployments?pipelineIdentifier=${pipeline ?? 'null'}&page=0`;
}

export function uiSetupUrl(base: string, a: string, o: string, p: string, pipeline: string | null): string {
  return `${project(base, a, o, p)}/pipelines/${pipeline ?? 'null'}/pipeline-studio/`;
}

/** The trigger YAML as Harness stores it (docs/harness-protocol.md §6). */
export function triggerYaml(t: SandboxTrigger): string {
  const spec: Record<string, unknown> = {
    payloadConditions: t.payloadConditions,
    headerConditions: t.headerConditions,
  };
  if (t.jexlCondition !== null) spec.jexlCondition = t.jexlCondition;
  return stringify(
    {
      trigger: {
        name: t.name,
        identifier: t.identifier,
        enabled: t.enabled,
        description: t.description,
        tags: {},
        orgIdentifier: t.orgIdentifier,
        projectIdentifier: t.projectIdentifier,
        pipelineIdentifier: t.pipelineIdentifier,
        source: { type: 'Webhook', spec: { type: 'Custom', spec } },
        inputYaml: t.inputYaml,
      },
    },
    { lineWidth: 0 },
  );
}

/** The runtime input a trigger passes: payload fields mapped to pipeline variables. */
export function defaultInputYaml(pipeline: string): string {
  return `pipeline:\n  identifier: ${pipeline}\n  variables:\n    - name: sample_key\n      type: String\n      value: <+trigger.payload.sample_key>\n`;
}
