// The page's regex worker: runs one job to its end (renderer/features/conditions/regex-jobs.ts
// terminates it when the deadline passes first, and starts another).
import { executeJob, type RegexJob } from '../../../shared/harness/java-regex-run';

self.onmessage = (e: MessageEvent<{ key: string; job: RegexJob }>) => {
  const { key, job } = e.data;
  // The page's watchdog starts now: a worker's own start-up is not the pattern's time.
  self.postMessage({ key, started: true });
  try {
    self.postMessage({ key, answer: executeJob(job) });
  } catch (error) {
    self.postMessage({ key, failed: error instanceof Error ? error.message : String(error) });
  }
};
