// The embedded sandbox as the backend sees it: a peer server that the host starts (Electron main,
// the web host) through the function it hands to createBackend, as it hands in resolveProxy. The
// backend never imports the sandbox, and the sandbox never imports the backend (a lint rule).

/** An example trigger the sandbox serves: seeded into the "Sandbox" workspace on a first launch. */
export interface SandboxExample {
  name: string;
  /** Harness's trigger identifier: a restored key is matched on it. */
  identifier: string;
  /** The working key, or null for an example without one. */
  apiKey: string | null;
  /** Exactly Harness's "Copy as cURL" text. */
  curl: string;
  /** The trigger's YAML as Harness keeps it: seeded with the trigger, so the lab works at once. */
  yaml: string;
}

export interface SandboxPeer {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  examples: SandboxExample[];
  /** Said when the preferred port was taken and another one is used (a notice in the page). */
  note: string | null;
  close(): Promise<void>;
}

/** Starts the sandbox on `preferredPort` (null or 0: any free port), else on a free one with a note. */
export type StartSandbox = (preferredPort: number | null) => Promise<SandboxPeer>;
