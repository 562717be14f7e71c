/**
 * The ticket Zendesk is asked to create for one customer, the stored draft it comes from
 * (readDraft), fallbacks added to placeholders, and a draft started from a macro (with the
 * simulator's own macro apply answers).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../../sandbox/simulator/transport.ts';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import {
  DRAFT_VERSION,
  emptyTicket,
  newDraft,
  readDraft,
  type TicketDraft,
} from '../../../src/domain/campaign/draft.ts';
import { campaignExternalId, campaignTicket } from '../../../src/domain/compose/campaign-ticket.ts';
import { withFallback } from '../../../src/domain/compose/fallback.ts';
import { applyMacro, translatePlaceholders } from '../../../src/domain/compose/from-macro.ts';
import { applyMacro as fetchMacroChanges, SupportApiClient } from '../../../src/zendesk/index.ts';
import { customer, template } from '../../support/compose-fixture.ts';

const AGENT = 361_000_000_003;
const CUSTOMER = 361_000_000_101;
const identity = { campaignTag: 'proactive_renewal', markerTag: 'proactive_campaign', agentId: AGENT };

function draft(changes: Partial<TicketDraft> = {}): TicketDraft {
  return {
    ...emptyTicket({ groupId: null }),
    name: 'Renewal',
    subject: 'Hi {{user.first_name}}',
    body: 'Body',
    ...changes,
  };
}

function payload(changes: Partial<TicketDraft> = {}, extra: Partial<typeof identity> & { waveTag?: string } = {}) {
  const d = draft(changes);
  const rendered = template(d.subject, d.body).render(customer({ id: CUSTOMER }), null);
  return campaignTicket(d, rendered, CUSTOMER, { ...identity, ...extra });
}

describe('the campaign ticket', () => {
  it('is the customer’s ticket, from the sending agent, with the rendered text', () => {
    const ticket = payload({ body: 'Dear {{user.name}},\n\nSee you.' });
    expect(ticket).toMatchObject({
      subject: 'Hi Ana',
      requester_id: CUSTOMER,
      submitter_id: AGENT,
      comment: { html_body: '<p>Dear Ana Silva,</p><p>See you.</p>', public: true, author_id: AGENT },
      status: 'open',
      external_id: `pc1:proactive_renewal:${CUSTOMER}`,
    });
    expect(campaignExternalId('proactive_x', 42)).toBe('pc1:proactive_x:42');
  });

  it('carries the campaign tag, the marker tag, the wave tag and the extra tags, once each', () => {
    const ticket = payload(
      { extraTags: ['VIP, proactive_renewal', 'q3', 'proactive_campaign', 'q3'] },
      { waveTag: 'proactive_renewal_part_2' },
    );
    expect(ticket.tags).toEqual(['proactive_renewal', 'proactive_campaign', 'proactive_renewal_part_2', 'vip', 'q3']);
    expect(payload().tags).toEqual(['proactive_renewal', 'proactive_campaign']);
  });

  it('is an internal note when the agent chose one', () => {
    expect(payload({ visibility: 'internal' }).comment.public).toBe(false);
  });

  it('sends status and custom status, and priority, type, group, assignee and macro only when set', () => {
    const bare = payload();
    for (const key of ['custom_status_id', 'priority', 'type', 'group_id', 'assignee_id', 'macro_ids'])
      expect(bare).not.toHaveProperty(key);
    const full = payload({
      status: 'pending',
      customStatusId: 360_504,
      priority: 'high',
      type: 'task',
      groupId: 360_202,
      assigneeId: AGENT,
      macro: { id: 360_401, title: 'Renewal reminder', filled: ['body'] },
    });
    expect(full).toMatchObject({
      status: 'pending',
      custom_status_id: 360_504,
      priority: 'high',
      type: 'task',
      group_id: 360_202,
      assignee_id: AGENT,
      macro_ids: [360_401],
    });
  });
});

describe('reading a stored draft', () => {
  const fresh = () => newDraft({ id: 'fresh', now: 1000, defaultGroupId: 360_201 });
  const good = () => {
    const d = newDraft({ id: 'd1', now: 500, defaultGroupId: null });
    d.ticket.name = 'Spring renewal';
    d.audience.excludedUserIds = [CUSTOMER];
    return d;
  };

  it('gives back a good draft as it was', () => {
    const stored = JSON.parse(JSON.stringify(good())) as unknown;
    expect(readDraft(stored, fresh)).toEqual({ draft: good(), reset: [] });
  });

  it('starts fresh without saying so when nothing was stored', () => {
    expect(readDraft(undefined, fresh)).toEqual({ draft: fresh(), reset: [] });
    expect(readDraft(null, fresh)).toEqual({ draft: fresh(), reset: [] });
  });

  it.each([
    ['another version', { ...good(), version: DRAFT_VERSION + 1 }],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an object without id', { version: DRAFT_VERSION }],
  ])('starts fresh from %s, and says everything was reset', (_what, raw) => {
    expect(readDraft(raw, fresh)).toEqual({ draft: fresh(), reset: ['all'] });
  });

  it('keeps the ticket when only the audience is broken', () => {
    const stored = { ...good(), audience: { source: 'rules', rules: { match: 'sometimes' } } };
    const { draft: read, reset } = readDraft(stored, fresh);
    expect(reset).toEqual(['audience']);
    expect(read.id).toBe('d1');
    expect(read.createdAt).toBe(500);
    expect(read.ticket.name).toBe('Spring renewal');
    expect(read.audience).toEqual(fresh().audience);
  });

  it('keeps the audience when only the ticket is broken', () => {
    const stored = { ...good(), ticket: { ...good().ticket, status: 'closed', priority: 7 } };
    const { draft: read, reset } = readDraft(stored, fresh);
    expect(reset).toEqual(['ticket']);
    expect(read.audience.excludedUserIds).toEqual([CUSTOMER]);
    expect(read.ticket).toEqual(fresh().ticket);
  });
});

describe('adding a fallback to a placeholder', () => {
  it('gives every bare use the fallback, leaving uses with filters as written', () => {
    const text = 'Hi {{user.first_name}} and {{ user.first_name }}, {{user.first_name | upcase}} {{user.name}}';
    expect(withFallback(text, 'user.first_name', 'there')).toBe(
      'Hi {{user.first_name | default: "there"}} and {{user.first_name | default: "there"}}, {{user.first_name | upcase}} {{user.name}}',
    );
  });

  it('picks the other quote mark for a fallback with quotes, and renders it', () => {
    const single = withFallback('{{user.first_name}}', 'user.first_name', 'our "best" customer');
    expect(single).toBe(`{{user.first_name | default: 'our "best" customer'}}`);
    const both = withFallback('{{user.first_name}}', 'user.first_name', `it's "you"`);
    expect(both).toBe(`{{user.first_name | default: "it's you"}}`);
    expect(template('S', single).render(customer({ name: '' }), null).bodyText).toBe('our "best" customer');
  });

  it('does not touch a longer path that starts the same', () => {
    expect(withFallback('{{user.name}} {{user.names}}', 'user.name', 'x')).toBe(
      '{{user.name | default: "x"}} {{user.names}}',
    );
  });
});

describe('starting from a macro', () => {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 7, users: 30, clock });
  const api = new SupportApiClient({ transport: simulatorTransport(sim), clock });
  const macro = (title: string) => {
    const found = sim.account.macros.find((m) => m.title === title);
    if (!found) throw new Error(`no macro ${title}`);
    return found;
  };
  const start = async (title: string, from: TicketDraft = draft({ subject: 'Mine', body: 'Mine' })) => {
    const m = macro(title);
    const changes = await clock.run(() => fetchMacroChanges(api, m.id));
    return applyMacro(from, { id: m.id, title: m.title }, changes);
  };

  it('fills the body and status, translating Zendesk’s requester placeholders to ours', async () => {
    const next = await start('Renewal reminder');
    expect(next.body).toContain('{{user.first_name}}');
    expect(next.body).not.toContain('ticket.requester');
    expect(next.status).toBe('pending');
    expect(next.subject).toBe('Mine');
    expect(next.macro).toEqual({
      id: macro('Renewal reminder').id,
      title: 'Renewal reminder',
      filled: ['body', 'visibility', 'status'],
    });
    expect(next.visibility).toBe('public');
    expect(template(next.subject, next.body).render(customer(), null).bodyText).toContain('Hi Ana,');
  });

  it('fills the subject, priority and type', async () => {
    const next = await start('Planned maintenance notice');
    expect([next.subject, next.priority, next.type]).toEqual(['Planned maintenance this weekend', 'normal', 'task']);
    expect(next.macro?.filled).toEqual(['subject', 'body', 'visibility', 'priority', 'type']);
  });

  it('sets the group and clears the assignee (who may not be in it)', async () => {
    const next = await start('Welcome aboard', draft({ groupId: 360_201, assigneeId: AGENT }));
    expect(next.groupId).toBe(sim.account.groups[1]?.id);
    expect(next.assigneeId).toBeNull();
    expect(next.macro?.filled).toEqual(['body', 'visibility', 'group']);
  });

  it('makes the ticket an internal note when the macro’s comment is private', async () => {
    const next = await start('Internal note: proactive outreach');
    expect(next.visibility).toBe('internal');
    expect(next.macro?.filled).toEqual(['body', 'visibility']);
  });

  it('replaces the extra tags for set_tags, adds and removes for the others', async () => {
    const replaced = await start('Invoice follow-up', draft({ extraTags: ['old'] }));
    expect(replaced.extraTags).toEqual(['billing_follow_up']);
    const added = await start('Tag as proactive outreach', draft({ extraTags: ['keep', 'needs_triage'] }));
    expect(added.extraTags).toEqual(['keep', 'proactive_outreach']);
    expect(added.macro?.filled).toEqual(['tags']);
  });

  it('assigns to the agent for “current user”', async () => {
    const next = await start('Take it');
    expect(next.assigneeId).toBe(sim.account.owner.id);
    expect(next.status).toBe('open');
    expect(next.macro?.filled).toEqual(['status', 'assignee']);
  });

  it('leaves what the macro does not set as it was, and a new status drops the custom status', () => {
    const from = draft({ customStatusId: 360_504, status: 'pending', priority: 'low', subject: 'Mine' });
    const next = applyMacro(
      from,
      { id: 1, title: 'm' },
      { ticket: { status: 'solved', subject: '  ', comment: { body: '' } } },
    );
    expect(next).toMatchObject({
      status: 'solved',
      customStatusId: null,
      priority: 'low',
      subject: 'Mine',
      body: 'Body',
    });
    expect(next.macro?.filled).toEqual(['status']);
  });

  it('translates the requester and organization placeholders, keeping filters and unknown ones', () => {
    expect(
      translatePlaceholders(
        '{{ticket.requester.name}} {{ ticket.requester.first_name | default: "there" }} {{ticket.organization.name}} {{ticket.requester.email}} {{ticket.requester.last_name}} {{ticket.assignee.name}}',
      ),
    ).toBe(
      '{{user.name}} {{user.first_name | default: "there"}} {{organization.name}} {{user.email}} {{user.last_name}} {{ticket.assignee.name}}',
    );
    expect(template('S', '{{ticket.assignee.name}}').problems[0]?.problem).toEqual({
      kind: 'unknown_placeholder',
      path: 'ticket.assignee.name',
    });
  });
});
