// The sample: a payload and headers, typed or picked from the workspace's library, saved by name.
import { useDeferredValue, useId, useMemo, type ReactNode } from 'react';
import {
  deleteSample,
  openSample,
  sampleEdited,
  saveSample,
  setHeadersText,
  setPayload,
  setSampleName,
  useConditions,
} from '../../stores/conditions';
import { checkJson } from '../../json-check';

export function SampleEditor({ headerProblems }: { headerProblems: string[] }): ReactNode {
  const samples = useConditions((s) => s.samples);
  const sampleId = useConditions((s) => s.sampleId);
  const sampleName = useConditions((s) => s.sampleName);
  const payload = useConditions((s) => s.payload);
  const headersText = useConditions((s) => s.headersText);
  const busy = useConditions((s) => s.busy);
  const edited = useConditions(sampleEdited);
  const deferred = useDeferredValue(payload);
  const json = useMemo(() => checkJson(deferred), [deferred]);
  const id = useId();

  return (
    <section className="panel cond-sample" aria-labelledby={`${id}-h`}>
      <div className="panel-head">
        <h3 id={`${id}-h`}>Sample</h3>
        <select
          aria-label="Saved sample"
          value={sampleId ?? ''}
          onChange={(e) => {
            openSample(e.target.value || null);
          }}
        >
          <option value="">(unsaved sample)</option>
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {edited && s.id === sampleId ? ' (edited)' : ''}
            </option>
          ))}
        </select>
        {edited && (
          <span className="unsaved-mark" data-testid="sample-unsaved" title="Save keeps the changes in the sample">
            ● Unsaved changes
          </span>
        )}
        <div className="panel-tools">
          <input
            aria-label="Sample name"
            placeholder="Name"
            value={sampleName}
            maxLength={120}
            onChange={(e) => {
              setSampleName(e.target.value);
            }}
          />
          <button
            type="button"
            className="small"
            disabled={busy !== null}
            onClick={() => {
              void saveSample(false);
            }}
          >
            {sampleId ? 'Save' : 'Save sample'}
          </button>
          {sampleId && (
            <button
              type="button"
              className="small"
              disabled={busy !== null}
              onClick={() => {
                void saveSample(true);
              }}
            >
              Save as new
            </button>
          )}
          {sampleId && (
            <button
              type="button"
              className="small danger-text"
              onClick={() => {
                void deleteSample();
              }}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      <label htmlFor={`${id}-p`} className="label">
        Payload
      </label>
      <textarea
        id={`${id}-p`}
        className="mono cond-payload"
        spellCheck={false}
        autoComplete="off"
        value={payload}
        aria-describedby={`${id}-ps`}
        onChange={(e) => {
          setPayload(e.target.value);
        }}
      />
      <div id={`${id}-ps`} className={json.ok ? 'json-status ok' : 'json-status warn'} role="status" aria-live="polite">
        {json.ok
          ? 'Valid JSON.'
          : json.empty
            ? 'Empty body: <+trigger.payload.x> resolves to null.'
            : `Not JSON (line ${json.line}, column ${json.column}: ${json.message}): <+trigger.payload> is the raw text, as in Harness.`}
      </div>
      <label htmlFor={`${id}-h2`} className="label">
        Headers <span className="muted">(one “Name: value” a line; names match case-insensitively)</span>
      </label>
      <textarea
        id={`${id}-h2`}
        className="mono cond-headers"
        spellCheck={false}
        autoComplete="off"
        value={headersText}
        rows={3}
        placeholder="X-Source: jenkins"
        aria-describedby={`${id}-hs`}
        onChange={(e) => {
          setHeadersText(e.target.value);
        }}
      />
      <div id={`${id}-hs`} className="json-status warn" role="status" aria-live="polite">
        {headerProblems.map((p) => (
          <div key={p}>{p}</div>
        ))}
      </div>
    </section>
  );
}
