import pLimit, { type LimitFunction } from 'p-limit';
import type { Clock } from './clock.ts';
import { retryAfterSeconds } from './errors.ts';
import { RateBudget } from './rate-budget.ts';
import { backoffDelayMs, isTooManyJobs, mayRepeat, type RetryMode } from './retry-policy.ts';
import type { HttpMethod, TransportResponse } from './transport.ts';

export interface SchedulerOptions {
  /** Requests in flight at once. */
  concurrency: number;
  /**
   * Our own per-minute budget, e.g. 100 for a ZAF app (Zendesk's per-user-per-app limit). The
   * limit Zendesk announces in `ratelimit-limit` lowers it further once learned.
   */
  rpm: number | undefined;
  /**
   * The part (0–1] of the account's per-minute limit the app may use; the rest is left for the
   * agents and other integrations on the account. 1 uses it all.
   */
  budgetShare: number;
  /** Sends per request after 5xx / lost connections (the first try included). */
  maxAttempts: number;
  /** 429 retries per request before the 429 is reported. */
  maxRateLimitRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** When a 429 carries neither `Retry-After` nor `ratelimit-reset`. */
  defaultRetryAfterSeconds: number;
  /**
   * Endpoints with their own per-minute bucket on top of the account's, matched on the URL. A
   * capture group splits the bucket (e.g. one per view id).
   */
  endpointRpm: ReadonlyArray<{ path: RegExp; rpm: number }>;
}

/**
 * Inside Zendesk an app gets 100 requests/min per user (client level) on top of the account's
 * plan limit, and Zendesk does not announce it in headers: configure it as `rpm` there.
 */
export const ZAF_APP_RPM = 100;

export const defaultSchedulerOptions: SchedulerOptions = {
  concurrency: 4,
  rpm: undefined,
  budgetShare: 1,
  maxAttempts: 5,
  maxRateLimitRetries: 10,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  defaultRetryAfterSeconds: 60,
  // /search/export: 100 requests/min per account, counted on top of the account limit.
  endpointRpm: [
    { path: /^(?:[a-z]+:\/\/[^/]+)?\/api\/v2\/search\/export(?:\.json)?(?:\?|$)/i, rpm: 100 },
    // /views/{id}/count: 5 requests/min per view per agent (support-api.md §7).
    { path: /^(?:[a-z]+:\/\/[^/]+)?\/api\/v2\/views\/(\d+)\/count(?:\.json)?(?:\?|$)/i, rpm: 5 },
  ],
};

/**
 * rate_limited: Zendesk answered 429 (everyone waits `Retry-After`); retry_after: 503 with
 * `Retry-After` (everyone waits); backoff: this request waits after a 5xx / lost connection;
 * budget: pacing to stay inside the per-minute budget.
 */
export type WaitReason = 'rate_limited' | 'retry_after' | 'backoff' | 'budget';
export interface WaitEvent {
  reason: WaitReason;
  untilMs: number;
}

export interface ScheduledRequest {
  method: HttpMethod;
  url: string;
  retry?: RetryMode;
}

type Outcome = { response: TransportResponse } | { failure: unknown } | { endpointBusyUntil: number };

/**
 * Decides when each request goes out and whether it goes out again. It returns the final HTTP
 * response (2xx or not) or rethrows the transport's failure; turning those into values and
 * errors is the client's job.
 */
export class RequestScheduler {
  private readonly options: SchedulerOptions;
  private readonly limit: LimitFunction;
  private readonly budget: RateBudget;
  private readonly endpointBudgets = new Map<string, RateBudget>();
  private readonly listeners = new Set<(wait: WaitEvent) => void>();
  private pause: WaitEvent | undefined;
  private lastAnnounced: WaitEvent | undefined;

