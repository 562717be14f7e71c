import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { collectCursor, testZendesk } from './support/api.ts';
import {
  categoryErrorSchema,
  customStatusSchema,
  errorSchema,
  groupMembershipSchema,
  groupSchema,
  macroSchema,
  recordInvalidSchema,
  triggerCategorySchema,
  triggerSchema,
  viewSchema,
} from './support/schemas.ts';

const FORBIDDEN = {
  error: 'Forbidden',
  description:
    'You do not have access to this page. Please contact the account owner of this help desk for further help.',
};

function campaignView(tag: string, restriction?: unknown) {
  return {
    view: {
      title: `Campaign: ${tag}`,
      ...(restriction === undefined ? {} : { restriction }),
      all: [
        { field: 'status', operator: 'less_than', value: 'closed' },
        { field: 'current_tags', operator: 'includes', value: tag },
      ],
      any: [],
      output: {
        columns: ['nice_id', 'description', 'requester', 'status', 'updated'],
        sort_by: 'updated',
        sort_order: 'desc',
      },
    },
  };
}

describe('views', () => {
  it('creates a shared view as an admin; reads back conditions/execution; counts and lists its tickets', () => {
    const api = testZendesk();
    const tag = 'proactive_spring_check_in';
    const answer = api.call('POST', '/api/v2/views', campaignView(tag));
    expect(answer.status).toBe(200);
    const view = z.object({ view: viewSchema }).parse(answer.json).view;
    expect(view.conditions.all).toHaveLength(2);
    expect(view.execution.columns.map((c) => c.id)).toEqual([
      'nice_id',
      'description',
      'requester',
      'status',
      'updated',
    ]);
    expect(view.restriction).toBeNull();
    const expected = api.sim.account.tickets
      .filter((t) => t.ticket.tags.includes(tag) && t.ticket.status !== 'closed')
      .map((t) => t.ticket.id);
    const count = z
      .object({
        view_count: z.object({ view_id: z.number(), value: z.number(), pretty: z.string(), fresh: z.boolean() }),
      })
      .parse(api.get(`/api/v2/views/${view.id}/count`).json);
    expect(count.view_count.value).toBe(expected.length);
    const tickets = collectCursor(api, `/api/v2/views/${view.id}/tickets?page[size]=5`, 'tickets') as Array<{
      id: number;
    }>;
    expect(tickets.map((t) => t.id).sort()).toEqual(expected.sort());
    expect(z.object({ view: viewSchema }).parse(api.get(`/api/v2/views/${view.id}.json`).json).view.title).toBe(
      `Campaign: ${tag}`,
    );
  });

  it('requires a status/type/group/assignee/requester condition in all', () => {
    const api = testZendesk();
    const body = campaignView('pc_x');
    body.view.all = [{ field: 'current_tags', operator: 'includes', value: 'pc_x' }];
    const answer = api.call('POST', '/api/v2/views', body);
    expect(answer.status).toBe(422);
    recordInvalidSchema.parse(answer.json);
  });

  it('refuses more than 10 columns and sorting by description', () => {
    const api = testZendesk();
    const wide = campaignView('pc_x');
    wide.view.output.columns = [
      'nice_id',
      'description',
      'requester',
      'status',
      'updated',
      'assignee',
      'group',
      'priority',
      'created',
      'type',
      'organization',
    ];
    expect(api.call('POST', '/api/v2/views', wide).status).toBe(422);
    const bySubject = campaignView('pc_x');
    bySubject.view.output.sort_by = 'description';
    expect(api.call('POST', '/api/v2/views', bySubject).status).toBe(422);
  });

  it('lets an agent create a personal view for themself but not a shared one (403)', () => {
    const api = testZendesk();
    const agent = api.sim.account.usersByEmail.get(DEMO_IDENTITIES.agent);
    const shared = api.call('POST', '/api/v2/views', campaignView('pc_x'), { as: DEMO_IDENTITIES.agent });
    expect(shared.status).toBe(403);
    expect(shared.json).toEqual(FORBIDDEN);
    const forSomeoneElse = api.call(
      'POST',
      '/api/v2/views',
      campaignView('pc_x', { type: 'User', id: api.sim.account.owner.id }),
      { as: DEMO_IDENTITIES.agent },
    );
    expect(forSomeoneElse.status).toBe(403);
    const personal = api.call('POST', '/api/v2/views', campaignView('pc_x', { type: 'User', id: agent?.id }), {
      as: DEMO_IDENTITIES.agent,
    });
    expect(personal.status).toBe(200);
    const id = z.object({ view: viewSchema }).parse(personal.json).view.id;
    const listed = z
      .object({ views: z.array(viewSchema) })
      .parse(api.get('/api/v2/views?access=personal', { as: DEMO_IDENTITIES.agent }).json);
    // The agent's own personal views: the seeded one and the new one, nobody else's.
    expect(listed.views.map((v) => v.id)).toContain(id);
    expect(listed.views.length).toBeGreaterThan(1);
    expect(listed.views.every((v) => v.restriction?.type === 'User' && v.restriction.id === agent?.id)).toBe(true);
    // Someone else's personal view is invisible.
    expect(api.get(`/api/v2/views/${id}`, { as: DEMO_IDENTITIES.admin }).status).toBe(404);
  });
});

