/**
 * The Transport port: the only way src/zendesk reaches Zendesk. Inside Zendesk it is the ZAF
 * client's `request` (src/zaf/transport.ts); in tests, benchmarks and scripts it is `fetch`
 * against the simulator, or the simulator called in-process. The same client code runs on all.
 */
/** PATCH: custom object records (Set Custom Object Record by External Id). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  /** Zendesk-relative, e.g. `/api/v2/users?page[size]=100`, or an absolute URL from `links.next`. */
  url: string;
  /** A JSON-serialisable body; the transport sends it as `application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
}

export interface Transport {
  /**
   * Resolves with every HTTP response, 2xx or not. Rejects only when no response arrived
   * (connection dropped, offline, CORS), with a NetworkFailure.
   */
  request(request: TransportRequest): Promise<TransportResponse>;
}

/** No HTTP response arrived: the request may or may not have reached Zendesk. */
export class NetworkFailure extends Error {
  override readonly name = 'NetworkFailure';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Lower-cases header names, which HTTP treats case-insensitively. */
export function normaliseHeaders(headers: Record<string, string | undefined> | Headers): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}
