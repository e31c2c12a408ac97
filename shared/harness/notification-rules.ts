// "Start pipeline B when pipeline A completes" (docs/harness-protocol.md §7): the notificationRules YAML for
// pipeline A (a Webhook notification to B's custom trigger URL), and the eventData B will receive.

import { stringify } from 'yaml';
import { DeskError } from '../errors';
import type { TriggerUrl } from '../model';
import { parseTriggerUrl } from './urls';

export const PIPELINE_EVENTS = [
  'PipelineStart',
  'PipelineSuccess',
  'PipelineFailed',
  'PipelineEnd',
  'PipelinePaused',
] as const;
export const STAGE_EVENTS = ['StageStart', 'StageSuccess', 'StageFailed', 'StepFailed'] as const;
export const NOTIFICATION_EVENTS = ['AllEvents', ...PIPELINE_EVENTS, ...STAGE_EVENTS] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export interface NotificationEventChoice {
  type: NotificationEvent;
  /** Stage events only: stage identifiers; empty or absent means every stage (AllStages). */
  forStages?: string[];
}

export interface SourcePipeline {
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  pipelineName: string;
}

export interface NotificationRuleInput {
  /** Rule name shown in Harness, e.g. "start B". */
  name: string;
  events: NotificationEventChoice[];
  /** B's custom trigger URL. */
  webhookUrl: string;
  /** Harness secret holding B's API key (`b_api_key`, `org.b_api_key`, `account.b_api_key`): never the key. */
  secretId: string | null;
  /** Pipeline A, for the sample payload (placeholders when unknown). */
  source?: Partial<SourcePipeline>;
}

export interface NotificationRuleOutput {
  yaml: string;
  identifier: string;
  warnings: string[];
  /** What B's trigger receives for the first chosen event: `{ eventData: {...} }`. */
  sample: { eventData: Record<string, unknown> };
}

const SECRET_ID = /^(?:(?:account|org)\.)?[A-Za-z_][0-9A-Za-z_$]{0,127}$/;
const KEY_SHAPE = /^(?:pat|sat)\./i;
const STAGE_ID = /^[A-Za-z_][0-9A-Za-z_$-]{0,127}$/;

