// Import helpers shared by both tabs: the name field (defaulting to the identifiers made readable,
// free in the workspace) and the note that the URL is already saved, with a way to open that trigger.
import { useId, type ReactNode } from 'react';
import { freeName, nameKey, readableTriggerName, sameTrigger } from '../../../shared/harness/trigger-name';
import type { TriggerUrl } from '../../../shared/model';
import { closeDialog, showView } from '../../stores/ui';
import { selectTrigger, useDesk } from '../../stores/workspaces';

/** The names taken in a workspace, and the default name an import of `parsed` gets there. */
export function useNames(workspaceId: string, parsed: TriggerUrl | null): { taken: string[]; suggested: string } {
  const triggers = useDesk((s) => s.triggers);
  const taken = triggers.filter((t) => t.workspaceId === workspaceId).map((t) => t.name);
  return { taken, suggested: parsed ? freeName(readableTriggerName(parsed), taken) : '' };
}

/** The Name field; `value` null means "not typed yet": the suggestion shows and is used. */
export function NameField({
  value,
  suggested,
  taken,
  onChange,
}: {
  value: string | null;
  suggested: string;
  taken: string[];
  onChange: (name: string) => void;
}): ReactNode {
  const id = useId();
  const shown = value ?? suggested;
  const clash = taken.find((n) => nameKey(n) === nameKey(shown));
  return (
    <div className="field">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        value={shown}
        placeholder="e.g. Deploy to QA"
        aria-invalid={clash !== undefined}
        aria-describedby={clash !== undefined ? `${id}-clash` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      {clash !== undefined && (
        <p id={`${id}-clash`} className="field-error">
          This workspace already has a trigger named “{clash}”: choose another name.
        </p>
      )}
    </div>
  );
}

/** True when the name can be saved (not empty, not taken). */
export function nameIsFree(name: string, taken: string[]): boolean {
  return name.trim() !== '' && !taken.some((n) => nameKey(n) === nameKey(name));
}

/** "Already saved as …" with a button opening that trigger (an import makes another copy). */
export function AlreadySaved({ parsed }: { parsed: TriggerUrl }): ReactNode {
  const existing = useDesk((s) => s.triggers.find((t) => sameTrigger(t.parsed, parsed)));
  const workspace = useDesk((s) => s.workspaces.find((w) => w.id === existing?.workspaceId));
  if (!existing) return null;
  return (
    <div className="already-saved" role="status" data-testid="already-saved">
      <span>
        This trigger is already saved as “{existing.name}”{workspace ? ` in ${workspace.name}` : ''}. Importing it again
        makes a second trigger.
      </span>
      <button
        type="button"
        className="small"
        onClick={() => {
          selectTrigger(existing.id);
          showView('triggers');
          closeDialog();
        }}
      >
        Open “{existing.name}”
      </button>
    </div>
  );
}
