// The parts of a trigger URL, as the import will save them.
import type { ReactNode } from 'react';
import type { TriggerUrl } from '../../../shared/model';
import { maskToken } from '../trigger/TriggerFields';

export function ParsedPreview({ parsed }: { parsed: TriggerUrl }): ReactNode {
  const rows: [string, string][] = [
    ['Base URL', parsed.base],
    ['URL form', parsed.form === 'v3' ? 'v3 (webhook token)' : 'v2 (identifiers)'],
    ['Account', parsed.accountIdentifier],
    ['Organization', parsed.orgIdentifier],
    ['Project', parsed.projectIdentifier],
    ['Pipeline', parsed.pipelineIdentifier ?? 'any (every enabled custom trigger in the project)'],
    ['Trigger', parsed.triggerIdentifier ?? 'any'],
  ];
  return (
    <>
      <p className="url-line mono">{maskToken(parsed.url, parsed.token)}</p>
      <dl className="preview-grid" aria-label="Parsed trigger URL">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
