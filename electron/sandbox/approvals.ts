// Harness approval instances of the sandbox's runs: one per run whose approval stage has started,
// with an id of Harness's shape, its status read from the run (WAITING while it waits) and the
// activity recorded when it is approved or rejected over REST.
import { harnessUuid } from './ids';
import { runState, type RunRecord } from './runs';

export interface Activity {
  user: string;
  action: 'APPROVE' | 'REJECT';
  comments: string;
  at: number;
}

interface Instance {
  id: string;
  run: RunRecord;
  activity: Activity | null;
}

export class Approvals {
  private readonly byRun = new Map<string, Instance>();
  private readonly byId = new Map<string, Instance>();

  /** The run's approval instance, once its approval stage has started (null before, or without one). */
  of(run: RunRecord, now: number): Instance | null {
    const known = this.byRun.get(run.planExecutionId);
    if (known) return known;
    const stage = runState(run, now)
      .steps.flatMap((s) => s.stages)
      .find((s) => s.def.type === 'Approval' && s.startTs !== null);
    if (!stage) return null;
    const inst: Instance = { id: harnessUuid(), run, activity: null };
    this.byRun.set(run.planExecutionId, inst);
    this.byId.set(inst.id, inst);
    return inst;
  }

  get(id: string): Instance | undefined {
    return this.byId.get(id);
  }

  /** Harness's ApprovalStatus for the instance now. */
  status(inst: Instance, now: number): string {
    const run = inst.run;
    if (run.decision) return run.decision.approved ? 'APPROVED' : 'REJECTED';
    const state = runState(run, now);
    if (state.status === 'ApprovalWaiting') return 'WAITING';
    return run.abortedAt !== null ? 'ABORTED' : 'EXPIRED';
  }

  stageName(inst: Instance): string {
    for (const step of inst.run.trigger.steps) {
      const defs = 'parallel' in step ? step.parallel : [step];
      const d = defs.find((x) => x.type === 'Approval');
      if (d) return d.name;
    }
    return '';
  }

  clear(): void {
    this.byRun.clear();
    this.byId.clear();
  }
}
