import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_IDENTITIES } from '../../sandbox/simulator/index.ts';
import { zendeskDrafts } from '../../src/services/drafts/zendesk-drafts.ts';
import { DraftStore, memoryStore } from '../../src/storage/index.ts';
import { createCampaignStore } from '../../src/ui/store/campaign-store.ts';
import { simulatedZendesk } from '../unit/zendesk/support/simulated-zendesk.ts';

/**
 * The campaign store on a browser that gives the app no storage (third-party storage blocked):
 * the draft goes to Zendesk instead, and leaving the page never writes an empty draft over it.
 */

const NOW = Date.UTC(2026, 11, 2, 9);
type World = ReturnType<typeof simulatedZendesk>;

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

/** Lets the store's debounce and the virtual Zendesk both run until nothing is left to do. */
async function settle(world: World) {
  for (let i = 0; i < 20; i++) {
    await vi.advanceTimersByTimeAsync(500);
    await world.clock.advance(500);
  }
}

function userId(world: World, email: string): number {
  const user = world.sim.account.users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

function storeFor(world: World, email: string, isAdmin: boolean) {
  const owner = { subdomain: 'demo', userId: userId(world, email) };
  return createCampaignStore({
    drafts: new DraftStore(memoryStore({}, false), owner),
    remote: zendeskDrafts(world.as(email), { userId: owner.userId, isAdmin }),
    newId: () => 'fresh',
    now: () => NOW,
    defaultGroupId: null,
  });
}

describe('the campaign draft on a browser without storage for the app', () => {
  it('an edit is kept in Zendesk and a reload restores it', async () => {
    const world = simulatedZendesk({ simulator: { users: 20 } });
    const first = storeFor(world, DEMO_IDENTITIES.owner, true);
    expect(first.getState().restoring).toBe(true);
    await settle(world);
    expect(first.getState()).toMatchObject({ restoring: false, saved: true, notSavedBecause: null });

    first.getState().updateTicket((t) => ({ ...t, name: 'Spring renewal', subject: 'Your plan renews soon' }));
    await settle(world);

    const reloaded = storeFor(world, DEMO_IDENTITIES.owner, true);
    expect(reloaded.getState().draft.ticket.name).toBe('');
    await settle(world);
    expect(reloaded.getState().draft.ticket).toMatchObject({
      name: 'Spring renewal',
      subject: 'Your plan renews soon',
    });
    expect(reloaded.getState().restoring).toBe(false);
  });

  it('leaving the page before the kept draft has arrived does not write the empty one over it', async () => {
    const world = simulatedZendesk({ simulator: { users: 20 } });
    const first = storeFor(world, DEMO_IDENTITIES.owner, true);
    await settle(world);
    first.getState().updateTicket((t) => ({ ...t, name: 'Kept' }));
    await settle(world);

    storeFor(world, DEMO_IDENTITIES.owner, true);
    window.dispatchEvent(new Event('pagehide')); // the agent reloads at once: a new page reads the draft
    const again = storeFor(world, DEMO_IDENTITIES.owner, true);
    await settle(world);
    expect(again.getState().draft.ticket.name).toBe('Kept');
  });

  it('an agent whose draft Zendesk cannot keep is told why, and the edit stays on the page', async () => {
    const world = simulatedZendesk({ simulator: { users: 20 } });
    const store = storeFor(world, DEMO_IDENTITIES.agent, false);
    await settle(world);
    expect(store.getState()).toMatchObject({ restoring: false, saved: false, notSavedBecause: 'needs_admin' });
    store.getState().updateTicket((t) => ({ ...t, name: 'Still here' }));
    await settle(world);
    expect(store.getState().draft.ticket.name).toBe('Still here');
    expect(store.getState().notSavedBecause).toBe('needs_admin');
  });

  it('an edit made while the kept draft is loading wins over it', async () => {
    const world = simulatedZendesk({ simulator: { users: 20 } });
    const first = storeFor(world, DEMO_IDENTITIES.owner, true);
    await settle(world);
    first.getState().updateTicket((t) => ({ ...t, name: 'Old' }));
    await settle(world);

    const second = storeFor(world, DEMO_IDENTITIES.owner, true);
    second.getState().updateTicket((t) => ({ ...t, name: 'Typed at once' }));
    await settle(world);
    expect(second.getState().draft.ticket.name).toBe('Typed at once');
  });

  it('without Zendesk to fall back on, the browser is named as the reason', () => {
    const store = createCampaignStore({
      drafts: new DraftStore(memoryStore({}, false), { subdomain: 'demo', userId: 1 }),
      newId: () => 'fresh',
      now: () => NOW,
      defaultGroupId: null,
    });
    expect(store.getState()).toMatchObject({ saved: false, notSavedBecause: 'browser', restoring: false });
  });
});
