import { describe, expect, it } from 'vitest';
import { recordAfterSend } from '../../../src/domain/after-send/campaign-record.ts';
import {
  campaignTagOf,
  discoveryQuery,
  mergeCampaigns,
  SEARCH_CATCH_UP_MS,
  statusCountQuery,
  ticketsNotYetSearchable,
  totalOf,
} from '../../../src/domain/after-send/campaign-history.ts';
import type { CampaignRecord, WaveRecord } from '../../../src/domain/after-send/campaign-record.ts';
import { CampaignRecords } from '../../../src/services/after-send/campaign-records.ts';
import {
  countCampaignTickets,
  firstTicketFacts,
  loadHistory,
} from '../../../src/services/after-send/campaign-history.ts';
import { OLD_CAMPAIGN_TAG } from '../../../sandbox/simulator/seed/tickets.ts';
import { afterSendWorld, type AfterSendWorld } from '../../support/after-send-world.ts';

const MARKER = 'proactive_campaign';

/** A second campaign in the same account, sent by the same runner machinery under another tag. */
async function sendAnother(world: AfterSendWorld, tag: string) {
  const run = world.newRun(`run-${tag}`);
  const other = { ...run, campaign: { ...run.campaign, tag, name: `Campaign ${tag}` } };
  // The world's factory tags tickets with its own tag: retag the created tickets as the other campaign.
  const done = await world.clock.run(() => world.runner(other).start());
  for (const id of done.created.filter((n) => n > 0)) {
    const stored = world.sim.account.ticketsById.get(id);
    if (!stored) continue;
    stored.ticket.tags = stored.ticket.tags.map((t) => (t === world.tag ? tag : t));
    stored.ticket.external_id = stored.ticket.external_id?.replace(world.tag, tag) ?? null;
  }
  return done;
}

