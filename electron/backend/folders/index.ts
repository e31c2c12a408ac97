// Folder workspaces: a workspace as a folder of plain files shared through git (docs/workspace-folders.md).
// The only entry from outside this folder (a lint rule holds it).
export { folderHandlers } from './handlers';
export { createSync, type FolderSync } from './sync';
export { parseFolder, renderFolder, slug, type FolderContent } from './serialize';
export { findSecret } from './scan';
