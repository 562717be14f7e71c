import type { DemoAccount } from '../account.ts';
import type { Random } from '../prng.ts';
import { buildTicket, type TicketInput } from '../ticket-model.ts';
import { DAY_MS, HOUR_MS, isoTime } from '../time.ts';

/** The tag of an older campaign, so frequency caps and duplicate-name checks have data. */
export const OLD_CAMPAIGN_TAG = 'proactive_spring_check_in';

const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong amount',
  'How do I export my data?',
  'Feature request: dark mode',
  'Shipping delay on my order',
  'Question about plan renewal',
  'App crashes on startup',
  'Need to add more seats',
  '請求書について',
  '배송 문의',
];

/** Tickets are created over the last 5 weeks, so "solved per day over the last 4 weeks" has data throughout. */
export const SEED_TICKET_DAYS = 35;

/**
 * ~300 tickets over the last 5 weeks so capacity ("solved per day" per group) and frequency checks
 * have data: every ticket has a group its agent belongs to, spread over all groups.
 */
export function seedTickets(account: DemoAccount, random: Random, now: number, count = 300): void {
  const customers = account.users.filter((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
  const agents = account.users.filter((u) => u.role !== 'end-user');
  if (customers.length === 0 || agents.length === 0) return;
  const drafts = Array.from(
    { length: count },
    () => now - random.int(0, SEED_TICKET_DAYS * 24) * HOUR_MS - random.int(0, 3599) * 1000,
  );
  // Ticket ids grow with creation time, as in Zendesk.
  drafts.sort((a, b) => a - b);
  drafts.forEach((createdMs, index) => {
    const requester = random.pick(customers);
    const agent = random.pick(agents);
    const agentGroups = account.groups.filter((g) =>
      account.groupMemberships.some((m) => m.group_id === g.id && m.user_id === agent.id),
    );
    const group = agentGroups.length > 0 ? random.pick(agentGroups) : undefined;
    const fromOldCampaign = index < 40 && index % 2 === 0;
    const status = random.weighted([
      ['new', 8],
      ['open', 22],
      ['pending', 10],
      ['hold', 5],
      ['solved', 45],
      ['closed', 10],
    ] as const);
    const input: TicketInput = {
      subject: fromOldCampaign ? 'Spring check-in: how is it going?' : random.pick(SUBJECTS),
      comment: {
        html: null,
        text: fromOldCampaign ? 'Hi {{ticket.requester.first_name}}, checking in!' : 'Customer message.',
        isPublic: true,
      },
      requester,
      submitterId: fromOldCampaign ? agent.id : requester.id,
      assigneeId: status === 'new' ? null : agent.id,
      groupId: group?.id ?? null,
      organizationId: requester.organization_id,
      status,
      priority: random.pick(['low', 'normal', 'normal', 'high', 'urgent']),
      type: random.pick([null, 'question', 'incident', 'problem', 'task']),
      tags: fromOldCampaign ? [OLD_CAMPAIGN_TAG, 'proactive_campaign'] : [],
      // The external id form the app writes: pc1:<campaign tag>:<user id>.
      externalId: fromOldCampaign ? `pc1:${OLD_CAMPAIGN_TAG}:${requester.id}` : null,
      customStatusId: null,
    };
    const submitter = fromOldCampaign ? agent : requester;
    const stored = buildTicket(account, input, createdMs, submitter);
    if (!fromOldCampaign) {
      const via = { channel: random.pick(['email', 'web', 'chat']), source: { from: {}, to: {}, rel: null } };
      stored.ticket.via = via;
      for (const comment of stored.comments ?? []) comment.via = via;
    }
    if (stored.solvedAtMs !== null) {
      // Solved some hours or days after creation, never in the future.
      stored.solvedAtMs = Math.min(now - 60_000, createdMs + random.int(1, 96) * HOUR_MS);
      stored.ticket.updated_at = isoTime(stored.solvedAtMs);
    } else {
      stored.ticket.updated_at = isoTime(Math.min(now, createdMs + random.int(0, 2) * DAY_MS));
    }
  });
}
