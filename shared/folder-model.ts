// Folder workspaces: a workspace kept as a folder of plain files that a team shares through git
// (docs/workspace-folders.md for the layout, docs/ARCHITECTURE.md for how it is kept in step).
// Nothing here ever holds a secret: keys and secret header values are named by a keychain
// reference; each person's keychain (the vault) holds the values.

/** A file in the folder that could not be read; what it held keeps its last good state. */
export interface FolderProblem {
  /** Relative to the folder, with forward slashes (e.g. `triggers/deploy-api.yaml`). */
  path: string;
  /** 1-based; null when the problem has no place in the text (e.g. a missing payload file). */
  line: number | null;
  column: number | null;
  /** Plain words, e.g. "Nested mappings are not allowed in compact mappings". */
  message: string;
}

/** Something one person must supply before a trigger of a folder workspace can fire. */
export interface FolderNeed {
  triggerId: string;
  triggerName: string;
  /** key: the API key; header: a secret header value; variable: a secret payload variable; token: the v3 webhook token. */
  kind: 'key' | 'header' | 'variable' | 'token';
  /** The keychain reference name to supply with `folders:setSecret` (null for the token: `folders:supplyToken`). */
  ref: string | null;
  /** Plain words, e.g. 'needs key "prod-harness" (folders:setSecret, or HARNESS_API_KEY for the CLI)'. */
  text: string;
}

/** The state of one folder workspace, answered by the folders:* requests and pushed on `folder:status`. */
export interface FolderStatus {
  workspaceId: string;
  /** Absolute path of the folder. */
  dir: string;
  /** True: v3 webhook tokens are written into the folder (off by default). */
  shareTokens: boolean;
  /** True while the app follows changes made on disk (a git pull). */
  watching: boolean;
  /** Files that do not parse now (the rest of the workspace works). */
  problems: FolderProblem[];
  /** What this person still has to supply, per trigger. */
  needs: FolderNeed[];
  /** When the folder was last read or written by the app (ms since epoch), or null. */
  syncedAt: number | null;
}

/** What a write or a read of a folder did: files relative to the folder. */
export interface FolderWrite {
  dir: string;
  files: string[];
}
