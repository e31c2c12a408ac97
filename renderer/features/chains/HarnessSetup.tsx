// "Set it up in Harness": the notificationRules YAML for pipeline A that starts B's custom trigger
// when A reaches the chosen events (docs/harness-protocol.md §7), with the key as a Harness secret expression,
// the warnings (two runs of B), and the eventData B will receive, to preview in the condition lab.
// Computed here, as you choose, with the same shared code the backend answers chains:notificationYaml with.
import { useState, type ReactNode } from 'react';
import { DeskError } from '../../../shared/errors';
import {
  notificationRulesYaml,
  NOTIFICATION_EVENTS,
  STAGE_EVENTS,
  type NotificationEvent,
  type NotificationRuleOutput,
} from '../../../shared/harness/notification-rules';
import type { Trigger } from '../../../shared/model';
import { CopyButton } from '../../ui/CopyButton';

type Outcome = { ok: true; out: NotificationRuleOutput } | { ok: false; message: string };

function generate(o: {
  name: string;
  events: NotificationEvent[];
  stages: string;
  target: Trigger | undefined;
  secretId: string;
  pipelineA: string;
}): Outcome {
  if (!o.target) return { ok: false, message: 'Pick the trigger of pipeline B.' };
  const forStages = o.stages
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  try {
    const out = notificationRulesYaml({
      name: o.name,
      events: o.events.map((type) =>
        (STAGE_EVENTS as readonly string[]).includes(type) ? { type, forStages } : { type },
      ),
      webhookUrl: o.target.parsed.url,
      secretId: o.secretId.trim() === '' ? null : o.secretId.trim(),
      ...(o.pipelineA.trim() === ''
        ? {}
        : {
            source: {
              pipelineIdentifier: o.pipelineA.trim(),
              orgIdentifier: o.target.parsed.orgIdentifier,
              projectIdentifier: o.target.parsed.projectIdentifier,
            },
          }),
    });
    return { ok: true, out };
  } catch (err) {
    return { ok: false, message: err instanceof DeskError || err instanceof Error ? err.message : String(err) };
  }
}

/** The YAML as shown: B's webhook token masked (Copy gives the real text, saying so first). */
function masked(text: string, token: string | null | undefined): string {
  return token ? text.replaceAll(token, `${'•'.repeat(6)}${token.slice(-4)}`) : text;
}

/** `nextStepId`: the chain's second step, the natural pipeline B; `firstStepId`: its A. */
export function HarnessSetup({
  triggers,
  nextStepId,
  firstStepId,
}: {
  triggers: Trigger[];
  nextStepId?: string | undefined;
  firstStepId?: string | undefined;
}): ReactNode {
  const [name, setName] = useState('start B');
  const [events, setEvents] = useState<NotificationEvent[]>(['PipelineSuccess']);
  const [stages, setStages] = useState('');
  const [targetId, setTargetId] = useState('');
  const [secretId, setSecretId] = useState('b_api_key');
  const [pipelineA, setPipelineA] = useState<string | null>(null);
  const target = triggers.find((t) => t.id === targetId) ?? triggers.find((t) => t.id === nextStepId) ?? triggers[0];
  // Until typed, pipeline A is the chain's first step's pipeline.
  const pipelineAShown = pipelineA ?? triggers.find((t) => t.id === firstStepId)?.parsed.pipelineIdentifier ?? '';
  const result = generate({ name, events, stages, target, secretId, pipelineA: pipelineAShown });
  const token = target?.parsed.token;
  const toggle = (e: NotificationEvent): void => {
    setEvents((list) => (list.includes(e) ? list.filter((x) => x !== e) : [...list, e]));
  };
  return (
    <section className="harness-setup" aria-label="Set it up in Harness">
      <h2>Set it up in Harness</h2>
      <p className="muted small-text">
        Harness starts pipeline B when pipeline A ends through a Webhook notification rule on A that calls B&apos;s
        custom trigger. Paste this under <code>pipeline:</code> in A&apos;s YAML.
      </p>
      <div className="harness-setup-form">
        <label className="field">
          <span className="label">Rule name</span>
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span className="label">Pipeline A identifier (for the sample)</span>
          <input
            value={pipelineAShown}
            onChange={(e) => {
              setPipelineA(e.target.value);
            }}
            placeholder="pipeline_a"
          />
        </label>
        <label className="field">
          <span className="label">Trigger of pipeline B</span>
          <select
            value={target?.id ?? ''}
            onChange={(e) => {
              setTargetId(e.target.value);
            }}
          >
            {triggers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Harness secret holding B&apos;s key</span>
          <input
            value={secretId}
            onChange={(e) => {
              setSecretId(e.target.value);
            }}
            placeholder="b_api_key (empty: no key)"
          />
        </label>
        <fieldset className="harness-events">
          <legend>Events of pipeline A</legend>
          {NOTIFICATION_EVENTS.map((e) => (
            <label key={e} className="field-inline">
              <input
                type="checkbox"
                checked={events.includes(e)}
                onChange={() => {
                  toggle(e);
                }}
              />{' '}
              {e}
            </label>
          ))}
        </fieldset>
        {events.some((e) => (STAGE_EVENTS as readonly string[]).includes(e)) && (
          <label className="field">
            <span className="label">For stages (identifiers, comma-separated; empty: all)</span>
            <input
              value={stages}
              onChange={(e) => {
                setStages(e.target.value);
              }}
            />
          </label>
        )}
      </div>
      {!result.ok && (
        <p className="chain-problem" role="alert">
          {result.message}
        </p>
      )}
      {result.ok && (
        <>
          {result.out.warnings.map((w) => (
            <p key={w} className="harness-warning" role="note">
              {w}
            </p>
          ))}
          <div className="harness-yaml-head">
            <strong>notificationRules</strong>{' '}
            <CopyButton text={result.out.yaml} what="notificationRules YAML (with the webhook token)" />
          </div>
          {token && (
            <p className="muted small-text" role="note" data-testid="token-note">
              B&apos;s webhook token is masked here; Copy puts the whole YAML on the clipboard, token included, as
              Harness needs it: paste it only into Harness.
            </p>
          )}
          <pre className="mono harness-yaml" aria-label="notificationRules YAML">
            {masked(result.out.yaml, token)}
          </pre>
          <div className="harness-yaml-head">
            <strong>What B receives</strong>{' '}
            <CopyButton text={JSON.stringify(result.out.sample, null, 2)} what="sample eventData payload" />
          </div>
          <p className="muted small-text">
            Save it as a sample in the condition lab to preview B&apos;s conditions, e.g. on{' '}
            <code>{'<+trigger.payload.eventData.nodeStatus>'}</code>.
          </p>
          <pre className="mono harness-yaml" aria-label="Sample eventData payload">
            {masked(JSON.stringify(result.out.sample, null, 2), token)}
          </pre>
        </>
      )}
    </section>
  );
}
