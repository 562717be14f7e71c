import type { Details } from './errors.ts';
import { MAX_INFLIGHT_JOBS, type JobTiming } from './job-timing.ts';
import type { Random } from './prng.ts';
import type { TicketChanges } from './ticket-update.ts';
import type { TicketInput } from './ticket-model.ts';
import { DAY_MS } from './time.ts';
import type { JsonObject } from './types.ts';

export { MAX_INFLIGHT_JOBS };

export type JobItem =
  | { kind: 'create'; input: TicketInput }
  /** `consumesId`: the item failed after Zendesk gave it a ticket id (ids then have gaps, support-api.md §5.2). */
  | { kind: 'create_failed'; details: string; consumesId: boolean }
  | { kind: 'update'; ticketId: number; changes: TicketChanges };

export type JobType = 'create_many' | 'update_many';

/** Runs one item at clock time `at` and returns its entry for `job_status.results`. */
export type JobExecutor = (
  job: { type: JobType; actorId: number },
  item: JobItem,
  index: number,
  at: number,
) => JsonObject;

interface Job {
  id: string;
  seq: number;
  type: JobType;
  actorId: number;
  createdAt: number;
  startAt: number;
  /** When each item is done (clock ms), ascending. */
  itemEndsAt: number[];
  items: JobItem[];
  results: JsonObject[];
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed';

/** "Completed at 2018-03-08 10:07:04 +0000", as the job status example writes it (OAS). */
function completedMessage(ms: number): string {
  return `Completed at ${new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' +0000')}`;
}

/**
 * The account's job queue, on clock time. A job waits at least the start delay, then for a free
 * slot (`concurrency` jobs run at once, first come first served), then runs its items one after
 * another. Every request first advances the queue to `now`, running the items that are due in
 * time order across jobs, so tickets appear progressively and ids interleave as concurrent jobs'
 * would. All times are fixed when a job is queued (later jobs never delay earlier ones).
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly active = new Set<Job>();
  /** When each run slot is next free. */
  private readonly slotFreeAt: number[];
  private lastStartAt = -Infinity;
  private seq = 0;

  constructor(
    private readonly random: Random,
    readonly timing: JobTiming,
    private readonly execute: JobExecutor,
  ) {
    this.slotFreeAt = Array.from({ length: timing.concurrency }, () => -Infinity);
  }

  enqueue(type: JobType, items: JobItem[], actorId: number, now: number, slowFactor: number): string {
    const id = Array.from({ length: 4 }, () => this.random.int(0, 0xffffffff).toString(16).padStart(8, '0')).join('');
    const { perTicketMs, perTicketJitterMs, startDelayMs } = this.timing;
    const slot = this.slotFreeAt.indexOf(Math.min(...this.slotFreeAt));
    const startAt = Math.max(now + startDelayMs * slowFactor, this.slotFreeAt[slot] ?? now, this.lastStartAt);
    const itemEndsAt: number[] = [];
    let at = startAt;
    for (let i = 0; i < items.length; i++) {
      const jitter = perTicketJitterMs === 0 ? 0 : this.random.int(-perTicketJitterMs, perTicketJitterMs);
      at += Math.max(0, perTicketMs + jitter) * slowFactor;
      itemEndsAt.push(at);
    }
    this.slotFreeAt[slot] = at;
    this.lastStartAt = startAt;
    const job: Job = { id, seq: ++this.seq, type, actorId, createdAt: now, startAt, itemEndsAt, items, results: [] };
    this.jobs.set(id, job);
    this.active.add(job);
    return id;
  }

  /** Jobs still queued or working at `now`. */
  inflight(now: number): string[] {
    return [...this.active].filter((job) => !this.isDone(job, now)).map((job) => job.id);
  }

  advance(now: number): void {
    const due: Array<{ job: Job; index: number; at: number }> = [];
    for (const job of this.active) {
      for (let i = job.results.length; i < job.items.length; i++) {
        const at = job.itemEndsAt[i] ?? Infinity;
        if (at > now) break;
        due.push({ job, index: i, at });
      }
    }
    due.sort((a, b) => a.at - b.at || a.job.seq - b.job.seq || a.index - b.index);
    for (const { job, index, at } of due) {
      const item = job.items[index];
      if (item) job.results.push(this.execute(job, item, index, at));
      if (job.results.length === job.items.length) this.active.delete(job);
    }
  }

  /** The job_status JSON, or undefined when unknown or expired (job data lives one day, DOC-JOBS). */
  status(id: string, now: number, origin: string): JsonObject | undefined {
    const job = this.jobs.get(id);
    if (!job || now - job.createdAt > DAY_MS) return undefined;
    const state = this.stateAt(job, now);
    const finished = state === 'completed' || state === 'failed';
    return {
      id: job.id,
      url: `${origin}/api/v2/job_statuses/${job.id}.json`,
      job_type: job.type === 'create_many' ? 'bulk_create_job' : 'bulk_update_job',
      total: job.items.length,
      progress: state === 'queued' ? null : job.itemEndsAt.filter((at) => at <= now).length,
      status: state,
      message: finished ? completedMessage(this.finishedAt(job)) : null,
      // Results are only published once the job has finished (stricter than showing partial ones).
      results: finished ? job.results : null,
    };
  }

  /**
   * List Job Statuses: the caller's own jobs of the last day, finished ones first by completion,
   * then by creation, newest first (DOC-JOBS). Whether agents see only their own jobs is
   * (unverified): the stricter reading.
   */
  list(actorId: number, now: number, origin: string): JsonObject[] {
    const mine = [...this.jobs.values()].filter((job) => job.actorId === actorId && now - job.createdAt <= DAY_MS);
    const finishedAt = (job: Job) => (this.isDone(job, now) ? this.finishedAt(job) : Infinity);
    mine.sort((a, b) => finishedAt(b) - finishedAt(a) || b.createdAt - a.createdAt || b.seq - a.seq);
    return mine.flatMap((job) => {
      const status = this.status(job.id, now, origin);
      return status ? [status] : [];
    });
  }

  private finishedAt(job: Job): number {
    return job.itemEndsAt[job.itemEndsAt.length - 1] ?? job.startAt;
  }

  private isDone(job: Job, now: number): boolean {
    return now >= this.finishedAt(job);
  }

  private stateAt(job: Job, now: number): JobState {
    if (now < job.startAt) return 'queued';
    if (!this.isDone(job, now)) return 'working';
    // A job whose every item failed reports "failed" (CB-98); partial failures complete
    // ((unverified) which of the two Zendesk reports for those, support-api.md §5.3).
    const allFailed = job.results.length > 0 && job.results.every((r) => 'error' in r);
    return allFailed ? 'failed' : 'completed';
  }
}

export function describeDetails(details: Details): string {
  return Object.values(details)
    .flat()
    .map((d) => d.description)
    .join('; ');
}
