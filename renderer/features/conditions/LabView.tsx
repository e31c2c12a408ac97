// The lab: the trigger and the sample on the left, the verdict explained on the right.
import type { ReactNode } from 'react';
import { useConditions } from '../../stores/conditions';
import { SampleEditor } from './SampleEditor';
import { TriggerSource } from './TriggerSource';
import { useLab } from './useLab';
import { VerdictPanel } from './VerdictPanel';

export function LabView(): ReactNode {
  const yaml = useConditions((s) => s.yaml);
  const payload = useConditions((s) => s.payload);
  const headersText = useConditions((s) => s.headersText);
  const lab = useLab(yaml, payload, headersText);
  return (
    <div className="lab">
      <div className="lab-inputs">
        <TriggerSource problem={lab.yamlError} />
        <SampleEditor headerProblems={lab.headerProblems} />
      </div>
      <div className="lab-results">
        <VerdictPanel lab={lab} />
      </div>
    </div>
  );
}
