import { describe, expect, it } from 'vitest';
import {
  isCampaignTrigger,
  missingChoice,
  presetPlan,
  TRIGGER_CATEGORY_NAME,
  TRIGGER_PRESETS,
} from '../../../src/domain/after-send/trigger-presets.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';
import { createPresetTrigger, findCampaignTriggers } from '../../../src/services/after-send/preset-trigger.ts';
import { actionWords, conditionWords, triggerWords } from '../../../src/ui/done/trigger-words.ts';
import { isZendeskError } from '../../../src/zendesk/index.ts';
import { runTriggers } from '../../../sandbox/simulator/trigger-engine.ts';
import type { TicketComment } from '../../../sandbox/simulator/types.ts';
import { afterSendWorld, type AfterSendWorld } from '../../support/after-send-world.ts';

const t = createTranslator('en');

function words(world: AfterSendWorld, preset: (typeof TRIGGER_PRESETS)[number], group = 'Support') {
  return triggerWords(preset, { name: 'Spring renewal', tag: world.tag }, group, t);
}

describe('trigger presets', () => {
  it('say in plain words what they do, scoped to the campaign tag', () => {
    const tag = 'proactive_spring_renewal';
    const name = (id: number) => (id === 7 ? 'Renewals' : String(id));
    const plan = presetPlan('route_replies', tag, { groupId: 7 });
    expect(plan.conditions.map((c) => conditionWords(c, t, name))).toEqual([
      'The ticket is updated',
      'The customer (an end user) updates it',
      'The update has a public reply',
      'The ticket has the tag proactive_spring_renewal',
      'It is not in Renewals yet',
    ]);
    expect(plan.actions.map((a) => actionWords(a, t, name))).toEqual(['Set the group to Renewals']);
    expect(presetPlan('raise_priority', tag, { groupId: null }).actions.map((a) => actionWords(a, t, name))).toEqual([
      'Set the priority to High',
    ]);
    expect(missingChoice('route_replies', { groupId: null })).toBe('group');
    expect(missingChoice('notify_assignee', { groupId: null })).toBeNull();
  });

  it("the email keeps Zendesk's own placeholders for Zendesk to fill", () => {
    const { email, title } = triggerWords('notify_assignee', { name: 'Spring', tag: 'proactive_spring' }, '', t);
    expect(title).toBe('Proactive campaign "Spring": email the assignee on reply');
    expect(email.subject).toBe('[#{{ticket.id}}] The customer replied: {{ticket.title}}');
    expect(email.body).toContain('{{ticket.latest_comment}}');
    expect(email.body).toContain('{{ticket.link}}');
  });

  it.each(TRIGGER_PRESETS)(
    '%s: an admin creates it, in the app’s own category, and finds it in the simulator',
    async (preset) => {
      const world = afterSendWorld();
      const group = world.sim.account.groups[0];
      if (!group) throw new Error('no group');
      const api = world.client('admin');
      const before = world.sim.account.triggerCategories.length;
      const plan = presetPlan(preset, world.tag, { groupId: group.id });
      const trigger = await world.clock.run(() => createPresetTrigger(api, plan, words(world, preset, group.name)));

      const stored = world.sim.account.triggers.find((tr) => tr.id === trigger.id);
      const category = world.sim.account.triggerCategories.find((c) => c.id === stored?.category_id);
      expect(category?.name).toBe(TRIGGER_CATEGORY_NAME);
      expect(world.sim.account.triggerCategories).toHaveLength(before + 1);
      expect(stored).toMatchObject({ active: true, title: words(world, preset, group.name).title });
      expect(stored?.conditions.all).toEqual(
        expect.arrayContaining([
          { field: 'update_type', operator: 'is', value: 'Change' },
          { field: 'role', operator: 'is', value: 'end_user' },
          { field: 'current_tags', operator: 'includes', value: world.tag },
        ]),
      );
      expect(isCampaignTrigger(trigger, world.tag)).toBe(true);
      expect((await world.clock.run(() => findCampaignTriggers(api, world.tag))).map((tr) => tr.id)).toEqual([
        trigger.id,
      ]);
    },
  );

  it('a second trigger goes in the same category; an agent is refused with a permission error', async () => {
    const world = afterSendWorld();
    const api = world.client('admin');
    const before = world.sim.account.triggerCategories.length;
    for (const preset of ['raise_priority', 'notify_assignee'] as const) {
      await world.clock.run(() =>
        createPresetTrigger(api, presetPlan(preset, world.tag, { groupId: null }), words(world, preset)),
      );
    }
    expect(world.sim.account.triggerCategories).toHaveLength(before + 1);

    const refused = await world.clock
      .run(() =>
        createPresetTrigger(
          world.client('agent'),
          presetPlan('raise_priority', world.tag, { groupId: null }),
          words(world, 'raise_priority'),
        ),
      )
      .catch((error: unknown) => error);
    expect(isZendeskError(refused) && refused.kind).toBe('permission');
  });

  it("the created trigger fires when the campaign's customer replies, not on an agent's note or another ticket", async () => {
    const world = afterSendWorld();
    await world.send();
    const api = world.client('admin');
    const created = await world.clock.run(() =>
      createPresetTrigger(
        api,
        presetPlan('raise_priority', world.tag, { groupId: null }),
        words(world, 'raise_priority'),
      ),
    );
    const { account } = world.sim;
    const [campaignTicket] = world.campaignTickets();
    const other = account.tickets.find((t) => !t.ticket.tags.includes(world.tag) && t.ticket.status === 'open');
    if (!campaignTicket || !other) throw new Error('no tickets');
    // The simulator has no end-user endpoint (the Requests API): the update is given to its trigger engine.
    const fires = (ticketId: number, by: 'requester' | 'agent') => {
      const stored = account.ticketsById.get(ticketId);
      const author = by === 'requester' ? account.usersById.get(stored?.ticket.requester_id ?? 0) : account.owner;
      if (!stored || !author) throw new Error('no ticket');
      const previous = structuredClone(stored.ticket);
      const comment = reply(author.id, by === 'requester');
      let event = 1_000;
      return runTriggers(
        account,
        stored,
        { type: 'Change', previous, currentUser: author, comment },
        world.clock.now(),
        () => ++event,
      ).run.fired.includes(created.id);
    };
    expect(fires(other.ticket.id, 'requester')).toBe(false);
    expect(fires(campaignTicket.id, 'agent')).toBe(false);
    expect(fires(campaignTicket.id, 'requester')).toBe(true);
    expect(account.ticketsById.get(campaignTicket.id)?.ticket.priority).toBe('high');
  });
});

function reply(authorId: number, isPublic: boolean): TicketComment {
  return {
    id: 99_999,
    type: 'Comment',
    author_id: authorId,
    body: 'Thanks, one question',
    html_body: '<p>Thanks, one question</p>',
    plain_body: 'Thanks, one question',
    public: isPublic,
    attachments: [],
    audit_id: 99_998,
    via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
    metadata: { system: {}, custom: {} },
    created_at: new Date(0).toISOString(),
  };
}
