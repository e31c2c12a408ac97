// The condition lab's state: the trigger YAML being tried, the sample (payload + headers) it is
// tried against, the workspace's sample library, and the lab/matrix switch. Evaluation itself is
// not stored: it is derived in the page (pure, fast) from these texts as they change.
import { create } from 'zustand';
import type { Sample, SampleHeader } from '../../shared/conditions-model';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import { request } from '../bridge';
import { showError, showToast } from './toasts';
import { fetchTriggerYaml, setTriggerYaml } from './trigger-extras';

export type LabTab = 'lab' | 'matrix';

interface ConditionsState {
  tab: LabTab;
  workspaceId: string | null;
  /** The saved trigger the YAML came from (or will be kept on), if any. */
  triggerId: string | null;
  yaml: string;
  payload: string;
  /** "Name: value", one per line. */
  headersText: string;
  sampleId: string | null;
  sampleName: string;
  samples: Sample[];
  busy: 'fetch' | 'save-yaml' | 'save-sample' | null;
}

export const useConditions = create<ConditionsState>(() => ({
  tab: 'lab',
  workspaceId: null,
  triggerId: null,
  yaml: '',
  payload: '',
  headersText: '',
  sampleId: null,
  sampleName: '',
  samples: [],
  busy: null,
}));

export const setLabTab = (tab: LabTab): void => {
  useConditions.setState({ tab });
};
export const setYaml = (yaml: string): void => {
  useConditions.setState({ yaml });
};
export const setPayload = (payload: string): void => {
  useConditions.setState({ payload });
};
export const setHeadersText = (headersText: string): void => {
  useConditions.setState({ headersText });
};
export const setSampleName = (sampleName: string): void => {
  useConditions.setState({ sampleName });
};

/** Headers typed as lines; a line without "Name:" is reported with its number and skipped. */
export function parseHeaderLines(text: string): { headers: SampleHeader[]; problems: string[] } {
  const headers: SampleHeader[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.indexOf(':');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (!name) problems.push(`Header line ${i + 1} needs "Name: value": ${JSON.stringify(line.slice(0, 60))}`);
    else headers.push({ name, value: line.slice(at + 1).trim() });
  });
  return { headers, problems };
}

export const headersToText = (headers: readonly SampleHeader[]): string =>
  headers.map((h) => `${h.name}: ${h.value}`).join('\n');

export async function loadSamples(workspaceId: string): Promise<void> {
  const reply = await request('samples:list', { workspaceId });
  if (!reply.ok) showError(reply.error, 'Could not load the samples');
  else if (useConditions.getState().workspaceId === workspaceId) useConditions.setState({ samples: reply.value });
}

export function chooseWorkspace(workspaceId: string): void {
  if (useConditions.getState().workspaceId === workspaceId) return;
  useConditions.setState({ workspaceId, samples: [], sampleId: null, triggerId: null });
  void loadSamples(workspaceId);
}

/** Picks a saved trigger: its stored YAML (if any) and, when the sample is empty, its first payload. */
export function chooseTrigger(
  t: { id: string; workspaceId: string; yaml?: string; payloads: { body: string }[] } | null,
): void {
  if (!t) {
    useConditions.setState({ triggerId: null });
    return;
  }
  chooseWorkspace(t.workspaceId);
  const s = useConditions.getState();
  useConditions.setState({
    triggerId: t.id,
    yaml: t.yaml ?? '',
    ...(s.payload.trim() === '' && s.sampleId === null ? { payload: t.payloads[0]?.body ?? '' } : {}),
  });
}

export async function fetchYaml(triggerId: string): Promise<void> {
  useConditions.setState({ busy: 'fetch' });
  const reply = await fetchTriggerYaml(triggerId);
  useConditions.setState({ busy: null });
  if (!reply.ok) {
    showError(reply.error, 'Could not fetch the trigger YAML');
    return;
  }
  if (useConditions.getState().triggerId === triggerId) useConditions.setState({ yaml: reply.value.yaml });
  showToast('Fetched the trigger YAML from Harness and kept it on the trigger.');
}

