// Copy as cURL (bash or PowerShell). By default the key is $HARNESS_API_KEY, each secret header
// a $HARNESS_HEADER_… variable and each secret payload variable a $HARNESS_VAR_… one. With `withSecrets` (the page must also pass `confirm: true`) the
// real values are written in. That is the one place a key leaves the backend: in Electron the
// backend puts the command on the clipboard itself and answers only the redacted text; the web
// host has no clipboard of its own, so there the page receives the command and copies it.
import { DeskError } from '../../../shared/errors';
import { exportCurl, KEY_VARIABLE } from '../../../shared/harness/curl-export';
import { redact } from '../../../shared/harness/redact';
import { liveTrigger, type Ctx } from '../context';
import { pickBody } from './payloads';
import { fillSecretVariables } from './secret-variables';
import { loadSecrets } from '../vault/index';

export type Shell = 'bash' | 'powershell';

export function headerEnvName(header: string): string {
  return `HARNESS_HEADER_${header.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** The environment variable a secret payload variable is read from in an exported command. */
export function variableEnvName(name: string): string {
  return `HARNESS_VAR_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** Replaces the first `"<text>$NAME"` (bash) / `"<text>$env:NAME"` (PowerShell) with the value. */
export function inlineEnv(command: string, shell: Shell, env: string, value: string): string {
  const ref = shell === 'bash' ? `$${env}"` : `$env:${env}"`;
  const escaped = shell === 'bash' ? value.replace(/[\\"$`]/g, '\\$&') : value.replace(/[`"$“”„]/g, '`$&');
  const at = command.indexOf(ref);
  if (at < 0) throw new DeskError('internal', `The exported command has no ${env} reference to fill in`);
  return command.slice(0, at) + escaped + '"' + command.slice(at + ref.length);
}

export interface ExportArgs {
  id: string;
  body?: string | undefined;
  shell?: Shell | undefined;
  withSecrets?: true | undefined;
  confirm?: true | undefined;
}

export async function exportCurlCommand(ctx: Ctx, a: ExportArgs): Promise<{ command: string; copied: boolean }> {
  const t = liveTrigger(ctx.data.read(), a.id);
  const shell: Shell = a.shell ?? 'bash';
  // The body a fire would send (payloads.ts), so the command and the fire never differ.
  const { body } = pickBody(t, { body: a.body });
  const headers = t.headers.map((h) =>
    h.secret ? { name: h.name, value: `$${headerEnvName(h.name)}` } : { name: h.name, value: h.value },
  );
  const bodyEnv = Object.fromEntries(Object.keys(t.secretVariables ?? {}).map((n) => [n, variableEnvName(n)]));
  const exported = (b: string, env: Record<string, string>): string =>
    exportCurl({
      url: t.parsed.url,
      headers,
      apiKey: t.key ? 'env' : null,
      body: b,
      contentType: t.contentType,
      shell,
      bodyEnv: env,
    });
  if (a.withSecrets !== true) return { command: exported(body, bodyEnv), copied: false };
  if (a.confirm !== true)
    throw new DeskError('invalid-args', 'The real key is exported only after an explicit confirmation');
  const secrets = await loadSecrets(ctx, t);
  // The secret variables' values go in as the fire puts them in (escaped inside JSON strings).
  let command = exported(fillSecretVariables(ctx, t, body, secrets.variables), {});
  if (secrets.apiKey !== null) command = inlineEnv(command, shell, KEY_VARIABLE, secrets.apiKey);
  for (const h of secrets.secretHeaders) command = inlineEnv(command, shell, headerEnvName(h.name), h.value);
  if (ctx.writeClipboard) {
    await ctx.writeClipboard(command);
    return { command: redact(command, secrets.values), copied: true };
  }
  return { command, copied: false };
}
