import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { collectCursor, testZendesk, type TestZendesk } from './support/api.ts';

const FORBIDDEN = {
  error: 'Forbidden',
  description:
    'You do not have access to this page. Please contact the account owner of this help desk for further help.',
};
const errorsBody = z.object({
  errors: z.array(z.object({ code: z.string(), status: z.string(), title: z.string(), detail: z.string() })),
});
const objectSchema = z.object({
  key: z.string(),
  url: z.string(),
  title: z.string(),
  title_pluralized: z.string(),
  created_by_user_id: z.string(),
  created_at: z.string(),
});
const fieldSchema = z.object({
  id: z.number(),
  key: z.string(),
  type: z.string(),
  title: z.string(),
  system: z.boolean(),
});
const recordSchema = z.object({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  url: z.string(),
  name: z.string(),
  external_id: z.string().nullable(),
  custom_object_key: z.string(),
  custom_object_fields: z.record(z.string(), z.unknown()),
  created_by_user_id: z.string(),
  updated_at: z.string(),
});
const recordResponse = z.object({ custom_object_record: recordSchema });

const KEY = 'proactive_campaign';
const agentOpts = { as: DEMO_IDENTITIES.agent };

function createObject(api: TestZendesk, key = KEY) {
  return api.call('POST', '/api/v2/custom_objects', {
    custom_object: { key, title: 'Proactive campaign', title_pluralized: 'Proactive campaigns' },
  });
}

function addField(api: TestZendesk, field: Record<string, unknown>, key = KEY) {
  return api.call('POST', `/api/v2/custom_objects/${key}/fields`, { custom_object_field: field });
}

/** The campaign-history object the app would make: a few fields of each kind. */
function campaignObject(api: TestZendesk) {
  expect(createObject(api).status).toBe(201);
  for (const field of [
    { key: 'tag', type: 'text', title: 'Campaign tag' },
    { key: 'notes', type: 'textarea', title: 'Notes' },
    { key: 'size', type: 'integer', title: 'Customers' },
    { key: 'sent_on', type: 'date', title: 'Sent on' },
    { key: 'urgent', type: 'checkbox', title: 'Urgent' },
    {
      key: 'state',
      type: 'dropdown',
      title: 'State',
      custom_field_options: [
        { name: 'Sending', value: 'sending' },
        { name: 'Done', value: 'done' },
      ],
    },
    { key: 'author', type: 'lookup', title: 'Author', relationship_target_type: 'zen:user' },
  ]) {
    const answer = addField(api, field);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  }
}

function record(api: TestZendesk, body: Record<string, unknown>, as: string = DEMO_IDENTITIES.agent) {
  return api.call('POST', `/api/v2/custom_objects/${KEY}/records`, { custom_object_record: body }, { as });
}

