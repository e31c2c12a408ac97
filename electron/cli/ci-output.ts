// What `fire` leaves behind for the rest of a CI job: `key=value` lines (GITHUB_OUTPUT in GitHub
// Actions, or the --output FILE a Jenkins `readProperties` or a GitLab dotenv report reads) and a
// short Markdown summary with the stage table (GITHUB_STEP_SUMMARY). Values are one line each.
import { appendFileSync, writeFileSync } from 'node:fs';
import type { FireResult } from '../../shared/model';
import type { EventView } from '../../shared/watch-model';
import { BadInput } from './failure';

export interface FireRecord {
  triggerName: string;
  result: FireResult;
  /** The last view of the event, when it was followed (or read once). */
  view: EventView | null;
  /** Set when --timeout ran out while the run went on. */
  timedOutAfterMs: number | null;
}

const OUTPUT_KEYS = [
  'event_correlation_id',
  'api_url',
  'ui_url',
  'plan_execution_id',
  'execution_url',
  'status',
] as const;
export type Outputs = Record<(typeof OUTPUT_KEYS)[number], string>;

/**
 * The run's page in Harness, built from uiUrl's form (the event's answer carries no execution link):
 * `…/deployments?pipelineIdentifier=PL&page=0` → `…/pipelines/PL/executions/ID/pipeline`.
 */
export function executionUrl(uiUrl: string, planExecutionId: string, pipeline: string | null): string {
  const m = /^(https?:\/\/[^?#]*#?\/account\/[^?]+?)\/deployments\?(.*)$/.exec(uiUrl);
  if (!m?.[1]) return '';
  const pl = pipeline ?? new URLSearchParams(m[2] ?? '').get('pipelineIdentifier');
  if (!pl) return '';
  return `${m[1]}/pipelines/${encodeURIComponent(pl)}/executions/${encodeURIComponent(planExecutionId)}/pipeline`;
}

/** Harness's own status value: the run's, else the event's processing, else what the fire came to. */
function statusOf(r: FireRecord): string {
  return r.view?.execution?.status.status ?? r.view?.processing?.status.status ?? r.result.outcome;
}

export function outputsOf(r: FireRecord): Outputs {
  const e = r.result.event;
  const run = r.view?.execution ?? null;
  return {
    event_correlation_id: e?.eventCorrelationId ?? '',
    api_url: e?.apiUrl ?? '',
    ui_url: e?.uiUrl ?? '',
    plan_execution_id: run?.planExecutionId ?? '',
    execution_url: run && e ? executionUrl(e.uiUrl, run.planExecutionId, run.pipelineIdentifier) : '',
    status: statusOf(r),
  };
}

/** `key=value` lines; a line break in a value would start a new key, so it becomes a space. */
export function outputLines(o: Outputs): string {
  return OUTPUT_KEYS.map((k) => `${k}=${o[k].replace(/[\r\n]+/g, ' ')}\n`).join('');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const secs = (ms: number | null): string => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`);

export function summaryMarkdown(r: FireRecord): string {
  const o = outputsOf(r);
  const lines = [`### Trigger Desk: ${cell(r.triggerName)}`, ''];
  const res = r.result;
  if (res.outcome !== 'accepted') {
    const why = res.explanation ? `${res.explanation.title}. ${res.explanation.detail}` : (res.harness?.message ?? '');
    const head = res.outcome === 'network-error' ? 'Not sent' : `Refused (HTTP ${res.response?.status ?? '?'})`;
    lines.push(`**${head}**: ${cell(why)}`, '');
    return `${lines.join('\n')}\n`;
  }
  const v = r.view;
  const state =
    r.timedOutAfterMs !== null
      ? `Still running after ${secs(r.timedOutAfterMs)}: ${v?.headline ?? 'no answer yet'}`
      : (v?.headline ?? 'Accepted by Harness');
  const run = v?.execution;
  const links = [
    run
      ? `run ${o.execution_url ? `[${cell(run.name)} #${run.runSequence ?? '?'}](${o.execution_url})` : cell(run.name)}`
      : '',
    `event \`${o.event_correlation_id}\``,
    o.api_url ? `[event details](${o.api_url})` : '',
  ].filter((x) => x !== '');
  lines.push(`**${cell(state)}** (\`${o.status}\`)`, '', links.join(' · '), '');
  const stages = v?.steps.flatMap((s) => s.stages) ?? [];
  if (stages.length > 0) {
    lines.push('| Stage | Status | Time |', '|---|---|---|');
    for (const s of stages)
      lines.push(
        `| ${cell(s.name)} | ${cell(s.status.words)}${s.failureMessage ? `: ${cell(s.failureMessage)}` : ''} | ${secs(s.durationMs)} |`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (appended to, as GitHub expects) when set, and --output
 * FILE (written whole). A file that cannot be written is bad input: the job should not go on
 * without the values it asked for.
 */
export function writeCiFiles(r: FireRecord, env: Record<string, string | undefined>, output: string | undefined): void {
  const lines = outputLines(outputsOf(r));
  const write = (what: string, path: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      throw new BadInput(`cannot write ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  };
  const gh = env.GITHUB_OUTPUT;
  if (gh) write('GITHUB_OUTPUT', gh, () => appendFileSync(gh, lines));
  const summary = env.GITHUB_STEP_SUMMARY;
  if (summary) write('GITHUB_STEP_SUMMARY', summary, () => appendFileSync(summary, summaryMarkdown(r)));
  if (output !== undefined) write('--output', output, () => writeFileSync(output, lines));
}
