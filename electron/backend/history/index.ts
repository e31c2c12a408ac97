// The fire history: history.jsonl, its in-memory index and search.
// The only entry from outside this folder (a lint rule holds it).
export { HISTORY_FILE } from './file';
export { openHistory } from './history';
export type { HistoryNotice, HistoryService } from './history';
