// Shown while keys cannot go to the OS keychain: they then live for this session only.
import type { ReactNode } from 'react';
import { useSettings } from '../../stores/settings';

export function VaultBanner(): ReactNode {
  const vault = useSettings((s) => s.vault);
  if (vault?.kind !== 'session') return null;
  return (
    <div className="banner banner-warn" role="alert">
      <strong>OS keychain unavailable.</strong>{' '}
      {vault.warning ??
        'No OS keychain is reachable, so API keys will be forgotten when Trigger Desk closes. They are never written to disk in plain text.'}
    </div>
  );
}

export function LoadErrorBanner(): ReactNode {
  const message = useSettings((s) => s.loadError);
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      {message}
    </div>
  );
}
