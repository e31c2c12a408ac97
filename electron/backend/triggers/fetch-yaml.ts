// Fetches a trigger's YAML from Harness: GET <prefix>/triggers/{triggerIdentifier}?account…&
// targetIdentifier=<pipeline> (docs/harness-protocol.md §8), where <prefix> is the webhook URL's own path before
// /webhook/custom (so /gateway/pipeline/api on SaaS). The key goes only to the trigger's own origin.
// The answer is redacted as it is read: a key Harness shows in the YAML is never stored in clear.
import { DeskError } from '../../../shared/errors';
import { redact, redactJson } from '../../../shared/harness/redact';
import { liveTrigger, type Ctx } from '../context';
import { setTriggerYaml } from './extras';
import { loadSecrets } from '../vault/index';

export function triggerYamlUrl(p: {
  url: string;
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string | null;
  triggerIdentifier: string | null;
}): string {
  if (p.pipelineIdentifier === null || p.triggerIdentifier === null) {
    throw new DeskError(
      'invalid-args',
      'The trigger URL does not name its pipeline and trigger (pipelineIdentifier, triggerIdentifier), so its YAML cannot be looked up',
      {
        hint: 'Paste the YAML instead: in Harness, open the trigger, switch to YAML and copy it.',
      },
    );
  }
  const url = new URL(p.url);
  const at = url.pathname.indexOf('/webhook/custom');
  const prefix = at >= 0 ? url.pathname.slice(0, at) : '/pipeline/api';
  const query = new URLSearchParams({
    accountIdentifier: p.accountIdentifier,
    orgIdentifier: p.orgIdentifier,
    projectIdentifier: p.projectIdentifier,
    targetIdentifier: p.pipelineIdentifier,
  });
  return `${url.origin}${prefix}/triggers/${encodeURIComponent(p.triggerIdentifier)}?${query.toString()}`;
}

function parse(body: string, secrets: string[]): { message?: unknown; data?: { yaml?: unknown } } | null {
  try {
    return redactJson(JSON.parse(body) as { message?: unknown; data?: { yaml?: unknown } }, secrets);
  } catch {
    return null;
  }
}

export async function fetchTriggerYaml(ctx: Ctx, a: { id: string }): Promise<{ yaml: string }> {
  const t = liveTrigger(ctx.data.read(), a.id);
  const url = triggerYamlUrl({ ...t.parsed });
  const secrets = await loadSecrets(ctx, t);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (secrets.apiKey !== null) headers['x-api-key'] = secrets.apiKey;
  const res = await ctx.http.request({ method: 'GET', url, headers, retry: 'idempotent' });
  const known = [...secrets.values, ...ctx.vault.knownSecrets()];
  const doc = parse(res.body, known);
  if (res.status !== 200) {
    const said = typeof doc?.message === 'string' ? doc.message : null;
    const why =
      res.status === 401 || res.status === 403
        ? 'the API key may not view this trigger (or there is none and the project needs one)'
        : res.status === 404
          ? 'Harness does not know this trigger (check the identifiers in the URL)'
          : 'Harness refused';
    throw new DeskError(
      'network',
      redact(`Could not fetch the trigger YAML: HTTP ${res.status}, ${why}${said ? `: “${said}”` : ''}`, known),
      {
        hint: 'You can paste the YAML instead.',
      },
    );
  }
  const yaml = doc?.data?.yaml;
  if (typeof yaml !== 'string' || yaml.trim() === '') {
    throw new DeskError('parse', 'Harness answered, but without a trigger YAML (data.yaml)', {
      hint: 'You can paste the YAML instead.',
    });
  }
  setTriggerYaml(ctx, { id: a.id, yaml }, { fromHarness: true });
  return { yaml };
}
