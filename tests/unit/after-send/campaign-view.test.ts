import { describe, expect, it } from 'vitest';
import { CAMPAIGN_VIEW_COLUMNS } from '../../../src/domain/after-send/campaign-view.ts';
import { ensureCampaignView } from '../../../src/services/after-send/campaign-view.ts';
import { SupportApiClient, type Transport } from '../../../src/zendesk/index.ts';
import { afterSendWorld, type AfterSendWorld, type Who } from '../../support/after-send-world.ts';

const words = { title: 'Campaign: Spring renewal', description: 'Tickets of the campaign' };

function ensure(world: AfterSendWorld, who: Who, role: 'admin' | 'agent' | 'custom', api = world.client(who)) {
  return world.clock.run(() =>
    ensureCampaignView(api, {
      campaign: { name: 'Spring renewal', tag: world.tag },
      role,
      userId: world.userId(who),
      words,
    }),
  );
}

const campaignViews = (world: AfterSendWorld) =>
  world.sim.account.views.filter((v) => v.conditions.all.some((c) => c.value === world.tag));

describe('the campaign view', () => {
  it("an admin's is shared, on the campaign tag plus status < closed, with the useful columns, and lists the campaign's tickets", async () => {
    const world = afterSendWorld();
    const run = await world.send();
    const result = await ensure(world, 'admin', 'admin');
    expect(result).toMatchObject({ kind: 'shared', created: true, personalBecause: null });

    const [stored, ...others] = campaignViews(world);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      id: result.view.id,
      title: 'Campaign: Spring renewal',
      restriction: null,
      conditions: {
        all: [
          { field: 'status', operator: 'less_than', value: 'closed' },
          { field: 'current_tags', operator: 'includes', value: world.tag },
        ],
        any: [],
      },
    });
    expect((stored?.execution.columns as Array<{ id: string }>).map((c) => c.id)).toEqual([...CAMPAIGN_VIEW_COLUMNS]);

    // Solved tickets stay in it; closed ones leave it; tickets of other campaigns never appear.
    const [solved, closed] = world.campaignTickets();
    world.updateTicket(solved?.id ?? 0, { status: 'solved', assignee_id: world.userId('owner') });
    // Closed by Zendesk's own automation (28 days after solved): written straight into the account.
    const closedTicket = closed && world.sim.account.ticketsById.get(closed.id);
    if (closedTicket) closedTicket.ticket.status = 'closed';
    const response = world.sim.handle({ method: 'GET', url: `/api/v2/views/${result.view.id}/tickets`, headers: {} });
    if ('dropped' in response) throw new Error('dropped');
    const ids = (JSON.parse(response.body) as { tickets: Array<{ id: number }> }).tickets.map((t) => t.id).sort();
    const expected = run.created.filter((id) => id > 0 && id !== closed?.id).sort();
    expect(ids).toEqual(expected);
  });

  it('is found, not created again, on a resume, the next wave or in a second browser', async () => {
    const world = afterSendWorld();
    await world.send();
    const first = await ensure(world, 'admin', 'admin');
    const again = await ensure(world, 'admin', 'admin');
    const otherAdmin = await ensure(world, 'owner', 'admin');
    const agent = await ensure(world, 'agent', 'agent');
    for (const later of [again, otherAdmin, agent]) {
      expect(later).toMatchObject({ created: false, kind: 'shared' });
      expect(later.view.id).toBe(first.view.id);
    }
    expect(campaignViews(world)).toHaveLength(1);
  });

  it('a plain agent gets a personal view without asking for a shared one (which Zendesk refuses them)', async () => {
    const world = afterSendWorld();
    await world.send();
    const before = world.sim.stats.requests;
    const result = await ensure(world, 'agent', 'agent');
    expect(result).toMatchObject({ kind: 'personal', created: true, personalBecause: 'agent_role' });
    expect(campaignViews(world)).toEqual([
      expect.objectContaining({ restriction: { type: 'User', id: world.userId('agent') } }),
    ]);
    // list, create, list again: no refused shared attempt on the way.
    expect(world.sim.stats.requests - before).toBe(3);

    // The simulator really refuses an agent a shared view.
    const shared = world.sim.handle({
      method: 'POST',
      url: '/api/v2/views',
      headers: { 'content-type': 'application/json', authorization: authFor('agent@proactive-demo.test') },
      body: JSON.stringify({ view: { title: 'x', all: [{ field: 'status', operator: 'is', value: 'open' }] } }),
    });
    expect('status' in shared && shared.status).toBe(403);
  });

  it('a custom-role agent is refused a shared view (403) and gets a personal one, and is told why', async () => {
    const world = afterSendWorld();
    await world.send();
    const result = await ensure(world, 'customRoleAgent', 'custom');
    expect(result).toMatchObject({ kind: 'personal', created: true, personalBecause: 'refused_shared' });
    expect(campaignViews(world)).toHaveLength(1);
  });

  it('two browsers creating at the same moment end up with one view, the same for both', async () => {
    const world = afterSendWorld();
    await world.send();
    // The other browser's POST lands between this browser's look and its own POST.
    let raced = false;
    const racing: Transport = {
      async request(request) {
        if (request.method === 'POST' && request.url.startsWith('/api/v2/views') && !raced) {
          raced = true;
          await ensureCampaignView(world.client('owner'), {
            campaign: { name: 'Spring renewal', tag: world.tag },
            role: 'admin',
            userId: world.userId('owner'),
            words,
          });
        }
        return transportOf(world).request(request);
      },
    };
    const api = new SupportApiClient({ transport: racing, clock: world.clock });
    const result = await ensure(world, 'admin', 'admin', api);
    expect(raced).toBe(true);
    expect(result.created).toBe(false);
    const left = campaignViews(world);
    expect(left).toHaveLength(1);
    expect(left[0]?.id).toBe(result.view.id);
  });
});

function authFor(email: string): string {
  return `Basic ${btoa(`${email}/token:sandbox`)}`;
}

function transportOf(world: AfterSendWorld): Transport {
  return {
    async request(request) {
      const headers: Record<string, string> = { authorization: authFor('sam.lee@proactive-demo.test') };
      let body: string | undefined;
      if (request.body !== undefined) {
        body = JSON.stringify(request.body);
        headers['content-type'] = 'application/json';
      }
      const response = world.sim.handle({ method: request.method, url: request.url, headers, body });
      if ('dropped' in response) throw new Error('dropped');
      return {
        status: response.status,
        headers: response.headers,
        body: response.body === '' ? undefined : (JSON.parse(response.body) as unknown),
      };
    },
  };
}
