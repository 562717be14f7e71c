import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testZendesk, type TestZendesk } from './support/api.ts';
import type { SimulatorOptions } from '../../../sandbox/simulator/types.ts';

const countAnswer = z.object({ count: z.number() });
const searchAnswer = z.object({
  results: z.array(z.object({ id: z.number(), status: z.string(), tags: z.array(z.string()) })),
});

function count(api: TestZendesk, query: string): number {
  return countAnswer.parse(api.get(`/api/v2/search/count?query=${encodeURIComponent(query)}`).json).count;
}

function customerIds(api: TestZendesk, n: number): number[] {
  return api.sim.account.users
    .filter((u) => u.role === 'end-user' && u.email !== null && !u.suspended)
    .slice(0, n)
    .map((u) => u.id);
}

function createTicket(api: TestZendesk, requesterId: number, tags: string[]): number {
  const answer = api.call('POST', '/api/v2/tickets', {
    ticket: { requester_id: requesterId, tags, status: 'open', comment: { body: 'Hello' } },
  });
  expect(answer.status).toBe(201);
  return (answer.json as { ticket: { id: number } }).ticket.id;
}

/** Seconds after which `query` first counts `expected`, stepping 1 s (up to 5 minutes). */
async function secondsUntil(api: TestZendesk, query: string, expected: number): Promise<number> {
  for (let s = 0; s <= 300; s++) {
    if (count(api, query) === expected) return s;
    await api.clock.advance(1000);
  }
  throw new Error(`${query} never reached ${expected}`);
}

describe('search lags writes by default', () => {
  it('finds a new ticket only 30–120 s after it was created; each ticket has its own lag', async () => {
    const lagsOf = async (api: TestZendesk) => {
      const ids = customerIds(api, 8).map((requester, i) => createTicket(api, requester, [`pc_lag_${i}`]));
      const lags = new Map<number, number>();
      // Probing every 5 s keeps the test quick; a lag shows as the first probe at or after it.
      for (let second = 0; second <= 130 && lags.size < ids.length; second += 5) {
        ids.forEach((_, i) => {
          if (!lags.has(i) && count(api, `type:ticket tags:pc_lag_${i}`) === 1) lags.set(i, second);
        });
        await api.clock.advance(5000);
      }
      return { ids, lags: ids.map((_, i) => lags.get(i)) };
    };
    const api = testZendesk();
    const { ids, lags } = await lagsOf(api);
    for (const lag of lags) {
      expect(lag).toBeGreaterThanOrEqual(30);
      expect(lag).toBeLessThanOrEqual(125);
    }
    expect(new Set(lags).size).toBeGreaterThan(1);
    // The same seed gives the same lags.
    expect((await lagsOf(testZendesk())).lags).toEqual(lags);
    // Reads that do not go through search see the tickets at once.
    const fresh = testZendesk();
    const freshIds = customerIds(fresh, 2).map((requester) => createTicket(fresh, requester, ['pc_now']));
    const shown = fresh.get(`/api/v2/tickets/show_many?ids=${freshIds.join(',')}`).json as { tickets: unknown[] };
    expect(shown.tickets).toHaveLength(2);
    expect(ids).toHaveLength(8);
  });

  it('finds an updated ticket in its old state (old tags, old status) until the change is indexed', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const [requester] = customerIds(api, 1);
    const id = createTicket(api, requester ?? 0, ['pc_before']);
    await api.clock.advance(121_000);
    expect(count(api, 'type:ticket tags:pc_before status:open')).toBe(1);

    const put = api.call('PUT', `/api/v2/tickets/${id}`, {
      // Solving takes an assignee (About system ticket rules): the owner, an admin with no group to match.
      ticket: { status: 'solved', tags: ['pc_after'], assignee_id: api.sim.account.owner.id },
    });
    expect(put.status).toBe(200);
    // The API itself answers with the change…
    expect(put.json).toMatchObject({ ticket: { status: 'solved', tags: expect.arrayContaining(['pc_after']) } });
    // …search still has the old ticket, and answers with it as it was.
    expect(count(api, 'type:ticket tags:pc_after')).toBe(0);
    const stale = searchAnswer.parse(api.get('/api/v2/search?query=type:ticket tags:pc_before').json).results;
    expect(stale.map((t) => [t.id, t.status])).toEqual([[id, 'open']]);

    await api.clock.advance(121_000);
    expect(count(api, 'type:ticket tags:pc_before')).toBe(0);
    const fresh = searchAnswer.parse(api.get('/api/v2/search?query=type:ticket tags:pc_after').json).results;
    expect(fresh.map((t) => [t.id, t.status])).toEqual([[id, 'solved']]);
  });

  it('lags update_many changes too', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 } });
    const targets = api.sim.account.tickets.filter((t) => t.ticket.status === 'open').slice(0, 3);
    const before = count(api, 'type:ticket tags:pc_closed_out');
    api.call('PUT', `/api/v2/tickets/update_many?ids=${targets.map((t) => t.ticket.id).join(',')}`, {
      ticket: { status: 'solved', additional_tags: ['pc_closed_out'] },
    });
    await api.clock.advance(1000);
    const now = targets.map((t) => api.sim.account.ticketsById.get(t.ticket.id)?.ticket.status);
    expect(now).toEqual(['solved', 'solved', 'solved']);
    expect(count(api, 'type:ticket tags:pc_closed_out')).toBe(before);
    await api.clock.advance(120_000);
    expect(count(api, 'type:ticket tags:pc_closed_out')).toBe(before + 3);
  });

  it.each<[string, SimulatorOptions['searchIndexLagMs'], number]>([
    ['0 makes search instant', 0, 0],
    ['a number is a fixed lag', 45_000, 45],
    ['a range is drawn per record', { minMs: 5000, maxMs: 5000 }, 5],
  ])('searchIndexLagMs: %s', async (_name, option, seconds) => {
    const api = testZendesk({ searchIndexLagMs: option });
    const [requester] = customerIds(api, 1);
    createTicket(api, requester ?? 0, ['pc_option']);
    expect(await secondsUntil(api, 'type:ticket tags:pc_option', 1)).toBe(seconds);
  });

  it('the seeded account is indexed from the start', () => {
    const api = testZendesk();
    const tagged = api.sim.account.tickets.filter((t) => t.ticket.tags.includes('proactive_spring_check_in')).length;
    expect(tagged).toBeGreaterThan(0);
    expect(count(api, 'type:ticket tags:proactive_spring_check_in')).toBe(tagged);
  });
});
