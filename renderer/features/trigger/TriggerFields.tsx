// What the trigger URL says, as read-only labelled fields. The v3 webhook token is a secret in
// logs and exports, so it is shown masked; "Copy URL" still gives the real URL.
import type { ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { CopyButton } from '../../ui/CopyButton';
import { ReadonlyField } from '../../ui/ReadonlyField';

export function maskToken(url: string, token: string | null): string {
  return token ? url.replace(token, `${'•'.repeat(6)}${token.slice(-4)}`) : url;
}

export function TriggerFields({ trigger }: { trigger: Trigger }): ReactNode {
  const p = trigger.parsed;
  return (
    <section className="panel" aria-labelledby="fields-heading">
      <div className="panel-head">
        <h3 id="fields-heading">Trigger URL</h3>
        <CopyButton text={p.url} what="trigger URL" />
      </div>
      <div className="url-line mono" title="The webhook token is masked here">
        {maskToken(p.url, p.token)}
      </div>
      <div className="field-grid">
        <ReadonlyField label="Base URL" value={p.base} mono />
        <ReadonlyField label="URL form" value={p.form === 'v3' ? 'v3 (webhook token)' : 'v2 (identifiers)'} />
        <ReadonlyField label="Account" value={p.accountIdentifier} mono />
        <ReadonlyField label="Organization" value={p.orgIdentifier} mono />
        <ReadonlyField label="Project" value={p.projectIdentifier} mono />
        <ReadonlyField label="Pipeline" value={p.pipelineIdentifier} placeholder="any" mono />
        <ReadonlyField label="Trigger identifier" value={p.triggerIdentifier} placeholder="any" mono />
        <ReadonlyField label="Content type" value={trigger.contentType} mono />
      </div>
    </section>
  );
}
