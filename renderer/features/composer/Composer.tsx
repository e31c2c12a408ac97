// The payload composer for one trigger (lazy-loaded: CodeMirror stays out of the first screen):
// named payloads, the JSON editor with live validation, what the trigger reads, variables,
// extra headers and the exact request preview.
import { useId, useMemo, type ReactNode } from 'react';
import { triggerPayloadPaths, type PayloadPath } from '../../../shared/harness/payload-paths';
import { isJsonContentType } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { useComposer } from '../../stores/composer';
import { shownKey, usePayloads } from '../../stores/payloads';
import { HeadersPanel } from './HeadersPanel';
import { JsonEditor } from './JsonEditor';
import { PayloadBar } from './PayloadBar';
import { PayloadConflict, PayloadStatus, SaveError } from './PayloadStatus';
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
  const key = usePayloads((s) => shownKey(s, trigger));
  const statusId = useId();
  const json = isJsonContentType(trigger.contentType);
  const { paths, error } = usePaths(trigger.yaml);
  const names = useComposer((s) => s.analyses[key]?.variables.join('\n') ?? '');
  const variables = useMemo(() => (names === '' ? [] : names.split('\n')), [names]);

  return (
    <div className="composer">
      <section className="panel payload-panel" aria-label="Payload">
        <PayloadBar trigger={trigger} docKey={key} json={json} />
        <PayloadConflict docKey={key} />
        <JsonEditor key={key} docKey={key} trigger={trigger} json={json} paths={paths} />
        <PayloadStatus docKey={key} json={json} id={statusId} />
        <SaveError docKey={key} />
      </section>
      <div className="composer-side">
        <ReadsPanel trigger={trigger} docKey={key} paths={paths} yamlError={error} />
        <VariablesPanel trigger={trigger} names={variables} />
      </div>
      <HeadersPanel trigger={trigger} />
      <PreviewPanel trigger={trigger} />
    </div>
  );
}
