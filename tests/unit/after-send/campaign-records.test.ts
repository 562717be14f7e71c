import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_OBJECT,
  CAMPAIGN_RECORD_FIELDS,
  recordAfterSend,
} from '../../../src/domain/after-send/campaign-record.ts';
import type { SendRun } from '../../../src/domain/send/send-run.ts';
import { CampaignFollowUp, type FollowUpState } from '../../../src/services/after-send/campaign-follow-up.ts';
import { CampaignRecords } from '../../../src/services/after-send/campaign-records.ts';
// Loaded here because the follow-up loads it lazily: a first import takes real milliseconds, while
// virtual time runs on, so the view would seem made minutes late on a busy machine.
import '../../../src/services/after-send/campaign-view.ts';
import type { SendSnapshot } from '../../../src/services/send/send-controller.ts';
import { afterSendWorld, type AfterSendWorld, type Who } from '../../support/after-send-world.ts';

const KEY = CAMPAIGN_OBJECT.key;

function records(world: AfterSendWorld, who: Who) {
  return new CampaignRecords(world.client(who), who === 'owner' || who === 'admin');
}

describe('campaign records (custom object proactive_campaign)', () => {
  it("an admin's first use creates the object and its fields; a send is kept under external_id = tag", async () => {
    const world = afterSendWorld();
    const run = await world.send();
    const store = records(world, 'admin');
    const availability = await world.clock.run(() =>
      store.update(world.tag, (existing) =>
        recordAfterSend(existing, {
          run,
          author: { id: world.userId('owner'), name: 'Alex Morgan' },
          audience: null,
          viewId: 42,
        }),
      ),
    );
    expect(availability.kind).toBe('ready');
    const objects = world.sim.account.customObjects;
    expect(objects.object(KEY)).toBeDefined();
    expect(
      objects
        .fields(KEY)
        .filter((f) => !f.system)
        .map((f) => f.key),
    ).toEqual(CAMPAIGN_RECORD_FIELDS.map((f) => f.key));
    const [stored, ...more] = objects.records(KEY);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      name: 'Spring renewal',
      external_id: world.tag,
      custom_object_fields: { campaign_tag: world.tag, author_name: 'Alex Morgan', view_id: 42 },
    });

    // Read back by anyone who may: an agent in another browser gets the same campaign.
    const { records: seen } = await world.clock.run(() => records(world, 'agent').list());
    expect(seen).toEqual([
      expect.objectContaining({
        tag: world.tag,
        name: 'Spring renewal',
        authorName: 'Alex Morgan',
        viewId: 42,
        waves: [expect.objectContaining({ runId: 'run-1', created: run.created.filter((id) => id > 0).length })],
      }),
    ]);
  });

  it('a later wave keeps the first author and date and adds its own results', async () => {
    const world = afterSendWorld();
    const first = await world.send('run-1');
    const second: SendRun = { ...first, id: 'run-2', startedAt: first.startedAt + 86_400_000 };
    second.campaign = { ...second.campaign, wave: 2, waves: 2 };
    const store = records(world, 'admin');
    for (const [run, author] of [
      [first, { id: 1, name: 'First sender' }],
      [second, { id: 2, name: 'Second sender' }],
    ] as const) {
      await world.clock.run(() =>
        store.update(world.tag, (existing) => recordAfterSend(existing, { run, author, audience: null, viewId: null })),
      );
    }
    const {
      records: [record],
    } = await world.clock.run(() => store.list());
    expect(record).toMatchObject({ authorName: 'First sender', firstSentAt: first.startedAt });
    expect(record?.waves.map((w) => [w.runId, w.wave])).toEqual([
      ['run-1', 1],
      ['run-2', 2],
    ]);
  });

  it('fallbacks: not set up for an agent before any admin, no access for a custom role, none without custom objects', async () => {
    const world = afterSendWorld();
    expect((await world.clock.run(() => records(world, 'agent').prepare())).kind).toBe('unavailable');
    expect(await world.clock.run(() => records(world, 'agent').prepare())).toMatchObject({ reason: 'not_set_up' });
    expect(world.sim.account.customObjects.object(KEY)).toBeUndefined();

    await world.clock.run(() => records(world, 'admin').prepare());
    expect(await world.clock.run(() => records(world, 'agent').prepare())).toMatchObject({ kind: 'ready' });
    expect(await world.clock.run(() => records(world, 'customRoleAgent').prepare())).toMatchObject({
      kind: 'unavailable',
      reason: 'no_permission',
    });

    const bare = afterSendWorld({ simulator: { customObjects: false } });
    expect(await bare.clock.run(() => records(bare, 'admin').prepare())).toMatchObject({
      kind: 'unavailable',
      reason: 'not_enabled',
    });
  });
});

