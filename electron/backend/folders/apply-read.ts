// What a read of the folder found, applied to the stores: the workspace's name and token setting,
// then its triggers, samples and chains (content.ts decides item by item). Items `keep` names (those
// of a damaged file) stay as they were. Answers the problems found while applying.
import type { FolderProblem } from '../../../shared/folder-model';
import type { ChainsDoc, DataDoc, DocStore, SamplesDoc } from '../store/index';
import { applyChains, applySamples, applyTriggers } from './content';
import type { parseFolder } from './serialize';

interface Stores {
  data: DocStore<DataDoc>;
  samples: DocStore<SamplesDoc>;
  chains: DocStore<ChainsDoc>;
}

export function applyRead(
  stores: Stores,
  workspaceId: string,
  read: ReturnType<typeof parseFolder>,
  keep: (id: string) => boolean,
  now: number,
): FolderProblem[] {
  const errors: FolderProblem[] = [];
  stores.data.update((doc) => {
    const w = doc.workspaces.find((x) => x.id === workspaceId);
    if (!w) return;
    const ws = read.content.workspace;
    if (ws) {
      const clash = doc.workspaces.some(
        (x) => x.id !== w.id && x.deletedAt === null && x.name.toLowerCase() === ws.name.toLowerCase(),
      );
      if (!clash) w.name = ws.name;
      w.shareTokens = ws.shareTokens;
    }
    const r = applyTriggers(doc, w.id, read.content.triggers, keep, now);
    for (const e of r.errors)
      errors.push({ path: read.pathOf.get(e.id) ?? 'triggers', line: null, column: null, message: e.message });
  });
  const samplesBefore = stores.samples.read().samples;
  const samples = applySamples(samplesBefore, workspaceId, read.content.samples, keep, now);
  if (JSON.stringify(samples) !== JSON.stringify(samplesBefore))
    stores.samples.update((s) => void (s.samples = samples));
  const chainsBefore = stores.chains.read().chains;
  const chains = applyChains(chainsBefore, workspaceId, read.content.chains, keep, now);
  if (JSON.stringify(chains) !== JSON.stringify(chainsBefore)) stores.chains.update((c) => void (c.chains = chains));
  return errors;
}
