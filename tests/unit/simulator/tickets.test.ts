import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { collectCursor, collectOffset, idsOf, testZendesk, type TestZendesk } from './support/api.ts';
import { errorSchema, jobStatusSchema, recordInvalidSchema, ticketSchema } from './support/schemas.ts';

const ticketAnswer = z.object({ ticket: ticketSchema, audit: z.object({ id: z.number(), ticket_id: z.number() }) });
const jobAnswer = z.object({ job_status: jobStatusSchema });

function customers(api: TestZendesk, count: number) {
  return api.sim.account.users.filter((u) => u.role === 'end-user' && u.email !== null && !u.suspended).slice(0, count);
}

function newTicket(requesterId: number, extra: Record<string, unknown> = {}) {
  return {
    ticket: { subject: 'Your renewal', requester_id: requesterId, comment: { body: 'Hello', public: true }, ...extra },
  };
}

describe('POST tickets', () => {
  it('creates one ticket: 201, Location, the ticket and its audit; placeholders rendered, tags inherited', () => {
    const api = testZendesk();
    const [customer] = customers(api, 1);
    if (!customer) throw new Error('no customer');
    const answer = api.call(
      'POST',
      '/api/v2/tickets.json',
      newTicket(customer.id, {
        comment: { body: 'Hi {{ticket.requester.first_name}}{{not.a.placeholder}}!', public: false },
        tags: ['Proactive_Spring', 'two words'],
        status: 'open',
        priority: 'high',
        type: 'task',
        external_id: `pc:spring:${customer.id}`,
      }),
    );
    expect(answer.status).toBe(201);
    const { ticket } = ticketAnswer.parse(answer.json);
    expect(answer.headers.location).toBe(`https://proactive-demo.zendesk.com/api/v2/tickets/${ticket.id}.json`);
    expect(ticket.description).toBe(`Hi ${customer.name.split(' ')[0]}!`);
    expect(ticket.is_public).toBe(false);
    expect(ticket.tags).toEqual(expect.arrayContaining(['proactive_spring', 'two', 'words', ...customer.tags]));
    expect(ticket.organization_id).toBe(customer.organization_id);
    expect(ticket.via.channel).toBe('api');
    expect(ticket.submitter_id).toBe(api.sim.account.owner.id);
    const readBack = api.get(`/api/v2/tickets/${ticket.id}`).json;
    expect(ticketSchema.parse((readBack as { ticket: unknown }).ticket)).toEqual(ticketSchema.parse(ticket));
  });

  it.each([
    ['no ticket wrapper', { subject: 'x', comment: { body: 'x' } }, 'ticket'],
    ['no comment', { ticket: { subject: 'x' } }, 'description'],
    ['an empty comment', { ticket: { comment: { body: '   ' } } }, 'description'],
    ['an unknown requester', { ticket: { requester_id: 42, comment: { body: 'x' } } }, 'requester'],
    ['a bad status', { ticket: { status: 'done', comment: { body: 'x' } } }, 'status'],
    ['a bad priority', { ticket: { priority: 'asap', comment: { body: 'x' } } }, 'priority'],
    ['a string requester id', { ticket: { requester_id: '12', comment: { body: 'x' } } }, 'requester'],
    ['tags of the wrong type', { ticket: { tags: [1, 2], comment: { body: 'x' } } }, 'tags'],
    ['an unknown group', { ticket: { group_id: 1, comment: { body: 'x' } } }, 'group'],
  ])('refuses %s with 422 RecordInvalid and details', (_name, body, field) => {
    const api = testZendesk();
    const before = api.sim.account.tickets.length;
    const answer = api.call('POST', '/api/v2/tickets', body);
    expect(answer.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(answer.json).details)).toContain(field);
    expect(api.sim.account.tickets).toHaveLength(before);
  });

  it('refuses an organization that is not one of the requester’s', () => {
    const api = testZendesk();
    const [customer] = customers(api, 1);
    const other = api.sim.account.organizations.find((o) => o.id !== customer?.organization_id);
    const answer = api.call('POST', '/api/v2/tickets', newTicket(customer?.id ?? 0, { organization_id: other?.id }));
    expect(answer.status).toBe(422);
  });

  it('answers 400 to a body that is not JSON or lacks the JSON content type', () => {
    const api = testZendesk();
    const notJson = api.call('POST', '/api/v2/tickets', undefined, {
      rawBody: '{"ticket":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    errorSchema.parse(notJson.json);
    const wrongType = api.call('POST', '/api/v2/tickets', undefined, {
      rawBody: JSON.stringify(newTicket(1)),
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(400);
  });
});

describe('Idempotency-Key on POST tickets', () => {
  it('miss creates, hit replays without creating, a different body is 400, and the key expires after 2 hours', async () => {
    const api = testZendesk();
    const [customer] = customers(api, 1);
    const body = newTicket(customer?.id ?? 0);
    const headers = { 'idempotency-key': 'campaign-1-user-1' };
    const first = api.call('POST', '/api/v2/tickets', body, { headers });
    expect(first.status).toBe(201);
    expect(first.headers['x-idempotency-lookup']).toBe('miss');
    const count = api.sim.account.tickets.length;

    const again = api.call('POST', '/api/v2/tickets', body, { headers });
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotency-lookup']).toBe('hit');
    expect(ticketAnswer.parse(again.json).ticket.id).toBe(ticketAnswer.parse(first.json).ticket.id);
    expect(api.sim.account.tickets).toHaveLength(count);

    const changed = api.call('POST', '/api/v2/tickets', newTicket(customer?.id ?? 0, { subject: 'Other' }), {
      headers,
    });
    expect(changed.status).toBe(400);
    expect(changed.json).toEqual({
      error: 'IdempotentRequestError',
      description: "Request parameters don't match the given idempotency key",
    });

    await api.clock.advance(2 * 3600_000 + 1000);
    const later = api.call('POST', '/api/v2/tickets', body, { headers });
    expect(later.headers['x-idempotency-lookup']).toBe('miss');
    expect(api.sim.account.tickets).toHaveLength(count + 1);
  });
});

describe('create_many and job statuses', () => {
  it('queues a job (200 job_status) whose tickets appear progressively in clock time', async () => {
    const api = testZendesk({ jobLatency: { startMs: 1000, perTicketMs: 40 } });
    const people = customers(api, 50);
    const before = api.sim.account.tickets.length;
    const answer = api.call('POST', '/api/v2/tickets/create_many', {
      tickets: people.map((p) => ({
        requester_id: p.id,
        comment: { body: 'Hi' },
        tags: ['pc_batch'],
        external_id: `pc:b:${p.id}`,
      })),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['zendesk-ratelimit-inflight-jobs']).toBe('total=30; remaining=29; resets=60');
    const queued = jobAnswer.parse(answer.json).job_status;
    expect(queued).toMatchObject({ status: 'queued', total: 50, results: null });

    await api.clock.advance(1000 + 20 * 40);
    const working = jobAnswer.parse(api.get(`/api/v2/job_statuses/${queued.id}`).json).job_status;
    expect(working.status).toBe('working');
    expect(working.progress).toBe(20);
    expect(api.sim.account.tickets.length - before).toBe(20);

    await api.clock.advance(30 * 40);
    const done = jobAnswer.parse(api.get(`/api/v2/job_statuses/${queued.id}.json`).json).job_status;
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(50);
    const results = done.results ?? [];
    expect(results.map((r) => ('index' in r ? r.index : -1))).toEqual(people.map((_, i) => i));
    const firstResult = results[0];
    const created = api.get(`/api/v2/tickets/${firstResult && 'id' in firstResult ? firstResult.id : 0}`).json as {
      ticket: { requester_id: number };
    };
    expect(created.ticket.requester_id).toBe(people[0]?.id);
    const byExternal = api.get(`/api/v2/tickets?external_id=pc:b:${people[7]?.id}`).json as {
      tickets: Array<{ requester_id: number }>;
    };
    expect(byExternal.tickets.map((t) => t.requester_id)).toEqual([people[7]?.id]);
  });

  it('reports invalid items inside the job result as TicketCreateFailed and creates the rest', async () => {
    const api = testZendesk({ jobLatency: { startMs: 100, perTicketMs: 10 } });
    const [a, b] = customers(api, 2);
    const answer = api.call('POST', '/api/v2/tickets/create_many', {
      tickets: [
        { requester_id: a?.id, comment: { body: 'ok' } },
        { requester_id: b?.id, subject: 'no comment' },
        { requester_id: 1, comment: { body: 'unknown requester' } },
      ],
    });
    const id = jobAnswer.parse(answer.json).job_status.id;
    await api.clock.advance(1000);
    const many = z
      .object({ job_statuses: z.array(jobStatusSchema) })
      .parse(api.get(`/api/v2/job_statuses/show_many?ids=${id},unknown`).json);
    expect(many.job_statuses).toHaveLength(1);
    const [job] = many.job_statuses;
    if (!job) throw new Error('job missing');
    expect(job.status).toBe('completed');
    expect(job.results?.[0]).toMatchObject({ index: 0 });
    expect(job.results?.[1]).toMatchObject({
      index: 1,
      error: 'TicketCreateFailed',
      details: expect.stringContaining('Description'),
    });
    expect(job.results?.[2]).toMatchObject({
      index: 2,
      error: 'TicketCreateFailed',
      details: expect.stringContaining('Requester'),
    });
  });

  it('marks a job whose every item failed as failed', async () => {
    const api = testZendesk({ jobLatency: { startMs: 100, perTicketMs: 10 } });
    const answer = api.call('POST', '/api/v2/tickets/create_many', { tickets: [{ requester_id: 5 }] });
    const id = jobAnswer.parse(answer.json).job_status.id;
    await api.clock.advance(500);
    expect(jobAnswer.parse(api.get(`/api/v2/job_statuses/${id}`).json).job_status.status).toBe('failed');
  });

  it('takes at most 100 tickets per request and refuses a body without tickets', () => {
    const api = testZendesk();
    const people = customers(api, 101);
    const tooMany = api.call('POST', '/api/v2/tickets/create_many', {
      tickets: people.map((p) => ({ requester_id: p.id, comment: { body: 'x' } })),
    });
    expect(tooMany.status).toBe(400);
    errorSchema.parse(tooMany.json);
    expect(api.call('POST', '/api/v2/tickets/create_many', { ticket: {} }).status).toBe(422);
    expect(
      api.call('POST', '/api/v2/tickets/create_many', {
        tickets: people.slice(0, 100).map((p) => ({ requester_id: p.id, comment: { body: 'x' } })),
      }).status,
    ).toBe(200);
  });

  it('allows 30 jobs in flight; the 31st is 429 TooManyJobs with the current job ids', async () => {
    const api = testZendesk({ jobLatency: { startMs: 5000, perTicketMs: 50 } });
    const [customer] = customers(api, 1);
    const body = { tickets: [{ requester_id: customer?.id, comment: { body: 'x' } }] };
    const ids = Array.from(
      { length: 30 },
      () => jobAnswer.parse(api.call('POST', '/api/v2/tickets/create_many', body).json).job_status.id,
    );
    const refused = api.call('POST', '/api/v2/tickets/create_many', body);
    expect(refused.status).toBe(429);
    const parsed = errorSchema
      .extend({ error: z.literal('TooManyJobs'), current_job_ids: z.array(z.string()) })
      .parse(refused.json);
    expect(parsed.current_job_ids.sort()).toEqual([...ids].sort());
    expect(refused.headers['zendesk-ratelimit-inflight-jobs']).toBe('total=30; remaining=0; resets=60');
    await api.clock.advance(6000);
    expect(api.call('POST', '/api/v2/tickets/create_many', body).status).toBe(200);
  });

  it("other apps' jobs take job slots: with 28 of 30 busy, the third job is TooManyJobs", async () => {
    const api = testZendesk({ jobLatency: { startMs: 5000, perTicketMs: 50 } });
    api.sim.setFaults({ otherJobsInFlight: 28 });
    const [customer] = customers(api, 1);
    const body = { tickets: [{ requester_id: customer?.id, comment: { body: 'x' } }] };
    const first = api.call('POST', '/api/v2/tickets/create_many', body);
    expect(first.headers['zendesk-ratelimit-inflight-jobs']).toBe('total=30; remaining=1; resets=60');
    expect(api.call('POST', '/api/v2/tickets/create_many', body).status).toBe(200);
    const refused = api.call('POST', '/api/v2/tickets/create_many', body);
    expect(refused.status).toBe(429);
    expect(refused.headers['zendesk-ratelimit-inflight-jobs']).toBe('total=30; remaining=0; resets=60');
    // Only the caller's own jobs are listed: the others are not theirs to see.
    expect((refused.json as { current_job_ids: string[] }).current_job_ids).toHaveLength(2);
    await api.clock.advance(6000);
    expect(api.call('POST', '/api/v2/tickets/create_many', body).status).toBe(200);
  });

  it('update_many changes status and tags through a job', async () => {
    const api = testZendesk({ jobLatency: { startMs: 100, perTicketMs: 10 } });
    const targets = api.sim.account.tickets.filter((t) => t.ticket.status === 'open').slice(0, 3);
    const answer = api.call('PUT', `/api/v2/tickets/update_many?ids=${targets.map((t) => t.ticket.id).join(',')}`, {
      ticket: {
        status: 'solved',
        additional_tags: ['campaign_closed'],
        remove_tags: [targets[0]?.ticket.tags[0] ?? 'x'],
      },
    });
    expect(answer.status).toBe(200);
    const id = jobAnswer.parse(answer.json).job_status.id;
    await api.clock.advance(1000);
    const job = jobAnswer.parse(api.get(`/api/v2/job_statuses/${id}`).json).job_status;
    expect(job.results).toHaveLength(3);
    expect(job.results?.[0]).toMatchObject({ action: 'update', status: 'Updated', success: true });
    for (const t of targets) {
      const { ticket } = z.object({ ticket: ticketSchema }).parse(api.get(`/api/v2/tickets/${t.ticket.id}`).json);
      expect(ticket.status).toBe('solved');
      expect(ticket.tags).toContain('campaign_closed');
    }
    expect(api.call('PUT', '/api/v2/tickets/update_many?ids=1', { ticket: { status: 'finished' } }).status).toBe(422);
  });

  it('unknown and expired jobs are 404', async () => {
    const api = testZendesk({ jobLatency: { startMs: 10, perTicketMs: 10 } });
    expect(api.get('/api/v2/job_statuses/abc123').status).toBe(404);
    const [customer] = customers(api, 1);
    const id = jobAnswer.parse(
      api.call('POST', '/api/v2/tickets/create_many', {
        tickets: [{ requester_id: customer?.id, comment: { body: 'x' } }],
      }).json,
    ).job_status.id;
    await api.clock.advance(86_400_000 + 1000);
    expect(api.get(`/api/v2/job_statuses/${id}`).status).toBe(404);
  });
});

describe('ticket reads', () => {
  it('lists every ticket with cursors and offsets, and show_many takes up to 100', () => {
    const api = testZendesk();
    const byCursor = collectCursor(api, '/api/v2/tickets?page[size]=100', 'tickets');
    expect(byCursor).toHaveLength(300);
    for (const t of byCursor) ticketSchema.parse(t);
    expect(idsOf(collectOffset(api, '/api/v2/tickets.json', 'tickets'))).toEqual(idsOf(byCursor));
    const ids = idsOf(byCursor);
    const some = api.get(`/api/v2/tickets/show_many?ids=${ids.slice(0, 100).join(',')}`).json as { tickets: unknown[] };
    expect(some.tickets).toHaveLength(100);
    expect(api.get(`/api/v2/tickets/show_many?ids=${ids.slice(0, 101).join(',')}`).status).toBe(400);
    expect(api.get('/api/v2/tickets/100000').status).toBe(404);
  });

  it('lets agents create tickets too', () => {
    const api = testZendesk();
    const [customer] = customers(api, 1);
    const answer = api.call('POST', '/api/v2/tickets', newTicket(customer?.id ?? 0), { as: DEMO_IDENTITIES.agent });
    expect(answer.status).toBe(201);
    expect(ticketAnswer.parse(answer.json).ticket.submitter_id).toBe(
      api.sim.account.usersByEmail.get(DEMO_IDENTITIES.agent)?.id,
    );
  });

  it('keeps List Tickets (and its external_id filter) for admins: an agent gets 403', () => {
    const api = testZendesk();
    const agent = api.get('/api/v2/tickets?external_id=pc:x:1', { as: DEMO_IDENTITIES.agent });
    expect(agent.status).toBe(403);
    expect(api.get('/api/v2/tickets?external_id=pc:x:1', { as: DEMO_IDENTITIES.admin }).status).toBe(200);
    // Agents can still read one customer's requested tickets.
    const [customer] = customers(api, 1);
    const requested = api.get(`/api/v2/users/${customer?.id}/tickets/requested`, { as: DEMO_IDENTITIES.agent });
    expect(requested.status).toBe(200);
  });
});
