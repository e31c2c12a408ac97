// The notices of every store, under the app bar: what was found while opening the data folder
// (a damaged file kept aside and the items left out of it, history lines skipped, the sandbox on
// another port, no keychain), each in plain words with its own Dismiss button.
import { useEffect, type ReactNode } from 'react';
import type { Notice } from '../../../shared/model';
import { dismissAllNotices, dismissNotice, startNotices, useNotices } from '../../stores/notices';
import './notices.css';

const SOURCES: Record<Notice['source'], string> = {
  data: 'Workspaces and triggers',
  settings: 'Settings',
  samples: 'Sample library',
  chains: 'Chains',
  history: 'History',
  sandbox: 'Sandbox',
  keychain: 'Keychain',
  folder: 'Folder workspace',
};

export function NoticesPanel(): ReactNode {
  const notices = useNotices((s) => s.notices);
  const error = useNotices((s) => s.error);
  useEffect(() => {
    startNotices();
  }, []);
  if (notices.length === 0 && error === null) return null;
  const warnings = notices.some((n) => n.level === 'warning');
  return (
    <section className={`notices ${warnings ? 'notices-warn' : 'notices-info'}`} aria-labelledby="notices-title">
      <div className="notices-head">
        <h2 id="notices-title">
          {/* A folder workspace's notices (files changed on disk, one that does not parse) come while it runs. */}
          {notices.length > 0 && notices.every((n) => n.source === 'folder')
            ? 'Folder workspaces:'
            : 'While starting, Trigger Desk found:'}
        </h2>
        {notices.length > 1 && (
          <button
            type="button"
            onClick={() => {
              void dismissAllNotices();
            }}
          >
            Dismiss all
          </button>
        )}
      </div>
      {error !== null && (
        <p className="notices-error" role="alert">
          {error}
        </p>
      )}
      <ul aria-label="Notices">
        {notices.map((n) => (
          <li key={n.id} className={`notice notice-${n.level}`}>
            <span className="notice-source">{SOURCES[n.source]}</span>
            <span className="notice-text">{n.text}</span>
            <button
              type="button"
              className="notice-dismiss"
              aria-label={`Dismiss the ${SOURCES[n.source].toLowerCase()} notice`}
              onClick={() => {
                void dismissNotice(n.id);
              }}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
