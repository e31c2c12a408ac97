// The paste of Harness's "Copy as cURL" (or a variant): one saved trigger. The key goes to the vault
// at once, credential-like headers (by name or by a key-shaped value) too, and the -d body becomes
// the first payload "From cURL", unless it holds a key: then nothing is saved, and the error says where.
// The sandbox's example triggers are seeded through this very path.
import { importCurl } from '../../../shared/harness/curl-import';
import { readableTriggerName } from '../../../shared/harness/trigger-name';
import { findSecretInPayload, secretInPayloadError } from '../../../shared/harness/payload-secrets';
import type { KeyInfo, Trigger } from '../../../shared/model';
import { liveWorkspace, type Ctx } from '../context';
import { SAMPLE_KEY, checkApiKey } from '../vault/index';
import { freeNameIn } from './names';
import { saveNewTrigger, DEFAULT_KEY_LABEL } from './triggers';
import { dropSecrets, movedToVaultNote, storeHeaders } from '../vault/index';

export const FROM_CURL = 'From cURL';

export async function importCurlTrigger(
  ctx: Ctx,
  a: { workspaceId: string; text: string; name?: string | undefined },
): Promise<{ trigger: Trigger; notes: string[] }> {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const imp = importCurl(a.text);
  // importCurl already notes a method other than POST and a body that is not JSON.
  const notes = [...imp.notes];
  // Validate the key before anything goes to the vault, so a bad paste leaves nothing behind.
  let apiKey: string | null = null;
  if (imp.apiKey !== null) {
    if (imp.apiKey.trim() === SAMPLE_KEY) {
      notes.push(
        `The command carries Harness's placeholder key "${SAMPLE_KEY}": add your own API key to the trigger if its project requires one.`,
      );
    } else {
      const checked = checkApiKey(imp.apiKey);
      apiKey = checked.key;
      notes.push(...checked.notes);
    }
  }

  // The body becomes a plain-text payload: one holding a key is refused before anything is stored.
  const spot =
    imp.body === null
      ? null
      : findSecretInPayload(imp.body, [...ctx.vault.knownSecrets(), ...(apiKey === null ? [] : [apiKey])]);
  if (spot) throw secretInPayloadError("The command's body (-d)", spot, 'payloads are');

  const created: string[] = [];
  const moved: string[] = [];
  let key: KeyInfo | null = null;
  let headers: Awaited<ReturnType<typeof storeHeaders>>;
  try {
    if (apiKey !== null) {
      key = await ctx.vault.put(apiKey, DEFAULT_KEY_LABEL);
      created.push(key.id);
    }
    headers = await storeHeaders(ctx, imp.headers, created, moved);
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }
  const byName = headers.filter((h) => h.secret !== null && !moved.includes(h.name)).map((h) => h.name);
  if (byName.length > 0)
    notes.push(`Kept in the vault, like the key: the ${byName.join(', ')} header${byName.length > 1 ? 's' : ''}.`);
  const movedNote = movedToVaultNote(moved);
  if (movedNote !== null) notes.push(movedNote);

  const trigger = await saveNewTrigger(
    ctx,
    {
      workspaceId: a.workspaceId,
      // No name given: the identifiers made readable, made free in the workspace ("… (2)").
      name: a.name?.trim() || freeNameIn(ctx.data.read(), a.workspaceId, readableTriggerName(imp.parsed)),
      parsed: imp.parsed,
      key,
      headers,
      contentType: imp.contentType ?? 'application/json',
      payloads: imp.body === null ? [] : [{ name: FROM_CURL, body: imp.body }],
    },
    created,
  );
  return { trigger, notes: [...new Set(notes)] };
}