describe('campaign history', () => {
  it('the pure parts: a ticket belongs to the campaign its external id names; queries stay in the word limit', () => {
    expect(campaignTagOf({ external_id: 'pc1:proactive_spring:42', tags: ['proactive_spring', MARKER] })).toBe(
      'proactive_spring',
    );
    expect(campaignTagOf({ external_id: 'pc1:proactive_spring:42', tags: [MARKER] })).toBeNull();
    expect(campaignTagOf({ external_id: 'crm-7', tags: [MARKER] })).toBeNull();
    const many = Array.from({ length: 80 }, (_, i) => `proactive_c${i}`);
    expect(discoveryQuery(MARKER, many).split(' ')).toHaveLength(64);
    expect(statusCountQuery('proactive_x', 'pending')).toBe('type:ticket tags:proactive_x status:pending status:hold');
    const merged = mergeCampaigns(
      [{ tag: 'a', name: 'From the record', firstSentAt: 10 }],
      [
        { tag: 'a', name: 'From this browser', authorName: 'Me', lastSentAt: 30 },
        { tag: 'b', lastSentAt: 20 },
      ],
    );
    expect(merged).toEqual([
      expect.objectContaining({ tag: 'a', name: 'From the record', authorName: 'Me', firstSentAt: 10, lastSentAt: 30 }),
      expect.objectContaining({ tag: 'b', name: null }),
    ]);
  });

  it("right after a send, the tickets search does not count yet are the record's; later a shortfall is search's word", () => {
    const wave = (created: number, finishedAt: number): WaveRecord => ({
      runId: `run-${finishedAt}`,
      wave: 1,
      waves: 1,
      agentId: 1,
      customers: created,
      created,
      failed: 0,
      skipped: 0,
      startedAt: finishedAt - 60_000,
      finishedAt,
    });
    const record = (...waves: WaveRecord[]): CampaignRecord => ({
      tag: 'proactive_x',
      name: 'X',
      authorId: 1,
      authorName: 'Sam',
      firstSentAt: 0,
      viewId: null,
      triggerIds: [],
      audience: null,
      settings: null,
      waves,
    });
    const sentAt = 1_000_000_000;
    // 90 created a minute ago, search counts 10 of them so far.
    expect(ticketsNotYetSearchable(record(wave(90, sentAt)), 10, sentAt + 60_000)).toBe(80);
    // Two waves: both count.
    expect(ticketsNotYetSearchable(record(wave(100, sentAt - 86_400_000), wave(50, sentAt)), 120, sentAt)).toBe(30);
    // Search caught up, or counts more (tickets added by hand): nothing is added.
    expect(ticketsNotYetSearchable(record(wave(90, sentAt)), 95, sentAt + 60_000)).toBe(0);
    // Long after the send, fewer tickets than created means some were deleted: search is right.
    expect(ticketsNotYetSearchable(record(wave(90, sentAt)), 10, sentAt + SEARCH_CATCH_UP_MS + 1)).toBe(0);
    // No record (another browser without custom objects): only search.
    expect(ticketsNotYetSearchable(null, 10, sentAt)).toBe(0);
  });

  it('another agent in another browser (no journal) finds every campaign from the marker tag, newest first', async () => {
    const world = afterSendWorld({ simulator: { customObjects: false } });
    await world.send();
    await world.clock.advance(3_600_000);
    await sendAnother(world, 'proactive_autumn_offer');
    const agent = world.client('agent');
    const history = await world.clock.run(() =>
      loadHistory(agent, { markerTag: MARKER, records: new CampaignRecords(agent, false), local: [] }),
    );
    expect(history.records).toMatchObject({ kind: 'unavailable', reason: 'not_enabled' });
    // The demo account's own older campaign (seeded tickets) is there too, last.
    expect(history.campaigns.map((c) => c.tag)).toEqual(['proactive_autumn_offer', world.tag, OLD_CAMPAIGN_TAG]);
    expect(history.truncated).toBe(false);
    // Only the tickets know it: date and author come from its first ticket.
    const facts = await world.clock.run(() => firstTicketFacts(agent, world.tag));
    expect(facts).toMatchObject({ authorId: world.admin.id, authorName: world.admin.name });
  });

  it('names, authors and audiences come from the records where the account keeps them', async () => {
    const world = afterSendWorld();
    const run = await world.send();
    await world.clock.run(() =>
      new CampaignRecords(world.client('admin'), true).update(world.tag, (existing) =>
        recordAfterSend(existing, {
          run,
          author: { id: world.admin.id, name: world.admin.name },
          audience: { source: 'csv', fileName: 'renewals.csv', rows: 12, matched: 12 },
          viewId: null,
        }),
      ),
    );
    const agent = world.client('agent');
    const history = await world.clock.run(() =>
      loadHistory(agent, { markerTag: MARKER, records: new CampaignRecords(agent, false), local: [] }),
    );
    expect(history.records.kind).toBe('ready');
    expect(history.campaigns.filter((c) => c.record !== null)).toEqual([
      expect.objectContaining({
        tag: world.tag,
        name: 'Spring renewal',
        authorName: world.admin.name,
        firstSentAt: run.startedAt,
        record: expect.objectContaining({ audience: expect.objectContaining({ fileName: 'renewals.csv' }) }),
      }),
    ]);
  });

  it('counts by status are live: they change when tickets are solved in Zendesk', async () => {
    const world = afterSendWorld();
    await world.send();
    const api = world.client('agent');
    const before = await world.clock.run(() => countCampaignTickets(api, world.tag));
    expect(before).toEqual({ new: 0, open: 12, pending: 0, solved: 0 });
    const [a, b, c] = world.campaignTickets();
    world.updateTicket(a?.id ?? 0, { status: 'solved', assignee_id: world.admin.id });
    world.updateTicket(b?.id ?? 0, { status: 'solved', assignee_id: world.admin.id });
    world.updateTicket(c?.id ?? 0, { status: 'hold' });
    const after = await world.clock.run(() => countCampaignTickets(api, world.tag));
    expect(after).toEqual({ new: 0, open: 9, pending: 1, solved: 2 });
    expect(totalOf(after)).toBe(12);
  });

  it('with search lagging, a campaign just sent is still listed from this browser’s journal', async () => {
    const world = afterSendWorld({ simulator: { searchIndexLagMs: 90_000, customObjects: false } });
    const run = await world.send();
    const api = world.client('admin');
    const load = (local: Parameters<typeof loadHistory>[1]['local']) =>
      world.clock.run(() => loadHistory(api, { markerTag: MARKER, records: new CampaignRecords(api, true), local }));
    const tags = async (local: Parameters<typeof load>[0]) => (await load(local)).campaigns.map((c) => c.tag);
    expect(await tags([])).toEqual([OLD_CAMPAIGN_TAG]);
    const local = [{ tag: world.tag, name: 'Spring renewal', firstSentAt: run.startedAt }];
    expect(await tags(local)).toEqual([world.tag, OLD_CAMPAIGN_TAG]);
  });
});
