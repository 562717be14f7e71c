import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { macroSchema, ticketSchema } from './support/schemas.ts';

const macrosResponse = z.object({ macros: z.array(macroSchema) });
const comment = z.object({
  body: z.string(),
  html_body: z.string().optional(),
  public: z.boolean(),
  scoped_body: z.array(z.tuple([z.string(), z.string()])),
});
const changesResponse = z.object({
  result: z.object({ ticket: z.record(z.string(), z.unknown()).and(z.object({ comment: comment.optional() })) }),
});
const afterResponse = z.object({
  result: z.object({ ticket: ticketSchema.and(z.object({ subject: z.string() })), comment: comment.optional() }),
});

const titles = (api: TestZendesk, url: string, as?: string) =>
  macrosResponse.parse(api.get(url, { as }).json).macros.map((m) => m.title);
const macroId = (api: TestZendesk, title: string) => api.sim.account.macros.find((m) => m.title === title)?.id ?? 0;
const changes = (api: TestZendesk, title: string, as?: string) =>
  changesResponse.parse(api.get(`/api/v2/macros/${macroId(api, title)}/apply`, { as }).json).result.ticket;

describe('who sees which macro', () => {
  it('macros/active: shared ones, the caller’s own personal ones and their groups’ ones; never inactive ones', () => {
    const api = testZendesk();
    const agent = titles(api, '/api/v2/macros/active', DEMO_IDENTITIES.agent);
    expect(agent).toEqual(
      expect.arrayContaining(['Renewal reminder', 'Internal note: proactive outreach', 'My check-in reply']),
    );
    expect(agent).not.toContain('Quarterly business review invite');
    expect(agent).not.toContain('Holiday opening hours (retired)');
    const owner = titles(api, '/api/v2/macros/active');
    expect(owner).toContain('Quarterly business review invite');
    // An admin may list every personal macro, but only uses their own.
    expect(owner).not.toContain('My check-in reply');
  });

  it('a group macro is for the group’s members only', () => {
    const api = testZendesk();
    const account = api.sim.account;
    const billing = account.groups.find((g) => g.name === 'Billing');
    const inBilling = (id: number) =>
      account.groupMemberships.some((m) => m.group_id === billing?.id && m.user_id === id);
    const agents = account.users.filter((u) => u.role === 'agent' && u.email !== null);
    const member = agents.find((u) => inBilling(u.id));
    const outsider = agents.find((u) => !inBilling(u.id));
    if (!member?.email || !outsider?.email) throw new Error('the seed lacks a Billing member and an outsider');
    expect(titles(api, '/api/v2/macros/active', member.email)).toContain('Escalate to Billing');
    expect(titles(api, '/api/v2/macros/active', outsider.email)).not.toContain('Escalate to Billing');
    const id = macroId(api, 'Escalate to Billing');
    expect(api.get(`/api/v2/macros/${id}`, { as: outsider.email }).status).toBe(404);
    expect(api.get(`/api/v2/macros/${id}/apply`, { as: outsider.email }).status).toBe(404);
    expect(titles(api, `/api/v2/macros?group_id=${billing?.id}`, member.email)).toEqual(['Escalate to Billing']);
  });

  it('GET /macros: admins see every macro, agents what they may use; filters by access and active', () => {
    const api = testZendesk();
    const everything = titles(api, '/api/v2/macros');
    expect(everything).toHaveLength(api.sim.account.macros.length);
    expect(everything).toContain('My check-in reply');
    expect(titles(api, '/api/v2/macros?active=false')).toEqual(['Holiday opening hours (retired)']);
    expect(titles(api, '/api/v2/macros?access=personal', DEMO_IDENTITIES.agent)).toEqual(['My check-in reply']);
    expect(titles(api, '/api/v2/macros?access=agents')).toEqual([
      'My check-in reply',
      'Quarterly business review invite',
    ]);
    expect(api.get('/api/v2/macros?access=agents', { as: DEMO_IDENTITIES.agent }).status).toBe(403);
    const agentAll = titles(api, '/api/v2/macros', DEMO_IDENTITIES.agent);
    expect(agentAll).toContain('Holiday opening hours (retired)');
    expect(agentAll).not.toContain('Quarterly business review invite');
    const personal = macroId(api, 'Quarterly business review invite');
    expect(api.get(`/api/v2/macros/${personal}`, { as: DEMO_IDENTITIES.agent }).status).toBe(404);
  });
});

