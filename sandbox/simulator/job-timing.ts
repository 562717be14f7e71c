/**
 * How fast the account's background jobs (create_many, update_many) go, on clock time.
 *
 * Zendesk does not publish job throughput (support-api.md §6: "(unverified); measure in a
 * trial"). Community reports put a 100-ticket create_many job at tens of seconds, so the default
 * is ~250 ms per ticket: a full job takes ~25 s. Stricter (slower) than the old 30–50 ms, so a
 * send engine that only works against an unrealistically fast Zendesk shows it here. (unverified)
 */
export interface JobTiming {
  /** Mean processing time of one item (ticket) of a job. */
  perTicketMs: number;
  /** Each item takes perTicketMs ± up to this much, drawn from the seed. */
  perTicketJitterMs: number;
  /** The least time a job waits in the queue before it starts, even with a free slot. */
  startDelayMs: number;
  /** How many jobs the account runs at once; the rest wait in the queue, first come first served. */
  concurrency: number;
}

/** "≤30 queued or running at once, else TooManyJobs" (support-api.md §6). */
export const MAX_INFLIGHT_JOBS = 30;

/** Default: 250 ± 50 ms a ticket, a 2 s queue start delay, every in-flight job running at once. */
export const DEFAULT_JOB_TIMING: Readonly<JobTiming> = {
  perTicketMs: 250,
  perTicketJitterMs: 50,
  startDelayMs: 2000,
  concurrency: MAX_INFLIGHT_JOBS,
};

/**
 * The timing in force: `jobTiming` over the defaults. The older `jobLatency` option (a fixed
 * start and per-ticket time, no jitter) still works and means exactly that.
 */
export function resolveJobTiming(
  jobTiming: Partial<JobTiming> | undefined,
  jobLatency?: { startMs: number; perTicketMs: number },
): JobTiming {
  const legacy: Partial<JobTiming> = jobLatency
    ? { startDelayMs: jobLatency.startMs, perTicketMs: jobLatency.perTicketMs, perTicketJitterMs: 0 }
    : {};
  const timing = { ...DEFAULT_JOB_TIMING, ...legacy, ...jobTiming };
  return {
    perTicketMs: Math.max(0, timing.perTicketMs),
    perTicketJitterMs: Math.max(0, Math.min(timing.perTicketJitterMs, timing.perTicketMs)),
    startDelayMs: Math.max(0, timing.startDelayMs),
    concurrency: Math.max(1, Math.floor(timing.concurrency)),
  };
}

/** Expected time from submitting one job of `tickets` items (into an idle queue) to its completion. */
export function expectedJobDurationMs(tickets: number, timing: JobTiming = DEFAULT_JOB_TIMING): number {
  return timing.startDelayMs + tickets * timing.perTicketMs;
}

/**
 * Expected time for the account to finish `tickets` tickets sent as jobs of `batchSize`, every job
 * submitted at once into an idle queue (the best a client can do, so a benchmark's floor): jobs
 * run `concurrency` at a time, first come first served. The 30 in-flight limit still makes a
 * client wait to submit past 30 jobs; that only adds to this.
 */
export function expectedBatchesDurationMs(
  tickets: number,
  batchSize = 100,
  timing: JobTiming = DEFAULT_JOB_TIMING,
): number {
  if (tickets <= 0) return 0;
  const slots: number[] = Array.from({ length: timing.concurrency }, () => timing.startDelayMs);
  let finish = 0;
  for (let left = tickets; left > 0; left -= batchSize) {
    const size = Math.min(batchSize, left);
    const slot = slots.indexOf(Math.min(...slots));
    const end = (slots[slot] ?? 0) + size * timing.perTicketMs;
    slots[slot] = end;
    finish = Math.max(finish, end);
  }
  return finish;
}
