import { describe, expect, it } from 'vitest';
import { testZendesk } from './support/api.ts';

const MINUTE = 60_000;

describe('the account rate limit', () => {
  it('accepts the plan budget per minute, then 429 with Retry-After to the window end, then accepts again', async () => {
    const api = testZendesk({ plan: 'team', rpm: undefined });
    await api.clock.advance(15_000); // 15 s into the minute
    for (let i = 0; i < 200; i++) {
      const answer = api.get('/api/v2/users/me');
      expect(answer.status).toBe(200);
      expect(answer.headers['x-rate-limit']).toBe('200');
      expect(answer.headers['x-rate-limit-remaining']).toBe(String(199 - i));
      expect(answer.headers['ratelimit-remaining']).toBe(String(199 - i));
    }
    const refused = api.get('/api/v2/users/me');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.headers['ratelimit-reset']).toBe('45');
    expect(refused.json).toEqual({
      error: 'APIRateLimitExceeded',
      description: 'Number of allowed API requests per minute exceeded',
    });
    expect(api.sim.stats).toMatchObject({ requests: 201, accepted: 200, rejected429: 1 });

    await api.clock.advance(44_000);
    expect(api.get('/api/v2/users/me').status).toBe(429);
    await api.clock.advance(1000);
    expect(api.get('/api/v2/users/me').status).toBe(200);
    const windows = [...api.sim.stats.perMinute.entries()];
    expect(windows).toEqual([
      [Math.floor(api.clock.now() / MINUTE) * MINUTE - MINUTE, 200],
      [Math.floor(api.clock.now() / MINUTE) * MINUTE, 1],
    ]);
  });

  it('never processes a rejected request', () => {
    const api = testZendesk({ rpm: 2 });
    const customer = api.sim.account.users.find((u) => u.role === 'end-user');
    const body = { ticket: { requester_id: customer?.id, comment: { body: 'x' } } };
    const before = api.sim.account.tickets.length;
    const statuses = [1, 2, 3, 4].map(() => api.call('POST', '/api/v2/tickets', body).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(api.sim.account.tickets).toHaveLength(before + 2);
  });

  it('uses the plan limits: essential 10, professional 400, enterprise 700, high volume 2500; rpm overrides', () => {
    const limit = (options: Parameters<typeof testZendesk>[0]) =>
      testZendesk(options).get('/api/v2/users/me').headers['x-rate-limit'];
    expect(limit({ plan: 'essential', rpm: undefined })).toBe('10');
    expect(limit({ rpm: undefined })).toBe('400');
    expect(limit({ plan: 'enterprise', rpm: undefined })).toBe('700');
    expect(limit({ plan: 'high_volume', rpm: undefined })).toBe('2500');
    expect(limit({ plan: 'enterprise', rpm: 123 })).toBe('123');
  });

  it('puts a request id on every response, including errors', () => {
    const api = testZendesk({ rpm: 1 });
    const ids = [api.get('/api/v2/users/me'), api.get('/api/v2/users/me'), api.get('/api/v2/nowhere')].map(
      (a) => a.headers['x-zendesk-request-id'],
    );
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });
});

