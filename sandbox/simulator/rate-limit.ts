import { MINUTE_MS } from './time.ts';

export interface BucketCheck {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * A request budget on clock time, in fixed windows (a minute unless `windowMs` says otherwise)
 * aligned to the epoch. Zendesk's own windows are not documented in detail; fixed windows make
 * "400 in a minute, then Retry-After until the minute ends" exact and testable.
 */
export class MinuteBucket {
  private window = -1;
  private used = 0;

  constructor(
    public limit: number,
    private readonly windowMs: number = MINUTE_MS,
  ) {}

  check(now: number): BucketCheck {
    this.roll(now);
    const resetSeconds = Math.max(1, Math.ceil(((this.window + 1) * this.windowMs - now) / 1000));
    return {
      allowed: this.used < this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetSeconds,
    };
  }

  take(now: number): void {
    this.roll(now);
    this.used++;
  }

  reset(): void {
    this.window = -1;
    this.used = 0;
  }

  private roll(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
  }
}

export function rateLimitHeaders(check: BucketCheck, afterTaking: boolean): Record<string, string> {
  const remaining = String(Math.max(0, check.remaining - (afterTaking ? 1 : 0)));
  return {
    'x-rate-limit': String(check.limit),
    'x-rate-limit-remaining': remaining,
    'ratelimit-limit': String(check.limit),
    'ratelimit-remaining': remaining,
    'ratelimit-reset': String(check.resetSeconds),
  };
}

/** Header value form `total=…; remaining=…; resets=…` used by the endpoint-specific buckets. */
export function bucketHeader(check: BucketCheck, afterTaking: boolean): string {
  const remaining = Math.max(0, check.remaining - (afterTaking ? 1 : 0));
  return `total=${check.limit}; remaining=${remaining}; resets=${check.resetSeconds}`;
}
