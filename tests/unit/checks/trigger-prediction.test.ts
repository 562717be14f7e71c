/**
 * Which triggers fire on a campaign ticket (the checks panel tells the agent what customers will
 * receive): each condition kind on the ticket as Zendesk sees it at creation, all/any, the
 * restart after a trigger changes the ticket, the plain-word summary of actions, and the
 * prediction compared with what the simulator's trigger engine does when the ticket is created.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../../sandbox/simulator/transport.ts';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { emptyTicket, type TicketDraft } from '../../../src/domain/campaign/draft.ts';
import { ticketAtCreation } from '../../../src/domain/checks/forecast.ts';
import { reachesCustomers, summariseActions } from '../../../src/domain/checks/trigger-actions.ts';
import {
  conditionHolds,
  runTriggers,
  triggerHolds,
  type TicketAtCreation,
  type Truth,
} from '../../../src/domain/checks/trigger-prediction.ts';
import { campaignTicket } from '../../../src/domain/compose/campaign-ticket.ts';
import { createTicket, SupportApiClient, type RuleCondition, type Trigger } from '../../../src/zendesk/index.ts';
import { organizationSchema } from '../../../src/zendesk/schemas/organizations.ts';
import { triggerSchema } from '../../../src/zendesk/schemas/triggers.ts';
import { userSchema } from '../../../src/zendesk/schemas/users.ts';
import { template } from '../../support/compose-fixture.ts';

const AGENT = 361_000_000_003;
const REQUESTER = 361_000_000_101;
const GROUP = 360_201;
const ORGANIZATION = 362_000_000_001;

const ticket = (changes: Partial<TicketAtCreation> = {}): TicketAtCreation => ({
  status: 'open',
  priority: null,
  type: null,
  groupId: GROUP,
  assigneeId: null,
  organizationId: ORGANIZATION,
  requesterId: REQUESTER,
  tags: ['proactive_renewal', 'proactive_campaign', 'vip'],
  commentIsPublic: true,
  subject: 'Your plan renews soon',
  body: 'Hello Ana, your renewal is on January 5.',
  customStatusId: null,
  currentUserRole: 'agent',
  currentUserId: AGENT,
  requesterLocaleId: 1,
  requesterFields: { service_level: 'gold', newsletter_opt_in: true, product_interests: ['analytics', 'training'] },
  organizationFields: { account_type: 'active', reference_customer: false, monthly_spend: 700 },
  ...changes,
});

const c = (field: string, operator: string, value: unknown): RuleCondition => ({ field, operator, value });

type Case = [label: string, condition: RuleCondition, changes: Partial<TicketAtCreation>, expected: Truth];

const CASES: Record<string, Case[]> = {
  update_type: [
    ['is Create', c('update_type', 'is', 'Create'), {}, true],
    ['is Change', c('update_type', 'is', 'Change'), {}, false],
    ['is not Change', c('update_type', 'is_not', 'Change'), {}, true],
  ],
  status: [
    ['is open', c('status', 'is', 'open'), {}, true],
    ['is pending', c('status', 'is', 'pending'), {}, false],
    ['is not new', c('status', 'is_not', 'new'), {}, true],
    ['less than solved', c('status', 'less_than', 'solved'), {}, true],
    ['less than open', c('status', 'less_than', 'open'), {}, false],
    ['greater than new', c('status', 'greater_than', 'new'), {}, true],
    ['greater than pending, when pending', c('status', 'greater_than', 'pending'), { status: 'pending' }, false],
    ['changed (from nothing)', c('status', 'changed', null), {}, true],
    ['not changed', c('status', 'not_changed', null), {}, false],
    ['changed to open', c('status', 'value', 'open'), {}, true],
    ['changed to solved', c('status', 'value', 'solved'), {}, false],
  ],
  priority: [
    ['is empty, without a priority', c('priority', 'is', ''), {}, true],
    ['is empty, with one', c('priority', 'is', ''), { priority: 'high' }, false],
    ['is not empty, with one', c('priority', 'is_not', ''), { priority: 'high' }, true],
    ['is high', c('priority', 'is', 'high'), { priority: 'high' }, true],
    ['less than high, when normal', c('priority', 'less_than', 'high'), { priority: 'normal' }, true],
    ['greater than normal, when urgent', c('priority', 'greater_than', 'normal'), { priority: 'urgent' }, true],
    ['greater than normal, when empty', c('priority', 'greater_than', 'normal'), {}, false],
    ['changed, without a priority', c('priority', 'changed', null), {}, false],
    ['changed, with one', c('priority', 'changed', null), { priority: 'low' }, true],
  ],
  type: [
    ['is task', c('type', 'is', 'task'), { type: 'task' }, true],
    ['is task, without a type', c('type', 'is', 'task'), {}, false],
    ['is not question', c('type', 'is_not', 'question'), { type: 'task' }, true],
  ],
  group_id: [
    ['is the group', c('group_id', 'is', String(GROUP)), {}, true],
    ['is another group', c('group_id', 'is', '360202'), {}, false],
    ['is not the group', c('group_id', 'is_not', String(GROUP)), {}, false],
    ['changed', c('group_id', 'changed', null), {}, true],
    ['changed, without a group', c('group_id', 'changed', null), { groupId: null }, false],
    ['is one of the agent’s groups (current_groups)', c('group_id', 'is', 'current_groups'), {}, 'unknown'],
  ],
  assignee_id: [
    ['is empty, unassigned', c('assignee_id', 'is', ''), {}, true],
    ['is empty, assigned', c('assignee_id', 'is', ''), { assigneeId: AGENT }, false],
    ['is current_user, assigned to the sender', c('assignee_id', 'is', 'current_user'), { assigneeId: AGENT }, true],
    [
      'is not current_user, assigned to the sender',
      c('assignee_id', 'is_not', 'current_user'),
      { assigneeId: AGENT },
      false,
    ],
    [
      'is not current_user, assigned to someone else',
      c('assignee_id', 'is_not', 'current_user'),
      { assigneeId: 42 },
      true,
    ],
    ['changed, assigned', c('assignee_id', 'changed', null), { assigneeId: 42 }, true],
    ['changed, unassigned', c('assignee_id', 'changed', null), {}, false],
  ],
  requester_id: [
    ['is the customer', c('requester_id', 'is', String(REQUESTER)), {}, true],
    ['is someone else', c('requester_id', 'is', '7'), {}, false],
  ],
  organization_id: [
    ['is the customer’s organization', c('organization_id', 'is', String(ORGANIZATION)), {}, true],
    ['is empty, for a customer with none', c('organization_id', 'is', ''), { organizationId: null }, true],
    ['is not the organization', c('organization_id', 'is_not', String(ORGANIZATION)), {}, false],
  ],
  custom_status_id: [
    ['is the chosen status', c('custom_status_id', 'is', '360504'), { customStatusId: 360_504 }, true],
    ['is another', c('custom_status_id', 'is', '360502'), { customStatusId: 360_504 }, false],
  ],
  current_tags: [
    ['includes the campaign tag', c('current_tags', 'includes', 'proactive_renewal'), {}, true],
    ['includes one of several', c('current_tags', 'includes', 'nope vip'), {}, true],
    ['includes a missing tag', c('current_tags', 'includes', 'billing'), {}, false],
    ['does not include the marker', c('current_tags', 'not_includes', 'proactive_campaign'), {}, false],
    ['does not include a missing tag', c('current_tags', 'not_includes', 'billing'), {}, true],
  ],
  comment_is_public: [
    ['true, public reply', c('comment_is_public', 'is', 'true'), {}, true],
    ['true, internal note', c('comment_is_public', 'is', 'true'), { commentIsPublic: false }, false],
    ['false, internal note', c('comment_is_public', 'is', 'false'), { commentIsPublic: false }, true],
    ['false, public reply', c('comment_is_public', 'is', 'false'), {}, false],
    ['not_relevant', c('comment_is_public', 'is', 'not_relevant'), { commentIsPublic: false }, true],
  ],
  ticket_is_public: [
    ['public, public reply', c('ticket_is_public', 'is', 'public'), {}, true],
    ['private, internal note', c('ticket_is_public', 'is', 'private'), { commentIsPublic: false }, true],
    ['public, internal note', c('ticket_is_public', 'is', 'public'), { commentIsPublic: false }, false],
  ],
  role: [
    ['agent, sent by an agent', c('role', 'is', 'agent'), {}, true],
    ['agent, sent by an admin (admins are agents)', c('role', 'is', 'agent'), { currentUserRole: 'admin' }, true],
    ['admin, sent by an agent', c('role', 'is', 'admin'), {}, false],
    ['admin, sent by an admin', c('role', 'is', 'admin'), { currentUserRole: 'admin' }, true],
    ['end_user', c('role', 'is', 'end_user'), {}, false],
    ['not end_user', c('role', 'is_not', 'end_user'), {}, true],
  ],
  requester_role: [
    ['end_user', c('requester_role', 'is', 'end_user'), {}, true],
    ['agent', c('requester_role', 'is', 'agent'), {}, false],
  ],
  via_id: [
    ['is 5 (API)', c('via_id', 'is', '5'), {}, true],
    ['is 4 (email)', c('via_id', 'is', '4'), {}, false],
    ['is not 0 (web)', c('via_id', 'is_not', '0'), {}, true],
  ],
  locale_id: [
    ['is English (1)', c('locale_id', 'is', '1'), {}, true],
    ['is Korean (69), for an English customer', c('locale_id', 'is', '69'), {}, false],
    ['is 1, locale unknown', c('locale_id', 'is', '1'), { requesterLocaleId: null }, 'unknown'],
  ],
  words: [
    ['subject includes a word', c('subject_includes_word', 'includes', 'renews'), {}, true],
    ['subject includes a word only in the body', c('subject_includes_word', 'includes', 'january'), {}, false],
    ['subject does not include', c('subject_includes_word', 'not_includes', 'invoice'), {}, true],
    ['comment includes a word of the body, any case', c('comment_includes_word', 'includes', 'JANUARY'), {}, true],
    ['comment includes part of a word only', c('comment_includes_word', 'includes', 'renew'), {}, false],
  ],
  'requester.custom_fields': [
    ['drop-down is gold', c('requester.custom_fields.service_level', 'is', 'gold'), {}, true],
    ['drop-down is silver', c('requester.custom_fields.service_level', 'is', 'silver'), {}, false],
    ['checkbox is true', c('requester.custom_fields.newsletter_opt_in', 'is', 'true'), {}, true],
    ['multiselect includes training', c('requester.custom_fields.product_interests', 'includes', 'training'), {}, true],
    [
      'multiselect does not include mobile',
      c('requester.custom_fields.product_interests', 'not_includes', 'mobile_app'),
      {},
      true,
    ],
    ['unset field present', c('requester.custom_fields.seats', 'present', null), {}, false],
  ],
  'organization.custom_fields': [
    ['account type is active', c('organization.custom_fields.account_type', 'is', 'active'), {}, true],
    ['unchecked checkbox present', c('organization.custom_fields.reference_customer', 'present', null), {}, false],
    [
      'unchecked checkbox not present',
      c('organization.custom_fields.reference_customer', 'not_present', null),
      {},
      true,
    ],
    [
      'no organization: account type is active',
      c('organization.custom_fields.account_type', 'is', 'active'),
      { organizationFields: {} },
      false,
    ],
  ],
  unknown: [
    ['a field the app does not know', c('satisfaction_score', 'is', 'good'), {}, 'unknown'],
    ['an operator the app does not know', c('status', 'within_business_hours', 'open'), {}, 'unknown'],
  ],
};

describe.each(Object.entries(CASES))('condition %s', (_kind, cases) => {
  it.each(cases)('%s', (_label, condition, changes, expected) => {
    expect(conditionHolds(condition, ticket(changes))).toBe(expected);
  });
});

const trigger = (
  id: number,
  conditions: { all?: RuleCondition[]; any?: RuleCondition[] },
  actions: Trigger['actions'] = [],
  position = id,
): Trigger => ({
  id,
  title: `Trigger ${id}`,
  active: true,
  position,
  conditions: { all: conditions.all ?? [], any: conditions.any ?? [] },
  actions,
});

describe('all and any', () => {
  const yes = c('update_type', 'is', 'Create');
  const no = c('status', 'is', 'solved');
  const maybe = c('satisfaction_score', 'is', 'good');

  it('needs every “all” condition and one “any” condition', () => {
    expect(triggerHolds(trigger(1, { all: [yes, yes] }), ticket())).toBe(true);
    expect(triggerHolds(trigger(1, { all: [yes, no] }), ticket())).toBe(false);
    expect(triggerHolds(trigger(1, { all: [yes], any: [no, yes] }), ticket())).toBe(true);
    expect(triggerHolds(trigger(1, { all: [yes], any: [no, no] }), ticket())).toBe(false);
  });

  it('says “may fire” when an undecidable condition could tip it, never “won’t”', () => {
    expect(triggerHolds(trigger(1, { all: [yes, maybe] }), ticket())).toBe('unknown');
    expect(triggerHolds(trigger(1, { all: [no, maybe] }), ticket())).toBe(false);
    expect(triggerHolds(trigger(1, { any: [no, maybe] }), ticket())).toBe('unknown');
    expect(triggerHolds(trigger(1, { any: [yes, maybe] }), ticket())).toBe(true);
  });
});

describe('triggers run in order and restart after one fires', () => {
  it('a trigger setting priority to normal is seen by a later “priority is normal” trigger', () => {
    const setNormal = trigger(1, { all: [c('priority', 'is', '')] }, [{ field: 'priority', value: 'normal' }]);
    const onNormal = trigger(2, { all: [c('priority', 'is', 'normal')] }, [
      { field: 'current_tags', value: 'normal_seen' },
    ]);
    expect(runTriggers([onNormal, setNormal], ticket()).map((o) => [o.trigger.id, o.result])).toEqual([
      [1, true],
      [2, true],
    ]);
    // With a priority already set, the first one does not fire and the second sees "high".
    expect(runTriggers([setNormal, onNormal], ticket({ priority: 'high' })).map((o) => o.result)).toEqual([
      false,
      false,
    ]);
  });

  it('an earlier trigger sees what a later one did, on the next pass', () => {
    const needsTag = trigger(1, { all: [c('current_tags', 'includes', 'escalated')] }, [
      { field: 'priority', value: 'urgent' },
    ]);
    const addsTag = trigger(2, { all: [c('update_type', 'is', 'Create')] }, [
      { field: 'current_tags', value: 'escalated' },
    ]);
    expect(runTriggers([needsTag, addsTag], ticket()).map((o) => o.result)).toEqual([true, true]);
  });

  it('starts again from the first trigger after one fires, before the later ones are looked at', () => {
    // 2 raises the priority; the cycle restarts and 1 lowers it again before 3 is looked at.
    const lowers = trigger(1, { all: [c('priority', 'is', 'high')] }, [{ field: 'priority', value: 'low' }]);
    const raises = trigger(2, { all: [c('update_type', 'is', 'Create')] }, [{ field: 'priority', value: 'high' }]);
    const onHigh = trigger(3, { all: [c('priority', 'is', 'high')] }, [{ field: 'current_tags', value: 'hot' }]);
    expect(runTriggers([lowers, raises, onHigh], ticket()).map((o) => o.result)).toEqual([true, true, false]);
  });

  it('fires each trigger once, and a removed tag stops a later trigger', () => {
    const removes = trigger(1, { all: [c('update_type', 'is', 'Create')] }, [{ field: 'remove_tags', value: 'vip' }]);
    const needsVip = trigger(2, { all: [c('current_tags', 'includes', 'vip')] }, [
      { field: 'status', value: 'pending' },
    ]);
    expect(runTriggers([removes, needsVip], ticket()).map((o) => o.result)).toEqual([true, false]);
  });

  it('leaves inactive triggers out and follows position, not list order', () => {
    const inactive = { ...trigger(3, { all: [c('update_type', 'is', 'Create')] }), active: false };
    const first = trigger(1, { all: [c('priority', 'is', '')] }, [{ field: 'priority', value: 'high' }], 1);
    const second = trigger(2, { all: [c('priority', 'is', '')] }, [{ field: 'priority', value: 'low' }], 2);
    const outcome = runTriggers([second, inactive, first], ticket());
    expect(outcome.map((o) => [o.trigger.id, o.result])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('what a trigger does, in plain words', () => {
  it('names each action kind, what customers receive first', () => {
    const summary = summariseActions([
      { field: 'status', value: 'pending' },
      { field: 'set_tags', value: 'a' },
      { field: 'remove_tags', value: 'b' },
      { field: 'notification_group', value: ['360202', 'Subject', 'Body'] },
      { field: 'notification_user', value: ['assignee_id', 'S', 'B'] },
      { field: 'notification_user', value: ['requester_and_ccs', 'S', 'B'] },
      { field: 'notification_webhook', value: ['01H', '{}'] },
      { field: 'comment_value_html', value: '<p>Hi</p>' },
      { field: 'comment_mode_is_public', value: 'true' },
      { field: 'satisfaction_score', value: 'offered' },
      { field: 'notification_user', value: ['current_user', 'S', 'B'] },
      { field: 'notification_user', value: ['all_agents', 'S', 'B'] },
      { field: 'notification_user', value: ['361000000009', 'S', 'B'] },
      { field: 'group_id', value: '360203' },
    ]);
    expect(summary).toEqual([
      { kind: 'emails_requester' },
      { kind: 'emails_all_agents' },
      { kind: 'emails_group', groupId: 360_202 },
      { kind: 'emails_assignee' },
      { kind: 'emails_you' },
      { kind: 'emails_someone' },
      { kind: 'calls_webhook' },
      { kind: 'adds_comment' },
      { kind: 'sets', field: 'status', value: 'pending' },
      { kind: 'sets', field: 'group', value: '360203' },
      { kind: 'changes_tags' },
      { kind: 'other', field: 'satisfaction_score' },
    ]);
    expect(reachesCustomers(summary)).toBe(true);
    expect(
      reachesCustomers(summariseActions([{ field: 'notification_user', value: ['requester_id', 'S', 'B'] }])),
    ).toBe(true);
    expect(reachesCustomers(summariseActions([{ field: 'notification_user', value: ['all_agents', 'S', 'B'] }]))).toBe(
      false,
    );
  });
});

describe('the prediction against the simulator’s trigger engine', () => {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 7, users: 60, clock });
  const api = new SupportApiClient({ transport: simulatorTransport(sim, { actAs: DEMO_IDENTITIES.agent }), clock });
  const { account } = sim;
  const agent = account.usersByEmail.get(DEMO_IDENTITIES.agent);
  const raw = account.users.find((u) => u.role === 'end-user' && u.email && !u.suspended && u.organization_id !== null);
  if (!agent || !raw) throw new Error('the demo account lacks an agent or a customer');
  const user = userSchema.parse(raw);
  const org = organizationSchema.parse(account.organizationsById.get(raw.organization_id ?? 0));
  const triggers = account.triggers.map((t) => triggerSchema.parse(t));
  const notifyRequester = triggers.find((t) => t.title === 'Notify requester of new proactive ticket');
  const group = account.groups.find((g) =>
    account.groupMemberships.some((m) => m.group_id === g.id && m.user_id === agent.id),
  );

  async function predictAndCreate(changes: Partial<TicketDraft>) {
    const draft = {
      ...emptyTicket({ groupId: group?.id ?? null }),
      subject: 'Your plan',
      body: 'Hi {{user.first_name}}',
      ...changes,
    };
    const rendered = template(draft.subject, draft.body).render(user, org);
    const payload = campaignTicket(draft, rendered, user.id, {
      campaignTag: 'proactive_renewal',
      markerTag: 'proactive_campaign',
      agentId: agent?.id ?? 0,
    });
    const predicted = runTriggers(
      triggers,
      ticketAtCreation(payload, user, org, { id: agent?.id ?? 0, role: 'agent' }, rendered.bodyText),
    );
    const created = await clock.run(() => createTicket(api, payload));
    const run = account.ticketsById.get(created.id)?.triggerRuns?.[0];
    const notified = account.notifications.filter((n) => n.ticket_id === created.id);
    return { predicted, run, notified, ticketId: created.id };
  }

  it('a public reply: the requester notification is predicted, fires, and emails the customer', async () => {
    const { predicted, run, notified } = await predictAndCreate({ visibility: 'public' });
    expect(predicted.find((o) => o.trigger.id === notifyRequester?.id)?.result).toBe(true);
    expect(run?.fired).toContain(notifyRequester?.id);
    // Every trigger predicted to fire fires, and none predicted not to.
    const fire = predicted.filter((o) => o.result === true).map((o) => o.trigger.id);
    const wont = predicted.filter((o) => o.result === false).map((o) => o.trigger.id);
    expect([...(run?.fired ?? [])].sort()).toEqual([...fire].sort());
    for (const id of wont) expect(run?.fired).not.toContain(id);
    const toCustomer = notified.filter((n) => n.trigger_id === notifyRequester?.id);
    expect(toCustomer.flatMap((n) => n.recipients.map((r) => r.id))).toContain(user.id);
  });

  it('an internal note: the requester notification is predicted not to fire, and does not', async () => {
    const { predicted, run, notified } = await predictAndCreate({ visibility: 'internal' });
    expect(predicted.find((o) => o.trigger.id === notifyRequester?.id)?.result).toBe(false);
    expect(run?.fired).not.toContain(notifyRequester?.id);
    const fire = predicted.filter((o) => o.result === true).map((o) => o.trigger.id);
    expect([...(run?.fired ?? [])].sort()).toEqual([...fire].sort());
    expect(notified.some((n) => n.recipients.some((r) => r.id === user.id))).toBe(false);
  });

  it('with a priority and an assignee: the prediction still matches what fires', async () => {
    const { predicted, run } = await predictAndCreate({ priority: 'high', assigneeId: agent.id, status: 'open' });
    const fire = predicted.filter((o) => o.result === true).map((o) => o.trigger.id);
    expect(fire.length).toBeGreaterThan(0);
    expect([...(run?.fired ?? [])].sort()).toEqual([...fire].sort());
    const noPriority = triggers.find((t) => t.title === 'Set tickets with no priority to normal');
    expect(run?.fired).not.toContain(noPriority?.id);
  });
});