describe('triggers and categories', () => {
  const trigger = (categoryId: string) => ({
    trigger: {
      title: 'Campaign replies → Customer Success',
      category_id: categoryId,
      conditions: {
        all: [
          { field: 'update_type', operator: 'is', value: 'Change' },
          { field: 'current_tags', operator: 'includes', value: 'pc_spring' },
        ],
        any: [],
      },
      actions: [{ field: 'group_id', value: '360202' }],
    },
  });

  it('lists the active triggers (notify requester, notify all agents) and the category', () => {
    const api = testZendesk();
    const active = z
      .object({ triggers: z.array(triggerSchema) })
      .parse(api.get('/api/v2/triggers/active').json).triggers;
    expect(active.map((t) => t.title)).toEqual(
      expect.arrayContaining(['Notify requester of new proactive ticket', 'Notify all agents of received request']),
    );
    expect(active.every((t) => t.active)).toBe(true);
    const filtered = z
      .object({ triggers: z.array(triggerSchema) })
      .parse(api.get('/api/v2/triggers?active=false').json).triggers;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((t) => !t.active)).toBe(true);
    const categories = z
      .object({ trigger_categories: z.array(triggerCategorySchema) })
      .parse(api.get('/api/v2/trigger_categories').json);
    expect(categories.trigger_categories).toHaveLength(1);
  });

  it('creates a trigger as an admin, last in position; agents get 403', () => {
    const api = testZendesk();
    const categoryId = api.sim.account.triggerCategories[0]?.id ?? '';
    const created = api.call('POST', '/api/v2/triggers', trigger(categoryId));
    expect(created.status).toBe(201);
    const t = z.object({ trigger: triggerSchema }).parse(created.json).trigger;
    expect(t.position).toBe(api.sim.account.triggers.length);
    expect(t.category_id).toBe(categoryId);
    for (const who of [DEMO_IDENTITIES.agent, DEMO_IDENTITIES.customRoleAgent]) {
      const refused = api.call('POST', '/api/v2/triggers', trigger(categoryId), { as: who });
      expect(refused.status).toBe(403);
      expect(refused.json).toEqual(FORBIDDEN);
    }
  });

  it('requires a title, actions, conditions and an existing category', () => {
    const api = testZendesk();
    const categoryId = api.sim.account.triggerCategories[0]?.id ?? '';
    const noTitle = trigger(categoryId);
    noTitle.trigger.title = '';
    expect(
      Object.keys(recordInvalidSchema.parse(api.call('POST', '/api/v2/triggers', noTitle).json).details),
    ).toContain('title');
    const noActions = trigger(categoryId);
    noActions.trigger.actions = [];
    expect(
      Object.keys(recordInvalidSchema.parse(api.call('POST', '/api/v2/triggers', noActions).json).details),
    ).toContain('actions');
    expect(api.call('POST', '/api/v2/triggers', trigger('999999')).status).toBe(422);
  });

  it('creates trigger categories as an admin, with the {errors:[{code,title}]} error shape', () => {
    const api = testZendesk();
    const created = api.call('POST', '/api/v2/trigger_categories', {
      trigger_category: { name: 'Proactive campaigns', position: 0 },
    });
    expect(created.status).toBe(200);
    const category = z.object({ trigger_category: triggerCategorySchema }).parse(created.json).trigger_category;
    expect(category.name).toBe('Proactive campaigns');
    const blank = api.call('POST', '/api/v2/trigger_categories', { trigger_category: { name: ' ' } });
    expect(blank.status).toBe(400);
    expect(blank.json).toEqual({ errors: [{ code: 'InvalidTriggerCategory', title: 'Name cannot be blank' }] });
    const byAgent = api.call(
      'POST',
      '/api/v2/trigger_categories',
      { trigger_category: { name: 'x' } },
      { as: DEMO_IDENTITIES.agent },
    );
    expect(byAgent.status).toBe(403);
    categoryErrorSchema.parse(byAgent.json);
  });
});

