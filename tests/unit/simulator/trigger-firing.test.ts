import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import type { RuleCondition } from '../../../sandbox/simulator/types.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { ticketSchema } from './support/schemas.ts';

const eventSchema = z.looseObject({
  id: z.number(),
  type: z.string(),
  via: z
    .object({ channel: z.string(), source: z.object({ from: z.looseObject({ id: z.number().optional() }) }) })
    .optional(),
});
const createdAnswer = z.object({
  ticket: ticketSchema,
  audit: z.object({ id: z.number(), events: z.array(eventSchema) }),
});

function triggerId(api: TestZendesk, title: string): number {
  const trigger = api.sim.account.triggers.find((t) => t.title === title);
  if (!trigger) throw new Error(`no trigger ${title}`);
  return trigger.id;
}

function setUp(api: TestZendesk) {
  const { account } = api.sim;
  const requester = account.users.find((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
  const agent = account.usersByEmail.get(DEMO_IDENTITIES.agent);
  const group = account.groups.find((g) =>
    account.groupMemberships.some((m) => m.group_id === g.id && m.user_id === agent?.id),
  );
  if (!requester || !agent || !group) throw new Error('the demo account lacks a record');
  return { requester, agent, group, account };
}

function post(api: TestZendesk, ticket: Record<string, unknown>) {
  const answer = api.call('POST', '/api/v2/tickets', { ticket });
  expect(answer.status).toBe(201);
  return createdAnswer.parse(answer.json);
}

/** Adds a trigger the way POST /triggers does, so a test can give it any conditions. */
function addTrigger(
  api: TestZendesk,
  title: string,
  conditions: { all?: RuleCondition[]; any?: RuleCondition[] },
  actions: Array<{ field: string; value: unknown }>,
) {
  const { account } = api.sim;
  return account.addTrigger(
    {
      title,
      description: null,
      active: true,
      category_id: account.triggerCategories[0]?.id ?? '',
      conditions: { all: conditions.all ?? [], any: conditions.any ?? [] },
      actions,
    },
    new Date(api.clock.now()).toISOString(),
  ).id;
}

const c = (field: string, operator: string, value: unknown): RuleCondition => ({ field, operator, value });

describe('triggers on a ticket an agent creates through the API', () => {
  it('fire the standard triggers of support-api.md §8.1, change the ticket and email who they name', () => {
    const api = testZendesk();
    const { requester, group, account } = setUp(api);
    const { ticket, audit } = post(api, {
      subject: 'Your plan renews soon',
      requester_id: requester.id,
      group_id: group.id,
      comment: { html_body: '<p>Hello</p>', public: true },
      tags: ['proactive_spring_renewal', 'proactive_campaign'],
    });
    const fired = [
      'Notify requester of new proactive ticket',
      'Notify all agents of received request',
      'Notify group of assignment',
      'Set tickets with no priority to normal',
    ].map((t) => triggerId(api, t));
    expect(account.ticketsById.get(ticket.id)?.triggerRuns).toEqual([
      { at: ticket.created_at, update_type: 'Create', fired, undecidable: [] },
    ]);
    // "Set tickets with no priority to normal" changed the ticket before the answer.
    expect(ticket.priority).toBe('normal');
    const fromRules = audit.events.filter((e) => e.via?.channel === 'rule');
    expect(fromRules.map((e) => [e.type, e.via?.source.from.id])).toEqual([
      ['Change', fired[3]],
      ['Notification', fired[0]],
      ['Notification', fired[1]],
      ['Notification', fired[2]],
    ]);

    const notes = account.notifications.filter((n) => n.ticket_id === ticket.id);
    expect(notes.map((n) => n.trigger_id)).toEqual(fired.slice(0, 3));
    const [toRequester, toAgents, toGroup] = notes;
    expect(toRequester).toMatchObject({
      action: 'notification_user',
      recipient: 'requester_and_ccs',
      recipients: [{ id: requester.id, email: requester.email, role: 'end-user' }],
      subject: 'Your plan renews soon',
    });
    expect(toRequester?.body).toContain('<p>Hello</p>');
    const agents = account.users
      .filter((u) => u.role !== 'end-user' && u.active && !u.suspended && u.email && !u.restricted_agent)
      .map((u) => u.id);
    expect(toAgents?.recipients.map((r) => r.id).sort()).toEqual(agents.sort());
    expect(toAgents?.subject).toBe('[Proactive Demo] Your plan renews soon');
    expect(toAgents?.body).toBe(`A ticket (#${ticket.id}) by ${requester.name} has been received.`);
    const members = account.groupMemberships.filter((m) => m.group_id === group.id).map((m) => m.user_id);
    expect(toGroup?.recipients.map((r) => r.id).sort()).toEqual(members.sort());
  });

  it('a private comment does not email the requester; end-user-only and inactive triggers never fire', () => {
    const api = testZendesk();
    const { requester, account } = setUp(api);
    const { ticket } = post(api, {
      requester_id: requester.id,
      priority: 'low',
      comment: { body: 'Internal note', public: false },
    });
    const fired = account.ticketsById.get(ticket.id)?.triggerRuns?.[0]?.fired ?? [];
    expect(fired).toEqual([triggerId(api, 'Notify all agents of received request')]);
    expect(account.notifications.some((n) => n.ticket_id === ticket.id && n.recipient === 'requester_and_ccs')).toBe(
      false,
    );
  });

  it('create_many items run the triggers as the job creates them', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 1000, perTicketMs: 100, perTicketJitterMs: 0 } });
    const { account } = setUp(api);
    const people = account.users.filter((u) => u.role === 'end-user' && u.email && !u.suspended).slice(0, 3);
    const before = account.notifications.length;
    api.call('POST', '/api/v2/tickets/create_many', {
      tickets: people.map((p) => ({ requester_id: p.id, comment: { body: 'Hello', public: true } })),
    });
    expect(api.sim.account.notifications).toHaveLength(before);
    await api.clock.advance(1300);
    const requesterEmails = api.sim.account.notifications
      .slice(before)
      .filter((n) => n.recipient === 'requester_and_ccs')
      .flatMap((n) => n.recipients.map((r) => r.id));
    expect(requesterEmails).toEqual(people.map((p) => p.id));
  });
});

