import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { REFRESH_DELAY_MS } from '../../../sandbox/simulator/view-count-cache.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { recordInvalidSchema, viewSchema } from './support/schemas.ts';

const viewCount = z.object({
  view_id: z.number(),
  url: z.string(),
  value: z.number().nullable(),
  pretty: z.string(),
  fresh: z.boolean(),
});
const countResponse = z.object({ view_count: viewCount });
const countsResponse = z.object({ view_counts: z.array(viewCount) });
const rowsResponse = z.object({
  rows: z.array(z.record(z.string(), z.unknown()).and(z.object({ ticket: z.object({ id: z.number() }) }))),
  columns: z.array(z.object({ id: z.string(), title: z.string() })),
});

const status = (operator: string, value: string) => ({ field: 'status', operator, value });

function createView(api: TestZendesk, view: Record<string, unknown>, as?: string): number {
  const answer = api.call('POST', '/api/v2/views', { view: { title: 'A view', ...view } }, { as });
  if (answer.status !== 200) throw new Error(`view not created: ${JSON.stringify(answer.json)}`);
  return z.object({ view: viewSchema }).parse(answer.json).view.id;
}

const userId = (api: TestZendesk, email: string) => api.sim.account.usersByEmail.get(email)?.id ?? 0;
const UNSOLVED = ['new', 'open', 'pending', 'hold'];
const unsolved = (api: TestZendesk) => api.sim.account.tickets.filter((t) => UNSOLVED.includes(t.ticket.status)).length;

