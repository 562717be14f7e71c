import type { Clock, JobStatus } from '../../zendesk/index.ts';

/** The first look at a new job: Zendesk's own pace is not known until a job reports progress. */
const FIRST_LOOK_MS = 8_000;
/** Never poll more often than this (each poll is a request against the budget)… */
const MIN_GAP_MS = 1_500;
/** …nor leave a running job unseen longer than this. */
const MAX_GAP_MS = 20_000;

interface Tracked {
  tickets: number;
  submittedAt: number;
  expectedDoneAt: number;
  lastProgress: { at: number; done: number } | null;
}

/**
 * When to look at the running jobs again: when the first of them should be done, judged from how
 * fast Zendesk is really working (each job's progress, and how long finished jobs took), so a
 * send makes a handful of status requests instead of one every few seconds.
 */
export class JobClock {
  private readonly jobs = new Map<string, Tracked>();
  /** Milliseconds per ticket of finished jobs, including their time in the queue. */
  private perTicketMs: number | null = null;
  private lastPollAt = -Infinity;

  constructor(private readonly clock: Clock) {}

  submitted(jobId: string, tickets: number): void {
    const now = this.clock.now();
    const expected = this.perTicketMs === null ? now + FIRST_LOOK_MS : now + this.perTicketMs * tickets + 500;
    this.jobs.set(jobId, { tickets, submittedAt: now, expectedDoneAt: expected, lastProgress: null });
  }

  observed(job: JobStatus): void {
    const tracked = this.jobs.get(job.id);
    this.lastPollAt = this.clock.now();
    if (!tracked) return;
    const now = this.clock.now();
    const total = job.total ?? tracked.tickets;
    const done = job.progress ?? 0;
    let rate: number | null = null;
    if (tracked.lastProgress && done > tracked.lastProgress.done) {
      rate = (done - tracked.lastProgress.done) / (now - tracked.lastProgress.at);
    } else if (done > 0) rate = done / (now - tracked.submittedAt);
    const first = tracked.lastProgress === null;
    tracked.lastProgress = { at: now, done };
    if (!first && rate !== null && rate > 0) tracked.expectedDoneAt = now + (total - done) / rate + 250;
    else if (this.perTicketMs !== null)
      tracked.expectedDoneAt = Math.max(now + MIN_GAP_MS, tracked.submittedAt + this.perTicketMs * total + 250);
    // One progress figure does not tell the pace (the job may have waited in the queue): a second
    // look shortly after does.
    else if (done > 0) tracked.expectedDoneAt = now + MIN_GAP_MS * 1.5;
    else tracked.expectedDoneAt = now + FIRST_LOOK_MS / 2;
  }

  finished(job: JobStatus): void {
    const tracked = this.jobs.get(job.id);
    this.lastPollAt = this.clock.now();
    if (!tracked) return;
    // Zendesk says when the job completed ("Completed at 2026-11-23 09:00:27 +0000"); when it was
    // first seen done is later by however long the poll waited.
    const completedAt = completionTime(job.message) ?? this.clock.now();
    const took = (Math.min(completedAt, this.clock.now()) - tracked.submittedAt) / Math.max(1, tracked.tickets);
    this.perTicketMs = this.perTicketMs === null ? took : this.perTicketMs * 0.7 + took * 0.3;
    this.jobs.delete(job.id);
  }

  backOff(jobIds: readonly string[]): void {
    const now = this.clock.now();
    this.lastPollAt = now;
    for (const id of jobIds) {
      const tracked = this.jobs.get(id);
      if (tracked) tracked.expectedDoneAt = now + 5_000;
    }
  }

  /** The next poll time for these running jobs (a job resumed from the journal is looked at soon). */
  nextPollAt(jobIds: readonly string[]): number {
    if (jobIds.length === 0) return Infinity;
    const now = this.clock.now();
    for (const id of jobIds) {
      if (!this.jobs.has(id))
        this.jobs.set(id, { tickets: 100, submittedAt: now, expectedDoneAt: now, lastProgress: null });
    }
    const earliest = Math.min(...jobIds.map((id) => this.jobs.get(id)?.expectedDoneAt ?? now));
    return Math.min(Math.max(earliest, this.lastPollAt + MIN_GAP_MS), now + MAX_GAP_MS);
  }
}

function completionTime(message: string | null | undefined): number | undefined {
  const match = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})/.exec(message ?? '');
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
  return Number.isNaN(at) ? undefined : at;
}
