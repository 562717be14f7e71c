import type { Clock } from '../../src/zendesk/clock.ts';
import {
  NetworkFailure,
  normaliseHeaders,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../src/zendesk/transport.ts';
import { basicAuthFor, type Simulator } from './index.ts';

export interface SimulatorTransportOptions {
  /** Round-trip time, spent half before the simulator sees the request and half after. */
  latencyMs?: number;
  /** Defaults to the simulator's clock. */
  clock?: Clock;
  /** Act as this user (Basic auth by email), e.g. DEMO_IDENTITIES.agent. */
  actAs?: string;
}

/** Parses like an HTTP client would: JSON when it is JSON, the raw text otherwise, undefined when empty. */
export function parseResponseBody(body: string, contentType: string | undefined): unknown {
  if (body === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  return body;
}

/**
 * An in-process Transport that goes through the same bytes HTTP would: the body is serialised
 * to JSON and the answer parsed back, so nothing passes by reference.
 */
export function simulatorTransport(sim: Simulator, options: SimulatorTransportOptions = {}): Transport {
  const clock = options.clock ?? sim.clock;
  const latency = options.latencyMs ?? 0;
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const headers = normaliseHeaders(request.headers ?? {});
      if (options.actAs && headers.authorization === undefined) headers.authorization = basicAuthFor(options.actAs);
      let body: string | undefined;
      if (request.body !== undefined) {
        body = JSON.stringify(request.body);
        headers['content-type'] ??= 'application/json';
      }
      if (latency > 0) await clock.sleep(latency / 2);
      const response = sim.handle({ method: request.method, url: request.url, headers, body });
      if (latency > 0) await clock.sleep(latency / 2);
      if ('dropped' in response) throw new NetworkFailure(`Connection dropped: ${request.method} ${request.url}`);
      return {
        status: response.status,
        headers: normaliseHeaders(response.headers),
        body: parseResponseBody(response.body, response.headers['content-type']),
      };
    },
  };
}