describe('views/count_many', () => {
  it('answers the visible views among the ids, in order, and skips someone else’s personal view', () => {
    const api = testZendesk();
    const open = createView(api, { all: [status('is', 'open')] });
    const pending = createView(api, { all: [status('is', 'pending')] });
    const adminsOwn = createView(api, {
      all: [status('is', 'new')],
      restriction: { type: 'User', id: api.sim.account.owner.id },
    });
    const answer = api.get(`/api/v2/views/count_many?ids=${pending},${open},${adminsOwn}`, {
      as: DEMO_IDENTITIES.agent,
    });
    expect(answer.status).toBe(200);
    const counts = countsResponse.parse(answer.json).view_counts;
    expect(counts.map((c) => c.view_id)).toEqual([pending, open]);
    const expected = api.sim.account.tickets.filter((t) => t.ticket.status === 'pending').length;
    expect(counts[0]).toMatchObject({ value: expected, fresh: true, pretty: String(expected) });
  });

  it('refuses no ids and more than 20 ids', () => {
    const api = testZendesk();
    expect(api.get('/api/v2/views/count_many').status).toBe(400);
    const ids = Array.from({ length: 21 }, (_, i) => 1000 + i).join(',');
    expect(api.get(`/api/v2/views/count_many?ids=${ids}`).status).toBe(400);
  });

  it('allows 6 requests every 5 minutes per agent, then 429 with Retry-After until the window ends', async () => {
    const api = testZendesk();
    const id = createView(api, { all: [status('is', 'open')] });
    const url = `/api/v2/views/count_many?ids=${id}`;
    const statuses = Array.from({ length: 7 }, () => api.get(url).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const refused = api.get(url);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(300);
    // Another agent has a budget of their own, and other endpoints are unaffected.
    expect(api.get(url, { as: DEMO_IDENTITIES.agent }).status).toBe(200);
    expect(api.get(`/api/v2/views/${id}/count`).status).toBe(200);
    await api.clock.advance(wait * 1000);
    expect(api.get(url).status).toBe(200);
  });
});

describe('view counts of large views are cached', () => {
  it('a large view first answers value null (fresh:false), then the count, which then goes stale', async () => {
    const api = testZendesk();
    expect(unsolved(api)).toBeGreaterThanOrEqual(100);
    const id = createView(api, { all: [status('less_than', 'solved')] });
    const read = () => countResponse.parse(api.get(`/api/v2/views/${id}/count`).json).view_count;
    expect(read()).toMatchObject({ value: null, fresh: false, pretty: '...' });
    await api.clock.advance(REFRESH_DELAY_MS);
    const counted = read();
    expect(counted).toMatchObject({ value: unsolved(api), fresh: true });
    expect(counted.pretty).toBe(`~${Math.floor(unsolved(api) / 100) * 100}`);

    // A new ticket does not show while the cached count is fresh…
    const customer = api.sim.account.users.find((u) => u.role === 'end-user' && u.email !== null);
    const made = api.call('POST', '/api/v2/tickets', {
      ticket: { subject: 'New', comment: { body: 'Hi' }, requester_id: customer?.id, status: 'open' },
    });
    expect(made.status).toBe(201);
    await api.clock.advance(5 * 60_000);
    expect(read()).toMatchObject({ value: counted.value, fresh: true });
    // …and after the cache expires the old value is served as stale until the recount lands.
    await api.clock.advance(10 * 60_000);
    expect(read()).toMatchObject({ value: counted.value, fresh: false });
    await api.clock.advance(REFRESH_DELAY_MS);
    expect(read()).toMatchObject({ value: (counted.value ?? 0) + 1, fresh: true });
  });

  it('count_many shares the cache with views/{id}/count; small views are always counted live', async () => {
    const api = testZendesk();
    const large = createView(api, { all: [status('less_than', 'solved')] });
    const tag = 'proactive_spring_check_in';
    const small = createView(api, {
      all: [status('less_than', 'closed'), { field: 'current_tags', operator: 'includes', value: tag }],
    });
    expect(countResponse.parse(api.get(`/api/v2/views/${large}/count`).json).view_count.value).toBeNull();
    await api.clock.advance(REFRESH_DELAY_MS);
    const counts = countsResponse.parse(api.get(`/api/v2/views/count_many?ids=${large},${small}`).json).view_counts;
    const tagged = api.sim.account.tickets.filter((t) => t.ticket.tags.includes(tag) && t.ticket.status !== 'closed');
    expect(counts).toEqual([
      expect.objectContaining({ view_id: large, value: unsolved(api), fresh: true }),
      expect.objectContaining({ view_id: small, value: tagged.length, fresh: true }),
    ]);
  });
});

describe('views/preview and views/preview/count', () => {
  const preview = {
    view: {
      all: [
        status('less_than', 'closed'),
        { field: 'current_tags', operator: 'includes', value: 'proactive_campaign' },
      ],
      output: { columns: ['nice_id', 'description', 'status', 'requester'], sort_by: 'nice_id', sort_order: 'asc' },
    },
  };

  it('previews rows (with a partial ticket each) and counts them without saving a view', () => {
    const api = testZendesk();
    const views = api.sim.account.views.length;
    const expected = api.sim.account.tickets
      .filter((t) => t.ticket.tags.includes('proactive_campaign') && t.ticket.status !== 'closed')
      .map((t) => t.ticket.id)
      .sort((a, b) => a - b);
    const rows = api.call('POST', '/api/v2/views/preview', preview);
    expect(rows.status).toBe(200);
    const body = rowsResponse.parse(rows.json);
    expect(body.rows.map((r) => r.ticket.id)).toEqual(expected);
    expect(body.columns.map((c) => c.id)).toEqual(['nice_id', 'description', 'status', 'requester']);
    expect(body.rows[0]).toHaveProperty('status');
    const count = api.call('POST', '/api/v2/views/preview/count', preview);
    expect(count.status).toBe(200);
    expect(count.json).toEqual({
      view_count: { value: expected.length, pretty: String(expected.length), fresh: true },
    });
    expect(api.sim.account.views.length).toBe(views);
  });

  it('validates the conditions like Create View (422) and allows 5 previews a minute per agent', () => {
    const api = testZendesk();
    const noAnchor = { view: { all: [{ field: 'current_tags', operator: 'includes', value: 'x' }] } };
    const refused = api.call('POST', '/api/v2/views/preview/count', noAnchor);
    expect(refused.status).toBe(422);
    recordInvalidSchema.parse(refused.json);
    const statuses = Array.from(
      { length: 5 },
      (_, i) => api.call('POST', i % 2 ? '/api/v2/views/preview' : '/api/v2/views/preview/count', preview).status,
    );
    // The 422 above was processed and counted: the sixth request of the minute is refused.
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(api.call('POST', '/api/v2/views/preview', preview, { as: DEMO_IDENTITIES.agent }).status).toBe(200);
  });
});

describe('views/{id}/execute', () => {
  it('answers columns and rows in the view’s sort order, paged', () => {
    const api = testZendesk();
    const id = createView(api, {
      all: [status('is', 'open')],
      output: { columns: ['nice_id', 'description', 'assignee', 'updated'], sort_by: 'nice_id', sort_order: 'asc' },
    });
    const expected = api.sim.account.tickets
      .filter((t) => t.ticket.status === 'open')
      .map((t) => t.ticket.id)
      .sort((a, b) => a - b);
    const first = api.get(`/api/v2/views/${id}/execute?per_page=5`);
    expect(first.status).toBe(200);
    const body = rowsResponse
      .and(z.object({ view: z.object({ id: z.number() }), count: z.number() }))
      .parse(first.json);
    expect(body.view.id).toBe(id);
    expect(body.count).toBe(expected.length);
    expect(body.rows.map((r) => r.ticket.id)).toEqual(expected.slice(0, 5));
    expect(body.rows[0]).toHaveProperty('assignee');
    const desc = rowsResponse.parse(api.get(`/api/v2/views/${id}/execute?sort_order=desc&per_page=3`).json);
    expect(desc.rows.map((r) => r.ticket.id)).toEqual([...expected].reverse().slice(0, 3));
  });
});

describe('updating and deleting views', () => {
  it('PUT replaces the sent condition array and keeps the rest; the view must stay valid', () => {
    const api = testZendesk();
    const id = createView(api, {
      all: [status('less_than', 'closed'), { field: 'current_tags', operator: 'includes', value: 'pc_a' }],
      any: [{ field: 'priority', operator: 'is', value: 'high' }],
    });
    const updated = api.call('PUT', `/api/v2/views/${id}`, {
      view: { title: 'Renamed', all: [status('is', 'open')] },
    });
    expect(updated.status).toBe(200);
    const view = z.object({ view: viewSchema }).parse(updated.json).view;
    expect(view.title).toBe('Renamed');
    expect(view.conditions.all).toEqual([status('is', 'open')]);
    expect(view.conditions.any).toEqual([{ field: 'priority', operator: 'is', value: 'high' }]);
    const invalid = api.call('PUT', `/api/v2/views/${id}`, {
      view: { all: [{ field: 'current_tags', operator: 'includes', value: 'pc_a' }] },
    });
    expect(invalid.status).toBe(422);
    expect(api.call('PUT', '/api/v2/views/999', { view: { title: 'x' } }).status).toBe(404);
  });

  it('agents update and delete only their own personal views; admins any view', () => {
    const api = testZendesk();
    const agent = DEMO_IDENTITIES.agent;
    const shared = createView(api, { all: [status('is', 'open')] });
    const mine = createView(
      api,
      { all: [status('is', 'open')], restriction: { type: 'User', id: userId(api, agent) } },
      agent,
    );
    expect(api.call('PUT', `/api/v2/views/${shared}`, { view: { title: 'Mine now' } }, { as: agent }).status).toBe(403);
    expect(api.call('DELETE', `/api/v2/views/${shared}`, undefined, { as: agent }).status).toBe(403);
    // Nor may an agent share their personal view.
    expect(api.call('PUT', `/api/v2/views/${mine}`, { view: { restriction: null } }, { as: agent }).status).toBe(403);
    expect(api.call('PUT', `/api/v2/views/${mine}`, { view: { title: 'Renamed' } }, { as: agent }).status).toBe(200);
    const deleted = api.call('DELETE', `/api/v2/views/${mine}`, undefined, { as: agent });
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeUndefined();
    expect(api.get(`/api/v2/views/${mine}`, { as: agent }).status).toBe(404);
    expect(api.call('DELETE', `/api/v2/views/${shared}`).status).toBe(204);
    expect(api.get(`/api/v2/views/${shared}`).status).toBe(404);
  });
});

describe('group views', () => {
  it('admins create group views; members see them, other agents do not; agents cannot create them', () => {
    const api = testZendesk();
    const account = api.sim.account;
    const billing = account.groups.find((g) => g.name === 'Billing');
    const inGroup = (email: string) =>
      account.groupMemberships.some((m) => m.group_id === billing?.id && m.user_id === userId(api, email));
    const staff = account.users.filter((u) => u.role === 'agent' && u.email !== null && u.custom_role_id === null);
    const member = staff.find((u) => inGroup(u.email ?? ''));
    const outsider = staff.find((u) => !inGroup(u.email ?? ''));
    if (!billing || !member?.email || !outsider?.email) throw new Error('the seed lacks a member and an outsider');
    const id = createView(api, { all: [status('is', 'open')], restriction: { type: 'Group', ids: [billing.id] } });
    expect(api.get(`/api/v2/views/${id}`, { as: member.email }).status).toBe(200);
    expect(api.get(`/api/v2/views/${id}`, { as: outsider.email }).status).toBe(404);
    const ids = (email: string) =>
      z
        .object({ views: z.array(viewSchema) })
        .parse(api.get('/api/v2/views?access=shared', { as: email }).json)
        .views.map((v) => v.id);
    expect(ids(member.email)).toContain(id);
    expect(ids(outsider.email)).not.toContain(id);
    const byAgent = api.call(
      'POST',
      '/api/v2/views',
      { view: { title: 'G', all: [status('is', 'open')], restriction: { type: 'Group', ids: [billing.id] } } },
      { as: member.email },
    );
    expect(byAgent.status).toBe(403);
    const unknownGroup = api.call('POST', '/api/v2/views', {
      view: { title: 'G', all: [status('is', 'open')], restriction: { type: 'Group', ids: [1] } },
    });
    expect(unknownGroup.status).toBe(422);
  });
});
