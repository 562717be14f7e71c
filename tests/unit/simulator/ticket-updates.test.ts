import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { jobStatusSchema, recordInvalidSchema, ticketSchema } from './support/schemas.ts';

const jobAnswer = z.object({ job_status: jobStatusSchema });
const commentsAnswer = z.object({
  comments: z.array(
    z.object({
      id: z.number(),
      author_id: z.number(),
      plain_body: z.string(),
      html_body: z.string(),
      public: z.boolean(),
    }),
  ),
});
const fast = { jobTiming: { startDelayMs: 0, perTicketMs: 10, perTicketJitterMs: 0 } };

function ticketsWith(api: TestZendesk, status: string, n: number) {
  return api.sim.account.tickets.filter((t) => t.ticket.status === status).slice(0, n);
}

function read(api: TestZendesk, id: number) {
  return z.object({ ticket: ticketSchema }).parse(api.get(`/api/v2/tickets/${id}`).json).ticket;
}

/** The finished job, its results as sent (the contract schema would drop their error fields). */
async function results(api: TestZendesk, answer: { json: unknown }) {
  const id = jobAnswer.parse(answer.json).job_status.id;
  await api.clock.advance(5000);
  const raw = api.get(`/api/v2/job_statuses/${id}`).json;
  const { status } = jobAnswer.parse(raw).job_status;
  return {
    status,
    results: z.object({ job_status: z.object({ results: z.array(z.unknown()) }) }).parse(raw).job_status.results,
  };
}