describe('custom objects and their fields', () => {
  it('admins create objects (201), everyone on staff lists and reads them; agents may not create', () => {
    const api = testZendesk();
    const created = createObject(api);
    expect(created.status).toBe(201);
    const object = z.object({ custom_object: objectSchema }).parse(created.json).custom_object;
    expect(object).toMatchObject({ key: KEY, title: 'Proactive campaign', title_pluralized: 'Proactive campaigns' });
    expect(object.created_by_user_id).toBe(String(api.sim.account.owner.id));
    const list = z
      .object({ custom_objects: z.array(objectSchema) })
      .parse(api.get('/api/v2/custom_objects', agentOpts).json);
    expect(list.custom_objects.map((o) => o.key)).toEqual([KEY]);
    expect(api.get(`/api/v2/custom_objects/${KEY}`, agentOpts).status).toBe(200);
    const missing = api.get('/api/v2/custom_objects/nothing_here');
    expect(missing.status).toBe(404);
    errorsBody.parse(missing.json);
    const byAgent = api.call(
      'POST',
      '/api/v2/custom_objects',
      { custom_object: { key: 'mine', title: 'Mine', title_pluralized: 'Mine' } },
      agentOpts,
    );
    expect(byAgent.status).toBe(403);
    expect(byAgent.json).toEqual(FORBIDDEN);
  });

  it('refuses a taken or malformed key and a missing title (422)', () => {
    const api = testZendesk();
    createObject(api);
    for (const answer of [
      createObject(api),
      createObject(api, 'Has Spaces'),
      api.call('POST', '/api/v2/custom_objects', { custom_object: { key: 'x', title: '', title_pluralized: 'X' } }),
    ]) {
      expect(answer.status).toBe(422);
      errorsBody.parse(answer.json);
    }
  });

  it('allows as many objects as the plan does (Team: 3)', () => {
    const api = testZendesk({ plan: 'team' });
    expect(['a', 'b', 'c', 'd'].map((k) => createObject(api, k).status)).toEqual([201, 201, 201, 422]);
  });

  it('admins add fields of each type; standard fields show only when asked for', () => {
    const api = testZendesk();
    campaignObject(api);
    const fields = z
      .object({ custom_object_fields: z.array(fieldSchema) })
      .parse(api.get(`/api/v2/custom_objects/${KEY}/fields`, agentOpts).json).custom_object_fields;
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ['tag', 'text'],
      ['notes', 'textarea'],
      ['size', 'integer'],
      ['sent_on', 'date'],
      ['urgent', 'checkbox'],
      ['state', 'dropdown'],
      ['author', 'lookup'],
    ]);
    const withStandard = z
      .object({ custom_object_fields: z.array(fieldSchema) })
      .parse(api.get(`/api/v2/custom_objects/${KEY}/fields?include_standard_fields=true`).json).custom_object_fields;
    expect(withStandard.filter((f) => f.system).map((f) => f.key)).toEqual(['standard::name', 'standard::external_id']);
  });

  it.each([
    ['a dropdown without options', { key: 'd', type: 'dropdown', title: 'D' }],
    ['an unknown type', { key: 'd', type: 'colour', title: 'D' }],
    ['a taken key', { key: 'tag', type: 'text', title: 'Again' }],
    ['an all-digit key', { key: '123', type: 'text', title: 'D' }],
    ['a lookup to nowhere', { key: 'd', type: 'lookup', title: 'D', relationship_target_type: 'zen:spaceship' }],
    ['a regexp field without a pattern', { key: 'd', type: 'regexp', title: 'D' }],
  ])('refuses %s (422)', (_, field) => {
    const api = testZendesk();
    campaignObject(api);
    const answer = addField(api, field);
    expect(answer.status).toBe(422);
    errorsBody.parse(answer.json);
  });

  it('only admins add fields', () => {
    const api = testZendesk();
    campaignObject(api);
    expect(addField(api, { key: 'x', type: 'text', title: 'X' }, KEY).status).toBe(201);
    const refused = api.call(
      'POST',
      `/api/v2/custom_objects/${KEY}/fields`,
      { custom_object_field: { key: 'y', type: 'text', title: 'Y' } },
      agentOpts,
    );
    expect(refused.status).toBe(403);
  });
});

