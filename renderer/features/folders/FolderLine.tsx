// Under a folder workspace's heading in the sidebar: a folder mark and the folder's path (its end,
// the part that tells folders apart; the whole path in the tooltip and the settings), the button to
// its settings, and each file that does not parse with its path, line, column and what is wrong.
import { useState, type ReactNode } from 'react';
import type { FolderProblem } from '../../../shared/folder-model';
import type { Workspace } from '../../../shared/model';
import { useFolders } from '../../stores/folders';
import { FolderIcon, GearIcon } from '../../ui/icons';
import { FolderSettingsDialog } from './FolderSettings';
import './folders.css';

function problemPlace(problem: FolderProblem): string {
  if (problem.line === null) return problem.path;
  return `${problem.path}, line ${problem.line}${problem.column === null ? '' : `, column ${problem.column}`}`;
}

export function FolderProblems({ problems }: { problems: FolderProblem[] }): ReactNode {
  return (
    <div className="folder-problems" role="alert">
      <p className="folder-problems-head">
        {problems.length === 1 ? 'A file does not parse' : `${problems.length} files do not parse`}; the rest of the
        workspace works. Fix the file and save it: it is read again by itself.
      </p>
      <ul aria-label="Files that do not parse">
        {problems.map((p) => (
          <li key={p.path}>
            <code className="folder-problem-place">{problemPlace(p)}</code>
            <span className="folder-problem-message">{p.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FolderLine({ workspace }: { workspace: Workspace }): ReactNode {
  const status = useFolders((s) => s.statuses[workspace.id]);
  const [open, setOpen] = useState(false);
  const dir = status?.dir ?? workspace.folder ?? '';
  return (
    <>
      <div className="folder-line">
        <span className="folder-mark" title="A folder workspace: kept in step with plain files on disk">
          <FolderIcon />
          <span className="visually-hidden">Folder:</span>
        </span>
        <span className="folder-path" title={dir} data-testid="folder-path">
          {/* Shown right to left so a long path keeps its end; the bdi keeps the text itself in order. */}
          <bdi>{dir}</bdi>
        </span>
        {status?.watching === false && (
          <span className="badge" title="Changes on disk are not followed now: use “Read folder again” in its settings">
            not followed
          </span>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={`Folder settings for ${workspace.name}`}
          title="Folder settings"
          onClick={() => {
            setOpen(true);
          }}
        >
          <GearIcon />
        </button>
      </div>
      {status && status.problems.length > 0 && <FolderProblems problems={status.problems} />}
      {open && (
        <FolderSettingsDialog
          workspace={workspace}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
