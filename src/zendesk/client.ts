import type { z } from 'zod';
import { systemClock, type Clock } from './clock.ts';
import { endpointOf, errorFromResponse, networkError, ZendeskError } from './errors.ts';
import { parseResponse } from './response-validation.ts';
import type { RetryMode } from './retry-policy.ts';
import { RequestScheduler, type SchedulerOptions, type WaitEvent } from './scheduler.ts';
import type { Transport, TransportRequest } from './transport.ts';

export interface ApiRequest extends TransportRequest {
  /** POSTs are not retried after a 5xx or a lost connection unless 'safe' (e.g. an Idempotency-Key). */
  retry?: RetryMode;
}

export interface SupportApiClientOptions {
  transport: Transport;
  clock?: Clock;
  scheduler?: Partial<SchedulerOptions>;
  /** For the backoff jitter; tests pass a fixed sequence. */
  random?: () => number;
}

/**
 * Every Support API call goes through here: scheduled (concurrency, per-minute budget,
 * Retry-After), retried per policy, non-2xx mapped to ZendeskError, body checked with zod.
 */
export class SupportApiClient {
  readonly clock: Clock;
  private readonly transport: Transport;
  private readonly scheduler: RequestScheduler;

  constructor(options: SupportApiClientOptions) {
    this.transport = options.transport;
    this.clock = options.clock ?? systemClock;
    this.scheduler = new RequestScheduler(this.clock, options.scheduler, options.random);
  }

  async request<S extends z.ZodType>(
    request: ApiRequest,
    schema: S,
    options: { signal?: AbortSignal } = {},
  ): Promise<z.infer<S>> {
    return (await this.requestWithHeaders(request, schema, options)).body;
  }

  /** As `request`, with the response headers (e.g. `x-idempotency-lookup`, `zendesk-ratelimit-inflight-jobs`). */
  async requestWithHeaders<S extends z.ZodType>(
    request: ApiRequest,
    schema: S,
    options: { signal?: AbortSignal } = {},
  ): Promise<{ body: z.infer<S>; headers: Record<string, string> }> {
    const { retry, ...wire } = request;
    const scheduled =
      retry === undefined ? { method: wire.method, url: wire.url } : { method: wire.method, url: wire.url, retry };
    let response;
    try {
      response = await this.scheduler.run(scheduled, () => this.transport.request(wire), options.signal);
    } catch (failure) {
      if (options.signal?.aborted && failure === options.signal.reason) throw failure;
      if (failure instanceof ZendeskError) throw failure;
      throw networkError(wire, failure);
    }
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(wire, response, this.clock.now());
    if (typeof response.body === 'string') {
      throw new ZendeskError({
        kind: 'invalid_response',
        method: wire.method,
        url: wire.url,
        status: response.status,
        message: `${wire.method} ${endpointOf(wire.url)}: expected JSON, got text (${response.body.slice(0, 80)})`,
      });
    }
    return { body: parseResponse(schema, response.body, wire), headers: response.headers };
  }

  /** "Waiting 23 s for Zendesk's rate limit": told whenever requests start waiting. */
  onWait(listener: (wait: WaitEvent) => void): () => void {
    return this.scheduler.onWait(listener);
  }

  /** The per-minute cap being applied (configured or learned from Zendesk's headers). */
  get rpm(): number | undefined {
    return this.scheduler.rpm;
  }
}
