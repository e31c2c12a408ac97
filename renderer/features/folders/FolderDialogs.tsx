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
import { ShareTokensSwitch, ShareTokensWarning } from './FolderSettings';
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

const EMPTY_PATH = 'Type the folder’s full path, e.g. /home/me/src/team-triggers.';

// The form both dialogs share: the path, the choice of how, any extra fields, Cancel and the action.
// onSubmit gets the trimmed path and resolves to an error to show, or null once it is done.
function FolderPathForm<T extends string>({
  hint,
  how,
  onHow,
  options,
  submitLabel,
  onSubmit,
  onClose,
  children,
}: {
  hint: string;
  how: T;
  onHow: (value: T) => void;
  options: { value: T; label: string; detail: string }[];
  submitLabel: string;
  onSubmit: (dir: string) => Promise<string | null>;
  onClose: () => void;
  children?: ReactNode;
}): ReactNode {
  const [dir, setDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (dir.trim() === '') {
      setError(EMPTY_PATH);
      return;
    }
    setBusy(true);
    const problem = await onSubmit(dir.trim());
    setBusy(false);
    if (problem !== null) setError(problem);
  };

  return (
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
        hint={hint}
      />
      <Choice legend="How" value={how} onChange={onHow} options={options} />
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export function OpenFolderDialog({ onClose }: { onClose: () => void }): ReactNode {
  const [how, setHow] = useState<'open' | 'import'>('open');

  const submit = async (dir: string): Promise<string | null> => {
    const reply = how === 'open' ? await openFolder(dir) : await importFolder(dir);
    if (!reply.ok) return errorText(reply.error);
    const name = reply.value.workspace.name;
    const notes = 'notes' in reply.value ? reply.value.notes : [];
    showToast(
      how === 'open'
        ? `Opened the folder as workspace “${name}”.`
        : [`Imported a copy as workspace “${name}”.`, ...notes].join(' '),
    );
    onClose();
    return null;
  };

  return (
    <Dialog title="Open folder as workspace" onClose={onClose}>
      <FolderPathForm
        hint="A folder holding a workspace.yaml, e.g. a git checkout your team shares."
        how={how}
        onHow={setHow}
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
        submitLabel={how === 'open' ? 'Open folder' : 'Import copy'}
        onSubmit={submit}
        onClose={onClose}
      />
    </Dialog>
  );
}

export function SaveFolderDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }): ReactNode {
  const [how, setHow] = useState<'link' | 'export'>('link');
  const [share, setShare] = useState(false);

  const submit = async (dir: string): Promise<string | null> => {
    const reply =
      how === 'link' ? await linkFolder(workspace.id, dir, share) : await exportFolder(workspace.id, dir, share);
    if (!reply.ok) return errorText(reply.error);
    showToast(
      how === 'link'
        ? `“${workspace.name}” is saved to ${dir} and kept in step with it.`
        : `Wrote a copy of “${workspace.name}” to ${dir}.`,
    );
    onClose();
    return null;
  };

  return (
    <Dialog title={`Save “${workspace.name}” to a folder`} onClose={onClose}>
      <FolderPathForm
        hint="A new or empty folder (it is made when missing), e.g. inside a git checkout."
        how={how}
        onHow={setHow}
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
        submitLabel={how === 'link' ? 'Save to folder' : 'Export copy'}
        onSubmit={submit}
        onClose={onClose}
      >
        <p className="muted small-text">
          API keys and secret values are never written: the files name them, and each person keeps the values in their
          own keychain. History stays personal.
        </p>
        <ShareTokensSwitch checked={share} onChange={setShare} />
        {share && <ShareTokensWarning />}
      </FolderPathForm>
    </Dialog>
  );
}
