// The "Workspace" select in a view's toolbar (Account, Chains, Conditions): which workspace the view shows.
import type { ReactNode } from 'react';
import { useDesk } from '../stores/workspaces';

interface WorkspacePickerProps {
  value: string | null;
  onChange: (workspaceId: string) => void;
  className?: string;
  /** The field the view's shortcut puts the cursor in (see focusInView in stores/ui.ts). */
  viewFocus?: boolean;
}

export function WorkspacePicker({ value, onChange, className, viewFocus }: WorkspacePickerProps): ReactNode {
  const workspaces = useDesk((s) => s.workspaces);
  return (
    <label className={className ? `field-inline ${className}` : 'field-inline'}>
      <span className="label">Workspace</span>
      <select
        data-view-focus={viewFocus || undefined}
        value={value ?? ''}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
