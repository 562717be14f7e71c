import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testZendesk, type TestZendesk } from './support/api.ts';

const jobId = (json: unknown) => z.object({ job_status: z.object({ id: z.string() }) }).parse(json).job_status.id;
const ticketId = (json: unknown) => z.object({ ticket: z.object({ id: z.number() }) }).parse(json).ticket.id;

function customerIds(api: TestZendesk, n: number): number[] {
  return api.sim.account.users
    .filter((u) => u.role === 'end-user' && u.email !== null && !u.suspended)
    .slice(0, n)
    .map((u) => u.id);
}

function batch(ids: number[], tag = 'pc_dup') {
  return {
    tickets: ids.map((id) => ({
      requester_id: id,
      comment: { body: 'Hello' },
      tags: [tag],
      external_id: `pc1:${tag}:${id}`,
    })),
  };
}

const tagged = (api: TestZendesk, tag: string) => api.sim.account.tickets.filter((t) => t.ticket.tags.includes(tag));

describe('Idempotency-Key on create_many', () => {
  it('is not honoured by default (the stricter reading): the same request twice makes two jobs and every ticket twice', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const body = batch(customerIds(api, 3));
    const headers = { 'idempotency-key': 'send-1-batch-1' };
    const first = api.call('POST', '/api/v2/tickets/create_many', body, { headers });
    const second = api.call('POST', '/api/v2/tickets/create_many', body, { headers });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['x-idempotency-lookup']).toBeUndefined();
    expect(jobId(second.json)).not.toBe(jobId(first.json));
    // Not even a different body with the same key is noticed.
    const other = api.call('POST', '/api/v2/tickets/create_many', batch(customerIds(api, 1), 'pc_other'), { headers });
    expect(other.status).toBe(200);
    await api.clock.advance(1000);
    expect(tagged(api, 'pc_dup')).toHaveLength(6);
  });

  it('with createManyIdempotency: a hit replays the first job, a different body is 400, and POST tickets is unchanged', async () => {
    const api = testZendesk({ createManyIdempotency: true, jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const body = batch(customerIds(api, 3));
    const headers = { 'idempotency-key': 'send-1-batch-1' };
    const first = api.call('POST', '/api/v2/tickets/create_many', body, { headers });
    expect(first.headers['x-idempotency-lookup']).toBe('miss');
    await api.clock.advance(1000);
    const again = api.call('POST', '/api/v2/tickets/create_many', body, { headers });
    expect(again.status).toBe(200);
    expect(again.headers['x-idempotency-lookup']).toBe('hit');
    expect(jobId(again.json)).toBe(jobId(first.json));
    // The cached first answer, as it was sent (the job was queued then).
    expect(again.json).toEqual(first.json);
    const mismatch = api.call('POST', '/api/v2/tickets/create_many', batch(customerIds(api, 2)), { headers });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toMatchObject({ error: 'IdempotentRequestError' });
    await api.clock.advance(1000);
    expect(tagged(api, 'pc_dup')).toHaveLength(3);
    // Without a key nothing changes.
    api.call('POST', '/api/v2/tickets/create_many', body);
    await api.clock.advance(1000);
    expect(tagged(api, 'pc_dup')).toHaveLength(6);
  });

  it('POST tickets honours the key either way', () => {
    for (const createManyIdempotency of [false, true]) {
      const api = testZendesk({ createManyIdempotency });
      const [requester] = customerIds(api, 1);
      const body = { ticket: { requester_id: requester, comment: { body: 'Test ticket' } } };
      const headers = { 'idempotency-key': 'test-ticket-1' };
      const first = api.call('POST', '/api/v2/tickets', body, { headers });
      const again = api.call('POST', '/api/v2/tickets', body, { headers });
      expect(again.headers['x-idempotency-lookup']).toBe('hit');
      expect(ticketId(again.json)).toBe(ticketId(first.json));
    }
  });
});

describe('replayed POSTs (Faults.replayPostRate)', () => {
  it('processes a POST twice and answers with the second: one POST tickets makes two tickets', () => {
    const api = testZendesk({ faults: { replayPostRate: 1 } });
    const [requester] = customerIds(api, 1);
    const before = api.sim.account.tickets.length;
    const requests = api.sim.stats.requests;
    const answer = api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: requester, tags: ['pc_replayed'], comment: { body: 'x' } },
    });
    expect(answer.status).toBe(201);
    const created = tagged(api, 'pc_replayed').map((t) => t.ticket.id);
    expect(api.sim.account.tickets).toHaveLength(before + 2);
    // The client only ever hears about the second ticket.
    expect(ticketId(answer.json)).toBe(created[1]);
    expect(api.sim.stats.requests - requests).toBe(2);
    // Reads are never replayed.
    api.get('/api/v2/users/me');
    expect(api.sim.stats.requests - requests).toBe(3);
  });

  it('create_many replayed queues two jobs; an Idempotency-Key on POST tickets absorbs the replay', async () => {
    const api = testZendesk({ faults: { replayPostRate: 1 }, jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const ids = customerIds(api, 2);
    const answer = api.call('POST', '/api/v2/tickets/create_many', batch(ids));
    expect(answer.headers['zendesk-ratelimit-inflight-jobs']).toBe('total=30; remaining=28; resets=60');
    await api.clock.advance(1000);
    expect(tagged(api, 'pc_dup')).toHaveLength(4);

    const keyed = api.call(
      'POST',
      '/api/v2/tickets',
      { ticket: { requester_id: ids[0], tags: ['pc_keyed'], comment: { body: 'x' } } },
      { headers: { 'idempotency-key': 'k-1' } },
    );
    expect(keyed.headers['x-idempotency-lookup']).toBe('hit');
    expect(tagged(api, 'pc_keyed')).toHaveLength(1);
  });

  it('at a rate below 1 replays some POSTs, deterministically from the seed', () => {
    const run = () => {
      const api = testZendesk({ faults: { replayPostRate: 0.3 } });
      const [requester] = customerIds(api, 1);
      for (let i = 0; i < 40; i++)
        api.call('POST', '/api/v2/tickets', {
          ticket: { requester_id: requester, tags: ['pc_r'], comment: { body: 'x' } },
        });
      return tagged(api, 'pc_r').length;
    };
    const made = run();
    expect(made).toBeGreaterThan(44);
    expect(made).toBeLessThan(65);
    expect(run()).toBe(made);
  });
});