  constructor(
    private readonly clock: Clock,
    options: Partial<SchedulerOptions> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...defaultSchedulerOptions, ...options };
    this.limit = pLimit(Math.max(1, this.options.concurrency));
    this.budget = new RateBudget(this.options.rpm, Math.min(1, Math.max(0.05, this.options.budgetShare)));
  }

  onWait(listener: (wait: WaitEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The per-minute cap currently applied (configured or learned), if any. */
  get rpm(): number | undefined {
    return this.budget.limit;
  }

  async run(
    request: ScheduledRequest,
    send: () => Promise<TransportResponse>,
    signal?: AbortSignal,
  ): Promise<TransportResponse> {
    let failures = 0;
    let rateLimited = 0;
    const own = this.budgetsFor(request.url);
    for (;;) {
      const outcome = await this.inSlot(async (): Promise<Outcome> => {
        const endpointBusyUntil = await this.waitForTurn(own, signal);
        if (endpointBusyUntil !== undefined) return { endpointBusyUntil };
        try {
          const response = await send();
          // Learn before the slot is released, so the next queued request already sees the pause.
          this.learnFrom(response, own.length > 0);
          return { response };
        } catch (failure) {
          return { failure };
        }
      }, signal);
      const now = this.clock.now();
      if ('endpointBusyUntil' in outcome) {
        // Waited for outside the concurrency slot, so other endpoints keep flowing meanwhile.
        await this.wait({ reason: 'budget', untilMs: outcome.endpointBusyUntil }, signal);
        continue;
      }
      if ('failure' in outcome) {
        failures += 1;
        if (!mayRepeat(request) || failures >= this.options.maxAttempts) throw outcome.failure;
        await this.wait({ reason: 'backoff', untilMs: now + this.backoff(failures) }, signal);
        continue;
      }
      const { response } = outcome;
      if (response.status === 429) {
        rateLimited += 1;
        if (rateLimited > this.options.maxRateLimitRetries) return response;
        // TooManyJobs clears when jobs finish, and an endpoint's own limit concerns that endpoint
        // only: in both cases only this request waits.
        if (isTooManyJobs(response.body) || isEndpointLimited(response, own.length > 0)) {
          await this.wait(
            { reason: 'rate_limited', untilMs: now + this.rateLimitSeconds(response, now) * 1000 },
            signal,
          );
        }
        continue;
      }
      if (response.status >= 500) {
        failures += 1;
        const retryAfter = response.status === 503 ? retryAfterSeconds(response.headers, now) : undefined;
        if (!mayRepeat(request) || failures >= this.options.maxAttempts) return response;
        if (retryAfter === undefined) {
          await this.wait({ reason: 'backoff', untilMs: now + this.backoff(failures) }, signal);
        }
        continue;
      }
      return response;
    }
  }

  /**
   * Budget headers, and the pauses that hold every request: a 429 (the account is over its
   * limit, so anything we send is wasted) and a 503 with Retry-After (Zendesk asking everyone to
   * hold off, even when this request itself is not repeated).
   */
  private learnFrom(response: TransportResponse, hasOwnBucket: boolean): void {
    const now = this.clock.now();
    this.budget.learn(response.headers, now);
    if (response.status === 429 && !isTooManyJobs(response.body) && !isEndpointLimited(response, hasOwnBucket)) {
      this.pauseEveryone({ reason: 'rate_limited', untilMs: now + this.rateLimitSeconds(response, now) * 1000 });
    }
    if (response.status === 503) {
      const retryAfter = retryAfterSeconds(response.headers, now);
      if (retryAfter !== undefined) this.pauseEveryone({ reason: 'retry_after', untilMs: now + retryAfter * 1000 });
    }
  }

  /** The endpoint buckets a URL falls in, created on first use (one per rule and capture). */
  private budgetsFor(url: string): RateBudget[] {
    return this.options.endpointRpm.flatMap(({ path, rpm }, rule) => {
      const match = path.exec(url);
      if (!match) return [];
      const key = `${rule}:${match[1] ?? ''}`;
      let budget = this.endpointBudgets.get(key);
      if (!budget) {
        budget = new RateBudget(rpm);
        this.endpointBudgets.set(key, budget);
      }
      return [budget];
    });
  }

  private rateLimitSeconds(response: TransportResponse, now: number): number {
    const fromHeader = retryAfterSeconds(response.headers, now);
    if (fromHeader !== undefined) return fromHeader;
    const reset = Number(response.headers['ratelimit-reset']);
    return Number.isFinite(reset) && reset >= 0 ? reset : this.options.defaultRetryAfterSeconds;
  }

  private backoff(failures: number): number {
    return backoffDelayMs(
      failures,
      { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs },
      this.random,
    );
  }

  private pauseEveryone(wait: WaitEvent): void {
    if (this.pause === undefined || wait.untilMs > this.pause.untilMs) this.pause = wait;
  }

  /**
   * Waits out a shared pause and the account budget, then claims a send (synchronously, so no
   * race). An endpoint bucket that is full returns its free time instead of waiting in the slot.
   */
  private async waitForTurn(own: readonly RateBudget[], signal: AbortSignal | undefined): Promise<number | undefined> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      if (this.pause !== undefined && this.pause.untilMs > now) {
        await this.wait(this.pause, signal);
        continue;
      }
      const endpointAt = Math.max(now, ...own.map((b) => b.nextSlotAt(now)));
      if (endpointAt > now) return endpointAt;
      const slotAt = this.budget.nextSlotAt(now);
      if (slotAt > now) {
        await this.wait({ reason: 'budget', untilMs: slotAt }, signal);
        continue;
      }
      this.budget.recordSend(now);
      for (const budget of own) budget.recordSend(now);
      return undefined;
    }
  }

  private async wait(wait: WaitEvent, signal: AbortSignal | undefined): Promise<void> {
    const ms = wait.untilMs - this.clock.now();
    if (ms <= 0) return;
    this.announce(wait);
    await this.clock.sleep(ms, signal);
  }

  private announce(wait: WaitEvent): void {
    const last = this.lastAnnounced;
    if (last !== undefined && last.reason === wait.reason && last.untilMs === wait.untilMs) return;
    this.lastAnnounced = wait;
    for (const listener of this.listeners) {
      try {
        listener({ ...wait });
      } catch {
        // A broken UI listener must not break the request flow.
      }
    }
  }

  /**
   * p-limit cannot take a task out of its queue, so a request aborted while queued is rejected
   * at once and its task exits without sending when its turn comes. Once sent, the request runs
   * to its response: the caller must learn whether a POST happened.
   */
  private inSlot<T>(task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal === undefined) return this.limit(task);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      let started = false;
      const onAbort = () => {
        if (!started) reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.limit(async () => {
        signal.throwIfAborted();
        started = true;
        return task();
      })
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}

/**
 * A 429 on a request with its own endpoint limit, while Zendesk still counts account budget
 * left: that endpoint's limit, not the account's, so other requests need not stop.
 */
function isEndpointLimited(response: TransportResponse, hasOwnBucket: boolean): boolean {
  if (!hasOwnBucket) return false;
  const remaining = Number(response.headers['ratelimit-remaining'] ?? response.headers['x-rate-limit-remaining']);
  return !(Number.isFinite(remaining) && remaining <= 0);
}