describe('GET /api/v2/macros/{id}/apply: the changes only', () => {
  it('reports subject, type, priority, status, group and the comment (body, html_body, public)', () => {
    const api = testZendesk();
    expect(changes(api, 'Planned maintenance notice')).toEqual({
      subject: 'Planned maintenance this weekend',
      priority: 'normal',
      type: 'task',
      comment: {
        body: 'We will perform planned maintenance this weekend.',
        public: true,
        scoped_body: [['channel:all', 'We will perform planned maintenance this weekend.']],
      },
    });
    const renewal = changes(api, 'Renewal reminder');
    expect(renewal.status).toBe('pending');
    expect(renewal.comment?.html_body).toContain('<p>Hi {{ticket.requester.first_name}},</p>');
    expect(renewal.comment?.body).toBe(
      'Hi {{ticket.requester.first_name}},\n\nYour plan renews soon. Reply to this email if you have any questions.',
    );
    const billing = api.sim.account.groups.find((g) => g.name === 'Billing')?.id;
    expect(changes(api, 'Invoice follow-up')).toMatchObject({ group_id: billing, tags: ['billing_follow_up'] });
  });

  it('an internal-note macro gives a private comment; tag macros add and remove; current_user is the caller', () => {
    const api = testZendesk();
    expect(changes(api, 'Internal note: proactive outreach').comment?.public).toBe(false);
    expect(changes(api, 'Tag as proactive outreach')).toEqual({
      additional_tags: ['proactive_outreach'],
      remove_tags: ['needs_triage'],
    });
    const agent = api.sim.account.usersByEmail.get(DEMO_IDENTITIES.agent);
    expect(changes(api, 'Take it', DEMO_IDENTITIES.agent)).toEqual({ assignee_id: agent?.id, status: 'open' });
  });

  it('changes no ticket', () => {
    const api = testZendesk();
    const before = JSON.stringify(api.sim.account.tickets);
    changes(api, 'Close and thank');
    expect(JSON.stringify(api.sim.account.tickets)).toBe(before);
  });
});

describe('GET /api/v2/tickets/{ticket_id}/macros/{macro_id}/apply: the ticket after', () => {
  it('answers the full ticket with the changes laid over and the comment beside it, saving nothing', () => {
    const api = testZendesk();
    const stored = api.sim.account.tickets.find((t) => t.ticket.status === 'open' && t.ticket.tags.length === 0);
    if (!stored) throw new Error('no open untagged ticket');
    const before = structuredClone(stored.ticket);
    const url = (title: string) => `/api/v2/tickets/${before.id}/macros/${macroId(api, title)}/apply`;
    const answer = api.get(url('Close and thank'));
    expect(answer.status).toBe(200);
    const { ticket, comment: note } = afterResponse.parse(answer.json).result;
    expect(ticket).toMatchObject({ id: before.id, requester_id: before.requester_id, subject: before.subject });
    expect(ticket.status).toBe('solved');
    expect(note).toMatchObject({ body: 'Thanks for reaching out! We are closing this ticket.', public: true });
    const tagged = afterResponse.parse(api.get(url('Tag as proactive outreach')).json).result;
    expect(tagged.ticket.tags).toEqual(['proactive_outreach']);
    expect(tagged.comment).toBeUndefined();
    const renamed = afterResponse.parse(api.get(url('Planned maintenance notice')).json).result.ticket;
    expect(renamed.subject).toBe('Planned maintenance this weekend');
    expect(api.sim.account.ticketsById.get(before.id)?.ticket).toEqual(before);
    expect(api.get(`/api/v2/tickets/999999/macros/${macroId(api, 'Take it')}/apply`).status).toBe(404);
  });
});