describe('custom object records', () => {
  it('an agent creates a record (201); it answers every field, unset ones null, and reads back', () => {
    const api = testZendesk();
    campaignObject(api);
    const agent = api.sim.account.usersByEmail.get(DEMO_IDENTITIES.agent);
    const created = record(api, {
      name: 'Spring renewal',
      external_id: 'campaign-1',
      custom_object_fields: {
        tag: 'proactive_spring_renewal',
        size: 120,
        sent_on: '2026-11-20',
        state: 'done',
        author: agent?.id,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toMatch(/\/custom_objects\/proactive_campaign\/records\/[0-9A-Z]{26}\.json$/);
    const saved = recordResponse.parse(created.json).custom_object_record;
    expect(saved).toMatchObject({ name: 'Spring renewal', external_id: 'campaign-1', custom_object_key: KEY });
    expect(saved.custom_object_fields).toEqual({
      tag: 'proactive_spring_renewal',
      notes: null,
      size: 120,
      sent_on: '2026-11-20',
      urgent: null,
      state: 'done',
      author: String(agent?.id),
    });
    expect(saved.created_by_user_id).toBe(String(agent?.id));
    const read = api.get(`/api/v2/custom_objects/${KEY}/records/${saved.id}`, agentOpts);
    expect(recordResponse.parse(read.json).custom_object_record).toEqual(saved);
    expect(api.get(`/api/v2/custom_objects/${KEY}/records/01ABCDEFGHJKMNPQRSTVWXYZ00`).status).toBe(404);
  });

  it.each([
    ['no name', { custom_object_fields: { tag: 'x' } }],
    ['an unknown field', { name: 'A', custom_object_fields: { colour: 'red' } }],
    ['text for a number', { name: 'A', custom_object_fields: { size: 'many' } }],
    ['an impossible date', { name: 'A', custom_object_fields: { sent_on: '2026-02-30' } }],
    ['a value outside the dropdown', { name: 'A', custom_object_fields: { state: 'lost' } }],
    ['a string for a checkbox', { name: 'A', custom_object_fields: { urgent: 'yes' } }],
    ['more than 32 KB', { name: 'A', custom_object_fields: { notes: 'x'.repeat(33 * 1024) } }],
  ])('refuses a record with %s (422)', (_, body) => {
    const api = testZendesk();
    campaignObject(api);
    const answer = record(api, body);
    expect(answer.status).toBe(422);
    errorsBody.parse(answer.json);
    expect(api.sim.account.customObjects.records(KEY)).toHaveLength(0);
  });

  it('keeps external ids unique per object', () => {
    const api = testZendesk();
    campaignObject(api);
    expect(record(api, { name: 'A', external_id: 'same' }).status).toBe(201);
    expect(record(api, { name: 'B', external_id: 'same' }).status).toBe(422);
  });

  it('PATCH updates only what it sends', async () => {
    const api = testZendesk();
    campaignObject(api);
    const { id } = recordResponse.parse(
      record(api, { name: 'Spring', custom_object_fields: { tag: 'pc_spring', size: 10, state: 'sending' } }).json,
    ).custom_object_record;
    await api.clock.advance(60_000);
    const patched = api.call(
      'PATCH',
      `/api/v2/custom_objects/${KEY}/records/${id}`,
      { custom_object_record: { custom_object_fields: { state: 'done' } } },
      agentOpts,
    );
    expect(patched.status).toBe(200);
    const after = recordResponse.parse(patched.json).custom_object_record;
    expect(after).toMatchObject({ id, name: 'Spring' });
    expect(after.custom_object_fields).toMatchObject({ tag: 'pc_spring', size: 10, state: 'done' });
    const invalid = api.call('PATCH', `/api/v2/custom_objects/${KEY}/records/${id}`, {
      custom_object_record: { custom_object_fields: { size: 1.5 } },
    });
    expect(invalid.status).toBe(422);
  });

  it('PATCH ?external_id= creates the record once, then updates the same one (200 both times)', () => {
    const api = testZendesk();
    campaignObject(api);
    const upsert = (fields: Record<string, unknown>) =>
      api.call(
        'PATCH',
        `/api/v2/custom_objects/${KEY}/records?external_id=campaign-7`,
        { custom_object_record: { name: 'Campaign 7', custom_object_fields: fields } },
        agentOpts,
      );
    const first = upsert({ state: 'sending', size: 3 });
    expect(first.status).toBe(200);
    const second = upsert({ state: 'done' });
    expect(second.status).toBe(200);
    const [a, b] = [first, second].map((r) => recordResponse.parse(r.json).custom_object_record);
    expect(b?.id).toBe(a?.id);
    expect(b?.external_id).toBe('campaign-7');
    expect(b?.custom_object_fields).toMatchObject({ state: 'done', size: 3 });
    expect(api.sim.account.customObjects.records(KEY)).toHaveLength(1);
    expect(
      api.call('PATCH', `/api/v2/custom_objects/${KEY}/records`, { custom_object_record: { name: 'x' } }).status,
    ).toBe(400);
  });

  it('lists records with cursor paging, filters by external id and sorts by updated_at', async () => {
    const api = testZendesk();
    campaignObject(api);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      await api.clock.advance(1000);
      ids.push(
        recordResponse.parse(record(api, { name: `Campaign ${i}`, external_id: `c${i}` }).json).custom_object_record.id,
      );
    }
    const all = collectCursor(
      api,
      `/api/v2/custom_objects/${KEY}/records?page[size]=2`,
      'custom_object_records',
      agentOpts,
    );
    expect(all.map((r) => recordSchema.parse(r).id)).toEqual(ids);
    const first = z
      .object({
        custom_object_records: z.array(recordSchema),
        count: z.number(),
        meta: z.object({ has_more: z.boolean() }),
      })
      .parse(api.get(`/api/v2/custom_objects/${KEY}/records?page[size]=2`).json);
    expect(first.count).toBe(2);
    expect(first.meta.has_more).toBe(true);
    const filtered = z
      .object({ custom_object_records: z.array(recordSchema) })
      .parse(api.get(`/api/v2/custom_objects/${KEY}/records?filter[external_ids]=c2,c4`).json);
    expect(filtered.custom_object_records.map((r) => r.external_id)).toEqual(['c2', 'c4']);
    const newest = z
      .object({ custom_object_records: z.array(recordSchema) })
      .parse(api.get(`/api/v2/custom_objects/${KEY}/records?sort=-updated_at&page[size]=1`).json);
    expect(newest.custom_object_records[0]?.id).toBe(ids[4]);
    expect(api.get(`/api/v2/custom_objects/${KEY}/records?page[size]=101`).status).toBe(400);
  });

  it('searches records by the beginning of words in the name and text fields', () => {
    const api = testZendesk();
    campaignObject(api);
    record(api, { name: 'Spring renewal', custom_object_fields: { tag: 'proactive_spring_renewal' } });
    record(api, { name: 'Outage notice', custom_object_fields: { notes: 'Springfield datacenter' } });
    record(api, { name: 'Winter sale' });
    const search = (query: string) =>
      z
        .object({ custom_object_records: z.array(recordSchema) })
        .parse(
          api.get(`/api/v2/custom_objects/${KEY}/records/search?query=${encodeURIComponent(query)}`, agentOpts).json,
        )
        .custom_object_records.map((r) => r.name);
    expect(search('spring')).toEqual(['Spring renewal', 'Outage notice']);
    expect(search('WIN')).toEqual(['Winter sale']);
    expect(search('ring')).toEqual([]);
    expect(search('winter outage')).toEqual(['Outage notice', 'Winter sale']);
    expect(api.get(`/api/v2/custom_objects/${KEY}/records/search?query=`).status).toBe(400);
  });
});

describe('who may use custom object records', () => {
  it('an agent in a custom role has no record access until granted; end users none at all', () => {
    const api = testZendesk();
    campaignObject(api);
    const restricted = { as: DEMO_IDENTITIES.customRoleAgent };
    const list = api.get(`/api/v2/custom_objects/${KEY}/records`, restricted);
    expect(list.status).toBe(403);
    errorsBody.parse(list.json);
    expect(record(api, { name: 'A' }, DEMO_IDENTITIES.customRoleAgent).status).toBe(403);
    // The object itself is listed: object permissions govern records, not the schema.
    expect(api.get(`/api/v2/custom_objects/${KEY}`, restricted).status).toBe(200);
    api.sim.account.customObjects.recordAccess.custom_role.add('view');
    expect(api.get(`/api/v2/custom_objects/${KEY}/records`, restricted).status).toBe(200);
    const customer = api.sim.account.users.find((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
    expect(api.get(`/api/v2/custom_objects/${KEY}/records`, { as: customer?.email ?? '' }).status).toBe(403);
  });

  it('without custom objects on the account every path answers 403; Essential has none by default', () => {
    const off = testZendesk({ customObjects: false });
    for (const answer of [
      off.get('/api/v2/custom_objects'),
      createObject(off),
      off.get(`/api/v2/custom_objects/${KEY}/records`),
    ]) {
      expect(answer.status).toBe(403);
      expect(errorsBody.parse(answer.json).errors[0]?.detail).toContain('not available');
    }
    expect(testZendesk({ plan: 'essential' }).get('/api/v2/custom_objects').status).toBe(403);
    expect(testZendesk({ plan: 'essential', customObjects: true }).get('/api/v2/custom_objects').status).toBe(200);
    expect(testZendesk().get('/api/v2/custom_objects').status).toBe(200);
  });
});
