// "What the trigger reads": the payload paths its conditions and inputYaml use, each marked
// present, missing or odd against the payload in the editor. A click jumps to the field, or
// inserts a skeleton for a missing one. The YAML is pasted or fetched from the trigger's host.
import { useState, type ReactNode } from 'react';
import type { PayloadPath } from '../../../shared/harness/payload-paths';
import { locatePath } from '../../../shared/harness/payload-paths-locate';
import type { Reply } from '../../../shared/errors';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { useComposer } from '../../stores/composer';
import { setText } from '../../stores/payload-actions';
import { docText } from '../../stores/payloads';
import { showToast } from '../../stores/toasts';
import { fetchTriggerYaml, setTriggerYaml } from '../../stores/trigger-extras';
import { selectRange } from './editor-registry';
import { withSkeleton } from './payload-tools';

interface Props {
  trigger: Trigger;
  docKey: string;
  paths: PayloadPath[];
  yamlError: string | null;
}

const MARK = { present: '✓', missing: '✗', odd: '!' } as const;
const WORD = { present: 'present', missing: 'missing', odd: 'odd' } as const;

function YamlForm({ trigger, onDone }: { trigger: Trigger; onDone: () => void }): ReactNode {
  const [text, setText] = useState(trigger.yaml ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<Reply<unknown>>): Promise<void> => {
    setBusy(true);
    const reply = await fn();
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    setError(null);
    onDone();
  };
  return (
    <form
      className="yaml-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => setTriggerYaml(trigger.id, text));
      }}
    >
      <label htmlFor={`yaml-${trigger.id}`}>Trigger YAML (Harness: open the trigger, YAML view, copy all)</label>
      <textarea
        id={`yaml-${trigger.id}`}
        className="mono"
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <div className="row-tools">
        <button type="submit" className="small primary" disabled={busy || text.trim() === ''}>
          Save YAML
        </button>
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => void run(() => fetchTriggerYaml(trigger.id))}
        >
          Fetch from Harness
        </button>
        {trigger.yaml !== undefined && (
          <button type="button" className="small" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function ReadsPanel({ trigger, docKey, paths, yamlError }: Props): ReactNode {
  const [editing, setEditing] = useState(false);
  const results = useComposer((s) => s.analyses[docKey]?.paths);

  const open = (path: PayloadPath, state: string): void => {
    const text = docText(docKey);
    if (state !== 'missing') {
      const span = locatePath(text, path.segments);
      if (span) {
        selectRange(docKey, span.start, span.end);
        return;
      }
    }
    try {
      const next = withSkeleton(text, path.segments);
      setText(docKey, next);
      const span = locatePath(next, path.segments);
      if (span) selectRange(docKey, span.start, span.end);
      showToast(`Added “${path.path}” to the payload (Ctrl+Z undoes it).`);
    } catch (e) {
      showToast(`Cannot add ${path.path}: ${errorText(e)}`, { tone: 'error' });
    }
  };

  return (
    <section className="panel reads-panel" aria-labelledby={`reads-${trigger.id}`}>
      <div className="panel-head">
        <h3 id={`reads-${trigger.id}`}>What the trigger reads</h3>
        {trigger.yaml !== undefined && !editing && (
          <span className="panel-tools">
            <button
              type="button"
              className="small"
              onClick={() => {
                setEditing(true);
              }}
            >
              Change YAML
            </button>
          </span>
        )}
      </div>
      {trigger.yaml === undefined || editing ? (
        <>
          {trigger.yaml === undefined && (
            <p className="muted small-text">
              Give the trigger’s YAML to see which payload fields its conditions and inputs use.
            </p>
          )}
          <YamlForm
            trigger={trigger}
            onDone={() => {
              setEditing(false);
            }}
          />
        </>
      ) : yamlError ? (
        <p role="alert" className="field-error">
          {yamlError}
        </p>
      ) : paths.length === 0 ? (
        <p className="muted small-text">Its conditions and inputYaml read no payload field.</p>
      ) : (
        <ul className="reads-list" aria-label="Payload fields the trigger reads">
          {paths.map((path, i) => {
            const r = results?.[i];
            const state = r?.path === path.path ? r.state : 'missing';
            const uses = [
              ...new Set(path.uses.map((u) => (u.line === null ? u.kind : `${u.kind}, line ${u.line}`))),
            ].join('; ');
            return (
              <li key={path.path} className={`read read-${state}`}>
                <button
                  type="button"
                  className="link read-path"
                  onClick={() => {
                    open(path, state);
                  }}
                  aria-label={`${path.path}: ${WORD[state]}${state === 'missing' ? ', insert a skeleton' : ', jump to it'}`}
                >
                  <span className="read-mark" aria-hidden="true">
                    {MARK[state]}
                  </span>{' '}
                  <code>{path.path}</code>
                </button>
                <span className="read-detail small-text">{r?.path === path.path ? r.detail : ''}</span>
                <span className="read-uses muted small-text">{uses}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
