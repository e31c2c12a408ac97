// First launch: a "Sandbox" workspace with the embedded sandbox's example triggers, imported
// through the very path a user's paste takes (importCurlTrigger), keys into the vault, each
// example's -d body as its first payload, its trigger YAML kept as a fetch would keep it. A newcomer
// can fire one within seconds.
import { DeskError } from '../../../shared/errors';
import { last4 } from '../../../shared/harness/redact';
import type { SandboxExample } from '../../../shared/sandbox-peer';
import type { Ctx } from '../context';
import { batchedDoc } from '../store/index';
import { SAMPLE_KEY } from '../vault/index';
import { importCurlTrigger, setTriggerKey, setTriggerYaml } from '../triggers/index';
import { createWorkspace } from './workspaces';

export const SANDBOX_WORKSPACE = 'Sandbox';
const SANDBOX_KEY_LABEL = 'Sandbox key';

/** Seeds once per data folder; later launches (even after the user deleted it) leave it be. */
export async function seedSandbox(
  live: Ctx,
  sandbox: { baseUrl: string; examples: SandboxExample[] },
): Promise<boolean> {
  if (live.data.read().meta.seededAt !== null) return false;
  // Every step below writes data.json; batched, the first launch writes it once (keys go to the vault as they come).
  const data = batchedDoc(live.data);
  const ctx: Ctx = { ...live, data };
  const name = ctx.data
    .read()
    .workspaces.some((w) => w.deletedAt === null && w.name.toLowerCase() === SANDBOX_WORKSPACE.toLowerCase())
    ? `${SANDBOX_WORKSPACE} (examples)`
    : SANDBOX_WORKSPACE;
  const workspace = createWorkspace(ctx, name, 'sandbox');
  for (const example of sandbox.examples) {
    const { trigger } = await importCurlTrigger(ctx, {
      workspaceId: workspace.id,
      text: example.curl,
      name: example.name,
    });
    // Harness's own cURL carries a placeholder key: the sandbox's working key replaces it.
    if (example.apiKey !== null && example.apiKey !== SAMPLE_KEY && !example.curl.includes(example.apiKey)) {
      await setTriggerKey(ctx, { id: trigger.id, apiKey: example.apiKey, label: SANDBOX_KEY_LABEL });
    }
    // Its YAML too, as a fetch from Harness would keep it: the condition lab and matrix read it at once.
    // A refused YAML must not stop the first launch: "Fetch from Harness" in the lab says why.
    try {
      setTriggerYaml(ctx, { id: trigger.id, yaml: example.yaml }, { fromHarness: true });
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
    }
  }
  ctx.data.update((doc) => {
    doc.meta.seededAt = ctx.now();
    doc.meta.sandboxWorkspaceId = workspace.id;
    doc.meta.sandboxBaseUrl = sandbox.baseUrl;
  });
  data.commit();
  return true;
}

/**
 * Without an OS keychain the vault forgets keys at every restart. The sandbox's own keys are
 * known, so its triggers get them back (only where the key is still the sandbox's: same last 4).
 */
export async function restoreSandboxKeys(ctx: Ctx, examples: SandboxExample[]): Promise<number> {
  const doc = ctx.data.read();
  const workspaceId = doc.meta.sandboxWorkspaceId;
  if (workspaceId === null) return 0;
  let restored = 0;
  for (const t of doc.triggers) {
    if (t.workspaceId !== workspaceId || t.key === null || t.deletedAt !== null) continue;
    if ((await ctx.vault.get(t.key.id)) !== null) continue;
    const lost = t.key;
    const example = examples.find(
      (e) => e.identifier === t.parsed.triggerIdentifier && e.apiKey !== null && last4(e.apiKey) === lost.last4,
    );
    if (!example?.apiKey) continue;
    await setTriggerKey(ctx, { id: t.id, apiKey: example.apiKey, label: lost.label });
    restored++;
  }
  return restored;
}
