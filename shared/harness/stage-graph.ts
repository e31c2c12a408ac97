// The stage timeline of a pipelineExecutionSummary (docs/harness-protocol.md §3): from startingNodeId along
// nextIds; a parallel node's currentNodeChildren sit side by side in one step. Nodes the walk
// does not reach (an odd graph) are appended in map order rather than dropped.
import type { StageStep, StageView } from '../watch-model';
import { executionWords } from './execution-status-words';

type Json = Record<string, unknown>;

function obj(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}
function ids(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function isParallel(node: Json): boolean {
  return str(node.nodeType) === 'parallel' || ids(obj(node.edgeLayoutList)?.currentNodeChildren).length > 0;
}

export function stageView(id: string, node: Json, now: number): StageView {
  const startTs = num(node.startTs);
  const endTs = num(node.endTs);
  const message = str(obj(node.failureInfo)?.message) ?? str(obj(node.failureInfoDTO)?.message);
  return {
    id,
    identifier: str(node.nodeIdentifier) ?? id,
    name: str(node.name) ?? str(node.nodeIdentifier) ?? id,
    type: str(node.nodeType) ?? '',
    status: executionWords(str(node.status) ?? 'NotStarted'),
    startTs,
    endTs,
    durationMs: startTs === null ? null : Math.max(0, (endTs ?? now) - startTs),
    failureMessage: message !== null && message.trim() !== '' ? message : null,
  };
}

/** `now` gives running stages their time so far. */
export function stageSteps(layoutNodeMap: unknown, startingNodeId: unknown, now: number): StageStep[] {
  const map = obj(layoutNodeMap);
  if (!map) return [];
  const steps: StageStep[] = [];
  const seen = new Set<string>();
  const node = (id: string): Json | null => (Object.hasOwn(map, id) ? obj(map[id]) : null);

  const queue: string[] = [];
  const start = str(startingNodeId);
  if (start !== null) queue.push(start);
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    const n = node(id);
    if (!n) return;
    seen.add(id);
    const edges = obj(n.edgeLayoutList);
    if (isParallel(n)) {
      const children = ids(edges?.currentNodeChildren).filter((c) => !seen.has(c) && node(c) !== null);
      for (const c of children) seen.add(c);
      steps.push({ parallel: true, stages: children.map((c) => stageView(c, node(c) ?? {}, now)) });
      // A child may itself lead on (rare); follow it after the parallel step.
      for (const c of children) queue.push(...ids(obj(node(c)?.edgeLayoutList)?.nextIds));
    } else {
      steps.push({ parallel: false, stages: [stageView(id, n, now)] });
    }
    queue.push(...ids(edges?.nextIds));
  };
  // Bounded by the map's size: every id is visited once.
  while (queue.length > 0) visit(queue.shift() ?? '');
  for (const id of Object.keys(map)) {
    const n = node(id);
    if (n && !seen.has(id) && !isParallel(n)) {
      seen.add(id);
      steps.push({ parallel: false, stages: [stageView(id, n, now)] });
    }
  }
  return steps.filter((s) => s.stages.length > 0);
}
