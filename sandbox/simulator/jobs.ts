import type { DemoAccount } from './account.ts';
import type { Details } from './errors.ts';
import type { Random } from './prng.ts';
import { buildTicket, normaliseTags, setTicketStatus, type TicketInput } from './ticket-model.ts';
import { DAY_MS, isoTime } from './time.ts';
import type { JsonObject } from './types.ts';

/** "≤30 queued or running at once, else TooManyJobs" (support-api.md §6). */
export const MAX_INFLIGHT_JOBS = 30;

export type JobItem =
  | { kind: 'create'; input: TicketInput }
  | { kind: 'create_failed'; details: string }
  | { kind: 'update'; ticketId: number; status: string | null; addTags: string[]; removeTags: string[] };

interface Job {
  id: string;
  type: 'create_many' | 'update_many';
  createdAt: number;
  startMs: number;
  perItemMs: number;
  items: JobItem[];
  results: JsonObject[];
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed';

/**
 * Background jobs whose state is a function of clock time: each request first advances every job
 * to `now`, creating the tickets that are due, so tickets appear progressively as a real job's do.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly account: DemoAccount,
    private readonly random: Random,
    private readonly latency: { startMs: number; perTicketMs: number } | undefined,
  ) {}

  enqueue(type: Job['type'], items: JobItem[], now: number, slowFactor: number): string {
    const id = Array.from({ length: 4 }, () => this.random.int(0, 0xffffffff).toString(16).padStart(8, '0')).join('');
    const startMs = (this.latency?.startMs ?? this.random.int(1000, 2000)) * slowFactor;
    const perItemMs = (this.latency?.perTicketMs ?? this.random.int(30, 50)) * slowFactor;
    this.jobs.set(id, { id, type, createdAt: now, startMs, perItemMs, items, results: [] });
    return id;
  }

  /** Jobs still queued or working at `now`. */
  inflight(now: number): string[] {
    return [...this.jobs.values()].filter((job) => !this.isDone(job, now)).map((job) => job.id);
  }

  advance(now: number): void {
    for (const job of this.jobs.values()) {
      const due = this.progressAt(job, now);
      while (job.results.length < due)
        this.runItem(job, job.results.length, job.createdAt + job.startMs + (job.results.length + 1) * job.perItemMs);
    }
  }

  /** The job_status JSON, or undefined when unknown or expired (job data lives one day, DOC-JOBS). */
  status(id: string, now: number, origin: string): JsonObject | undefined {
    const job = this.jobs.get(id);
    if (!job || now - job.createdAt > DAY_MS) return undefined;
    const progress = this.progressAt(job, now);
    const state = this.stateAt(job, now);
    const finished = state === 'completed' || state === 'failed';
    return {
      id: job.id,
      url: `${origin}/api/v2/job_statuses/${job.id}.json`,
      job_type: job.type === 'create_many' ? 'bulk_create_job' : 'bulk_update_job',
      total: job.items.length,
      progress: state === 'queued' ? null : progress,
      status: state,
      message: finished ? `Completed at ${isoTime(this.finishedAt(job))}` : null,
      // Results are only published once the job has finished (stricter than showing partial ones).
      results: finished ? job.results : null,
    };
  }

  private runItem(job: Job, index: number, at: number): void {
    const item = job.items[index];
    if (!item) return;
    if (item.kind === 'create') {
      const stored = buildTicket(this.account, item.input, at);
      job.results.push({ index, id: stored.ticket.id });
    } else if (item.kind === 'create_failed') {
      job.results.push({ index, error: 'TicketCreateFailed', details: item.details });
    } else {
      const stored = this.account.ticketsById.get(item.ticketId);
      if (!stored) {
        job.results.push({
          index,
          id: item.ticketId,
          action: 'update',
          status: 'Failed',
          success: false,
          error: 'RecordNotFound',
        });
        return;
      }
      if (item.status) setTicketStatus(stored, item.status, this.account, at);
      const removing = new Set(normaliseTags(item.removeTags));
      stored.ticket.tags = normaliseTags([...stored.ticket.tags, ...item.addTags]).filter((t) => !removing.has(t));
      stored.ticket.updated_at = isoTime(at);
      job.results.push({ id: item.ticketId, action: 'update', status: 'Updated', success: true });
    }
  }

  private progressAt(job: Job, now: number): number {
    const elapsed = now - job.createdAt - job.startMs;
    if (elapsed < 0) return 0;
    return Math.min(job.items.length, Math.floor(elapsed / job.perItemMs));
  }

  private finishedAt(job: Job): number {
    return job.createdAt + job.startMs + job.items.length * job.perItemMs;
  }

  private isDone(job: Job, now: number): boolean {
    return now >= this.finishedAt(job);
  }

  private stateAt(job: Job, now: number): JobState {
    if (now < job.createdAt + job.startMs) return 'queued';
    if (!this.isDone(job, now)) return 'working';
    // A job whose every item failed reports "failed" (CB-98); partial failures complete.
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
