// Copy as cURL, bash or PowerShell, with the key as $HARNESS_API_KEY. The real key goes in only
// after a confirmation: in Electron the backend copies that command to the clipboard itself (the
// key never reaches the page); in the browser the web host has no clipboard, so the page gets it.
import { useState, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { deskMode } from '../../stores/settings';
import { showError, showToast } from '../../stores/toasts';
import { exportCurl } from '../../stores/trigger-extras';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { copyText } from '../../ui/CopyButton';

type Shell = 'bash' | 'powershell';

export function CurlMenu({ trigger }: { trigger: Trigger }): ReactNode {
  const [confirming, setConfirming] = useState<Shell | null>(null);
  const hasSecrets = trigger.key !== null || trigger.headers.some((h) => h.secret !== null);

  const copy = async (shell: Shell, withSecrets: boolean): Promise<void> => {
    const reply = await exportCurl(trigger, shell, withSecrets);
    if (!reply.ok) {
      showError(reply.error, 'Could not export');
      return;
    }
    const { command, copied } = reply.value;
    const what = shell === 'bash' ? 'bash' : 'PowerShell';
    if (copied) {
      showToast(`Copied as cURL for ${what}, with the real key.`);
      return;
    }
    if (await copyText(command)) {
      // Say what the command holds: a key variable only when the trigger has a key.
      const variable = shell === 'bash' ? '$HARNESS_API_KEY' : '$env:HARNESS_API_KEY';
      showToast(
        withSecrets
          ? `Copied as cURL for ${what}, with the real key: paste it only where it is safe.`
          : trigger.key
            ? `Copied as cURL for ${what}, with the key as ${variable}.`
            : `Copied as cURL for ${what}.`,
      );
    }
  };

  return (
    <>
      <button type="button" className="small" onClick={() => void copy('bash', false)} aria-label="Copy as cURL">
        cURL
      </button>
      <button
        type="button"
        className="small"
        onClick={() => void copy('powershell', false)}
        aria-label="Copy as cURL for PowerShell"
      >
        PowerShell
      </button>
      {hasSecrets && (
        <button
          type="button"
          className="small"
          onClick={() => {
            setConfirming('bash');
          }}
          aria-label="Copy as cURL with the real key"
        >
          cURL + key…
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          title="Copy the command with the real key?"
          confirmLabel="Copy with the key"
          danger
          onCancel={() => {
            setConfirming(null);
          }}
          onConfirm={() => {
            setConfirming(null);
            void copy('bash', true);
          }}
        >
          <p>
            The command will carry the API key
            {trigger.headers.some((h) => h.secret) ? ' and the secret header values' : ''} in clear text. Anyone who
            sees it can start pipelines.
          </p>
          <p>
            {deskMode === 'electron'
              ? 'It goes straight to the clipboard.'
              : 'In browser mode the key passes through this page to reach the clipboard.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
