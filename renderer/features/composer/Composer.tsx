// The payload composer for one trigger (lazy-loaded: CodeMirror stays out of the first screen):
// named payloads, the JSON editor with live validation, what the trigger reads, variables,
// extra headers and the exact request preview.
import { useId, useMemo, type ReactNode } from 'react';
import { triggerPayloadPaths, type PayloadPath } from '../../../shared/harness/payload-paths';
import { isJsonContentType } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { useComposer } from '../../stores/composer';
import { draftKey, payloadOf, selectedPayloadId, setDraft, useFire } from '../../stores/fire';
import { HeadersPanel } from './HeadersPanel';
import { JsonEditor } from './JsonEditor';
import { PayloadBar } from './PayloadBar';
import { PayloadStatus } from './PayloadStatus';
import { PreviewPanel } from './PreviewPanel';
import { ReadsPanel } from './ReadsPanel';
import { VariablesPanel } from './VariablesPanel';
import './composer.css';

const NO_PATHS: PayloadPath[] = [];

function usePaths(yaml: string | undefined): { paths: PayloadPath[]; error: string | null } {
  return useMemo(() => {
    if (yaml === undefined) return { paths: NO_PATHS, error: null };
    try {
      return { paths: triggerPayloadPaths(yaml), error: null };
    } catch (e) {
      return { paths: NO_PATHS, error: errorText(e) };
    }
  }, [yaml]);
}

export default function Composer({ trigger }: { trigger: Trigger }): ReactNode {
  const payloadId = useFire((s) => selectedPayloadId(s, trigger));
  const key = draftKey(trigger.id, payloadId);
  const statusId = useId();
  const json = isJsonContentType(trigger.contentType);
  const { paths, error } = usePaths(trigger.yaml);
  const names = useComposer((s) => s.analyses[key]?.variables.join('\n') ?? '');
  const variables = useMemo(() => (names === '' ? [] : names.split('\n')), [names]);

  return (
    <div className="composer">
      <section className="panel payload-panel" aria-label="Payload">
        <PayloadBar trigger={trigger} payloadId={payloadId} json={json} />
        <JsonEditor
          key={key}
          editorKey={key}
          adoptKey={payloadId === '' ? undefined : draftKey(trigger.id, '')}
          text={payloadOf(useFire.getState(), trigger)}
          json={json}
          paths={paths}
          onText={(text) => { setDraft(trigger, text, payloadId); }}
        />
        <PayloadStatus editorKey={key} json={json} id={statusId} />
      </section>
      <div className="composer-side">
        <ReadsPanel trigger={trigger} editorKey={key} paths={paths} yamlError={error} />
        <VariablesPanel trigger={trigger} names={variables} />
      </div>
      <HeadersPanel trigger={trigger} />
      <PreviewPanel trigger={trigger} />
    </div>
  );
}
