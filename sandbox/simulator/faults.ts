import type { Random } from './prng.ts';
import type { Reply } from './errors.ts';
import type { Faults } from './types.ts';

const ITEM_FAILURES = [
  'Requester: is suspended',
  'Base: Ticket could not be created, please try again',
  'Requester: Email is invalid',
] as const;

/**
 * Fault injection. Decisions come from their own seeded stream, so the same seed and the same
 * request sequence give the same faults (tests can rely on them) without disturbing the data.
 */
export class FaultInjector {
  private seen = 0;

  constructor(
    private faults: Faults,
    private readonly random: Random,
  ) {}

  get current(): Faults {
    return { ...this.faults };
  }

  set(faults: Faults): void {
    this.faults = { ...faults };
    this.seen = 0;
  }

  /** Job slots taken by other integrations' jobs (Faults.otherJobsInFlight). */
  get otherJobsInFlight(): number {
    return Math.max(0, Math.floor(this.faults.otherJobsInFlight ?? 0));
  }

  /** A burst of 429s that the account budget would not explain (Zendesk does this under load). */
  burst429(): Reply | undefined {
    const position = this.seen++;
    const burst = this.faults.burst429;
    if (!burst || burst.every <= 0 || burst.length <= 0) return undefined;
    if (position % (burst.every + burst.length) < burst.every) return undefined;
    return {
      status: 429,
      headers: { 'retry-after': String(burst.retryAfterSeconds) },
      body: { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' },
    };
  }

  /** 500, or 503 (with Retry-After half the time: a database deadlock, support-api.md §6). */
  serverError(): Reply | undefined {
    const rate = this.faults.serverErrorRate ?? 0;
    if (rate <= 0 || !this.random.chance(rate)) return undefined;
    const kind = this.random.int(0, 2);
    if (kind === 0) return { status: 500, body: { error: 'InternalServerError', description: 'Something went wrong' } };
    if (kind === 1) return { status: 503, headers: { 'retry-after': '3' }, body: 'Service Unavailable' };
    return { status: 503, body: 'Service Unavailable' };
  }

  /** A 502 or 504 sent after the work was done (the request's effects stay). */
  timeoutAfterProcessing(): Reply | undefined {
    const rate = this.faults.timeoutAfterProcessingRate ?? 0;
    if (rate <= 0 || !this.random.chance(rate)) return undefined;
    return this.random.int(0, 1) === 0
      ? { status: 502, body: 'Bad Gateway' }
      : { status: 504, body: 'Gateway Timeout' };
  }

  dropConnection(): boolean {
    const rate = this.faults.dropRate ?? 0;
    return rate > 0 && this.random.chance(rate);
  }

  /** Whether this POST is replayed by the browser after its connection dropped unanswered. */
  replayPost(): boolean {
    const rate = this.faults.replayPostRate ?? 0;
    return rate > 0 && this.random.chance(rate);
  }

  get slowJobFactor(): number {
    return this.faults.slowJobFactor ?? 1;
  }

  /**
   * The `details` of a create_many item that fails inside the job (jobItemFailureRate), or
   * undefined. Zendesk gives such items `{index, error: "TicketCreateFailed", details}` with
   * "Field: message" details (CB-98); which server-side failures produce which text is
   * (unverified), so these are plausible ones in that shape.
   */
  jobItemFailure(): string | undefined {
    const rate = this.faults.jobItemFailureRate ?? 0;
    if (rate <= 0 || !this.random.chance(rate)) return undefined;
    return this.random.pick(ITEM_FAILURES);
  }
}
