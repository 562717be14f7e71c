import { describe, expect, it } from 'vitest';
import { showManyJobStatuses, showManyUsers } from '../../../src/zendesk/index.ts';
import { simulatedZendesk } from './support/simulated-zendesk.ts';

describe('show_many in chunks of 100', () => {
  it('fetches 250 users in three requests, in the order asked', async () => {
    const { clock, sim, client } = simulatedZendesk();
    const ids = sim.account.users
      .filter((u) => u.role === 'end-user')
      .slice(0, 250)
      .map((u) => u.id)
      .reverse();
    const before = sim.stats.accepted;

    const users = await clock.run(() => showManyUsers(client, ids));

    // The simulator refuses more than 100 ids per request, so three answers mean three chunks.
    expect(sim.stats.accepted - before).toBe(3);
    expect(users.map((u) => u.id)).toEqual(ids);
  });

  it('asks nothing for an empty list', async () => {
    const { clock, sim, client } = simulatedZendesk();
    const before = sim.stats.accepted;
    expect(await clock.run(() => showManyJobStatuses(client, []))).toEqual([]);
    expect(sim.stats.accepted).toBe(before);
  });
});
