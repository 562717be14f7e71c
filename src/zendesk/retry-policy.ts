import type { HttpMethod } from './transport.ts';

/**
 * `safe`: the caller made a repeat harmless (e.g. an Idempotency-Key on POST /api/v2/tickets).
 * `never`: report the first 5xx or lost connection as it is (429 is still waited out: Zendesk
 * rejected the request before doing anything with it).
 */
export type RetryMode = 'safe' | 'never';

/**
 * May we send this request again after a 5xx or a dropped connection? Zendesk may have done
 * the work before the failure, and a repeated create_many makes a customer get two tickets.
 */
export function mayRepeat(request: { method: HttpMethod; retry?: RetryMode }): boolean {
  if (request.retry === 'never') return false;
  if (request.retry === 'safe') return true;
  return request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE';
}

/**
 * Exponential backoff with full jitter (a random delay in [0, base·2^(n-1)], capped), so many
 * clients recovering from the same outage do not come back in lock-step.
 */
export function backoffDelayMs(
  failures: number,
  options: { baseMs: number; maxMs: number },
  random: () => number,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling * r);
}

/** TooManyJobs (≤30 background jobs queued or running) is a 429 too, but waits on jobs, not on the minute. */
export function isTooManyJobs(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === 'TooManyJobs';
}
