// Pipeline chains: saved chains and their runs (chains.json), the runner that fires each step
// through the fire path, and their requests.
// The only entry from outside this folder (a lint rule holds it).
export { chainHandlers } from './handlers';
export { createChainRunner } from './run';
export type { ChainRunner } from './run';
