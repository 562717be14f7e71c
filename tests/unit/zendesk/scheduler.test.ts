import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { SupportApiClient, ZendeskError, type WaitEvent } from '../../../src/zendesk/index.ts';
import { json, ScriptedTransport } from './support/scripted-transport.ts';

const okSchema = z.looseObject({ ok: z.literal(true) });
const ok = (headers: Record<string, string> = {}) => json(200, { ok: true }, headers);
const rateLimited = (retryAfter: number) =>
  json(
    429,
    { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' },
    {
      'retry-after': String(retryAfter),
    },
  );

function setup(
  script: ConstructorParameters<typeof ScriptedTransport>[1],
  options: { concurrency?: number; rpm?: number; latencyMs?: number } = {},
) {
  const clock = new VirtualClock();
  const transport = new ScriptedTransport(clock, script, options.latencyMs ?? 0);
  const client = new SupportApiClient({
    transport,
    clock,
    random: () => 1,
    scheduler: { concurrency: options.concurrency ?? 1, rpm: options.rpm },
  });
  const waits: WaitEvent[] = [];
  client.onWait((w) => waits.push(w));
  return { clock, transport, client, waits, start: clock.now() };
}

async function failure(promise: Promise<unknown>): Promise<ZendeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZendeskError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('Retry-After on 429', () => {
  it('waits the Retry-After in virtual time, sends nothing meanwhile, then succeeds', async () => {
    const { clock, transport, client, waits, start } = setup([rateLimited(23), ok()]);
    const result = await clock.run(client.request({ method: 'GET', url: '/api/v2/users/me' }, okSchema));
    expect(result).toEqual({ ok: true });
    expect(transport.sent.map((s) => s.at - start)).toEqual([0, 23_000]);
    expect(waits).toEqual([{ reason: 'rate_limited', untilMs: start + 23_000 }]);
  });

  it('holds every queued request, not just the one that got the 429', async () => {
    let first = true;
    const { clock, transport, client, start } = setup(
      () => {
        if (first) {
          first = false;
          return rateLimited(30);
        }
        return ok();
      },
      { concurrency: 1 },
    );
    const all = Promise.all(
      Array.from({ length: 5 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/users/${i}` }, okSchema)),
    );
    await clock.run(all);
    const times = transport.sent.map((s) => s.at - start);
    expect(times[0]).toBe(0);
    // Nothing went out between the 429 and the end of Retry-After.
    expect(times.slice(1).every((t) => t >= 30_000)).toBe(true);
    expect(transport.sent).toHaveLength(6);
  });

  it('retries a 429 even for a POST: Zendesk rejected it before doing anything', async () => {
    const { clock, transport, client } = setup([rateLimited(5), ok()]);
    await clock.run(
      client.request({ method: 'POST', url: '/api/v2/tickets/create_many', body: { tickets: [] } }, okSchema),
    );
    expect(transport.sent).toHaveLength(2);
  });

  it('gives up with a rate_limited error after too many 429s', async () => {
    const clock = new VirtualClock();
    const transport = new ScriptedTransport(clock, () => rateLimited(1));
    const client = new SupportApiClient({ transport, clock, scheduler: { maxRateLimitRetries: 3 } });
    const error = await failure(clock.run(client.request({ method: 'GET', url: '/api/v2/users' }, okSchema)));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.code).toBe('APIRateLimitExceeded');
    expect(transport.sent).toHaveLength(4);
  });

  it('makes only the caller wait on TooManyJobs: other requests keep flowing', async () => {
    const { clock, transport, client, start } = setup(
      (request, index) =>
        index === 0
          ? json(
              429,
              { error: 'TooManyJobs', description: 'Too many jobs', current_job_ids: ['a'] },
              { 'retry-after': '10' },
            )
          : ok(),
      { concurrency: 2 },
    );
    await clock.run(
      Promise.all([
        client.request({ method: 'POST', url: '/api/v2/tickets/create_many', body: {} }, okSchema),
        client.request({ method: 'GET', url: '/api/v2/job_statuses/show_many?ids=a' }, okSchema),
      ]),
    );
    const byUrl = transport.sent.map((s) => [s.request.url, s.at - start]);
    expect(byUrl).toEqual([
      ['/api/v2/tickets/create_many', 0],
      ['/api/v2/job_statuses/show_many?ids=a', 0],
      ['/api/v2/tickets/create_many', 10_000],
    ]);
  });
});

describe('5xx and lost connections', () => {
  it('retries a GET with growing backoff, then reports a typed server error', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const transport = new ScriptedTransport(clock, () =>
      json(500, { error: 'InternalError' }, { 'x-zendesk-request-id': 'req-9' }),
    );
    const client = new SupportApiClient({
      transport,
      clock,
      random: () => 1,
      scheduler: { maxAttempts: 4, backoffBaseMs: 1000, backoffMaxMs: 60_000 },
    });
    const error = await failure(
      clock.run(client.request({ method: 'GET', url: '/api/v2/users?page[size]=100' }, okSchema)),
    );
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('req-9');
    const times = transport.sent.map((s) => s.at - start);
    expect(times).toEqual([0, 1000, 3000, 7000]);
  });

  it('uses full jitter: the delay is random() times the exponential ceiling', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const randoms = [0.5, 0.25];
    const transport = new ScriptedTransport(clock, ['drop', 'drop', ok()]);
    const client = new SupportApiClient({
      transport,
      clock,
      random: () => randoms.shift() ?? 0,
      scheduler: { backoffBaseMs: 1000 },
    });
    await clock.run(client.request({ method: 'GET', url: '/api/v2/users/me' }, okSchema));
    expect(transport.sent.map((s) => s.at - start)).toEqual([0, 500, 1000]);
  });

  it('recovers from a dropped connection on a GET', async () => {
    const { clock, transport, client, waits } = setup(['drop', ok()]);
    await expect(clock.run(client.request({ method: 'GET', url: '/api/v2/users/me' }, okSchema))).resolves.toEqual({
      ok: true,
    });
    expect(transport.sent).toHaveLength(2);
    expect(waits.map((w) => w.reason)).toEqual(['backoff']);
  });

  it('never repeats a POST after a dropped connection: the tickets may already exist', async () => {
    const { clock, transport, client } = setup(['drop', ok()]);
    const error = await failure(
      clock.run(
        client.request({ method: 'POST', url: '/api/v2/tickets/create_many', body: { tickets: [] } }, okSchema),
      ),
    );
    expect(error.kind).toBe('network');
    expect(error.method).toBe('POST');
    expect(transport.sent).toHaveLength(1);
  });

  it('never repeats a POST after a 500', async () => {
    const { clock, transport, client } = setup([json(500, 'Internal Server Error'), ok()]);
    const error = await failure(
      clock.run(client.request({ method: 'POST', url: '/api/v2/views', body: {} }, okSchema)),
    );
    expect(error.kind).toBe('server');
    expect(error.description).toBe('Internal Server Error');
    expect(transport.sent).toHaveLength(1);
  });

  it("repeats a POST marked retry:'safe' (an Idempotency-Key makes the repeat harmless)", async () => {
    const { clock, transport, client } = setup(['drop', ok()]);
    await clock.run(
      client.request(
        { method: 'POST', url: '/api/v2/tickets', body: {}, headers: { 'Idempotency-Key': 'k1' }, retry: 'safe' },
        okSchema,
      ),
    );
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]?.request.headers).toEqual({ 'Idempotency-Key': 'k1' });
  });

  it("does not repeat a GET marked retry:'never'", async () => {
    const { clock, transport, client } = setup([json(502, 'Bad Gateway'), ok()]);
    const error = await failure(
      clock.run(client.request({ method: 'GET', url: '/api/v2/users', retry: 'never' }, okSchema)),
    );
    expect(error.kind).toBe('server');
    expect(transport.sent).toHaveLength(1);
  });

  it('waits a 503 Retry-After (all requests hold) before repeating', async () => {
    const { clock, transport, client, waits, start } = setup([
      json(503, 'Service Unavailable', { 'retry-after': '7' }),
      ok(),
    ]);
    await clock.run(client.request({ method: 'PUT', url: '/api/v2/tickets/update_many?ids=1', body: {} }, okSchema));
    expect(transport.sent.map((s) => s.at - start)).toEqual([0, 7000]);
    expect(waits).toEqual([{ reason: 'retry_after', untilMs: start + 7000 }]);
  });
});

describe('per-minute budget', () => {
  it('paces itself to the configured rpm instead of collecting 429s', async () => {
    const { clock, transport, client, waits, start } = setup(() => ok(), { concurrency: 4, rpm: 10 });
    await clock.run(
      Promise.all(
        Array.from({ length: 25 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/users/${i}` }, okSchema)),
      ),
    );
    const times = transport.sent.map((s) => s.at - start);
    expect(times.filter((t) => t < 60_000)).toHaveLength(10);
    expect(times.filter((t) => t >= 60_000 && t < 120_000)).toHaveLength(10);
    expect(times.filter((t) => t >= 120_000)).toHaveLength(5);
    expect(waits.some((w) => w.reason === 'budget')).toBe(true);
  });

  it("learns the limit from Zendesk's ratelimit-limit header", async () => {
    const { clock, transport, client, start } = setup(() => ok({ 'ratelimit-limit': '3', 'x-rate-limit': '3' }), {
      concurrency: 1,
    });
    await clock.run(
      Promise.all(
        Array.from({ length: 7 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/users/${i}` }, okSchema)),
      ),
    );
    expect(client.rpm).toBe(3);
    expect(transport.sent.map((s) => s.at - start)).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('stops at ratelimit-remaining 0 until ratelimit-reset (other apps share the budget)', async () => {
    const { clock, transport, client, waits, start } = setup((_req, index) =>
      ok({ 'ratelimit-limit': '400', 'ratelimit-remaining': index === 0 ? '0' : '399', 'ratelimit-reset': '42' }),
    );
    await clock.run(
      Promise.all([
        client.request({ method: 'GET', url: '/api/v2/users/1' }, okSchema),
        client.request({ method: 'GET', url: '/api/v2/users/2' }, okSchema),
      ]),
    );
    expect(transport.sent.map((s) => s.at - start)).toEqual([0, 42_000]);
    expect(waits).toEqual([{ reason: 'budget', untilMs: start + 42_000 }]);
  });
});

describe('cancelling', () => {
  it('an aborted signal cancels a request waiting out a Retry-After, and it is never sent again', async () => {
    const { clock, transport, client } = setup([rateLimited(60), ok()]);
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', url: '/api/v2/users' }, okSchema, { signal: controller.signal });
    const outcome = pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await clock.advance(10_000);
    controller.abort(new Error('user cancelled'));
    await expect(outcome).resolves.toMatchObject({ message: 'user cancelled' });
    await clock.advance(120_000);
    expect(transport.sent).toHaveLength(1);
  });

  it('an aborted signal cancels a request still queued behind the concurrency limit', async () => {
    const { clock, transport, client } = setup(() => ok(), { concurrency: 1, latencyMs: 5000 });
    const controller = new AbortController();
    const first = client.request({ method: 'GET', url: '/api/v2/a' }, okSchema);
    const second = client.request({ method: 'GET', url: '/api/v2/b' }, okSchema, { signal: controller.signal });
    const secondOutcome = second.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    controller.abort(new Error('stop'));
    await expect(secondOutcome).resolves.toMatchObject({ message: 'stop' });
    await clock.run(first);
    expect(transport.sent.map((s) => s.request.url)).toEqual(['/api/v2/a']);
  });
});

describe('endpoint buckets', () => {
  it('keeps /search/export within its own 100/min while other requests keep flowing', async () => {
    const { clock, transport, client, start } = setup(() => ok(), { concurrency: 4 });
    await clock.run(
      Promise.all([
        ...Array.from({ length: 150 }, (_, i) =>
          client.request({ method: 'GET', url: `/api/v2/search/export?page[after]=c${i}` }, okSchema),
        ),
        ...Array.from({ length: 50 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/users/${i}` }, okSchema)),
      ]),
    );
    const exports = transport.sent
      .filter((s) => s.request.url.startsWith('/api/v2/search/export'))
      .map((s) => s.at - start);
    const others = transport.sent.filter((s) => s.request.url.startsWith('/api/v2/users/')).map((s) => s.at - start);
    expect(exports.filter((t) => t < 60_000)).toHaveLength(100);
    expect(exports.filter((t) => t >= 60_000)).toHaveLength(50);
    expect(Math.max(...others)).toBeLessThan(60_000);
  });

  it('paces /views/{id}/count at 5 a minute per view, each view on its own', async () => {
    const { clock, transport, client, start } = setup(() => ok(), { concurrency: 4 });
    await clock.run(
      Promise.all(
        [7, 7, 7, 7, 7, 7, 7, 8, 8, 8].map((view) =>
          client.request({ method: 'GET', url: `/api/v2/views/${view}/count` }, okSchema),
        ),
      ),
    );
    const at = (view: number) =>
      transport.sent.filter((s) => s.request.url === `/api/v2/views/${view}/count`).map((s) => s.at - start);
    expect(at(7).filter((t) => t < 60_000)).toHaveLength(5);
    expect(at(7).filter((t) => t >= 60_000)).toHaveLength(2);
    expect(at(8).every((t) => t < 60_000)).toBe(true);
  });

  it('waits out a 429 from a view count alone when the account still has budget: nothing else stops', async () => {
    let countAnswered = false;
    const { clock, transport, client, start } = setup(
      (request) => {
        if (request.url.includes('/count') && !countAnswered) {
          countAnswered = true;
          return json(
            429,
            { error: 'APIRateLimitExceeded', description: 'view count' },
            {
              'retry-after': '40',
              'ratelimit-remaining': '350',
            },
          );
        }
        return ok();
      },
      { concurrency: 2 },
    );
    await clock.run(
      Promise.all([
        client.request({ method: 'GET', url: '/api/v2/views/7/count' }, okSchema),
        ...Array.from({ length: 10 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/users/${i}` }, okSchema)),
      ]),
    );
    const counts = transport.sent.filter((s) => s.request.url.includes('/count')).map((s) => s.at - start);
    const others = transport.sent.filter((s) => s.request.url.startsWith('/api/v2/users/')).map((s) => s.at - start);
    expect(counts).toEqual([0, 40_000]);
    expect(Math.max(...others)).toBeLessThan(1_000);
  });
});