/** A send as a page sees it: the runner's every change published as the SendController would. */
function publisher() {
  let snapshot: SendSnapshot = { phase: 'idle', run: null, live: null, error: null };
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    publish(run: SendRun) {
      const phase = run.status === 'finished' ? 'finished' : run.status === 'paused' ? 'paused' : 'sending';
      snapshot = { phase, run, live: null, error: null };
      for (const listener of listeners) listener();
    },
  };
}

function followUpFor(world: AfterSendWorld, sends: ReturnType<typeof publisher>, who: Who = 'admin') {
  return new CampaignFollowUp({
    api: world.client(who),
    sends,
    records: () => Promise.resolve(records(world, who)),
    user: { id: world.userId(who), name: 'Sam Lee', role: who === 'agent' ? 'agent' : 'admin' },
    viewWords: (campaign) => ({ title: `Campaign: ${campaign.name}`, description: campaign.tag }),
    audienceOf: () => ({
      source: 'csv' as const,
      rules: { match: 'all' as const, conditions: [], includeStaff: false },
      csv: {
        fileName: 'renewals.csv',
        importedAt: 0,
        userIds: [],
        report: { rows: 12, matched: 12, unmatched: 0, duplicates: 0, invalid: 0, samples: [] },
      },
      excludedUserIds: [],
    }),
  });
}

async function settled(world: AfterSendWorld, followUp: CampaignFollowUp): Promise<FollowUpState> {
  return world.clock.run(async () => {
    for (;;) {
      const state = followUp.stateOf(world.tag);
      const viewDone = state.view.status === 'ready' || state.view.status === 'failed';
      if (viewDone && state.record.status === 'done') return state;
      await world.clock.sleep(100);
    }
  });
}

describe('the follow-up of a send', () => {
  it('makes the view at the first ticket (the page may close then), finds it after a reload, and records the end', async () => {
    // One job at a time in Zendesk: the three batches finish seconds apart.
    const world = afterSendWorld({
      customers: 250,
      simulator: { jobTiming: { startDelayMs: 200, perTicketMs: 100, perTicketJitterMs: 0, concurrency: 1 } },
    });
    const sends = publisher();
    const followUp = followUpFor(world, sends);
    // The first page sees the send until its first tickets exist, then goes away (a closed tab);
    // the jobs already queued in Zendesk finish regardless.
    let gone = false;
    let firstTicketAt = 0;
    const runner = world.runner(world.newRun('run-1'), {
      save: (run) => {
        if (gone) return;
        sends.publish(run);
        if (run.created.some((id) => id > 0)) {
          gone = true;
          firstTicketAt = world.clock.now();
        }
      },
    });
    const finished = await world.clock.run(() => runner.start());
    expect(finished.status).toBe('finished');
    const during = await settled(world, followUp);
    expect(during.view).toMatchObject({ status: 'ready', created: true, kind: 'shared' });
    const views = () => world.sim.account.views.filter((v) => v.conditions.all.some((c) => c.value === world.tag));
    expect(views()).toHaveLength(1);
    // Made as the first tickets appeared, before the send was over.
    const madeAt = Date.parse(views()[0]?.created_at ?? '');
    expect(madeAt).toBeGreaterThanOrEqual(firstTicketAt - 1000);
    expect(madeAt).toBeLessThan((finished.finishedAt ?? 0) - 5000);

    // After the reload: a new page, a new follow-up, the run from the journal, now finished.
    const later = publisher();
    const again = followUpFor(world, later);
    later.publish(finished);
    const after = await settled(world, again);
    expect(after.view).toMatchObject({ status: 'ready', created: false });
    expect(views()).toHaveLength(1);
    await world.clock.run(async () => {
      // The end of the wave is written after the view's record write; wait for both.
      for (let i = 0; i < 50; i++) await world.clock.sleep(100);
    });
    const [record] = world.sim.account.customObjects.records(KEY);
    const waves = JSON.parse(String(record?.custom_object_fields.waves)) as Array<{ created: number }>;
    expect(waves).toEqual([expect.objectContaining({ created: 250, finishedAt: finished.finishedAt })]);
    expect(record?.custom_object_fields.view_id).toBe(views()[0]?.id);
    expect(JSON.parse(String(record?.custom_object_fields.audience))).toMatchObject({ fileName: 'renewals.csv' });
  });

  it('an agent gets a personal view, and the record keeps no view only they can open', async () => {
    const world = afterSendWorld();
    await records(world, 'admin').prepare();
    const sends = publisher();
    const followUp = followUpFor(world, sends, 'agent');
    const run = await world.send();
    sends.publish(run);
    const state = await settled(world, followUp);
    expect(state.view).toMatchObject({ status: 'ready', kind: 'personal', personalBecause: 'agent_role' });
    expect(state.record).toMatchObject({ status: 'done', availability: { kind: 'ready' } });
    const [record] = world.sim.account.customObjects.records(KEY);
    expect(record?.custom_object_fields.view_id).toBeNull();
  });
});
