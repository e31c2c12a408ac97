// What a trigger carries beside its URL, key and payloads: extra headers and the trigger YAML;
// and what it is used for outside the app: copy as cURL, open its pages in Harness.
import type { Args, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { buildRequestPreview } from '../../shared/harness/request-preview';
import type { Trigger } from '../../shared/model';
import { request } from '../bridge';
import { useComposer, variableValues } from './composer';
import { payloadBody } from './payloads';
import { showError, showToast } from './toasts';
import { reloadTriggers, replaceTrigger } from './workspaces';

/** Replaces the extra headers; a secret one's value goes to the vault (the page then sees its last four characters). */
export async function setHeaders(
  id: string,
  headers: Args<'triggers:setHeaders'>['headers'],
): Promise<Reply<Result<'triggers:setHeaders'>>> {
  const reply = await request('triggers:setHeaders', { id, headers });
  if (reply.ok) replaceTrigger(reply.value.trigger);
  return reply;
}

/** Marks a payload variable secret (its value goes to the vault) or plain again; `value` replaces the kept one. */
export async function setVariableSecret(a: Args<'triggers:setVariableSecret'>): Promise<Reply<Trigger>> {
  const reply = await request('triggers:setVariableSecret', a);
  if (reply.ok) replaceTrigger(reply.value);
  return reply;
}

/** Keeps the trigger YAML ('' forgets it); the composer and the condition lab read it. */
export async function setTriggerYaml(id: string, yaml: string): Promise<Reply<Trigger>> {
  const reply = await request('triggers:setYaml', { id, yaml });
  if (reply.ok) replaceTrigger(reply.value);
  return reply;
}

/** Fetches the trigger YAML from the trigger's own host; the backend keeps it on the trigger. */
export async function fetchTriggerYaml(id: string): Promise<Reply<Result<'triggers:fetchYaml'>>> {
  const reply = await request('triggers:fetchYaml', { id });
  if (reply.ok) await reloadTriggers();
  return reply;
}

/**
 * The trigger as a cURL command with the body the editor shows (variables filled in). The key is
 * $HARNESS_API_KEY unless `withSecrets` (confirmed by the user); `copied`: the backend put the
 * command on the clipboard itself (Electron), and `command` is the redacted text.
 */
export async function exportCurl(
  trigger: Trigger,
  shell: 'bash' | 'powershell',
  withSecrets: boolean,
): Promise<Reply<Result<'triggers:exportCurl'>>> {
  const preview = buildRequestPreview({
    ...trigger,
    body: payloadBody(trigger),
    values: variableValues(useComposer.getState(), trigger),
  });
  const body = preview.body ?? undefined;
  return request(
    'triggers:exportCurl',
    withSecrets ? { id: trigger.id, body, shell, withSecrets: true, confirm: true } : { id: trigger.id, body, shell },
  );
}

/**
 * Opens a Harness page: the backend checks the URL (https, the trigger's own host) and opens it in
 * the system browser; the web host cannot, so it answers openInPage and the page opens the checked URL.
 */
export async function openHarnessPage(url: string, triggerId: string): Promise<void> {
  const reply = await request('shell:openExternal', { url, triggerId });
  if (!reply.ok) {
    showError(reply.error, 'Not opened');
    return;
  }
  if (reply.value.openInPage) window.open(reply.value.url, '_blank', 'noopener,noreferrer');
  else if (reply.value.opened) showToast('Opened in your browser.');
}
