// pipelineExecutionSummary as Harness serializes it (docs/harness-protocol.md §3): layoutNodeMap in graph order
// from startingNodeId along nextIds, parallel stages under a parallel node's currentNodeChildren.
import { runState, type RunRecord, type StageState, type StepState } from './runs';
import type { StageDef } from './types';

const MODULES: Record<StageDef['type'], string> = { CI: 'ci', Deployment: 'cd', Approval: 'pms', Custom: 'pms' };
const ACTIVE = new Set(['Running', 'ApprovalWaiting']);

function failureInfo(message: string): Record<string, unknown> {
  return { message, failureTypeList: message ? ['APPLICATION_ERROR'] : [], responseMessages: [] };
}

function edges(children: string[], next: string | undefined): Record<string, string[]> {
  return { currentNodeChildren: children, nextIds: next === undefined ? [] : [next] };
}

function stageNode(s: StageState, edgeLayoutList: Record<string, string[]>): Record<string, unknown> {
  return {
    nodeType: s.def.type,
    nodeGroup: 'STAGE',
    nodeIdentifier: s.def.identifier,
    name: s.def.name,
    nodeUuid: s.uuid,
    status: s.status,
    module: MODULES[s.def.type],
    moduleInfo: {},
    startTs: s.startTs,
    endTs: s.endTs,
    edgeLayoutList,
    nodeRunInfo:
      s.startTs === null ? null : { whenCondition: '<+OnPipelineSuccess>', evaluatedCondition: true, expressions: [] },
    skipInfo: null,
    failureInfo: { message: s.failure },
    failureInfoDTO: failureInfo(s.failure),
    nodeExecutionId: s.startTs === null ? null : `${s.uuid}_exec`,
    barrierFound: false,
    executionInputConfigured: false,
    isRollbackStageNode: false,
  };
}

/** The status Harness shows on a parallel node: running while any child runs, else the worst outcome. */
function parallelStatus(stages: StageState[]): string {
  if (stages.every((s) => s.status === 'NotStarted')) return 'NotStarted';
  if (stages.some((s) => ACTIVE.has(s.status) || s.status === 'NotStarted')) return 'Running';
  for (const worst of ['Aborted', 'Failed', 'ApprovalRejected'])
    if (stages.some((s) => s.status === worst)) return worst;
  return 'Success';
}

function parallelNode(step: StepState, next: string | undefined): Record<string, unknown> {
  const started = step.stages.flatMap((s) => (s.startTs === null ? [] : [s.startTs]));
  const status = parallelStatus(step.stages);
  const ends = step.stages.map((s) => s.endTs);
  const done = status !== 'Running' && status !== 'NotStarted' && ends.every((e) => e !== null);
  return {
    nodeType: 'parallel',
    nodeGroup: 'STAGE',
    nodeIdentifier: `parallel${step.uuid}`,
    name: `parallel${step.uuid}`,
    nodeUuid: step.uuid,
    status,
    module: 'pms',
    moduleInfo: {},
    startTs: started.length ? Math.min(...started) : null,
    endTs: done ? Math.max(...ends) : null,
    edgeLayoutList: edges(
      step.stages.map((s) => s.uuid),
      next,
    ),
    nodeRunInfo: null,
    skipInfo: null,
    failureInfo: { message: '' },
    failureInfoDTO: failureInfo(''),
    nodeExecutionId: null,
    barrierFound: false,
    executionInputConfigured: false,
    isRollbackStageNode: false,
  };
}

export function pipelineExecutionSummary(run: RunRecord, now: number): Record<string, unknown> {
  const state = runState(run, now);
  const t = run.trigger;
  const layoutNodeMap: Record<string, unknown> = {};
  state.steps.forEach((step, i) => {
    const next = state.steps[i + 1]?.uuid;
    if (step.parallel) {
      layoutNodeMap[step.uuid] = parallelNode(step, next);
      for (const s of step.stages) layoutNodeMap[s.uuid] = stageNode(s, edges([], undefined));
    } else {
      for (const s of step.stages) layoutNodeMap[s.uuid] = stageNode(s, edges([], next));
    }
  });
  const stages = state.steps.flatMap((s) => s.stages);
  const count = (pred: (s: StageState) => boolean) => stages.filter(pred).length;
  return {
    pipelineIdentifier: t.pipelineIdentifier,
    orgIdentifier: t.orgIdentifier,
    projectIdentifier: t.projectIdentifier,
    planExecutionId: run.planExecutionId,
    name: t.pipelineName,
    status: state.status,
    tags: [],
    executionTriggerInfo: {
      triggerType: 'WEBHOOK_CUSTOM',
      triggeredBy: {
        uuid: '',
        identifier: t.name,
        extraInfo: {
          execution_trigger_tag_needed_for_abort: `${t.accountIdentifier}:${t.orgIdentifier}:${t.projectIdentifier}:${t.pipelineIdentifier}`,
          triggerRef: `${t.accountIdentifier}/${t.orgIdentifier}/${t.projectIdentifier}/${t.identifier}`,
          eventCorrelationId: run.eventId,
        },
        triggerIdentifier: t.identifier,
      },
      isRerun: false,
    },
    moduleInfo: {},
    layoutNodeMap,
    modules: [...new Set(stages.map((s) => MODULES[s.def.type]))],
    startingNodeId: state.steps[0]?.uuid ?? null,
    startTs: run.startTs,
    endTs: state.endTs,
    createdAt: run.startTs,
    canRetry: true,
    showRetryHistory: false,
    runSequence: run.runSequence,
    successfulStagesCount: count((s) => s.status === 'Success'),
    runningStagesCount: count((s) => ACTIVE.has(s.status)),
    failedStagesCount: count((s) => s.status === 'Failed' || s.status === 'ApprovalRejected'),
    totalStagesCount: stages.length,
    executionInputConfigured: false,
    allowStageExecutions: false,
    stagesExecution: false,
    failureInfo: failureInfo(state.failure),
    storeType: 'INLINE',
    executionMode: 'NORMAL',
  };
}
