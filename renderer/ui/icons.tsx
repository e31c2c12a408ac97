// A few inline SVG icons (no icon font, no emoji: both render unevenly across systems).
import type { ReactNode } from 'react';

function Icon({ d }: { d: string }): ReactNode {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const PencilIcon = (): ReactNode => <Icon d="M11 2.5l2.5 2.5L6 12.5 3 13l.5-3z" />;
export const TrashIcon = (): ReactNode => <Icon d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />;
export const CopyIcon = (): ReactNode => <Icon d="M5.5 5.5h7v7h-7zM3.5 10.5v-7h7" />;
export const GearIcon = (): ReactNode => (
  <Icon d="M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
);
export const ImportIcon = (): ReactNode => <Icon d="M8 2v8M5 7l3 3 3-3M3 12.5h10" />;
export const SendIcon = (): ReactNode => <Icon d="M2.5 8h9M8.5 4.5 12 8l-3.5 3.5" />;
export const FolderIcon = (): ReactNode => <Icon d="M1.5 4V12.5h13V5.5H7.5L6 4z" />;
