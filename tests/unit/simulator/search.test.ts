import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectCursor, collectOffset, idsOf, testZendesk } from './support/api.ts';
import { errorSchema, offsetMetaSchema, ticketSchema, userSchema } from './support/schemas.ts';

const DAY = 86_400_000;
const searchPage = offsetMetaSchema.extend({
  results: z.array(
    z.object({ id: z.number(), result_type: z.enum(['user', 'organization', 'ticket', 'group']) }).passthrough(),
  ),
});
const exportPage = z.object({
  results: z.array(z.object({ id: z.number(), result_type: z.string() }).passthrough()),
  links: z.object({ next: z.string().url().nullable(), prev: z.null() }),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.null() }),
});

describe('GET search', () => {
  it('finds users by custom field with result_type, the true count, and full user JSON', () => {
    const api = testZendesk();
    const expected = api.sim.account.users.filter(
      (u) => u.user_fields.service_level === 'platinum' || u.user_fields.service_level === 'gold',
    );
    const all = collectOffset(
      api,
      '/api/v2/search.json?query=type:user service_level:platinum service_level:gold&per_page=20',
      'results',
    );
    expect(idsOf(all).sort()).toEqual(expected.map((u) => u.id).sort());
    for (const hit of all) userSchema.extend({ result_type: z.literal('user') }).parse(hit);
    const first = searchPage.parse(api.get('/api/v2/search?query=type:user service_level:gold&per_page=5').json);
    expect(first.count).toBe(api.sim.account.users.filter((u) => u.user_fields.service_level === 'gold').length);
  });

  it('pages up to 1,000 results; a page past the 1,000th is 422, while count stays the true total', () => {
    const api = testZendesk({ users: 1500 });
    const page10 = searchPage.parse(api.get('/api/v2/search?query=type:user role:end-user&page=10&per_page=100').json);
    expect(page10.results).toHaveLength(100);
    expect(page10.count).toBe(1500);
    const page11 = api.get('/api/v2/search?query=type:user role:end-user&page=11&per_page=100');
    expect(page11.status).toBe(422);
    errorSchema.parse(page11.json);
    expect(api.get('/api/v2/search?query=type:user role:end-user&page=21&per_page=50').status).toBe(422);
  });

  it('caps per_page at 100', () => {
    const api = testZendesk();
    expect(searchPage.parse(api.get('/api/v2/search?query=type:user&per_page=500').json).results).toHaveLength(100);
  });

  it('sorts tickets by sort_by / sort_order and by order_by: in the query', () => {
    const api = testZendesk();
    const asc = searchPage.parse(
      api.get('/api/v2/search?query=type:ticket&sort_by=created_at&sort_order=asc&per_page=100').json,
    );
    const created = asc.results.map((t) => String(t.created_at));
    expect(created).toEqual([...created].sort());
    const desc = searchPage.parse(
      api.get('/api/v2/search?query=type:ticket order_by:created sort:desc&per_page=100').json,
    );
    const createdDesc = desc.results.map((t) => String(t.created_at));
    expect(createdDesc).toEqual([...createdDesc].sort().reverse());
    expect(api.get('/api/v2/search?query=type:ticket&sort_by=mood').status).toBe(400);
  });

  it('answers 400 to a query Zendesk refuses (more than 64 words) or an empty one', () => {
    const api = testZendesk();
    const long = Array.from({ length: 65 }, (_, i) => `w${i}`).join(' ');
    const answer = api.get(`/api/v2/search?query=${encodeURIComponent(long)}`);
    expect(answer.status).toBe(400);
    errorSchema.parse(answer.json);
    expect(api.get('/api/v2/search').status).toBe(400);
  });

  it('sends its own search rate-limit header', () => {
    const api = testZendesk();
    const answer = api.get('/api/v2/search?query=type:group');
    expect(answer.headers['zendesk-ratelimit-search-index']).toMatch(/^total=2500; remaining=2499; resets=\d+$/);
  });
});