/** The open saved sample differs from what was saved (the Lab marks it). */
export function sampleEdited(s: Pick<ConditionsState, 'samples' | 'sampleId' | 'payload' | 'headersText'>): boolean {
  const saved = s.samples.find((x) => x.id === s.sampleId);
  return saved !== undefined && (saved.payload !== s.payload || headersToText(saved.headers) !== s.headersText);
}

/** The YAML's trigger identifier, or null when it does not read. */
export function yamlIdentifier(yaml: string): string | null {
  try {
    return parseTriggerYaml(yaml).identifier;
  } catch {
    return null;
  }
}

/**
 * A paste into the lab for a saved trigger that has no YAML yet is kept on it at once, as a fetch is,
 * when it reads and names that very trigger; anything else waits for "Keep on trigger".
 */
export function pasteYaml(
  yaml: string,
  trigger: { id: string; yaml?: string; identifier: string | null } | null,
): void {
  setYaml(yaml);
  if (!trigger || trigger.yaml || yaml.trim() === '') return;
  const identifier = yamlIdentifier(yaml);
  if (identifier !== null && identifier === trigger.identifier) void keepYaml(trigger.id, yaml);
}

export async function keepYaml(triggerId: string, yaml: string): Promise<void> {
  useConditions.setState({ busy: 'save-yaml' });
  const reply = await setTriggerYaml(triggerId, yaml);
  useConditions.setState({ busy: null });
  if (!reply.ok) showError(reply.error, 'Could not keep the YAML');
  else
    showToast(yaml.trim() === '' ? 'Forgot the trigger YAML.' : 'Kept the YAML on the trigger (the matrix uses it).');
}

export function openSample(id: string | null): void {
  const sample = useConditions.getState().samples.find((s) => s.id === id);
  if (!sample) {
    useConditions.setState({ sampleId: null, sampleName: '' });
    return;
  }
  useConditions.setState({
    sampleId: sample.id,
    sampleName: sample.name,
    payload: sample.payload,
    headersText: headersToText(sample.headers),
  });
}

/** `asNew`: always a new sample; otherwise the open one is replaced. */
export async function saveSample(asNew: boolean): Promise<void> {
  const s = useConditions.getState();
  if (!s.workspaceId) return;
  const name = s.sampleName.trim();
  if (!name) {
    showToast('Give the sample a name first.', { tone: 'error' });
    return;
  }
  const { headers } = parseHeaderLines(s.headersText);
  useConditions.setState({ busy: 'save-sample' });
  const id = asNew ? undefined : (s.sampleId ?? undefined);
  const reply = await request('samples:save', {
    workspaceId: s.workspaceId,
    name,
    payload: s.payload,
    headers,
    ...(id ? { id } : {}),
  });
  useConditions.setState({ busy: null });
  if (!reply.ok) {
    showError(reply.error, 'Could not save the sample');
    return;
  }
  const saved = reply.value;
  useConditions.setState((st) => ({
    samples: st.samples.some((x) => x.id === saved.id)
      ? st.samples.map((x) => (x.id === saved.id ? saved : x))
      : [...st.samples, saved],
    sampleId: saved.id,
    sampleName: saved.name,
  }));
  showToast(`Saved sample “${saved.name}”.`);
}

export async function deleteSample(): Promise<void> {
  const s = useConditions.getState();
  const sample = s.samples.find((x) => x.id === s.sampleId);
  if (!sample || !s.workspaceId) return;
  const reply = await request('samples:delete', { workspaceId: s.workspaceId, id: sample.id });
  if (!reply.ok) {
    showError(reply.error, 'Could not delete the sample');
    return;
  }
  useConditions.setState((st) => ({ samples: st.samples.filter((x) => x.id !== sample.id), sampleId: null }));
  showToast(`Deleted sample “${sample.name}”.`);
}