describe('fault injection', () => {
  it('burst429: after every N requests, L requests get 429 with the given Retry-After, not counted as accepted', () => {
    const api = testZendesk({ faults: { burst429: { every: 3, length: 2, retryAfterSeconds: 7 } } });
    const answers = Array.from({ length: 10 }, () => api.get('/api/v2/users/me'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429, 200, 200, 200, 429, 429]);
    expect(answers[3]?.headers['retry-after']).toBe('7');
    expect(api.sim.stats.accepted).toBe(6);
    expect(api.sim.stats.rejected429).toBe(4);
  });

  it('serverErrorRate: 500/503 before processing, 503 sometimes with Retry-After', () => {
    const api = testZendesk({ faults: { serverErrorRate: 0.5 } });
    const customer = api.sim.account.users.find((u) => u.role === 'end-user');
    const before = api.sim.account.tickets.length;
    const answers = Array.from({ length: 200 }, () =>
      api.call('POST', '/api/v2/tickets', { ticket: { requester_id: customer?.id, comment: { body: 'x' } } }),
    );
    const created = answers.filter((a) => a.status === 201).length;
    const failed = answers.filter((a) => a.status >= 500);
    expect(created + failed.length).toBe(200);
    expect(failed.length).toBeGreaterThan(60);
    expect(failed.length).toBeLessThan(140);
    expect(new Set(failed.map((a) => a.status))).toEqual(new Set([500, 503]));
    expect(failed.some((a) => a.status === 503 && a.headers['retry-after'] !== undefined)).toBe(true);
    expect(failed.some((a) => a.status === 503 && a.headers['retry-after'] === undefined)).toBe(true);
    // Errors came before processing: only the 201s created tickets.
    expect(api.sim.account.tickets.length - before).toBe(created);
  });

  it('views/{id}/count allows 5 a minute per view and agent, then 429 with Retry-After', () => {
    const api = testZendesk();
    const created = api.call('POST', '/api/v2/views', {
      view: { title: 'Counted', all: [{ field: 'status', operator: 'less_than', value: 'closed' }] },
    });
    const other = api.call('POST', '/api/v2/views', {
      view: { title: 'Other', all: [{ field: 'status', operator: 'is', value: 'open' }] },
    });
    const id = (created.json as { view: { id: number } }).view.id;
    const otherId = (other.json as { view: { id: number } }).view.id;
    const statuses = Array.from({ length: 6 }, () => api.get(`/api/v2/views/${id}/count`).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = api.get(`/api/v2/views/${id}/count`);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['ratelimit-remaining'])).toBeGreaterThan(0);
    expect(api.get(`/api/v2/views/${otherId}/count`).status).toBe(200);
    expect(api.get('/api/v2/users/me').status).toBe(200);
  });

  it('dropRate: the request is processed, then the connection drops', () => {
    const api = testZendesk({ faults: { dropRate: 1 } });
    const customer = api.sim.account.users.find((u) => u.role === 'end-user');
    const before = api.sim.account.tickets.length;
    const answer = api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: customer?.id, comment: { body: 'x' } },
    });
    expect(answer.dropped).toBe(true);
    expect(api.sim.account.tickets).toHaveLength(before + 1);
  });

  it('timeoutAfterProcessingRate: the ticket is created, yet the answer is a 502 or 504', () => {
    const api = testZendesk({ faults: { timeoutAfterProcessingRate: 1 } });
    const customer = api.sim.account.users.find((u) => u.role === 'end-user');
    const before = api.sim.account.tickets.length;
    const answer = api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: customer?.id, comment: { body: 'x' } },
    });
    expect([502, 504]).toContain(answer.status);
    expect(api.sim.account.tickets).toHaveLength(before + 1);
  });

  it('slowJobFactor multiplies job latency; jobItemFailureRate fails items inside the job', async () => {
    const api = testZendesk({
      jobLatency: { startMs: 1000, perTicketMs: 50 },
      faults: { slowJobFactor: 3, jobItemFailureRate: 0.3 },
    });
    const people = api.sim.account.users.filter((u) => u.role === 'end-user').slice(0, 100);
    const answer = api.call('POST', '/api/v2/tickets/create_many', {
      tickets: people.map((p) => ({ requester_id: p.id, comment: { body: 'x' } })),
    });
    const id = (answer.json as { job_status: { id: string } }).job_status.id;
    const state = () =>
      (
        api.get(`/api/v2/job_statuses/${id}`).json as {
          job_status: { status: string; results: Array<{ error?: string }> | null };
        }
      ).job_status;
    await api.clock.advance(1000 + 100 * 50 + 10); // done at normal speed…
    expect(state().status).toBe('working'); // …but 3× slower
    await api.clock.advance(2 * (1000 + 100 * 50));
    const done = state();
    expect(done.status).toBe('completed');
    const failures = (done.results ?? []).filter((r) => r.error === 'TicketCreateFailed').length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
  });

  it('setFaults switches at runtime, and the same seed makes the same fault decisions', () => {
    const run = () => {
      const api = testZendesk();
      const before = Array.from({ length: 5 }, () => api.get('/api/v2/users/me').status);
      api.sim.setFaults({ serverErrorRate: 0.3 });
      expect(api.sim.getFaults()).toEqual({ serverErrorRate: 0.3 });
      const during = Array.from({ length: 50 }, () => api.get('/api/v2/users/me').status);
      api.sim.setFaults({});
      const after = Array.from({ length: 5 }, () => api.get('/api/v2/users/me').status);
      return { before, during, after };
    };
    const first = run();
    expect(first.before.every((s) => s === 200)).toBe(true);
    expect(first.during.some((s) => s >= 500)).toBe(true);
    expect(first.after.every((s) => s === 200)).toBe(true);
    expect(run()).toEqual(first);
  });
});