describe('GET search/count', () => {
  it('counts solved tickets of the last 7 days (internal solved_at) and campaign tags', () => {
    const api = testZendesk();
    const now = api.clock.now();
    const solvedThisWeek = api.sim.account.tickets.filter(
      (t) => t.solvedAtMs !== null && t.solvedAtMs > now - 7 * DAY,
    ).length;
    const counted = z
      .object({ count: z.number() })
      .parse(api.get('/api/v2/search/count?query=type:ticket solved>7days').json).count;
    expect(counted).toBe(solvedThisWeek);
    const tagged = api.sim.account.tickets.filter((t) => t.ticket.tags.includes('proactive_spring_check_in')).length;
    expect(
      z
        .object({ count: z.number() })
        .parse(api.get('/api/v2/search/count?query=type:ticket tags:proactive_spring_check_in').json).count,
    ).toBe(tagged);
    expect(tagged).toBeGreaterThan(0);
  });

  it('counts a ticket created through the API once it is indexed', async () => {
    const api = testZendesk({ searchIndexLagMs: 60_000 });
    const customer = api.sim.account.users.find((u) => u.role === 'end-user');
    api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: customer?.id, tags: ['pc_lag'], comment: { body: 'x' } },
    });
    const count = () =>
      z.object({ count: z.number() }).parse(api.get('/api/v2/search/count?query=tags:pc_lag').json).count;
    expect(count()).toBe(0);
    await api.clock.advance(61_000);
    expect(count()).toBe(1);
  });
});

describe('GET search/export', () => {
  it('exports every match with cursors (page[size] ≤ 1000), ordered by created_at, without a count', () => {
    const api = testZendesk({ users: 2500 });
    const first = exportPage.parse(
      api.get('/api/v2/search/export?query=role:end-user&filter[type]=user&page[size]=1000').json,
    );
    expect(first.results).toHaveLength(1000);
    expect(first.meta.has_more).toBe(true);
    expect(first).not.toHaveProperty('count');
    const all = collectCursor(
      api,
      '/api/v2/search/export?query=role:end-user&filter[type]=user&page[size]=1000',
      'results',
    ) as Array<{ created_at: string }>;
    expect(all).toHaveLength(2500);
    const created = all.map((u) => u.created_at);
    expect(created).toEqual([...created].sort());
  });

  it('requires filter[type], refuses type: in the query and page[size] over 1000', () => {
    const api = testZendesk();
    expect(api.get('/api/v2/search/export?query=role:end-user').status).toBe(400);
    expect(api.get('/api/v2/search/export?query=type:user role:end-user&filter[type]=user').status).toBe(400);
    expect(api.get('/api/v2/search/export?query=role:end-user&filter[type]=user&page[size]=1001').status).toBe(400);
    const tickets = exportPage.parse(
      api.get('/api/v2/search/export?query=status:open&filter[type]=ticket&page[size]=100').json,
    );
    for (const t of tickets.results) ticketSchema.parse(t);
  });

  it('expires cursors after one hour', async () => {
    const api = testZendesk();
    const first = exportPage.parse(
      api.get('/api/v2/search/export?query=role:end-user&filter[type]=user&page[size]=10').json,
    );
    const next = first.links.next ?? '';
    await api.clock.advance(59 * 60_000);
    expect(api.get(next).status).toBe(200);
    await api.clock.advance(2 * 60_000);
    expect(api.get(next).status).toBe(400);
  });

  it('has its own budget of 100 requests per minute', async () => {
    const api = testZendesk();
    const url = '/api/v2/search/export?query=type_of_thing&filter[type]=group&page[size]=10';
    for (let i = 0; i < 100; i++) expect(api.get(url).status).toBe(200);
    const refused = api.get(url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(api.get('/api/v2/users/me').status).toBe(200);
    await api.clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect(api.get(url).status).toBe(200);
  });
});