describe('groups, memberships, macros, statuses, tags, settings', () => {
  it('lists groups, assignable groups and memberships filtered by group and user', () => {
    const api = testZendesk();
    const groups = z.object({ groups: z.array(groupSchema) }).parse(api.get('/api/v2/groups').json).groups;
    expect(groups.map((g) => g.name)).toEqual(['Support', 'Customer Success', 'Billing']);
    expect(
      z.object({ groups: z.array(groupSchema) }).parse(api.get('/api/v2/groups/assignable').json).groups,
    ).toHaveLength(3);
    const group = groups[1];
    const members = z
      .object({ group_memberships: z.array(groupMembershipSchema) })
      .parse(api.get(`/api/v2/group_memberships?group_id=${group?.id}`).json).group_memberships;
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.group_id === group?.id)).toBe(true);
    const agent = api.sim.account.usersByEmail.get(DEMO_IDENTITIES.agent);
    const mine = z
      .object({ group_memberships: z.array(groupMembershipSchema) })
      .parse(api.get(`/api/v2/group_memberships/assignable?user_id=${agent?.id}`).json).group_memberships;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m) => m.user_id === agent?.id)).toBe(true);
  });

  it('lists macros and applies one without touching any ticket', () => {
    const api = testZendesk();
    const macros = z.object({ macros: z.array(macroSchema) }).parse(api.get('/api/v2/macros/active').json).macros;
    expect(macros.length).toBeGreaterThanOrEqual(5);
    expect(macros.every((m) => m.active)).toBe(true);
    const renewal = macros.find((m) => m.title === 'Renewal reminder');
    const applied = z
      .object({
        result: z.object({
          ticket: z.object({
            comment: z.object({ body: z.string(), public: z.boolean() }),
            status: z.string().optional(),
          }),
        }),
      })
      .parse(api.get(`/api/v2/macros/${renewal?.id}/apply`).json);
    expect(applied.result.ticket.comment.body).toContain('{{ticket.requester.first_name}}');
    expect(applied.result.ticket.status).toBe('pending');
    expect(api.get('/api/v2/macros/1/apply').status).toBe(404);
  });

  it('lists custom statuses (also for end users), autocompletes tags and returns account settings', () => {
    const api = testZendesk();
    const statuses = z
      .object({ custom_statuses: z.array(customStatusSchema) })
      .parse(api.get('/api/v2/custom_statuses').json).custom_statuses;
    expect(new Set(statuses.map((s) => s.status_category))).toEqual(
      new Set(['new', 'open', 'pending', 'hold', 'solved']),
    );
    const tags = z
      .object({ tags: z.array(z.string()) })
      .parse(api.get('/api/v2/autocomplete/tags?name=proactive_').json).tags;
    expect(tags).toContain('proactive_spring_check_in');
    expect(tags.every((t) => t.startsWith('proactive_'))).toBe(true);
    const settings = z
      .object({
        settings: z.object({
          tickets: z.object({ tagging: z.boolean() }),
          active_features: z.object({ user_tagging: z.boolean() }),
        }),
      })
      .parse(api.get('/api/v2/account/settings').json);
    expect(settings.settings.tickets.tagging).toBe(true);
  });
});

describe('identity and roles', () => {
  it('401s an unknown email, and a missing header when requireAuth is on', () => {
    const api = testZendesk();
    const unknown = api.get('/api/v2/users/me', { as: 'nobody@example.com' });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual({ error: "Couldn't authenticate you" });
    const strict = testZendesk({ requireAuth: true });
    expect(strict.get('/api/v2/users/me').status).toBe(401);
    expect(strict.get('/api/v2/users/me', { as: DEMO_IDENTITIES.agent }).status).toBe(200);
  });

  it('does not let an end-user read agent endpoints', () => {
    const api = testZendesk();
    const customer = api.sim.account.users.find((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
    const answer = api.get('/api/v2/users', { as: customer?.email ?? '' });
    expect(answer.status).toBe(403);
    errorSchema.parse(answer.json);
    expect(api.get('/api/v2/users/me', { as: customer?.email ?? '' }).status).toBe(200);
  });
});