/** A Harness identifier from a name: letters, digits, _ and $; never starting with a digit. */
export function identifierFromName(name: string): string {
  const id = name
    .trim()
    .replace(/[^0-9A-Za-z_$]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') return 'notify_next_pipeline';
  return (/^[0-9]/.test(id) ? `_${id}` : id).slice(0, 128);
}

function isStageEvent(t: NotificationEvent): boolean {
  return (STAGE_EVENTS as readonly string[]).includes(t);
}

function checkInput(o: NotificationRuleInput): TriggerUrl {
  if (o.name.trim() === '') throw new DeskError('parse', 'The rule needs a name (for example "start B")');
  if (o.events.length === 0)
    throw new DeskError('parse', 'Choose at least one event of pipeline A (for example PipelineSuccess)');
  const seen = new Set<string>();
  for (const e of o.events) {
    if (!(NOTIFICATION_EVENTS as readonly string[]).includes(e.type)) {
      throw new DeskError('parse', `"${e.type}" is not a Harness notification event`, {
        hint: `Use one of ${NOTIFICATION_EVENTS.join(', ')}.`,
      });
    }
    if (seen.has(e.type)) throw new DeskError('parse', `The event ${e.type} is chosen twice`);
    seen.add(e.type);
    if (e.forStages && e.forStages.length > 0 && !isStageEvent(e.type)) {
      throw new DeskError(
        'parse',
        `${e.type} is a pipeline event: only stage events (${STAGE_EVENTS.join(', ')}) take stages`,
      );
    }
    for (const s of e.forStages ?? []) {
      if (s !== 'AllStages' && !STAGE_ID.test(s))
        throw new DeskError('parse', `"${s}" is not a stage identifier (event ${e.type})`);
    }
  }
  if (o.secretId !== null) {
    if (KEY_SHAPE.test(o.secretId.trim())) {
      throw new DeskError(
        'parse',
        'That looks like the API key itself: give the identifier of the Harness secret that holds it',
        {
          hint: "Create a secret in Harness (for example b_api_key) holding B's key, then give its identifier here.",
        },
      );
    }
    if (!SECRET_ID.test(o.secretId)) {
      throw new DeskError('parse', `"${o.secretId}" is not a Harness secret identifier`, {
        hint: 'For example b_api_key, org.b_api_key or account.b_api_key.',
      });
    }
  }
  return parseTriggerUrl(o.webhookUrl); // a URL that is not a custom trigger URL fails here, in plain words
}

export function notificationWarnings(events: NotificationEventChoice[]): string[] {
  const types = new Set(events.map((e) => e.type));
  const warnings: string[] = [];
  if (types.has('PipelineEnd') && types.has('PipelineSuccess')) {
    warnings.push(
      'PipelineEnd and PipelineSuccess are both chosen: a successful run of A sends two calls, so B runs twice. Keep one.',
    );
  }
  if (types.has('AllEvents') && types.size > 1) {
    warnings.push(
      'AllEvents already includes every other event: B would be started once per event, several times per run of A.',
    );
  } else if (types.has('AllEvents')) {
    warnings.push(
      'AllEvents starts B on every event of A (start, each stage, end): B runs several times per run of A.',
    );
  }
  if (types.has('PipelineEnd') && types.has('PipelineFailed')) {
    warnings.push(
      'PipelineEnd and PipelineFailed are both chosen: a failed run of A sends two calls, so B runs twice.',
    );
  }
  return warnings;
}

const NODE_STATUS: Record<NotificationEvent, string> = {
  AllEvents: 'completed',
  PipelineStart: 'started',
  PipelineSuccess: 'completed',
  PipelineFailed: 'failed',
  PipelineEnd: 'completed',
  PipelinePaused: 'paused',
  StageStart: 'started',
  StageSuccess: 'completed',
  StageFailed: 'failed',
  StepFailed: 'failed',
};

/** The payload Harness POSTs to B for one event of A (docs/harness-protocol.md §7 fields; values are samples). */
export function sampleEventData(
  type: NotificationEvent,
  source: Partial<SourcePipeline> = {},
  base = 'https://app.harness.io',
): { eventData: Record<string, unknown> } {
  const acct = source.accountIdentifier ?? 'yourAccountId';
  const org = source.orgIdentifier ?? 'default';
  const project = source.projectIdentifier ?? 'your_project';
  const pipeline = source.pipelineIdentifier ?? 'pipeline_a';
  const planExecutionId = 'Xw3kP9sQTy2fZ1bVn7uLcA';
  const startTs = 1_767_225_600_000;
  const ended = type !== 'PipelineStart' && type !== 'StageStart' && type !== 'PipelinePaused';
  const endTs = ended ? startTs + 154_000 : null;
  const failed = NODE_STATUS[type] === 'failed';
  const pipelineUrl = `${base}/ng/account/${acct}/home/orgs/${org}/projects/${project}/pipelines/${pipeline}/pipeline-studio`;
  return {
    eventData: {
      accountIdentifier: acct,
      orgIdentifier: org,
      projectIdentifier: project,
      pipelineIdentifier: pipeline,
      pipelineName: source.pipelineName ?? pipeline,
      planExecutionId,
      executionUrl: `${base}/ng/account/${acct}/home/orgs/${org}/projects/${project}/pipelines/${pipeline}/executions/${planExecutionId}/pipeline`,
      pipelineUrl,
      eventType: type,
      nodeStatus: NODE_STATUS[type],
      triggeredBy: { triggerType: 'MANUAL', name: 'Jane Doe', email: 'jane.doe@example.com' },
      startTime: new Date(startTs).toUTCString(),
      startTs: Math.floor(startTs / 1000),
      endTime: endTs === null ? '' : new Date(endTs).toUTCString(),
      endTs: endTs === null ? 0 : Math.floor(endTs / 1000),
      errorMessage: failed ? 'Shell Script step failed: exit code 1' : '',
    },
  };
}

/** The notificationRules block to paste into pipeline A's YAML (under `pipeline:`). */
export function notificationRulesYaml(o: NotificationRuleInput): NotificationRuleOutput {
  const b = checkInput(o);
  const identifier = identifierFromName(o.name);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.secretId !== null) headers['X-Api-Key'] = `<+secrets.getValue("${o.secretId}")>`;
  const rule = {
    name: o.name.trim(),
    identifier,
    enabled: true,
    pipelineEvents: o.events.map((e) =>
      isStageEvent(e.type)
        ? { type: e.type, forStages: e.forStages && e.forStages.length > 0 ? e.forStages : ['AllStages'] }
        : { type: e.type },
    ),
    notificationMethod: { type: 'Webhook', spec: { webhookUrl: o.webhookUrl.trim(), headers } },
  };
  const yaml = stringify({ notificationRules: [rule] }, { lineWidth: 0 });
  const first = o.events[0];
  const warnings = notificationWarnings(o.events);
  if (o.secretId === null)
    warnings.push("No API key secret: B's trigger will refuse the call if its project mandates authorization.");
  return {
    yaml,
    identifier,
    warnings,
    sample: sampleEventData(
      first ? first.type : 'PipelineSuccess',
      { accountIdentifier: b.accountIdentifier, ...o.source },
      b.base,
    ),
  };
}
