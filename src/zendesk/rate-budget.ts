const MINUTE_MS = 60_000;

/**
 * The per-minute request budget, so the client paces itself instead of collecting 429s.
 *
 * Two sources, the stricter wins:
 * - a sliding window over our own sends, capped at the configured rpm or the limit Zendesk
 *   announces (`ratelimit-limit` / `X-Rate-Limit`). At most `limit` sends in ANY 60 s span also
 *   keeps every fixed minute window Zendesk counts in under the limit;
 * - Zendesk's own count (`ratelimit-remaining` + `ratelimit-reset`), which also sees requests from
 *   other agents and apps on the same account.
 *
 * With a `share` below 1 the app takes at most that part of the account's announced limit, and
 * also holds back while Zendesk counts less than the rest as remaining: the agents working in
 * Zendesk at the same time share the same budget and must never be the ones throttled.
 */
export class RateBudget {
  private readonly sends: number[] = [];
  private learnedLimit: number | undefined;
  private server: { remaining: number; resetAt: number } | undefined;

  constructor(
    private readonly configuredRpm: number | undefined,
    private readonly share = 1,
  ) {}

  /** The per-minute cap in force: the configured rpm, lowered to our share of Zendesk's announced limit. */
  get limit(): number | undefined {
    const { configuredRpm } = this;
    const learned =
      this.learnedLimit === undefined ? undefined : Math.max(1, Math.floor(this.learnedLimit * this.share));
    if (configuredRpm === undefined) return learned;
    return learned === undefined ? configuredRpm : Math.min(configuredRpm, learned);
  }

  /** Requests Zendesk must still count as remaining before we send one: what the agents need. */
  private get reserve(): number {
    return this.learnedLimit === undefined ? 0 : Math.floor(this.learnedLimit * (1 - this.share));
  }

  /** The earliest time a request may be sent (≤ now means: go). */
  nextSlotAt(now: number): number {
    let at = now;
    const limit = this.limit;
    if (limit !== undefined) {
      this.forget(now);
      if (this.sends.length >= limit) {
        const oldestBlocking = this.sends[this.sends.length - limit];
        if (oldestBlocking !== undefined) at = Math.max(at, oldestBlocking + MINUTE_MS);
      }
    }
    if (this.server !== undefined && this.server.remaining <= this.reserve && this.server.resetAt > now) {
      at = Math.max(at, this.server.resetAt);
    }
    return at;
  }

  recordSend(now: number): void {
    this.forget(now);
    this.sends.push(now);
    if (this.server !== undefined) {
      if (this.server.resetAt <= now) this.server = undefined;
      else this.server.remaining -= 1;
    }
  }

  /** Learns from any response's headers (lower-case names). */
  learn(headers: Record<string, string>, now: number): void {
    const limit = positiveInt(headers['ratelimit-limit'] ?? headers['x-rate-limit']);
    if (limit !== undefined) this.learnedLimit = limit;
    const remaining = nonNegativeInt(headers['ratelimit-remaining'] ?? headers['x-rate-limit-remaining']);
    const reset = nonNegativeInt(headers['ratelimit-reset']);
    if (remaining === undefined || reset === undefined) return;
    const resetAt = now + reset * 1000;
    // Responses of one window arrive out of order under concurrency: keep the lowest count we
    // have seen for the window (our own sends are already subtracted); a later reset is a new window.
    if (this.server === undefined || resetAt > this.server.resetAt + 1000) this.server = { remaining, resetAt };
    else this.server.remaining = Math.min(this.server.remaining, remaining);
  }

  /** Sends a full minute old no longer count against any window that includes `now`. */
  private forget(now: number): void {
    while (this.sends.length > 0 && (this.sends[0] ?? now) <= now - MINUTE_MS) this.sends.shift();
  }
}

function nonNegativeInt(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

function positiveInt(raw: string | undefined): number | undefined {
  const n = nonNegativeInt(raw);
  return n === undefined || n === 0 ? undefined : n;
}
