// The Node side of the regex deadline (shared/harness/java-regex-run.ts): a pattern that needs
// backtracking runs inside vm.runInContext with a timeout, whose watchdog interrupts even a
// catastrophic V8 regex. The thread is held until the answer or the deadline (~100 ms per
// evaluation at most), never longer. Importing this module installs it; every Node entry that
// evaluates conditions (the CLI's match, the sandbox, the backend) imports it.
import vm from 'node:vm';
import {
  executeJob,
  forgetJavaRegex,
  setBoundedRunner,
  type BoundedRunner,
  type RegexJob,
} from '../shared/harness/java-regex-run';

const context = vm.createContext({ job: null as RegexJob | null, execute: executeJob });
const script = new vm.Script('execute(job)');

/** Runs one job with a watchdog of `ms`: the answer, or 'too-long'. */
export const vmRunner: BoundedRunner = (job, ms) => {
  context.job = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) }) as ReturnType<typeof executeJob>;
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
    forgetJavaRegex(job.pattern, job.dotAll);
    return 'too-long';
  } finally {
    context.job = null;
  }
};

setBoundedRunner(vmRunner);
