import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { customStatusSchema, recordInvalidSchema, ticketSchema } from './support/schemas.ts';

const statuses = (api: TestZendesk) =>
  z.object({ custom_statuses: z.array(customStatusSchema) }).parse(api.get('/api/v2/custom_statuses').json)
    .custom_statuses;

function create(api: TestZendesk, extra: Record<string, unknown>) {
  const requester = api.sim.account.users.find((u) => u.role === 'end-user' && !u.suspended);
  return api.call('POST', '/api/v2/tickets', {
    ticket: { requester_id: requester?.id, comment: { body: 'Your renewal' }, ...extra },
  });
}

describe('custom ticket statuses', () => {
  it('custom_status_id sets status to its category; the list shows one inactive status', () => {
    const api = testZendesk();
    const list = statuses(api);
    const renewal = list.find((s) => s.agent_label === 'Waiting on customer renewal');
    expect(renewal).toMatchObject({ status_category: 'pending', active: true, default: false });
    expect(list.filter((s) => !s.active)).toHaveLength(1);

    const answer = create(api, { custom_status_id: renewal?.id });
    expect(answer.status).toBe(201);
    const { ticket } = z.object({ ticket: ticketSchema }).parse(answer.json);
    expect([ticket.status, ticket.custom_status_id]).toEqual(['pending', renewal?.id]);
    // Same category as status: accepted.
    expect(create(api, { custom_status_id: renewal?.id, status: 'pending' }).status).toBe(201);
  });

  it.each([
    [
      'an inactive custom status',
      (api: TestZendesk) => ({ custom_status_id: statuses(api).find((s) => !s.active)?.id }),
      'custom_status_id',
    ],
    ['an unknown custom status', () => ({ custom_status_id: 1 }), 'custom_status_id'],
    [
      'a status of another category (stricter)',
      (api: TestZendesk) => ({
        status: 'open',
        custom_status_id: statuses(api).find((s) => s.agent_label === 'Waiting on customer renewal')?.id,
      }),
      'status',
    ],
  ])('refuses %s with 422 RecordInvalid', (_name, extra, field) => {
    const api = testZendesk();
    const before = api.sim.account.tickets.length;
    const answer = create(api, extra(api));
    expect(answer.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(answer.json).details)).toEqual([field]);
    expect(api.sim.account.tickets).toHaveLength(before);
  });

  it('a ticket without one gets the default custom status of its status', () => {
    const api = testZendesk();
    const answer = create(api, { status: 'pending' });
    const { ticket } = z.object({ ticket: ticketSchema }).parse(answer.json);
    const pendingDefault = statuses(api).find((s) => s.status_category === 'pending' && s.default);
    expect(ticket.custom_status_id).toBe(pendingDefault?.id);
  });

  it('customStatuses: false turns them off: account settings say so and custom_status_id is refused', async () => {
    const api = testZendesk({ customStatuses: false, jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const settings = z
      .object({ settings: z.object({ tickets: z.object({ custom_statuses_enabled: z.boolean() }) }) })
      .parse(api.get('/api/v2/account/settings').json);
    expect(settings.settings.tickets.custom_statuses_enabled).toBe(false);
    const pending = statuses(api).find((s) => s.status_category === 'pending');
    const answer = create(api, { custom_status_id: pending?.id });
    expect(answer.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(answer.json).details)).toEqual(['custom_status_id']);
    expect(create(api, { status: 'pending' }).status).toBe(201);

    const [open] = api.sim.account.tickets.filter((t) => t.ticket.status === 'open');
    const update = api.call('PUT', `/api/v2/tickets/update_many?ids=${open?.ticket.id}`, {
      ticket: { custom_status_id: pending?.id },
    });
    expect(update.status).toBe(422);
  });

  it('updates take custom_status_id too (PUT and update_many)', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const renewal = statuses(api).find((s) => s.agent_label === 'Waiting on customer renewal');
    const [a, b] = api.sim.account.tickets.filter((t) => t.ticket.status === 'open');
    const put = api.call('PUT', `/api/v2/tickets/${a?.ticket.id}`, { ticket: { custom_status_id: renewal?.id } });
    expect(put.json).toMatchObject({ ticket: { status: 'pending', custom_status_id: renewal?.id } });
    api.call('PUT', `/api/v2/tickets/update_many?ids=${b?.ticket.id}`, { ticket: { custom_status_id: renewal?.id } });
    await api.clock.advance(1000);
    const read = z.object({ ticket: ticketSchema }).parse(api.get(`/api/v2/tickets/${b?.ticket.id}`).json).ticket;
    expect([read.status, read.custom_status_id]).toEqual(['pending', renewal?.id]);
  });
});
