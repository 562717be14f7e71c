import { basicAuthFor, createSimulator, type Simulator } from '../../../../sandbox/simulator/index.ts';
import type { SimulatorOptions } from '../../../../sandbox/simulator/types.ts';
import { VirtualClock } from '../../../../sandbox/virtual-clock.ts';

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, raw text, or undefined when empty. */
  json: unknown;
  dropped: boolean;
}

export interface CallOptions {
  /** Act as this user (Basic auth by email). */
  as?: string;
  headers?: Record<string, string>;
  /** A raw body string (sent as is); otherwise `body` is JSON-encoded. */
  rawBody?: string;
}

export interface TestZendesk {
  sim: Simulator;
  clock: VirtualClock;
  call(method: string, url: string, body?: unknown, options?: CallOptions): ApiAnswer;
  get(url: string, options?: CallOptions): ApiAnswer;
}

/** Small accounts keep each test fast; the default-size seed is tested on its own. */
export function testZendesk(options: SimulatorOptions = {}): TestZendesk {
  const clock = new VirtualClock();
  // A generous budget unless a test is about the rate limit: contract tests make many calls at one instant.
  const sim = createSimulator({ seed: 7, users: 300, clock, rpm: 1_000_000, ...options });
  const call = (method: string, url: string, body?: unknown, callOptions: CallOptions = {}): ApiAnswer => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.as) headers.authorization = basicAuthFor(callOptions.as);
    let raw = callOptions.rawBody;
    if (raw === undefined && body !== undefined) {
      raw = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = sim.handle({ method, url, headers, body: raw });
    if ('dropped' in response) return { status: 0, headers: {}, json: undefined, dropped: true };
    let json: unknown = undefined;
    if (response.body !== '') {
      try {
        json = JSON.parse(response.body);
      } catch {
        json = response.body;
      }
    }
    return { status: response.status, headers: response.headers, json, dropped: false };
  };
  return { sim, clock, call, get: (url, o) => call('GET', url, undefined, o) };
}

/** Follows `links.next` (cursor) until `meta.has_more` is false; returns every item under `key`. */
export function collectCursor(api: TestZendesk, firstUrl: string, key: string, options?: CallOptions): unknown[] {
  const items: unknown[] = [];
  let url: string | null = firstUrl;
  for (let guard = 0; url !== null && guard < 10_000; guard++) {
    const answer = api.get(url, options);
    if (answer.status !== 200) throw new Error(`${url} → ${answer.status} ${JSON.stringify(answer.json)}`);
    const body = answer.json as { meta: { has_more: boolean }; links: { next: string | null } } & Record<
      string,
      unknown
    >;
    items.push(...(body[key] as unknown[]));
    url = body.meta.has_more ? body.links.next : null;
  }
  return items;
}

/** Follows `next_page` (offset) to the end. */
export function collectOffset(api: TestZendesk, firstUrl: string, key: string, options?: CallOptions): unknown[] {
  const items: unknown[] = [];
  let url: string | null = firstUrl;
  for (let guard = 0; url !== null && guard < 10_000; guard++) {
    const answer = api.get(url, options);
    if (answer.status !== 200) throw new Error(`${url} → ${answer.status} ${JSON.stringify(answer.json)}`);
    const body = answer.json as { next_page: string | null } & Record<string, unknown>;
    items.push(...(body[key] as unknown[]));
    url = body.next_page;
  }
  return items;
}

export function idsOf(items: unknown[]): number[] {
  return items.map((item) => (item as { id: number }).id);
}
