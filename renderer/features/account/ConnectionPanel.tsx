// The workspace's connection: base URL, account id and API key. The key field is uncontrolled and
// emptied the moment the key is sent; once stored, only ••••last4 is shown, never the key itself.
// Saving tests at once and says in plain words what the key may do.
import { useId, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_HARNESS_BASE, type AccountTest, type Permission } from '../../../shared/account-model';
import { keyProblem } from '../../key-check';
import { connect, disconnect, testConnection, useAccount } from '../../stores/account';
import { useSettings } from '../../stores/settings';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../watch/format';

const WHAT: Record<keyof AccountTest['permissions'], string> = {
  view: 'View pipelines',
  execute: 'Execute pipelines',
  approve: 'Approve or reject',
};

function PermissionLine({ what, p }: { what: string; p: Permission }): ReactNode {
  const mark = !p.known ? '?' : p.allowed ? '✓' : '✗';
  const state = !p.known ? 'unknown' : p.allowed ? 'yes' : 'no';
  return (
    <li className={`permission permission-${state}`} aria-label={`${what}: ${p.words}`}>
      <span className="permission-mark" aria-hidden="true">
        {mark}
      </span>
      <span className="permission-what">{what}</span>
      <span className="permission-words">{p.words}</span>
    </li>
  );
}

function TestResult(): ReactNode {
  const test = useAccount((s) => s.test);
  const testing = useAccount((s) => s.busy.test ?? false);
  const error = useAccount((s) => s.errors.test);
  return (
    <div className="account-test" role="status" aria-live="polite" aria-label="Connection status">
      {testing ? (
        <p className="account-testing">Testing the connection with Harness…</p>
      ) : error ? (
        <p className="field-error">{error}</p>
      ) : test ? (
        <>
          <p className={test.ok ? 'account-ok' : 'field-error'} data-testid="account-summary">
            {test.summary}
          </p>
          {test.ok && (
            <ul className="permissions" aria-label="What the key may do">
              {(Object.keys(WHAT) as (keyof typeof WHAT)[]).map((k) => (
                <PermissionLine key={k} what={WHAT[k]} p={test.permissions[k]} />
              ))}
            </ul>
          )}
          {test.notes.map((n) => (
            <p key={n} className="muted small-text">
              {n}
            </p>
          ))}
          <p className="muted small-text">Tested {formatDateTime(test.at)}</p>
        </>
      ) : (
        <p className="muted small-text">Not tested yet.</p>
      )}
    </div>
  );
}

export function ConnectionPanel(): ReactNode {
  const connection = useAccount((s) => s.connection);
  const saving = useAccount((s) => s.busy.connect ?? false);
  const testing = useAccount((s) => s.busy.test ?? false);
  const serverError = useAccount((s) => s.errors.connect);
  const vault = useSettings((s) => s.vault);
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? DEFAULT_HARNESS_BASE);
  const [account, setAccount] = useState(connection?.accountIdentifier ?? '');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);
  const ids = { base: useId(), account: useId(), key: useId(), keyError: useId() };
  const stored = connection?.key ?? null;
  const where = vault?.kind === 'session' ? 'kept for this session only' : 'kept in the OS keychain';

  const save = async (): Promise<void> => {
    const field = keyInput.current;
    const key = field?.value.trim() ?? '';
    if (field) field.value = ''; // the key leaves the page at once, whatever happens next
    const problem =
      key === '' ? (stored ? null : 'Paste the API key (a read-only key is enough to browse).') : keyProblem(key);
    if (problem) {
      setKeyError(problem);
      field?.focus();
      return;
    }
    setKeyError(null);
    await connect({ baseUrl, accountIdentifier: account, apiKey: key });
  };

  return (
    <section className="account-connection" aria-labelledby="account-connection-heading">
      <h2 id="account-connection-heading">Connection</h2>
      <form
        className="account-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field" htmlFor={ids.base}>
          <span className="label">Harness base URL</span>
          <input
            id={ids.base}
            value={baseUrl}
            spellCheck={false}
            placeholder={DEFAULT_HARNESS_BASE}
            onChange={(e) => {
              setBaseUrl(e.target.value);
            }}
          />
        </label>
        <label className="field" htmlFor={ids.account}>
          <span className="label">Account id</span>
          <input
            id={ids.account}
            value={account}
            spellCheck={false}
            autoComplete="off"
            placeholder="as in Harness’s URLs: …/account/<id>/…"
            onChange={(e) => {
              setAccount(e.target.value);
            }}
          />
        </label>
        <div className="field">
          <label className="label" htmlFor={ids.key}>
            API key
          </label>
          {stored && (
            <p className="muted small-text" data-testid="account-key">
              <code>••••{stored.last4}</code> ({stored.label}), {where}. Leave the field empty to keep it.
            </p>
          )}
          <input
            id={ids.key}
            ref={keyInput}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={stored ? `Keep ••••${stored.last4}` : 'pat.… or sat.…'}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? ids.keyError : undefined}
          />
          {keyError && (
            <p id={ids.keyError} className="field-error" role="alert">
              {keyError}
            </p>
          )}
        </div>
        {serverError && (
          <p className="field-error" role="alert">
            {serverError}
          </p>
        )}
        <div className="account-actions">
          <button type="submit" className="primary" disabled={saving || testing || account.trim() === ''}>
            {connection ? 'Save and test' : 'Connect'}
          </button>
          {connection && (
            <button type="button" disabled={saving || testing} onClick={() => void testConnection()}>
              Test connection
            </button>
          )}
          {connection && (
            <button
              type="button"
              className="danger-text"
              onClick={() => {
                setForgetting(true);
              }}
            >
              Disconnect…
            </button>
          )}
        </div>
      </form>
      {connection && <TestResult />}
      {forgetting && (
        <ConfirmDialog
          title="Disconnect this account?"
          confirmLabel="Disconnect"
          danger
          onCancel={() => {
            setForgetting(false);
          }}
          onConfirm={() => {
            setForgetting(false);
            void disconnect();
          }}
        >
          <p>
            The account key ••••{stored?.last4 ?? ''} leaves the keychain. Imported triggers stay, with their own keys.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
