// The path from "Fire" (button or Ctrl/Cmd+Enter) to the one request: a payload that is not JSON
// asks first, a production trigger wants its name typed, then the fire is sent exactly once.
import { useCallback, useState, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { checkJson } from '../../json-check';
import { fireTrigger, payloadOf, useFire } from '../../stores/fire';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { isJsonType } from './PayloadEditor';

type Step = null | 'not-json' | 'production';

export function useFireFlow(trigger: Trigger): { request: () => void; dialog: ReactNode } {
  const [step, setStep] = useState<Step>(null);

  const send = useCallback(() => {
    setStep(null);
    void fireTrigger(trigger, payloadOf(useFire.getState(), trigger));
  }, [trigger]);

  const afterJson = useCallback(() => {
    if (trigger.production) setStep('production');
    else send();
  }, [trigger.production, send]);

  const request = useCallback(() => {
    if (useFire.getState().running[trigger.id]) return;
    const body = payloadOf(useFire.getState(), trigger);
    if (isJsonType(trigger.contentType) && !checkJson(body).ok) setStep('not-json');
    else afterJson();
  }, [trigger, afterJson]);

  let dialog: ReactNode = null;
  if (step === 'not-json') {
    const check = checkJson(payloadOf(useFire.getState(), trigger));
    dialog = (
      <ConfirmDialog title="Send a payload that is not JSON?" confirmLabel="Send anyway" cancelLabel="Keep editing" onCancel={() => { setStep(null); }} onConfirm={afterJson}>
        <p>{check.ok ? '' : check.empty ? 'The payload is empty.' : `Line ${check.line}, column ${check.column}: ${check.message}`}</p>
        <p>Harness accepts it, but the pipeline sees a raw string: every <code>{'<+trigger.payload.…>'}</code> expression and payload condition will resolve to nothing.</p>
      </ConfirmDialog>
    );
  } else if (step === 'production') {
    dialog = (
      <ConfirmDialog title="Fire a production trigger?" confirmLabel="Fire" danger typeToConfirm={trigger.name} onCancel={() => { setStep(null); }} onConfirm={send}>
        <p>“{trigger.name}” is marked production. This starts a real run at {trigger.parsed.origin}.</p>
      </ConfirmDialog>
    );
  }
  return { request, dialog };
}
