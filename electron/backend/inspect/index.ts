// The inspector: any event read in plain words, and the support report.
// The only entry from outside this folder (a lint rule holds it).
export { inspectEvent, inspectReport } from './inspect';
