import { describe, expect, it } from 'vitest';
import { testZendesk } from './support/api.ts';

/** "A ticket's status can't be set to Solved by an end user or agent without an assignee" (About system ticket rules). */
describe('solving a ticket', () => {
  it('without an assignee is refused (422), with one it is solved', () => {
    const api = testZendesk();
    const customer = api.sim.account.users.find((u) => u.role === 'end-user' && u.active && !u.suspended);
    const made = api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: customer?.id, status: 'open', comment: { body: 'Hello' } },
    });
    expect(made.status).toBe(201);
    const id = (made.json as { ticket: { id: number; assignee_id: number | null } }).ticket.id;
    expect(api.sim.account.ticketsById.get(id)?.ticket.assignee_id).toBeNull();
    const refused = api.call('PUT', `/api/v2/tickets/${id}`, { ticket: { status: 'solved' } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain('is required to solve a ticket');
    expect(api.sim.account.ticketsById.get(id)?.ticket.status).toBe('open');

    const solved = api.call('PUT', `/api/v2/tickets/${id}`, {
      ticket: { status: 'solved', assignee_id: api.sim.account.owner.id },
    });
    expect(solved.status).toBe(200);
    expect(api.sim.account.ticketsById.get(id)?.ticket).toMatchObject({
      status: 'solved',
      assignee_id: api.sim.account.owner.id,
    });
  });
});
