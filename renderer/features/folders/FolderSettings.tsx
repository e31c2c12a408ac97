// A folder workspace's own settings: where its folder is, whether the app follows it, the files that
// do not parse, and "Share webhook tokens in the folder" (off by default; turning it on says plainly
// what it means and asks first). "Stop keeping in step" leaves both the workspace and the folder.
import { useId, useState, type ReactNode } from 'react';
import type { Workspace } from '../../../shared/model';
import { errorText } from '../../bridge';
import { rescanFolder, setShareTokens, unlinkFolder, useFolders } from '../../stores/folders';
import { showToast } from '../../stores/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FolderProblems } from './FolderLine';
import './folders.css';

export function ShareTokensWarning(): ReactNode {
  return (
    <p className="share-warning" role="note">
      Anyone who can read the folder (everyone with access to the git repository, and its history) can then fire these
      triggers: a v3 webhook token works like a password. Leave this off unless the repository is private to the people
      who may deploy; each person can instead paste the trigger’s URL or cURL once.
    </p>
  );
}

export function ShareTokensSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}): ReactNode {
  const id = useId();
  return (
    <label className="switch" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      Share webhook tokens in the folder
    </label>
  );
}

export function FolderSettingsDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }): ReactNode {
  const status = useFolders((s) => s.statuses[workspace.id]);
  const [confirming, setConfirming] = useState(false);
  const [unlinking, setUnlinking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const share = status?.shareTokens ?? workspace.shareTokens ?? false;

  const applyShare = async (on: boolean): Promise<void> => {
    const reply = await setShareTokens(workspace.id, on);
    if (!reply.ok) setError(errorText(reply.error));
    else {
      setError(null);
      showToast(on ? 'Webhook tokens are now written into the folder.' : 'Webhook tokens are no longer in the folder.');
    }
  };

  return (
    <Dialog title={`Folder of “${workspace.name}”`} onClose={onClose}>
      <div className="dialog-body folder-settings">
        <div className="field">
          <span className="label">Folder</span>
          <code className="folder-path-full">{status?.dir ?? workspace.folder}</code>
          <span className="muted small-text">
            {status?.watching === false
              ? 'Changes on disk are not followed right now: use “Read folder again”.'
              : 'Edits here write the files; changes on disk (a git pull) show up here.'}
          </span>
        </div>
        <ShareTokensSwitch
          checked={share}
          onChange={(on) => {
            if (on) setConfirming(true);
            else void applyShare(false);
          }}
        />
        {share ? (
          <ShareTokensWarning />
        ) : (
          <p className="muted small-text">
            Off: the folder holds no webhook token. Each person pastes a trigger’s URL or cURL once; the app asks when
            it is missing.
          </p>
        )}
        {status && status.problems.length > 0 && <FolderProblems problems={status.problems} />}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => {
              void rescanFolder(workspace.id).then((reply) => {
                if (reply.ok) showToast('Read the folder again.');
                else setError(errorText(reply.error));
              });
            }}
          >
            Read folder again
          </button>
          <button
            type="button"
            onClick={() => {
              setUnlinking(true);
            }}
          >
            Stop keeping in step…
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Write webhook tokens into the folder?"
          confirmLabel="Share tokens"
          danger
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            setConfirming(false);
            void applyShare(true);
          }}
        >
          <ShareTokensWarning />
        </ConfirmDialog>
      )}
      {unlinking && (
        <ConfirmDialog
          title="Stop keeping this workspace in step?"
          confirmLabel="Stop"
          onCancel={() => {
            setUnlinking(false);
          }}
          onConfirm={() => {
            setUnlinking(false);
            void unlinkFolder(workspace.id).then((reply) => {
              if (!reply.ok) setError(errorText(reply.error));
              else {
                showToast(`“${workspace.name}” is no longer kept in step with its folder.`);
                onClose();
              }
            });
          }}
        >
          The workspace stays here and the folder stays on disk; edits no longer write the files and changes on disk no
          longer show up here.
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
