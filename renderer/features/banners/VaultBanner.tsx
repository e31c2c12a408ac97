// Shown while keys cannot go to the OS keychain: they then live for this session only. It says how
// to get a keychain on this OS, and can be dismissed for the session (it comes back at next start).
import { useState, type ReactNode } from 'react';
import { useSettings } from '../../stores/settings';

const DISMISSED = 'trigger-desk:vault-banner-dismissed';

/** How to get a working keychain, for the OS this window runs on. */
export function keychainHelp(userAgent: string): string {
  if (/Windows/i.test(userAgent))
    return 'On Windows the Credential Manager keeps them: check that its service is running, then restart Trigger Desk.';
  if (/Mac OS X|Macintosh/i.test(userAgent))
    return 'On macOS the login keychain keeps them: unlock it in Keychain Access, then restart Trigger Desk.';
  return 'On Linux: install and unlock a Secret Service keychain (gnome-keyring, or KWallet with its Secret Service on) in a desktop session with D-Bus, then restart Trigger Desk.';
}

export function VaultBanner(): ReactNode {
  const vault = useSettings((s) => s.vault);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) === '1');
  if (vault?.kind !== 'session' || dismissed) return null;
  return (
    <div className="banner banner-warn banner-row" role="alert">
      <span>
        <strong>OS keychain unavailable.</strong>{' '}
        {vault.warning ??
          'No OS keychain is reachable, so API keys will be forgotten when Trigger Desk closes. They are never written to disk in plain text.'}{' '}
        {keychainHelp(navigator.userAgent)}
      </span>
      <button
        type="button"
        className="small"
        aria-label="Dismiss the keychain warning for this session"
        onClick={() => {
          sessionStorage.setItem(DISMISSED, '1');
          setDismissed(true);
        }}
      >
        Dismiss
      </button>
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
