import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { newDraft, type CampaignDraft } from '../../../src/domain/campaign/draft.ts';
import { DRAFT_OBJECT, RemoteDraftUnavailable, zendeskDrafts } from '../../../src/services/drafts/zendesk-drafts.ts';
import { simulatedZendesk } from '../zendesk/support/simulated-zendesk.ts';

/**
 * A browser that blocks third-party storage gives the app no localStorage (Zendesk serves the app
 * from another site). The draft is then kept in a custom object record in the account, one per
 * agent, so a reload still finds the campaign where the agent left it.
 */

const NOW = Date.UTC(2026, 11, 2, 9);

function userId(sim: ReturnType<typeof simulatedZendesk>['sim'], email: string): number {
  const user = sim.account.users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

function draftNamed(name: string, id = 'd-1'): CampaignDraft {
  const draft = newDraft({ id, now: NOW, defaultGroupId: null });
  return { ...draft, ticket: { ...draft.ticket, name, subject: `About ${name}` } };
}

describe('drafts kept in Zendesk', () => {
  it('the first admin creates the object; a saved draft is read back whole, one record per agent', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20 } });
    const admin = { userId: userId(sim, DEMO_IDENTITIES.owner), isAdmin: true };
    const agent = { userId: userId(sim, DEMO_IDENTITIES.agent), isAdmin: false };
    const adminDrafts = zendeskDrafts(as(DEMO_IDENTITIES.owner), admin);

    expect(await clock.run(() => adminDrafts.load())).toEqual({ raw: undefined, listNotKept: false });
    expect(sim.account.customObjects.object(DRAFT_OBJECT)).toBeDefined();

    await clock.run(() => adminDrafts.save(draftNamed('Spring renewal')));
    const agentDrafts = zendeskDrafts(as(DEMO_IDENTITIES.agent), agent);
    expect((await clock.run(() => agentDrafts.load())).raw).toBeUndefined();
    await clock.run(() => agentDrafts.save(draftNamed('Outage follow-up', 'd-2')));

    // A new page (new client) reads each agent's own draft.
    expect((await clock.run(() => zendeskDrafts(as(DEMO_IDENTITIES.owner), admin).load())).raw).toEqual(
      draftNamed('Spring renewal'),
    );
    expect((await clock.run(() => zendeskDrafts(as(DEMO_IDENTITIES.agent), agent).load())).raw).toEqual(
      draftNamed('Outage follow-up', 'd-2'),
    );
  });

  it('saving again replaces the record instead of adding one', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20 } });
    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.owner), {
      userId: userId(sim, DEMO_IDENTITIES.owner),
      isAdmin: true,
    });
    await clock.run(() => drafts.save(draftNamed('First')));
    await clock.run(() => drafts.save(draftNamed('Second')));
    expect(sim.account.customObjects.records(DRAFT_OBJECT)).toHaveLength(1);
    expect((await clock.run(() => drafts.load())).raw).toEqual(draftNamed('Second'));
  });

  it('an object left without its field by an interrupted first visit is completed by the next admin', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20 } });
    const owner = { userId: userId(sim, DEMO_IDENTITIES.owner), isAdmin: true };
    // The first visit made the object, then the page closed before the field was added.
    await clock.run(() =>
      as(DEMO_IDENTITIES.owner).request(
        {
          method: 'POST',
          url: '/api/v2/custom_objects',
          body: { custom_object: { key: DRAFT_OBJECT, title: 'Draft', title_pluralized: 'Drafts' } },
        },
        z.unknown(),
      ),
    );
    const agentDrafts = zendeskDrafts(as(DEMO_IDENTITIES.agent), {
      userId: userId(sim, DEMO_IDENTITIES.agent),
      isAdmin: false,
    });
    await expect(clock.run(() => agentDrafts.load())).rejects.toMatchObject({ problem: 'needs_admin' });

    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.owner), owner);
    await clock.run(() => drafts.save(draftNamed('After the gap')));
    expect(sim.account.customObjects.fields(DRAFT_OBJECT).map((f) => f.key)).toContain('content');
    expect((await clock.run(() => drafts.load())).raw).toEqual(draftNamed('After the gap'));
  });

  it('an agent before any admin opened the app is told an admin must open it once', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20 } });
    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.agent), {
      userId: userId(sim, DEMO_IDENTITIES.agent),
      isAdmin: false,
    });
    await expect(clock.run(() => drafts.load())).rejects.toMatchObject({ problem: 'needs_admin' });
    expect(sim.account.customObjects.object(DRAFT_OBJECT)).toBeUndefined();
  });

  it('an account without custom objects says so', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20, customObjects: false } });
    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.owner), {
      userId: userId(sim, DEMO_IDENTITIES.owner),
      isAdmin: true,
    });
    const failure = await clock.run(() => drafts.load()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RemoteDraftUnavailable);
    expect(failure).toMatchObject({ problem: 'no_custom_objects' });
  });

  it('an agent in a custom role without record access is told so', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20, plan: 'enterprise' } });
    await clock.run(() =>
      zendeskDrafts(as(DEMO_IDENTITIES.owner), { userId: userId(sim, DEMO_IDENTITIES.owner), isAdmin: true }).load(),
    );
    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.customRoleAgent), {
      userId: userId(sim, DEMO_IDENTITIES.customRoleAgent),
      isAdmin: false,
    });
    await expect(clock.run(() => drafts.load())).rejects.toMatchObject({ problem: 'no_access' });
  });

  it('a customer list too long for the record is left out and the agent told, the rest of the draft kept', async () => {
    const { sim, clock, as } = simulatedZendesk({ simulator: { users: 20 } });
    const drafts = zendeskDrafts(as(DEMO_IDENTITIES.owner), {
      userId: userId(sim, DEMO_IDENTITIES.owner),
      isAdmin: true,
    });
    const base = draftNamed('Big list');
    const withList = (count: number): CampaignDraft => ({
      ...base,
      audience: {
        ...base.audience,
        source: 'csv',
        csv: {
          fileName: 'customers.csv',
          importedAt: NOW,
          userIds: Array.from({ length: count }, (_, i) => 361_000_100_000 + i),
          report: { rows: count, matched: count, unmatched: 0, duplicates: 0, invalid: 0, samples: [] },
        },
      },
    });

    await clock.run(() => drafts.save(withList(500)));
    expect(await clock.run(() => drafts.load())).toEqual({ raw: withList(500), listNotKept: false });

    await clock.run(() => drafts.save(withList(5_000)));
    const [record] = sim.account.customObjects.records(DRAFT_OBJECT);
    expect(String(record?.custom_object_fields.content).length).toBeLessThanOrEqual(30_000);
    const kept = await clock.run(() => drafts.load());
    expect(kept.listNotKept).toBe(true);
    expect(kept.raw).toMatchObject({ ticket: { name: 'Big list' }, audience: { source: 'csv', csv: null } });
  });
});
