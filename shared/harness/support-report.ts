// The support report: the essentials of one event as Markdown, for a ticket or a chat. The whole
// text passes through the one `redact` at the end, so no key, token or marked secret can leak
// through any field (a payload that echoes a key, a message quoting a URL with its token).
import type { HistoryEntry, InspectResult } from '../watch-model';
import { redact, redactUrl } from './redact';

export interface ReportOptions {
  /** Values to mask wherever they appear (the vault's keys and secret headers). */
  secrets?: Iterable<string>;
  appVersion?: string;
  fire?: HistoryEntry | null;
  now?: number;
}

const MAX_BLOCK = 4000;

function iso(ms: number | null | undefined): string {
  return typeof ms === 'number' && ms > 0 ? new Date(ms).toISOString() : '—';
}

function duration(ms: number | null | undefined): string {
  if (typeof ms !== 'number') return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 100) / 10;
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A fenced block that cannot be closed early by the content. */
function block(text: string, lang = ''): string {
  const body =
    text.length > MAX_BLOCK ? `${text.slice(0, MAX_BLOCK)}\n… (${text.length - MAX_BLOCK} more characters)` : text;
  const fence = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${body}\n${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function supportReport(r: InspectResult, o: ReportOptions = {}): string {
  const out: string[] = [];
  const p = r.processing;
  const e = r.execution;
  out.push(`# Harness event ${r.phase === 'pending' ? '(queued)' : ''}`.trim(), '');
  out.push(`- **Summary:** ${r.headline}`);
  if (r.harnessLink) out.push(`- **Open in Harness:** ${r.harnessLink.url}`);
  out.push(`- **apiUrl:** ${redactUrl(r.apiUrl)}`);
  out.push(
    `- **Fetched:** ${iso(r.fetchedAt)} (HTTP ${r.httpStatus}${r.keySent ? ', with the trigger’s API key' : ', without an API key'})`,
  );
  if (r.needsPerson) out.push(`- **Needs a person:** ${r.needsPerson}`);
  if (r.explanation) out.push(`- **${r.explanation.title}:** ${r.explanation.detail}`);
  if (o.fire) {
    const f = o.fire;
    out.push('', '## The fire', '');
    out.push(
      `- **Trigger:** ${f.triggerName}`,
      `- **Sent:** ${iso(f.at)} (answer in ${duration(f.fireMs)})`,
      `- **URL:** ${f.request.url}`,
    );
    if (f.correlationId) out.push(`- **Harness correlationId:** ${f.correlationId}`);
    const headers = Object.entries(f.request.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    if (headers) out.push('', 'Headers sent:', '', block(headers));
  }
  if (p) {
    out.push('', '## Processing', '');
    out.push(`- **Status:** \`${p.status.status}\` — ${p.status.words}`);
    if (p.message) out.push(`- **Harness says:** ${p.message}`);
    if (p.sandboxNote) out.push(`- **Sandbox note (not Harness’s words):** ${p.sandboxNote}`);
    if (p.warning) out.push(`- **Warning:** ${p.warning}`);
    out.push(`- **Trigger / pipeline:** ${p.triggerIdentifier ?? '—'} / ${p.pipelineIdentifier ?? '—'}`);
    out.push(`- **Event received:** ${iso(p.eventCreatedAt)}`);
  }
  if (e) {
    out.push('', '## Execution', '');
    out.push(
      `- **Pipeline:** ${e.name} (${e.pipelineIdentifier}), run ${e.runSequence ?? '—'}, planExecutionId \`${e.planExecutionId}\``,
    );
    out.push(`- **Status:** \`${e.status.status}\` — ${e.status.words}`);
    out.push(`- **Started / ended:** ${iso(e.startTs)} / ${iso(e.endTs)} (${duration(e.durationMs)})`);
    const stages = r.steps.flatMap((s, i) => s.stages.map((st) => ({ st, step: i + 1, parallel: s.parallel })));
    if (stages.length > 0) {
      out.push('', '| # | stage | status | duration | failure |', '|---|---|---|---|---|');
      for (const { st, step, parallel } of stages) {
        out.push(
          `| ${step}${parallel ? ' ‖' : ''} | ${cell(st.name)} | ${st.status.status} | ${duration(st.durationMs)} | ${cell(st.failureMessage ?? '')} |`,
        );
      }
    }
  }
  if (r.failureMessages.length > 0) out.push('', '## Failure messages', '', ...r.failureMessages.map((m) => `- ${m}`));
  if (r.statuses.length > 0)
    out.push('', '## Statuses explained', '', ...r.statuses.map((s) => `- \`${s.status}\`: ${s.words}`));
  if (r.payload !== null) out.push('', '## Payload Harness received', '', block(r.payload));
  if (r.runtimeInput) out.push('', '## Runtime input', '', block(r.runtimeInput, 'yaml'));
  out.push(
    '',
    '---',
    `Trigger Desk ${o.appVersion ?? ''} · report made ${iso(o.now ?? r.fetchedAt)} · keys and tokens redacted`.replace(
      '  ',
      ' ',
    ),
    '',
  );
  return redact(out.join('\n'), o.secrets);
}
