// The data that crosses the boundary between the backend and the page.
// Nothing here ever holds an API key or a secret header value: the page sees KeyInfo only.
import type { HarnessOrigin } from './account-model';

export interface Workspace {
  id: string;
  name: string;
  kind: 'sandbox' | 'user';
  createdAt: number;
}

/** What a custom webhook URL says, parsed but never rebuilt (docs/harness-protocol.md §1). */
export interface TriggerUrl {
  /** The URL exactly as the user gave it. */
  url: string;
  /** scheme://host[:port] */
  origin: string;
  /** Everything before `/gateway/pipeline/api/webhook/custom` (or before `/pipeline/api/...` on self-managed). */
  base: string;
  form: 'v2' | 'v3';
  /** The 22-character customWebhookToken of a v3 URL. */
  token: string | null;
  accountIdentifier: string;
  orgIdentifier: string;
  projectIdentifier: string;
  pipelineIdentifier: string | null;
  triggerIdentifier: string | null;
}

/** The only thing the page ever learns about a stored secret. */
export interface KeyInfo {
  id: string;
  label: string;
  last4: string;
}

export interface HeaderEntry {
  name: string;
  /** Empty when `secret` is set: the value lives in the vault. */
  value: string;
  secret: KeyInfo | null;
}

export interface Payload {
  id: string;
  name: string;
  body: string;
  updatedAt: number;
}

export interface Trigger {
  id: string;
  workspaceId: string;
  name: string;
  parsed: TriggerUrl;
  key: KeyInfo | null;
  /** Extra request headers (content-type and X-Api-Key are handled on their own). */
  headers: HeaderEntry[];
  contentType: string;
  payloads: Payload[];
  /** A production trigger asks for its name to be typed before a fire. */
  production: boolean;
  /** The trigger YAML from Harness, when known (pasted or fetched): what the conditions read. */
  yaml?: string;
  /** The values last given for the payload variables ({{tag}}). */
  variables?: Record<string, string>;
  /** Payload variables whose value lives in the vault: filled in by the backend only when firing. */
  secretVariables?: Record<string, KeyInfo>;
  /** Set when imported from a connected Harness account: where from, and whether it changed or went away there. */
  harness?: HarnessOrigin;
  createdAt: number;
  updatedAt: number;
}

export type VaultKind = 'keychain' | 'session';

export interface VaultStatus {
  kind: VaultKind;
  /** Plain-words warning shown while keys cannot be kept in the OS keychain. */
  warning: string | null;
}

export interface Settings {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** system: the OS / PAC (Electron) or HTTPS_PROXY/NO_PROXY (elsewhere); manual: `proxyUrl`; none: direct. */
  proxyMode: 'system' | 'manual' | 'none';
  proxyUrl: string;
  /** Extra CA certificates (PEM text), e.g. a private CA in front of self-managed Harness. */
  extraCaPem: string;
  theme: 'system' | 'light' | 'dark';
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  vault: VaultStatus;
  /** Base URL of the embedded Harness sandbox, when it runs. */
  sandboxBaseUrl: string | null;
  /** True the first time the app starts on a fresh data folder. */
  firstLaunch: boolean;
}

/** Which part of the app a notice is about: a store file, the history, the sandbox or the keychain. */
export type NoticeSource = 'data' | 'settings' | 'samples' | 'chains' | 'history' | 'sandbox' | 'keychain';

/**
 * Something the user should know that is not the answer to a request: a damaged file kept aside and
 * what was left out of it, history lines skipped, the sandbox on another port, no OS keychain.
 * Listed by `notices:list` until dismissed (docs/ARCHITECTURE.md).
 */
export interface Notice {
  id: string;
  source: NoticeSource;
  /** warning: something was lost or set aside; info: worth knowing, nothing was lost. */
  level: 'warning' | 'info';
  /** Plain words, redacted. */
  text: string;
  at: number;
}

/** A plain-words explanation of what happened and what to do. */
export interface Explanation {
  title: string;
  detail: string;
  action: string | null;
}

export interface FireResult {
  id: string;
  triggerId: string;
  at: number;
  durationMs: number;
  /** What was sent, redacted (URL token, key and secret headers masked). */
  request: { method: 'POST'; url: string; headers: Record<string, string>; bodyBytes: number; bodyIsJson: boolean };
  outcome: 'accepted' | 'rejected' | 'network-error';
  /** Absent when no answer came back. */
  response: { status: number; contentType: string; body: string } | null;
  event: { eventCorrelationId: string; apiUrl: string; uiUrl: string; uiSetupUrl: string } | null;
  /** Harness's own words, verbatim. */
  harness: { status: string; code: string; message: string; correlationId: string } | null;
  explanation: Explanation | null;
  notes: string[];
}
