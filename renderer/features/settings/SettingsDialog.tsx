// Settings: timeouts, proxy, extra CA certificates (pasted or read from a file in the page), theme.
// Loaded lazily: the first screen does not need it.
import { useId, useState, type ReactNode } from 'react';
import type { Settings } from '../../../shared/model';
import { errorText } from '../../bridge';
import { applyTheme } from '../../theme';
import { Dialog } from '../../ui/Dialog';
import { updateSettings, useSettings } from '../../stores/settings';
import { showToast } from '../../stores/toasts';
import { closeDialog } from '../../stores/ui';

const PROXY_MODES: { value: Settings['proxyMode']; label: string }[] = [
  { value: 'system', label: 'System (OS settings or PAC; HTTPS_PROXY/NO_PROXY outside the desktop app)' },
  { value: 'manual', label: 'Manual' },
  { value: 'none', label: 'None (connect directly)' },
];

function seconds(ms: number): string {
  return String(ms / 1000);
}

function SettingsForm({ initial }: { initial: Settings }): ReactNode {
  const [connect, setConnect] = useState(seconds(initial.connectTimeoutMs));
  const [total, setTotal] = useState(seconds(initial.totalTimeoutMs));
  const [proxyMode, setProxyMode] = useState(initial.proxyMode);
  const [proxyUrl, setProxyUrl] = useState(initial.proxyUrl);
  const [pem, setPem] = useState(initial.extraCaPem);
  const [theme, setTheme] = useState(initial.theme);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = async (): Promise<void> => {
    const connectMs = Math.round(Number(connect) * 1000);
    const totalMs = Math.round(Number(total) * 1000);
    if (!Number.isFinite(connectMs) || connectMs < 500 || connectMs > 120_000) {
      setError('Connect timeout: between 0.5 and 120 seconds.');
      return;
    }
    if (!Number.isFinite(totalMs) || totalMs < 1000 || totalMs > 600_000) {
      setError('Total timeout: between 1 and 600 seconds.');
      return;
    }
    if (proxyMode === 'manual' && !/^https?:\/\/\S+$/.test(proxyUrl.trim())) {
      setError('Manual proxy: enter a URL such as http://proxy.example.com:3128.');
      return;
    }
    if (pem.trim() !== '' && !pem.includes('-----BEGIN CERTIFICATE-----')) {
      setError('Extra CA certificates: paste PEM text (it starts with -----BEGIN CERTIFICATE-----).');
      return;
    }
    const reply = await updateSettings({
      connectTimeoutMs: connectMs,
      totalTimeoutMs: totalMs,
      proxyMode,
      proxyUrl: proxyUrl.trim(),
      extraCaPem: pem,
      theme,
    });
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    applyTheme(reply.value.theme);
    showToast('Settings saved.');
    closeDialog();
  };

  return (
    <form
      className="dialog-body settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>Timeouts</legend>
        <div className="field field-inline">
          <label htmlFor={`${id}-connect`}>Connect timeout (seconds)</label>
          <input
            id={`${id}-connect`}
            type="number"
            min={0.5}
            max={120}
            step={0.5}
            value={connect}
            onChange={(e) => {
              setConnect(e.target.value);
            }}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-total`}>Total timeout (seconds)</label>
          <input
            id={`${id}-total`}
            type="number"
            min={1}
            max={600}
            step={1}
            value={total}
            onChange={(e) => {
              setTotal(e.target.value);
            }}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Proxy</legend>
        {PROXY_MODES.map((m) => (
          <label key={m.value} className="radio">
            <input
              type="radio"
              name={`${id}-proxy`}
              value={m.value}
              checked={proxyMode === m.value}
              onChange={() => {
                setProxyMode(m.value);
              }}
            />{' '}
            {m.label}
          </label>
        ))}
        <div className="field">
          <label htmlFor={`${id}-proxy-url`}>Proxy URL</label>
          <input
            id={`${id}-proxy-url`}
            className="mono"
            disabled={proxyMode !== 'manual'}
            value={proxyUrl}
            placeholder="http://proxy.example.com:3128"
            onChange={(e) => {
              setProxyUrl(e.target.value);
            }}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Extra CA certificates</legend>
        <p className="muted small-text">
          For self-managed Harness behind a private CA or a TLS-inspecting proxy. The OS certificate store is trusted as
          well.
        </p>
        <div className="field">
          <label htmlFor={`${id}-pem`}>PEM certificates</label>
          <textarea
            id={`${id}-pem`}
            className="mono"
            rows={4}
            spellCheck={false}
            value={pem}
            placeholder="-----BEGIN CERTIFICATE-----"
            onChange={(e) => {
              setPem(e.target.value);
            }}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor={`${id}-pem-file`}>Load from a file</label>
          <input
            id={`${id}-pem-file`}
            type="file"
            accept=".pem,.crt,.cer,application/x-pem-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                void file.text().then((text) => {
                  setPem((old) => (old.trim() ? `${old.trimEnd()}\n${text}` : text));
                });
            }}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Appearance</legend>
        <div className="field field-inline">
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select
            id={`${id}-theme`}
            value={theme}
            onChange={(e) => {
              setTheme(e.target.value as Settings['theme']);
            }}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

export default function SettingsDialog(): ReactNode {
  const settings = useSettings((s) => s.settings);
  return (
    <Dialog title="Settings" onClose={closeDialog} className="dialog-wide">
      {settings ? <SettingsForm initial={settings} /> : <p className="dialog-body">Loading settings…</p>}
    </Dialog>
  );
}
