// The path from "Fire" (button or Ctrl/Cmd+Enter) to the one request: the body is taken from the
// editor as it is now with the variables filled in; a missing variable or an oversized body stops
// here with the reason; a body that is not JSON asks first; a production trigger wants its name
// typed; then the fire is sent exactly once, with the very body that was checked.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { buildRequestPreview } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';
import { checkJson } from '../../json-check';
import { useComposer, variableValues } from '../../stores/composer';
import { fireTrigger, useFire } from '../../stores/fire';
import { needReason, useFolders } from '../../stores/folders';
import { payloadBody } from '../../stores/payloads';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { variableInputId } from '../composer/variable-ids';
import { isJsonType } from './PayloadEditor';

type Step = null | 'not-json' | 'production';

export function useFireFlow(trigger: Trigger): { request: () => void; dialog: ReactNode; blocked: string | null } {
  const [step, setStep] = useState<Step>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const body = useRef('');

  const send = useCallback(() => {
    setStep(null);
    void fireTrigger(trigger, body.current);
  }, [trigger]);

  const afterJson = useCallback(() => {
    if (trigger.production) setStep('production');
    else send();
  }, [trigger.production, send]);

  const request = useCallback(() => {
    if (useFire.getState().running[trigger.id]) return;
    const need = needReason(useFolders.getState(), trigger); // Ctrl+Enter too: a token or keychain value is missing here
    if (need) {
      setBlocked(need);
      return;
    }
    const preview = buildRequestPreview({
      ...trigger,
      body: payloadBody(trigger),
      values: variableValues(useComposer.getState(), trigger),
    });
    if (preview.body === null || preview.blockers.length > 0) {
      setBlocked(preview.blockers.join(' '));
      const first = preview.missing[0];
      if (first !== undefined) document.getElementById(variableInputId(trigger.id, first))?.focus();
      return;
    }
    setBlocked(null);
    body.current = preview.body;
    if (isJsonType(trigger.contentType) && !preview.bodyIsJson) setStep('not-json');
    else afterJson();
  }, [trigger, afterJson]);

  let dialog: ReactNode = null;
  if (step === 'not-json') {
    const check = checkJson(body.current);
    dialog = (
      <ConfirmDialog
        title="Send a payload that is not JSON?"
        confirmLabel="Send anyway"
        cancelLabel="Keep editing"
        onCancel={() => {
          setStep(null);
        }}
        onConfirm={afterJson}
      >
        <p>
          {check.ok
            ? ''
            : check.empty
              ? 'The payload is empty.'
              : `Line ${check.line}, column ${check.column}: ${check.message}`}
        </p>
        <p>
          Harness accepts it, but the pipeline sees a raw string: every <code>{'<+trigger.payload.…>'}</code> expression
          and payload condition will resolve to nothing.
        </p>
      </ConfirmDialog>
    );
  } else if (step === 'production') {
    dialog = (
      <ConfirmDialog
        title="Fire a production trigger?"
        confirmLabel="Fire"
        danger
        typeToConfirm={trigger.name}
        onCancel={() => {
          setStep(null);
        }}
        onConfirm={send}
      >
        <p>
          “{trigger.name}” is marked production. This starts a real run at {trigger.parsed.origin}.
        </p>
        <p>Typing its name guards against a fire by accident: Fire stays off until the name matches exactly.</p>
      </ConfirmDialog>
    );
  }
  return { request, dialog, blocked };
}