describe('update_many', () => {
  it('takes {"tickets": [{id, status, comment, …}]} without ids: each ticket its own changes, comments stored', async () => {
    const api = testZendesk(fast);
    const [a, b] = ticketsWith(api, 'open', 2);
    const answer = api.call('PUT', '/api/v2/tickets/update_many', {
      tickets: [
        { id: a?.ticket.id, status: 'solved', comment: { body: 'Closing this campaign ticket', public: false } },
        { id: b?.ticket.id, status: 'pending', additional_tags: ['pc_follow_up'] },
      ],
    });
    expect(answer.status).toBe(200);
    const job = await results(api, answer);
    expect(job.status).toBe('completed');
    expect(job.results).toEqual([
      { id: a?.ticket.id, action: 'update', status: 'Updated', success: true },
      { id: b?.ticket.id, action: 'update', status: 'Updated', success: true },
    ]);
    expect(read(api, a?.ticket.id ?? 0).status).toBe('solved');
    expect(read(api, b?.ticket.id ?? 0)).toMatchObject({
      status: 'pending',
      tags: expect.arrayContaining(['pc_follow_up']),
    });
    const comments = commentsAnswer.parse(api.get(`/api/v2/tickets/${a?.ticket.id}/comments`).json).comments;
    expect(comments).toHaveLength(2);
    expect(comments[1]).toMatchObject({
      plain_body: 'Closing this campaign ticket',
      public: false,
      author_id: api.sim.account.owner.id,
    });
  });

  it('refuses closed tickets inside the job results and updates the rest', async () => {
    const api = testZendesk(fast);
    const [closed] = ticketsWith(api, 'closed', 1);
    const [open] = ticketsWith(api, 'open', 1);
    const closedBefore = structuredClone(closed?.ticket);
    const answer = api.call('PUT', `/api/v2/tickets/update_many?ids=${closed?.ticket.id},${open?.ticket.id},99999`, {
      ticket: { status: 'solved', comment: { body: 'Done' } },
    });
    const job = await results(api, answer);
    expect(job.status).toBe('completed');
    expect(job.results).toEqual([
      {
        id: closed?.ticket.id,
        action: 'update',
        status: 'Failed',
        success: false,
        error: 'TicketUpdateFailed',
        details: 'Status: closed prevents ticket update',
      },
      { id: open?.ticket.id, action: 'update', status: 'Updated', success: true },
      expect.objectContaining({ id: 99999, success: false, error: 'RecordNotFound' }),
    ]);
    expect(read(api, closed?.ticket.id ?? 0)).toEqual(ticketSchema.parse(closedBefore));
  });

  it('refuses malformed updates with 422 before queueing a job', () => {
    const api = testZendesk(fast);
    const [open] = ticketsWith(api, 'open', 1);
    const bad = api.call('PUT', '/api/v2/tickets/update_many', {
      tickets: [{ id: open?.ticket.id, priority: 'asap' }],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(bad.json).details)).toEqual(['tickets[0].priority']);
    expect(api.call('PUT', '/api/v2/tickets/update_many', { tickets: [{ status: 'open' }] }).status).toBe(422);
    expect(api.call('PUT', '/api/v2/tickets/update_many', {}).status).toBe(400);
  });

  it('counts every ticket against 100 ticket updates a minute (Zendesk-RateLimit-tickets-update)', async () => {
    const api = testZendesk(fast);
    const ids = api.sim.account.tickets.filter((t) => t.ticket.status !== 'closed').map((t) => t.ticket.id);
    await api.clock.advance(60_000 - (api.clock.now() % 60_000)); // the start of a minute
    const first = api.call('PUT', `/api/v2/tickets/update_many?ids=${ids.slice(0, 60).join(',')}`, {
      ticket: { additional_tags: ['pc_done'] },
    });
    expect(first.status).toBe(200);
    expect(first.headers['zendesk-ratelimit-tickets-update']).toBe('total=100; remaining=40; resets=60');
    const refused = api.call('PUT', `/api/v2/tickets/update_many?ids=${ids.slice(60, 110).join(',')}`, {
      ticket: { additional_tags: ['pc_done'] },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['zendesk-ratelimit-tickets-update']).toBe('total=100; remaining=40; resets=60');
    expect(api.call('PUT', `/api/v2/tickets/${ids[70]}`, { ticket: { priority: 'low' } }).status).toBe(200);
    await api.clock.advance(60_000);
    const later = api.call('PUT', `/api/v2/tickets/update_many?ids=${ids.slice(60, 110).join(',')}`, {
      ticket: { additional_tags: ['pc_done'] },
    });
    expect(later.status).toBe(200);
    await api.clock.advance(5000);
    expect(api.sim.account.tickets.filter((t) => t.ticket.tags.includes('pc_done'))).toHaveLength(110);
  });
});

describe('PUT tickets/{id}', () => {
  it('updates one ticket: 200 {ticket, audit}, the comment stored and listed oldest first', () => {
    const api = testZendesk();
    const [open] = ticketsWith(api, 'open', 1);
    const id = open?.ticket.id ?? 0;
    const answer = api.call('PUT', `/api/v2/tickets/${id}`, {
      ticket: { status: 'pending', comment: { html_body: '<p>Any update, {{ticket.requester.first_name}}?</p>' } },
    });
    expect(answer.status).toBe(200);
    const body = z
      .object({ ticket: ticketSchema, audit: z.object({ events: z.array(z.looseObject({ type: z.string() })) }) })
      .parse(answer.json);
    expect(body.ticket.status).toBe('pending');
    expect(body.audit.events.map((e) => e.type)).toEqual(expect.arrayContaining(['Change', 'Comment']));
    const requester = api.sim.account.usersById.get(open?.ticket.requester_id ?? 0);
    const comments = commentsAnswer.parse(api.get(`/api/v2/tickets/${id}/comments`).json).comments;
    expect(comments.map((c) => c.plain_body)).toEqual([
      open?.ticket.description,
      `Any update, ${requester?.name.split(' ')[0]}?`,
    ]);
    // Without `public` a new comment is as public as the first one.
    expect(comments[1]?.public).toBe(comments[0]?.public);
    const newest = commentsAnswer.parse(api.get(`/api/v2/tickets/${id}/comments?sort_order=desc`).json).comments;
    expect(newest.map((c) => c.id)).toEqual(comments.map((c) => c.id).reverse());
    expect(api.get('/api/v2/tickets/99999/comments').status).toBe(404);
  });

  it('refuses a closed ticket (422) and an unknown one (404)', () => {
    const api = testZendesk();
    const [closed] = ticketsWith(api, 'closed', 1);
    const answer = api.call('PUT', `/api/v2/tickets/${closed?.ticket.id}`, { ticket: { status: 'open' } });
    expect(answer.status).toBe(422);
    expect(recordInvalidSchema.parse(answer.json).details.status?.[0]?.description).toBe(
      'Status: closed prevents ticket update',
    );
    expect(api.call('PUT', '/api/v2/tickets/99999', { ticket: { status: 'open' } }).status).toBe(404);
  });

  it('allows 30 updates of one ticket per user in 10 minutes, then 429 with Retry-After', async () => {
    const api = testZendesk();
    const [a, b] = ticketsWith(api, 'open', 2);
    const update = (id: number | undefined, n: number) =>
      api.call('PUT', `/api/v2/tickets/${id}`, { ticket: { subject: `Revision ${n}` } });
    for (let n = 0; n < 30; n++) {
      expect(update(a?.ticket.id, n).status).toBe(200);
      await api.clock.advance(2000); // stays under 100 ticket updates a minute
    }
    const refused = update(a?.ticket.id, 30);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(10 * 60 - 60);
    expect(read(api, a?.ticket.id ?? 0).subject).toBe('Revision 29');
    expect(update(b?.ticket.id, 0).status).toBe(200);
    await api.clock.advance(10 * 60_000);
    expect(update(a?.ticket.id, 31).status).toBe(200);
  });
});
