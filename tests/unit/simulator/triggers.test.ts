import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { recordInvalidSchema, triggerSchema } from './support/schemas.ts';

const operator = z.object({ value: z.string(), title: z.string(), terminal: z.boolean() });
const value = z.object({ value: z.string(), title: z.string(), enabled: z.boolean() });
const definition = z.object({
  subject: z.string(),
  title: z.string(),
  type: z.string(),
  group: z.string(),
  nullable: z.boolean(),
  repeatable: z.boolean(),
  operators: z.array(operator).optional(),
  values: z.array(value).optional(),
});
const definitionsResponse = z.object({
  definitions: z.object({
    conditions_all: z.array(definition),
    conditions_any: z.array(definition),
    actions: z.array(definition),
  }),
});

type Condition = { field: string; operator: string; value?: unknown };
type Action = { field: string; value: unknown };

function trigger(api: TestZendesk, all: Condition[], actions: Action[], any: Condition[] = []) {
  return {
    trigger: {
      title: 'Campaign replies',
      category_id: api.sim.account.triggerCategories[0]?.id,
      conditions: { all, any },
      actions,
    },
  };
}

const created: Condition = { field: 'update_type', operator: 'is', value: 'Create' };
const toGroup = (api: TestZendesk): Action => ({ field: 'group_id', value: String(api.sim.account.groups[1]?.id) });

describe('GET /api/v2/triggers/definitions', () => {
  it('lists the conditions and actions of this account with titles, operators and values', () => {
    const api = testZendesk();
    const answer = api.get('/api/v2/triggers/definitions', { as: DEMO_IDENTITIES.agent });
    expect(answer.status).toBe(200);
    const { definitions } = definitionsResponse.parse(answer.json);
    const subjects = definitions.conditions_all.map((d) => d.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'update_type',
        'status',
        'priority',
        'type',
        'group_id',
        'assignee_id',
        'requester_id',
        'organization_id',
        'current_tags',
        'comment_is_public',
        'ticket_is_public',
        'role',
        'requester_role',
        'via_id',
        'requester.custom_fields.service_level',
        'organization.custom_fields.account_type',
      ]),
    );
    const bySubject = new Map(definitions.conditions_all.map((d) => [d.subject, d]));
    expect(bySubject.get('update_type')?.values?.map((v) => v.value)).toEqual(['Create', 'Change']);
    expect(bySubject.get('status')?.operators?.map((o) => o.value)).toEqual(
      expect.arrayContaining(['is', 'less_than', 'changed']),
    );
    expect(bySubject.get('status')?.operators?.find((o) => o.value === 'changed')?.terminal).toBe(true);
    // Values come from the account: its groups and its custom field options.
    expect(bySubject.get('group_id')?.values?.map((v) => v.title)).toEqual([
      '-',
      'Support',
      'Customer Success',
      'Billing',
    ]);
    expect(bySubject.get('requester.custom_fields.service_level')?.values?.map((v) => v.value)).toEqual([
      'platinum',
      'gold',
      'silver',
      'bronze',
    ]);
    expect(definitions.actions.map((a) => a.subject)).toEqual(
      expect.arrayContaining(['status', 'priority', 'group_id', 'assignee_id', 'current_tags', 'notification_user']),
    );
  });
});

