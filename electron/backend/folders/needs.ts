// What one person still has to supply before the triggers of a folder workspace can fire: the
// webhook tokens the folder leaves out, and the keychain values it names that this vault lacks.
import type { FolderNeed } from '../../../shared/folder-model';
import type { DataDoc } from '../store/index';
import type { Vault } from '../vault/index';
import { needsToken } from './content';

export async function folderNeeds(doc: DataDoc, workspaceId: string, vault: Vault): Promise<FolderNeed[]> {
  const needs: FolderNeed[] = [];
  for (const t of doc.triggers) {
    if (t.workspaceId !== workspaceId || t.deletedAt !== null) continue;
    const base = { triggerId: t.id, triggerName: t.name };
    if (needsToken(t.parsed))
      needs.push({
        ...base,
        kind: 'token',
        ref: null,
        text: `"${t.name}" needs the webhook token: paste the trigger's URL or cURL from Harness once.`,
      });
    const secrets: [FolderNeed['kind'], string, { id: string; label: string }][] = [];
    if (t.key) secrets.push(['key', 'key', t.key]);
    for (const h of t.headers) if (h.secret) secrets.push(['header', `the ${h.name} header value`, h.secret]);
    for (const [n, v] of Object.entries(t.secretVariables ?? {})) secrets.push(['variable', `{{${n}}}`, v]);
    for (const [kind, what, info] of secrets) {
      if ((await vault.get(info.id)) !== null) continue;
      needs.push({
        ...base,
        kind,
        ref: info.label,
        text: `"${t.name}" needs ${what} "${info.label}" from your keychain${kind === 'key' ? ' (or HARNESS_API_KEY for the CLI)' : ''}.`,
      });
    }
  }
  return needs;
}
