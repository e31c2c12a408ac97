// "Open folder as workspace…" and "Save workspace to folder…": the folder is named by its path in a
// text field, in Electron as in the browser (the web host runs on this machine and reads the same
// disk; the contract has no native folder picker). Each offers the kept-in-step way (edits write
// the files, changes on disk show up here) and the one-off copy (import / export).
import { useId, useState, type ReactNode } from 'react';
import type { Workspace } from '../../../shared/model';
import { errorText } from '../../bridge';
import { exportFolder, importFolder, linkFolder, openFolder } from '../../stores/folders';
import { showToast } from '../../stores/toasts';
import { Dialog } from '../../ui/Dialog';
import { ShareTokensWarning } from './FolderSettings';
import './folders.css';

function PathField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  hint: string;
}): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Folder (its full path on this computer)</label>
      <input
        id={id}
        data-autofocus
        autoComplete="off"
        spellCheck={false}
        className="mono"
        placeholder="/home/me/src/team-triggers"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <p id={`${id}-hint`} className="muted small-text">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: { value: T; label: string; detail: string }[];
  onChange: (value: T) => void;
}): ReactNode {
  const name = useId();
  return (
    <fieldset className="folder-choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio folder-radio">
          <input
            type="radio"
            name={name}
            checked={value === o.value}
            onChange={() => {
              onChange(o.value);
            }}
          />
          <span>
            {o.label}
            <span className="muted small-text folder-radio-detail">{o.detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function OpenFolderDialog({ onClose }: { onClose: () => void }): ReactNode {
  const [dir, setDir] = useState('');
  const [how, setHow] = useState<'open' | 'import'>('open');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (dir.trim() === '') {
      setError('Type the folder’s full path, e.g. /home/me/src/team-triggers.');
      return;
    }
    setBusy(true);
    const reply = how === 'open' ? await openFolder(dir.trim()) : await importFolder(dir.trim());
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    const name = reply.value.workspace.name;
    const notes = 'notes' in reply.value ? reply.value.notes : [];
    showToast(
      how === 'open'
        ? `Opened the folder as workspace “${name}”.`
        : [`Imported a copy as workspace “${name}”.`, ...notes].join(' '),
    );
    onClose();
  };

  return (
    <Dialog title="Open folder as workspace" onClose={onClose}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PathField
          value={dir}
          onChange={(v) => {
            setDir(v);
            setError(null);
          }}
          error={error}
          hint="A folder holding a workspace.yaml, e.g. a git checkout your team shares."
        />
        <Choice
          legend="How"
          value={how}
          onChange={setHow}
          options={[
            {
              value: 'open',
              label: 'Open it (kept in step)',
              detail: 'Edits here write the files; changes on disk, such as a git pull, show up here.',
            },
            {
              value: 'import',
              label: 'Import a copy',
              detail: 'A personal workspace made from the files; the folder is not changed or followed.',
            },
          ]}
        />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {how === 'open' ? 'Open folder' : 'Import copy'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function SaveFolderDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }): ReactNode {
  const [dir, setDir] = useState('');
  const [how, setHow] = useState<'link' | 'export'>('link');
  const [share, setShare] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shareId = useId();

  const submit = async (): Promise<void> => {
    if (dir.trim() === '') {
      setError('Type the folder’s full path, e.g. /home/me/src/team-triggers.');
      return;
    }
    setBusy(true);
    const reply =
      how === 'link'
        ? await linkFolder(workspace.id, dir.trim(), share)
        : await exportFolder(workspace.id, dir.trim(), share);
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    showToast(
      how === 'link'
        ? `“${workspace.name}” is saved to ${dir.trim()} and kept in step with it.`
        : `Wrote a copy of “${workspace.name}” to ${dir.trim()}.`,
    );
    onClose();
  };

  return (
    <Dialog title={`Save “${workspace.name}” to a folder`} onClose={onClose}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PathField
          value={dir}
          onChange={(v) => {
            setDir(v);
            setError(null);
          }}
          error={error}
          hint="A new or empty folder (it is made when missing), e.g. inside a git checkout."
        />
        <Choice
          legend="How"
          value={how}
          onChange={setHow}
          options={[
            {
              value: 'link',
              label: 'Save and keep in step',
              detail: 'From now on edits here write the files and changes on disk show up here.',
            },
            {
              value: 'export',
              label: 'Export a copy',
              detail: 'The files are written once; this workspace stays as it is.',
            },
          ]}
        />
        <p className="muted small-text">
          API keys and secret values are never written: the files name them, and each person keeps the values in their
          own keychain. History stays personal.
        </p>
        <label className="switch" htmlFor={shareId}>
          <input
            id={shareId}
            type="checkbox"
            checked={share}
            onChange={(e) => {
              setShare(e.target.checked);
            }}
          />
          Share webhook tokens in the folder
        </label>
        {share && <ShareTokensWarning />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {how === 'link' ? 'Save to folder' : 'Export copy'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
