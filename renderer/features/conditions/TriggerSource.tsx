// Where the trigger YAML comes from: a saved trigger (its kept YAML, or fetched from Harness with
// its stored key), a file read here in the page, or a paste. Errors say line and column.
import { useId, useMemo, useRef, type ReactNode } from 'react';
import {
  chooseTrigger,
  fetchYaml,
  keepYaml,
  pasteYaml,
  setYaml,
  useConditions,
  yamlIdentifier,
} from '../../stores/conditions';
import { showError } from '../../stores/toasts';
import { useDesk } from '../../stores/workspaces';
import type { YamlProblem } from './useLab';

const MAX_FILE_BYTES = 1024 * 1024;

/** Offset of a 1-based line and column in text. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

export function TriggerSource({ problem }: { problem: YamlProblem | null }): ReactNode {
  const workspaceId = useConditions((s) => s.workspaceId);
  const triggerId = useConditions((s) => s.triggerId);
  const yaml = useConditions((s) => s.yaml);
  const busy = useConditions((s) => s.busy);
  const all = useDesk((s) => s.triggers);
  const triggers = useMemo(() => all.filter((t) => t.workspaceId === workspaceId), [all, workspaceId]);
  const trigger = triggers.find((t) => t.id === triggerId) ?? null;
  const area = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const pasting = useRef(false);
  const id = useId();
  // Keeping a YAML written for another trigger would make the matrix answer for the wrong one.
  const yamlId = useMemo(() => (trigger && yaml.trim() !== '' ? yamlIdentifier(yaml) : null), [trigger, yaml]);
  const expected = trigger?.parsed.triggerIdentifier ?? null;
  const mismatch = yamlId !== null && expected !== null && yamlId !== expected;

  const openFile = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      showError(
        new Error(`${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; a trigger YAML is a few KB`),
        'Not opened',
      );
      return;
    }
    setYaml(await f.text());
  };

  const showPlace = (): void => {
    const field = area.current;
    if (!field || problem?.line == null) return;
    const start = offsetOf(yaml, problem.line, problem.column ?? 1);
    field.focus();
    field.setSelectionRange(
      start,
      Math.max(start + 1, yaml.indexOf('\n', start) < 0 ? yaml.length : yaml.indexOf('\n', start)),
    );
  };

  return (
    <section className="panel cond-source" aria-labelledby={`${id}-h`}>
      <div className="panel-head">
        <h3 id={`${id}-h`}>Trigger</h3>
        <select
          aria-label="Saved trigger"
          value={triggerId ?? ''}
          onChange={(e) => {
            chooseTrigger(triggers.find((t) => t.id === e.target.value) ?? null);
          }}
        >
          <option value="">(pasted YAML, no saved trigger)</option>
          {triggers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.yaml ? '' : ' — no YAML yet'}
            </option>
          ))}
        </select>
        <div className="panel-tools">
          <button
            type="button"
            className="small"
            disabled={!trigger || busy !== null}
            onClick={() => {
              if (trigger) void fetchYaml(trigger.id);
            }}
            title="GET the trigger's YAML from its own Harness, with its stored key"
          >
            {busy === 'fetch' ? 'Fetching…' : 'Fetch from Harness'}
          </button>
          <button type="button" className="small" onClick={() => file.current?.click()}>
            Open file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".yaml,.yml,.txt,text/yaml"
            hidden
            aria-hidden="true"
            tabIndex={-1}
            onChange={(e) => {
              void openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <button
            type="button"
            className="small"
            disabled={!trigger || busy !== null || problem !== null || yaml === (trigger.yaml ?? '')}
            onClick={() => {
              if (trigger) void keepYaml(trigger.id, yaml);
            }}
            title="Keep this YAML on the saved trigger (the matrix uses it)"
            aria-describedby={mismatch ? `${id}-mismatch` : undefined}
          >
            {mismatch ? 'Keep on trigger anyway' : 'Keep on trigger'}
          </button>
        </div>
      </div>
      <label htmlFor={id} className="visually-hidden">
        Trigger YAML
      </label>
      <textarea
        id={id}
        ref={area}
        className="mono cond-yaml"
        spellCheck={false}
        autoComplete="off"
        value={yaml}
        placeholder={'Paste the trigger YAML (in Harness: the trigger, YAML view, copy all), open a file, or fetch it.'}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-status`}
        onPaste={() => {
          pasting.current = true;
        }}
        onChange={(e) => {
          if (!pasting.current) {
            setYaml(e.target.value);
            return;
          }
          pasting.current = false;
          pasteYaml(e.target.value, trigger && { id: trigger.id, yaml: trigger.yaml, identifier: expected });
        }}
      />
      {mismatch && trigger && (
        <p id={`${id}-mismatch`} className="field-error" role="alert" data-testid="yaml-mismatch">
          This YAML is for the trigger “{yamlId}”, but “{trigger.name}” is “{expected}” in its URL: kept on it, the
          matrix would answer for the wrong trigger.
        </p>
      )}
      <div
        id={`${id}-status`}
        className={problem ? 'json-status warn' : 'json-status ok'}
        role="status"
        aria-live="polite"
        data-testid="yaml-status"
      >
        {problem && (
          <>
            <strong>
              {problem.line !== null && !/line \d+, column \d+/.test(problem.message)
                ? `Line ${problem.line}, column ${problem.column ?? 1}: `
                : ''}
              {problem.message}
            </strong>{' '}
            {problem.hint && <span>{problem.hint} </span>}
            {problem.line !== null && (
              <button type="button" className="link" onClick={showPlace}>
                Show me
              </button>
            )}
          </>
        )}
        {!problem && yaml.trim() !== '' && 'A custom webhook trigger.'}
      </div>
    </section>
  );
}
