import { describe, expect, it } from 'vitest';
import { exportSearch, userPages, searchUsers, countSearch } from '../../../src/zendesk/index.ts';
import { simulatedZendesk } from './support/simulated-zendesk.ts';

describe('pagination against the simulated Zendesk', () => {
  it('reads all 3,000 end-users by cursor, every id exactly once', async () => {
    const { clock, sim, client } = simulatedZendesk({ simulator: { users: 3000 } });
    const ids: number[] = [];
    let pages = 0;
    await clock.run(async () => {
      for await (const page of userPages(client, { roles: ['end-user'] })) {
        pages += 1;
        ids.push(...page.map((u) => u.id));
      }
    });
    const expected = sim.account.users.filter((u) => u.role === 'end-user').map((u) => u.id);
    expect(expected).toHaveLength(3000);
    expect(pages).toBe(30);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });

  it('lists agents and admins with role[] and nothing else', async () => {
    const { clock, sim, client } = simulatedZendesk();
    const staff = await clock.run(async () => {
      const all = [];
      for await (const page of userPages(client, { roles: ['agent', 'admin'] })) all.push(...page);
      return all;
    });
    const expected = sim.account.users.filter((u) => u.role !== 'end-user');
    expect(staff.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
  });

  it('exports every end-user through /search/export cursor pages', async () => {
    const { clock, sim, client } = simulatedZendesk({ simulator: { users: 1200 } });
    const ids = await clock.run(async () => {
      const out: number[] = [];
      for await (const page of exportSearch(client, { query: 'role:end-user', type: 'user', pageSize: 500 })) {
        out.push(...page.map((u) => u.id));
      }
      return out;
    });
    expect(ids).toHaveLength(sim.account.users.filter((u) => u.role === 'end-user').length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('searchUsers returns at most 1,000 while countSearch gives the true total', async () => {
    const { clock, client } = simulatedZendesk({ simulator: { users: 3000 } });
    const [count, result] = await clock.run(() =>
      Promise.all([countSearch(client, 'type:user role:end-user'), searchUsers(client, 'role:end-user')]),
    );
    expect(count).toBe(3000);
    expect(result.count).toBe(3000);
    expect(result.users).toHaveLength(1000);
    expect(new Set(result.users.map((u) => u.id)).size).toBe(1000);
    expect(result.truncated).toBe(true);
  });

  it('stops at the last whole page inside the cap when the page size does not divide 1,000', async () => {
    const { clock, client } = simulatedZendesk({ simulator: { users: 3000 } });
    // 30 per page: page 34 would reach result 1,020, which Zendesk refuses with a 422.
    const result = await clock.run(() => searchUsers(client, 'role:end-user', { perPage: 30 }));
    expect(result.users).toHaveLength(990);
    expect(result.truncated).toBe(true);
  });
});
