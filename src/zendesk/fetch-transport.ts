import { NetworkFailure, normaliseHeaders, type Transport, type TransportResponse } from './transport.ts';

export interface FetchTransportOptions {
  /** e.g. `https://acme.zendesk.com` or the simulator's `http://127.0.0.1:4599`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Sent with every request, e.g. `Authorization` for the simulator's acting user. */
  headers?: Record<string, string>;
}

/** A Transport over `fetch`, for scripts, benchmarks, tests and the sandbox (not inside Zendesk). */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async request(request): Promise<TransportResponse> {
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(request.url) ? request.url : `${base}${request.url}`;
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...request.headers };
      const init: RequestInit = { method: request.method, headers };
      if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(request.body);
      }
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, init);
        text = await response.text();
      } catch (cause) {
        throw new NetworkFailure(
          `${request.method} ${request.url}: ${cause instanceof Error ? cause.message : String(cause)}`,
          {
            cause,
          },
        );
      }
      return { status: response.status, headers: normaliseHeaders(response.headers), body: parseBody(text) };
    },
  };
}

/** JSON when it parses (whatever the content-type says), else the text; empty → undefined. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
