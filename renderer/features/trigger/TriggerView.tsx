// The middle column for the selected trigger: header, URL fields, key, payload and the fire bar.
import type { ReactNode } from 'react';
import { useDesk, selectedTrigger } from '../../stores/workspaces';
import { HarnessOriginPanel } from '../account/HarnessOriginPanel';
import { Welcome } from '../welcome/Welcome';
import { FireBar } from './FireBar';
import { FolderNeeds } from '../folders/FolderNeeds';
import { KeyEditor } from './KeyEditor';
import { PayloadEditor } from './PayloadEditor';
import { TriggerFields } from './TriggerFields';
import { TriggerHeader } from './TriggerHeader';

export function TriggerView(): ReactNode {
  const trigger = useDesk(selectedTrigger);
  const workspace = useDesk((s) => s.workspaces.find((w) => w.id === trigger?.workspaceId));
  if (!trigger) return <Welcome />;
  return (
    <main className="main" aria-label={`Trigger ${trigger.name}`} key={trigger.id}>
      {/* The fire bar is a footer outside the scrolling part, so it never covers a control. */}
      <div className="main-scroll">
        <TriggerHeader trigger={trigger} workspace={workspace} />
        <FolderNeeds trigger={trigger} />
        <TriggerFields trigger={trigger} />
        <KeyEditor trigger={trigger} />
        <PayloadEditor trigger={trigger} />
        <HarnessOriginPanel trigger={trigger} />
      </div>
      <FireBar trigger={trigger} />
    </main>
  );
}
