// The composer's worker: JSON validation and path checks of a payload of any size, off the typing
// path. Only the newest request per editor is worked on; older ones still queued are dropped.
import { analyze, type AnalyzeRequest } from './analysis';

const latest = new Map<string, number>();
// The page's lib types `self` as a Window; in a dedicated worker postMessage takes the message only.
const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', l: (e: MessageEvent<AnalyzeRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  const r = event.data;
  latest.set(r.key, r.seq);
  // Let queued messages arrive first, so a burst of edits is analysed once.
  setTimeout(() => {
    if (latest.get(r.key) !== r.seq) return;
    scope.postMessage(analyze(r));
  }, 0);
});