describe('creating triggers is checked against the definitions', () => {
  it('accepts every seeded trigger again, and a campaign preset', () => {
    const api = testZendesk();
    for (const seeded of [...api.sim.account.triggers]) {
      const body = trigger(api, seeded.conditions.all, seeded.actions, seeded.conditions.any);
      const answer = api.call('POST', '/api/v2/triggers', body);
      expect(answer.status, `${seeded.title}: ${JSON.stringify(answer.json)}`).toBe(201);
    }
    const preset = trigger(
      api,
      [
        { field: 'update_type', operator: 'is', value: 'Change' },
        { field: 'current_tags', operator: 'includes', value: 'proactive_spring_renewal' },
        { field: 'role', operator: 'is', value: 'end_user' },
        { field: 'comment_is_public', operator: 'is', value: 'true' },
        { field: 'requester.custom_fields.service_level', operator: 'is', value: 'platinum' },
      ],
      [
        toGroup(api),
        { field: 'priority', value: 'high' },
        { field: 'notification_user', value: ['assignee_id', 'Customer replied', '{{ticket.latest_comment}}'] },
      ],
      [
        { field: 'via_id', operator: 'is', value: '4' },
        { field: 'ticket_is_public', operator: 'is', value: 'public' },
      ],
    );
    const answer = api.call('POST', '/api/v2/triggers', preset);
    expect(answer.status).toBe(201);
    expect(z.object({ trigger: triggerSchema }).parse(answer.json).trigger.conditions.all).toHaveLength(5);
  });

  it.each([
    ['an unknown condition field', { field: 'ticket_mood', operator: 'is', value: 'happy' }, 'all'],
    ['an operator the field does not take', { field: 'current_tags', operator: 'is', value: 'x' }, 'all'],
    ['a value outside the list', { field: 'status', operator: 'is', value: 'archived' }, 'all'],
    ['a group that does not exist', { field: 'group_id', operator: 'is', value: '1' }, 'all'],
    ['an empty tag list', { field: 'current_tags', operator: 'includes', value: ' ' }, 'all'],
    ['a requester who does not exist', { field: 'requester_id', operator: 'is', value: '42' }, 'any'],
  ] as const)('refuses %s with 422 under its array', (_, condition, where) => {
    const api = testZendesk();
    const body =
      where === 'all'
        ? trigger(api, [created, condition], [toGroup(api)])
        : trigger(api, [created], [toGroup(api)], [condition]);
    const answer = api.call('POST', '/api/v2/triggers', body);
    expect(answer.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(answer.json).details)).toEqual([where]);
  });

  it.each([
    ['an unknown action', { field: 'launch_rockets', value: 'now' }],
    ['a status a trigger cannot set', { field: 'status', value: 'new' }],
    ['a notification to nobody', { field: 'notification_user', value: ['the_moon', 'Subject', 'Body'] }],
    ['a notification without a body', { field: 'notification_user', value: ['requester_id', 'Subject'] }],
  ] as const)('refuses %s with 422 under actions', (_, action) => {
    const api = testZendesk();
    const answer = api.call('POST', '/api/v2/triggers', trigger(api, [created], [action]));
    expect(answer.status).toBe(422);
    expect(Object.keys(recordInvalidSchema.parse(answer.json).details)).toEqual(['actions']);
  });

  it('takes no value for a terminal operator such as "changed"', () => {
    const api = testZendesk();
    const body = trigger(api, [{ field: 'assignee_id', operator: 'changed' }], [toGroup(api)]);
    expect(api.call('POST', '/api/v2/triggers', body).status).toBe(201);
  });
});

describe('GET /api/v2/triggers/search', () => {
  it('finds triggers by title, case-insensitively, with offset paging and the active filter', () => {
    const api = testZendesk();
    const search = (query: string) => api.get(`/api/v2/triggers/search?${query}`, { as: DEMO_IDENTITIES.agent });
    const found = z
      .object({ triggers: z.array(triggerSchema), count: z.number(), next_page: z.string().nullable() })
      .parse(search('query=NOTIFY').json);
    expect(found.triggers.length).toBeGreaterThan(2);
    expect(found.triggers.every((t) => t.title.toLowerCase().includes('notify'))).toBe(true);
    expect(found.count).toBe(found.triggers.length);
    expect(found.triggers.map((t) => t.title)).toContain('Notify requester of new proactive ticket');
    const inactive = z.object({ triggers: z.array(triggerSchema) }).parse(search('query=auto&active=false').json);
    expect(inactive.triggers.map((t) => t.title)).toEqual(['Auto-reply with articles (legacy)']);
    const alphabetical = z
      .object({ triggers: z.array(triggerSchema) })
      .parse(search('query=notify&sort_by=alphabetical').json)
      .triggers.map((t) => t.title);
    expect(alphabetical).toEqual([...alphabetical].sort((a, b) => a.localeCompare(b)));
    expect(search('query=').status).toBe(400);
  });
});
