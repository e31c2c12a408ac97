// Named payloads of a trigger ("hotfix to prod", "nightly") and the editor's tools: format,
// minify, import a JSON file, save to a file.
import { useRef, useState, type ReactNode } from 'react';
import type { Reply } from '../../../shared/errors';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { createPayload, deletePayload, renamePayload, setText, showPayload } from '../../stores/payload-actions';
import { docText, shownPayloadId, usePayloads } from '../../stores/payloads';
import { showError, showToast } from '../../stores/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { InlineEdit } from '../../ui/InlineEdit';
import { formatJson, minifyJson, readPayloadFile, savePayloadFile } from './payload-tools';

interface Props {
  trigger: Trigger;
  docKey: string;
  json: boolean;
}

export function PayloadBar({ trigger, docKey: key, json }: Props): ReactNode {
  const [naming, setNaming] = useState<null | 'new' | 'rename'>(null);
  const [deleting, setDeleting] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const payloadId = usePayloads((s) => shownPayloadId(s, trigger));
  const current = trigger.payloads.find((p) => p.id === payloadId);

  const transform = (fn: (t: string) => string, what: string): void => {
    try {
      setText(key, fn(docText(key)));
    } catch (e) {
      showToast(`Cannot ${what}: ${errorText(e)}`, { tone: 'error' });
    }
  };

  const create = async (name: string): Promise<Reply<unknown>> => {
    const reply = await createPayload(trigger, name);
    if (reply.ok) showToast(`Payload “${name}” saved.`);
    return reply;
  };

  const importFile = async (f: File): Promise<void> => {
    try {
      setText(key, await readPayloadFile(f));
      showToast(`“${f.name}” loaded into the editor (Ctrl+Z undoes it).`);
    } catch (e) {
      showError(e, 'Could not import');
    }
  };

  return (
    <div className="payload-bar" role="toolbar" aria-label="Payload tools">
      {naming ? (
        <InlineEdit
          label={naming === 'new' ? 'Name of the new payload' : `New name for payload ${current?.name ?? ''}`}
          initial={naming === 'new' ? '' : (current?.name ?? '')}
          onSave={naming === 'new' ? create : (name) => renamePayload(key, name)}
          onDone={() => {
            setNaming(null);
          }}
        />
      ) : (
        <label className="payload-select">
          <span className="muted">Payload</span>
          <select
            value={payloadId ?? ''}
            aria-label="Saved payload"
            onChange={(e) => {
              showPayload(trigger, e.target.value);
            }}
          >
            {payloadId === null && <option value="">Default (not saved yet)</option>}
            {trigger.payloads.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        className="small"
        onClick={() => {
          setNaming('new');
        }}
      >
        New payload
      </button>
      <button
        type="button"
        className="small"
        disabled={!current}
        onClick={() => {
          setNaming('rename');
        }}
      >
        Rename
      </button>
      <button
        type="button"
        className="small"
        disabled={!current || trigger.payloads.length < 2}
        onClick={() => {
          setDeleting(true);
        }}
      >
        Delete
      </button>
      <span className="spacer" />
      {json && (
        <button
          type="button"
          className="small"
          onClick={() => {
            transform(formatJson, 'format');
          }}
          title="Indent with 2 spaces"
        >
          Format
        </button>
      )}
      {json && (
        <button
          type="button"
          className="small"
          onClick={() => {
            transform(minifyJson, 'minify');
          }}
        >
          Minify
        </button>
      )}
      <button type="button" className="small" onClick={() => file.current?.click()}>
        Import file…
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json,text/plain"
        hidden
        aria-label="JSON file to import"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
      <button
        type="button"
        className="small"
        onClick={() => {
          savePayloadFile(docText(key), `${trigger.name} - ${current?.name ?? 'payload'}`);
        }}
      >
        Save to file
      </button>
      {deleting && current && (
        <ConfirmDialog
          title="Delete this payload?"
          confirmLabel="Delete payload"
          danger
          onCancel={() => {
            setDeleting(false);
          }}
          onConfirm={() => {
            setDeleting(false);
            void deletePayload(trigger, current.id).then((reply) => {
              if (!reply.ok) showError(reply.error, 'Could not delete the payload');
            });
          }}
        >
          “{current.name}” will be removed from “{trigger.name}”.
        </ConfirmDialog>
      )}
    </div>
  );
}