describe('the trigger cycle', () => {
  it('restarts from the top after a trigger fires, so an earlier trigger sees a later one’s change', () => {
    const api = testZendesk();
    const { requester, account } = setUp(api);
    for (const trigger of account.triggers) trigger.active = false;
    const early = addTrigger(api, 'Urgent when escalated', { all: [c('current_tags', 'includes', 'pc_escalated')] }, [
      { field: 'priority', value: 'urgent' },
    ]);
    const late = addTrigger(
      api,
      'Escalate VIP campaign tickets',
      { all: [c('update_type', 'is', 'Create'), c('current_tags', 'includes', 'pc_vip')] },
      [
        { field: 'current_tags', value: 'pc_escalated' },
        { field: 'remove_tags', value: 'pc_vip' },
      ],
    );
    const { ticket } = post(api, { requester_id: requester.id, tags: ['pc_vip'], comment: { body: 'x' } });
    expect(account.ticketsById.get(ticket.id)?.triggerRuns?.[0]?.fired).toEqual([late, early]);
    expect(ticket.priority).toBe('urgent');
    expect(ticket.tags).toContain('pc_escalated');
    expect(ticket.tags).not.toContain('pc_vip');
  });

  it('all must hold and one of any; set_tags replaces; a condition it cannot decide means never firing', () => {
    const api = testZendesk();
    const { requester, agent, group, account } = setUp(api);
    for (const trigger of account.triggers) trigger.active = false;
    const anyOf = addTrigger(
      api,
      'Either way',
      { all: [c('role', 'is', 'agent')], any: [c('priority', 'is', 'urgent'), c('type', 'is', 'task')] },
      [{ field: 'set_tags', value: 'pc_replaced' }],
    );
    const noneOf = addTrigger(api, 'Neither', { all: [c('role', 'is', 'end_user')] }, [
      { field: 'status', value: 'solved' },
    ]);
    const undecidable = addTrigger(api, 'Business hours', { all: [c('within_schedule', 'is', '1')] }, [
      { field: 'status', value: 'hold' },
    ]);
    const assign = addTrigger(
      api,
      'Assign campaign tickets',
      { all: [c('current_tags', 'includes', 'pc_replaced'), c('assignee_id', 'is', '')] },
      [
        { field: 'group_id', value: String(group.id) },
        { field: 'assignee_id', value: String(agent.id) },
      ],
    );
    const { ticket } = post(api, {
      requester_id: requester.id,
      type: 'task',
      tags: ['a', 'b'],
      comment: { body: 'x' },
    });
    const run = account.ticketsById.get(ticket.id)?.triggerRuns?.[0];
    expect(run?.fired).toEqual([anyOf, assign]);
    expect(run?.undecidable).toEqual([undecidable]);
    expect(run?.fired).not.toContain(noneOf);
    expect(ticket.tags).toEqual(['pc_replaced']);
    expect([ticket.group_id, ticket.assignee_id, ticket.status]).toEqual([group.id, agent.id, 'open']);
  });

  it('reads requester custom fields and the requester’s role', () => {
    const api = testZendesk();
    const { account } = setUp(api);
    for (const trigger of account.triggers) trigger.active = false;
    const people = account.users.filter((u) => u.role === 'end-user' && u.email && !u.suspended);
    const gold = people.find((u) => u.user_fields.service_level === 'gold');
    const other = people.find((u) => u.user_fields.service_level !== 'gold');
    const vip = addTrigger(
      api,
      'Gold customers',
      { all: [c('requester.custom_fields.service_level', 'is', 'gold'), c('requester_role', 'is', 'end_user')] },
      [{ field: 'priority', value: 'high' }],
    );
    const goldTicket = post(api, { requester_id: gold?.id, comment: { body: 'x' } }).ticket;
    const otherTicket = post(api, { requester_id: other?.id, comment: { body: 'x' } }).ticket;
    expect(account.ticketsById.get(goldTicket.id)?.triggerRuns?.[0]?.fired).toEqual([vip]);
    expect(goldTicket.priority).toBe('high');
    expect(otherTicket.priority).toBeNull();
  });

  it('run on updates too: assigning another agent emails that agent', () => {
    const api = testZendesk();
    const { requester, agent, group, account } = setUp(api);
    const { ticket } = post(api, { requester_id: requester.id, priority: 'low', comment: { body: 'x' } });
    const put = api.call('PUT', `/api/v2/tickets/${ticket.id}`, {
      ticket: { group_id: group.id, assignee_id: agent.id },
    });
    expect(put.status).toBe(200);
    const runs = account.ticketsById.get(ticket.id)?.triggerRuns ?? [];
    expect(runs.map((r) => r.update_type)).toEqual(['Create', 'Change']);
    expect(runs[1]?.fired).toEqual([triggerId(api, 'Notify assignee of assignment')]);
    const last = account.notifications[account.notifications.length - 1];
    expect(last?.recipients).toEqual([{ id: agent.id, email: agent.email, role: 'agent' }]);
    expect(last?.subject).toBe(`Assignment: ${ticket.subject}`);
  });
});
