// Workspaces (soft delete with undo), and the sandbox workspace: seeded on a first launch,
// following the sandbox to its port.
// The only entry from outside this folder (a lint rule holds it).
export { followSandbox, rememberedSandboxPort } from './sandbox-link';
export { restoreSandboxKeys, seedSandbox } from './sandbox-seed';
export {
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  purgeDeleted,
  renameWorkspace,
  restoreWorkspace,
} from './workspaces';
