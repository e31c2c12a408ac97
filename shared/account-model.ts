// A workspace's Harness account connection (docs/harness-protocol.md, "REST: the account"): the data
// its requests (account:* in shared/api.ts) answer with. Nothing here holds an API key: the page
// sees the key's KeyInfo (label, last four) only. Identifiers are Harness's own, verbatim.
import type { KeyInfo } from './model';
import type { StatusWords } from './watch-model';

/** Harness SaaS; a self-managed install gives its own base URL. */
export const DEFAULT_HARNESS_BASE = 'https://app.harness.io';

/** One per workspace. The key lives in the vault, and is sent only to `origin`. */
export interface AccountConnection {
  workspaceId: string;
  /** As given, without a trailing slash (e.g. https://app.harness.io, or a self-managed https://harness.example.com). */
  baseUrl: string;
  /** scheme://host[:port] of baseUrl: the only origin the key ever goes to. */
  origin: string;
  accountIdentifier: string;
  key: KeyInfo | null;
  createdAt: number;
  updatedAt: number;
  /** The last account:test, when there was one. */
  lastTest: AccountTest | null;
}

/** What the key may do, for one permission. `known` false: Harness could not be asked (see `words`). */
export interface Permission {
  allowed: boolean;
  known: boolean;
  /** Plain words, e.g. "may view pipelines", "may not approve: the key lacks core_pipeline_execute". */
  words: string;
}

/** The answer of account:test. */
export interface AccountTest {
  at: number;
  /** True when Harness accepted the key for this account. */
  ok: boolean;
  /** One sentence, e.g. "Connected to account px7xd_BFRCi as a read-only key: it may view pipelines but not execute or approve them." */
  summary: string;
  /** Where it was asked: the account, or the first org/project it could see (ACLs are per scope). */
  scope: { orgIdentifier: string | null; projectIdentifier: string | null };
  permissions: { view: Permission; execute: Permission; approve: Permission };
  /** Organizations the key can see (the first page). */
  organizations: number;
  notes: string[];
}

export interface AccountOrg {
  identifier: string;
  name: string;
}

export interface AccountProject {
  orgIdentifier: string;
  identifier: string;
  name: string;
}

export interface AccountPipeline {
  orgIdentifier: string;
  projectIdentifier: string;
  identifier: string;
  name: string;
}

/** Where an imported trigger stands against Harness. */
export type RemoteState = 'current' | 'changed' | 'deleted';

/** A custom webhook trigger as Harness lists it, with what the workspace has of it. */
export interface RemoteTrigger {
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  /** The pipeline's name when known (else its identifier). */
  pipelineName: string;
  identifier: string;
  name: string;
  /** Harness's "enabled" flag: a disabled trigger answers but starts nothing. */
  enabled: boolean;
  /** The stored trigger of this workspace imported from it, and how it compares (null: not imported). */
  imported: { triggerId: string; name: string; state: RemoteState } | null;
}

/** The answer of account:triggers. */
export interface RemoteTriggerList {
  triggers: RemoteTrigger[];
  /** Other triggers (cron, Git webhooks, artifact, ...) seen and left out: only custom webhooks can be imported. */
  otherTriggers: number;
  notes: string[];
}

/**
 * What Trigger Desk remembers of where an imported trigger came from (stored on the trigger as
 * `harness`): the identity an import matches on, and the YAML's hash as last imported.
 */
export interface HarnessOrigin {
  origin: string;
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string;
  triggerIdentifier: string;
  /** sha256 of the YAML as Harness gave it at the last import or refresh. */
  yamlHash: string;
  state: RemoteState;
  /** When the state was last checked against Harness. */
  checkedAt: number;
  importedAt: number;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export interface ImportItem {
  pipelineIdentifier: string;
  identifier: string;
  /** The name in Harness (the stored trigger's name, unless that was taken: then "name (2)"). */
  name: string;
  outcome: ImportOutcome;
  /** The stored trigger (null when failed). */
  triggerId: string | null;
  /** The webhook URL with its token masked. */
  url: string | null;
  /** For failed: why, in plain words; for updated: what changed. */
  detail: string | null;
}

/** The answer of account:import (and of the CLI's `harness import --json`). */
export interface ImportReport {
  workspaceId: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string | null;
  items: ImportItem[];
  counts: Record<ImportOutcome, number>;
  /** Imported triggers of this scope no longer in Harness: marked "deleted in Harness", never removed. */
  markedDeleted: { triggerId: string; name: string }[];
  notes: string[];
}

/** The answer of account:check: each imported trigger of the workspace compared with Harness. */
export interface CheckReport {
  items: { triggerId: string; name: string; state: RemoteState; detail: string | null }[];
  notes: string[];
}

/** Who or what started a run (executionTriggerInfo). */
export interface RunStarter {
  /** Harness's triggerType verbatim: MANUAL, WEBHOOK_CUSTOM, SCHEDULER_CRON, ... */
  type: string;
  /** Plain words, e.g. "Custom webhook trigger deploy_on_tag", "Manual run by ana@example.com". */
  words: string;
  /** triggeredBy.identifier: the trigger identifier, or the user's name. */
  identifier: string | null;
  email: string | null;
}

export interface RunSummary {
  planExecutionId: string;
  pipelineIdentifier: string;
  name: string;
  runSequence: number | null;
  status: StatusWords;
  startTs: number | null;
  endTs: number | null;
  startedBy: RunStarter;
  /** True while a Harness approval step waits (status ApprovalWaiting). */
  waitingApproval: boolean;
  orgIdentifier: string;
  projectIdentifier: string;
}

/** The answer of account:runs: one page, newest first. */
export interface RunsPage {
  runs: RunSummary[];
  /** 0-based, as Harness counts. */
  page: number;
  size: number;
  totalPages: number;
  totalItems: number;
}

/** One Harness approval instance of a run (type HarnessApproval only: Jira/ServiceNow are approved there). */
export interface ApprovalView {
  approvalInstanceId: string;
  planExecutionId: string;
  pipelineIdentifier: string;
  pipelineName: string;
  stageName: string;
  stepName: string;
  /** WAITING, APPROVED, REJECTED, FAILED, EXPIRED, ABORTED: Harness's value verbatim. */
  status: string;
  /** The approval message set in the step. */
  message: string;
  /** approvalActivities so far: who did what. */
  activities: { user: string; action: string; comments: string; at: number | null }[];
  /** Whether this key may act on it (GET .../harness/authorization), with Harness's reason when not. */
  canAct: { allowed: boolean; words: string };
}

/** The answer of account:approve. */
export interface ApprovalResult {
  accepted: boolean;
  /** The approval's status after the activity (APPROVED, REJECTED, or WAITING when more approvers are needed). */
  status: string;
  message: string;
}

/** Pushed while an account request runs longer than a blink (e.g. waiting out a 429). */
export interface AccountProgress {
  workspaceId: string;
  /** Plain words, e.g. "Harness asked to slow down (HTTP 429): waiting 4 s before page 3 of the triggers." */
  message: string;
  at: number;
}
