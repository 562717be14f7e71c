import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testZendesk } from './support/api.ts';

const DAY = 86_400_000;
const countAnswer = z.object({ count: z.number() });
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('seeded tickets', () => {
  it('solved tickets spread over the last 4 weeks in every group, so "solved per day" per group has data', () => {
    const api = testZendesk();
    const { account } = api.sim;
    const now = api.clock.now();
    expect(account.tickets.every((t) => t.ticket.group_id !== null)).toBe(true);
    for (const group of account.groups) {
      const solvedIn = (fromDay: number, toDay: number) =>
        account.tickets.filter(
          (t) =>
            t.ticket.group_id === group.id &&
            t.solvedAtMs !== null &&
            t.solvedAtMs >= now - fromDay * DAY &&
            t.solvedAtMs < now - toDay * DAY,
        ).length;
      // Each of the last four weeks has solved tickets in this group.
      for (const week of [0, 1, 2, 3])
        expect(solvedIn((week + 1) * 7, week * 7), `${group.name} week ${week}`).toBeGreaterThan(0);
      // The app's capacity query, per group: the same count through search.
      const query = `type:ticket group:"${group.name}" solved>=${isoDay(now - 28 * DAY)}`;
      const counted = countAnswer.parse(api.get(`/api/v2/search/count?query=${encodeURIComponent(query)}`).json).count;
      const expected = account.tickets.filter(
        (t) =>
          t.ticket.group_id === group.id && t.solvedAtMs !== null && isoDay(t.solvedAtMs) >= isoDay(now - 28 * DAY),
      ).length;
      expect(counted).toBe(expected);
      expect(counted).toBeGreaterThan(5);
    }
  });

  it('keeps the older campaign: tagged proactive_spring_check_in + proactive_campaign, external ids pc1:<tag>:<user>', () => {
    const api = testZendesk();
    const old = api.sim.account.tickets.filter((t) => t.ticket.tags.includes('proactive_spring_check_in'));
    expect(old.length).toBeGreaterThanOrEqual(10);
    for (const { ticket } of old) {
      expect(ticket.tags).toContain('proactive_campaign');
      expect(ticket.external_id).toBe(`pc1:proactive_spring_check_in:${ticket.requester_id}`);
      expect(ticket.via.channel).toBe('api');
      // Its placeholder was rendered when the agent wrote it.
      expect(ticket.description).not.toContain('{{');
    }
    const byExternal = api.get(`/api/v2/tickets?external_id=${old[0]?.ticket.external_id}`).json as {
      tickets: Array<{ id: number }>;
    };
    expect(byExternal.tickets.map((t) => t.id)).toEqual([old[0]?.ticket.id]);
  });
});
