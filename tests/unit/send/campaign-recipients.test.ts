import { describe, expect, it } from 'vitest';
import {
  customersWithCampaignTicket,
  EarlierSendStillRunning,
} from '../../../src/services/send/campaign-recipients.ts';
import { sendWorld } from '../../support/send-world.ts';

/**
 * Before a send, the customers who already have this campaign's ticket are left out. Search lags
 * new tickets by a minute or more (the simulator's default 30–120 s), so a send made a moment ago
 * on a page that forgot it (a reload without storage for the app) is found in the agent's jobs.
 */
describe('customers who already have the campaign ticket', () => {
  it('a send of a moment ago is found through the jobs, before search knows of it', async () => {
    const world = sendWorld({ customers: 150 });
    const runner = world.runner(world.newRun());
    await world.clock.run(() => runner.start());
    expect(world.ticketsPerCustomer().size).toBe(150);

    const search = world.sim.handle({
      method: 'GET',
      url: `/api/v2/search.json?query=${encodeURIComponent(`tags:${world.tag}`)}`,
      headers: { authorization: `Basic ${btoa(`${world.admin.email}/token:x`)}` },
    });
    if ('dropped' in search) throw new Error('the search was dropped');
    expect((JSON.parse(search.body) as { count: number }).count).toBeLessThan(150);

    const found = await world.clock.run(() => customersWithCampaignTicket(world.api, world.tag));
    expect([...found.customers].sort()).toEqual(world.customers.map((c) => c.id).sort());
    expect(found.wavesSeen).toBe(1);
  });

  it("another campaign's recent jobs leave its customers in, and cost one look per job", async () => {
    const world = sendWorld({ customers: 250 });
    await world.clock.run(() => world.runner(world.newRun()).start());
    const before = world.sim.stats.accepted;
    const found = await world.clock.run(() => customersWithCampaignTicket(world.api, 'proactive_other_campaign'));
    expect(found.customers.size).toBe(0);
    // Job list, one show_many of each job's first ticket, the (empty) search.
    expect(world.sim.stats.accepted - before).toBeLessThanOrEqual(3);
  });

  it('a job still running is waited for, so its customers are not sent a second ticket', async () => {
    const world = sendWorld({
      customers: 100,
      simulator: { jobTiming: { perTicketMs: 600, perTicketJitterMs: 0, startDelayMs: 2_000 } },
    });
    const runner = world.runner(world.newRun());
    const sending = runner.start();
    // Let the create_many go out, then ask while its job is still working.
    while (runner.run.batches[0]?.state !== 'submitted') await world.clock.advance(500);
    const waits: number[] = [];
    const found = await world.clock.run(() =>
      customersWithCampaignTicket(world.api, world.tag, { onWaiting: (running) => waits.push(running) }),
    );
    expect(waits.length).toBeGreaterThan(0);
    expect(found.customers.size).toBe(100);
    await world.clock.run(sending);
  });

  it('gives up after five minutes of a job that never finishes, rather than guessing', async () => {
    const world = sendWorld({
      customers: 100,
      simulator: { jobTiming: { perTicketMs: 10_000, perTicketJitterMs: 0, startDelayMs: 2_000 } },
    });
    const runner = world.runner(world.newRun());
    void runner.start();
    while (runner.run.batches[0]?.state !== 'submitted') await world.clock.advance(500);
    await expect(world.clock.run(() => customersWithCampaignTicket(world.api, world.tag))).rejects.toBeInstanceOf(
      EarlierSendStillRunning,
    );
    runner.cancel();
  });
});
