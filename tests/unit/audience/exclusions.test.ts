/**
 * Who is always left out (SPEC.md flow step 1), with the count the agent sees: suspended, no email,
 * agents and admins (unless chosen), contacted by any campaign within the frequency cap, and those
 * the agent took out by hand. Each customer counts once, under the first reason in that order.
 * The audience comes from the app's own loading (fetchRulesAudience against the simulator); the
 * expected split is written out over the simulator's records.
 */
import { describe, expect, it } from 'vitest';
import type { ZendeskUser } from '../../../sandbox/simulator/types.ts';
import { EMPTY_RULES, type AudienceRules } from '../../../src/domain/audience/audience.ts';
import { applyExclusions, EXCLUSION_REASONS, type ExclusionReason } from '../../../src/domain/audience/exclusions.ts';
import { loadAccountFacts } from '../../../src/services/audience/account-facts.ts';
import { fetchRulesAudience } from '../../../src/services/audience/fetch-audience.ts';
import { AudienceLoader } from '../../../src/services/audience/load-audience.ts';
import { recentlyContacted } from '../../../src/services/audience/recently-contacted.ts';
import { createTicket } from '../../../src/zendesk/index.ts';
import { audienceWorld, type AudienceWorld } from '../../support/audience-fixture.ts';
import { dayIn, plusDays, rules, sortIds, when } from '../../support/account-truth.ts';

const MARKER = 'proactive_campaign';
const zone = 'America/New_York';

/** Customers with a campaign ticket (marker tag) created on or after the account day `today − days`. */
function contactedWithin(world: AudienceWorld, days: number): Set<number> {
  const since = plusDays(dayIn(zone, world.clock.now()), -days);
  return new Set(
    world.sim.account.tickets
      .filter((t) => t.ticket.tags.includes(MARKER) && dayIn(zone, Date.parse(t.ticket.created_at)) >= since)
      .map((t) => t.ticket.requester_id),
  );
}

/** The first reason that applies, in the documented order, written out independently. */
function expectedReason(
  u: ZendeskUser,
  inputs: { includeStaff: boolean; contacted: ReadonlySet<number>; excluded: ReadonlySet<number> },
): ExclusionReason | undefined {
  if (u.suspended) return 'suspended';
  if (u.email === null || u.email === '') return 'no_email';
  if (!inputs.includeStaff && u.role !== 'end-user') return 'staff';
  if (inputs.contacted.has(u.id)) return 'recently_contacted';
  if (inputs.excluded.has(u.id)) return 'excluded_by_agent';
  return undefined;
}

async function sorted(
  world: AudienceWorld,
  options: { audience?: AudienceRules; includeStaff: boolean; capDays: number; excluded?: number[] },
) {
  const facts = await world.clock.run(() => loadAccountFacts(world.api));
  const audience = { ...(options.audience ?? EMPTY_RULES), includeStaff: options.includeStaff };
  const fetched = await world.clock.run(() =>
    fetchRulesAudience(world.api, new AudienceLoader(world.api), facts, audience, {
      markerTag: MARKER,
      days: options.capDays,
    }),
  );
  const excluded = new Set(options.excluded ?? []);
  const result = applyExclusions(fetched.matched, {
    includeStaff: options.includeStaff,
    recentlyContacted: fetched.recentlyContacted,
    excludedByAgent: excluded,
  });
  return { ...result, fetched, excludedIds: excluded };
}

function expectSplit(
  world: AudienceWorld,
  result: Awaited<ReturnType<typeof sorted>>,
  inputs: { includeStaff: boolean; contacted: ReadonlySet<number> },
) {
  const users = world.sim.account.users;
  const reasons = new Map(users.map((u) => [u.id, expectedReason(u, { ...inputs, excluded: result.excludedIds })]));
  const counts = Object.fromEntries(
    EXCLUSION_REASONS.map((r) => [r, [...reasons.values()].filter((x) => x === r).length]),
  );
  expect(result.counts).toEqual(counts);
  expect(sortIds(result.included.map((c) => c.user.id))).toEqual(
    sortIds(users.filter((u) => reasons.get(u.id) === undefined).map((u) => u.id)),
  );
  for (const { customer, reason } of result.excluded) expect(reason).toBe(reasons.get(customer.user.id));
}

describe('exclusions over the whole account', () => {
  it('leaves out suspended customers, customers without email and staff, each counted once', async () => {
    const world = audienceWorld({ seed: 7, users: 600 });
    const result = await sorted(world, { includeStaff: false, capDays: 0 });
    expect(result.counts.suspended).toBeGreaterThan(0);
    expect(result.counts.no_email).toBeGreaterThan(0);
    expect(result.counts.staff).toBe(world.sim.account.users.filter((u) => u.role !== 'end-user').length);
    expect(result.counts.recently_contacted).toBe(0);
    expectSplit(world, result, { includeStaff: false, contacted: new Set() });
    const everyone = world.sim.account.users.length;
    expect(result.included.length + result.excluded.length).toBe(everyone);
    expect(result.included.every((c) => c.user.role === 'end-user' && !c.user.suspended && c.user.email)).toBe(true);
  });

  it('keeps agents and admins when the agent opts in (includeStaff)', async () => {
    const world = audienceWorld({ seed: 7, users: 600 });
    const result = await sorted(world, { includeStaff: true, capDays: 0 });
    expect(result.counts.staff).toBe(0);
    const staff = world.sim.account.users.filter((u) => u.role !== 'end-user' && !u.suspended && u.email);
    expect(staff.length).toBeGreaterThan(0);
    const included = new Set(result.included.map((c) => c.user.id));
    for (const u of staff) expect(included.has(u.id)).toBe(true);
    expectSplit(world, result, { includeStaff: true, contacted: new Set() });
  });

  it('leaves out customers the agent excluded by hand', async () => {
    const world = audienceWorld({ seed: 7, users: 600 });
    const chosen = world.sim.account.users
      .filter((u) => u.role === 'end-user' && !u.suspended && u.email)
      .slice(10, 13)
      .map((u) => u.id);
    const result = await sorted(world, { includeStaff: false, capDays: 0, excluded: chosen });
    expect(result.counts.excluded_by_agent).toBe(3);
    const included = new Set(result.included.map((c) => c.user.id));
    for (const id of chosen) expect(included.has(id)).toBe(false);
    expectSplit(world, result, { includeStaff: false, contacted: new Set() });
  });
});

describe('frequency cap through the marker tag', () => {
  const world = audienceWorld({ seed: 7, users: 600 });
  const campaignDays = world.sim.account.tickets
    .filter((t) => t.ticket.tags.includes(MARKER))
    .map((t) => dayIn(zone, Date.parse(t.ticket.created_at)))
    .sort();
  const today = dayIn(zone, world.clock.now());
  const ageOf = (day: string) => Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
  const oldest = ageOf(campaignDays[0] ?? today);
  const newest = ageOf(campaignDays[campaignDays.length - 1] ?? today);

  it('the seed has older campaign tickets (spring check-in) to count', () => {
    expect(campaignDays.length).toBeGreaterThan(5);
    expect(oldest).toBeGreaterThan(newest);
  });

  it('a cap reaching past the old campaign leaves out everyone it reached', async () => {
    const days = oldest + 1;
    const contacted = contactedWithin(world, days);
    expect(contacted.size).toBeGreaterThan(0);
    const result = await sorted(world, { includeStaff: false, capDays: days });
    expect(sortIds(result.fetched.recentlyContacted)).toEqual(sortIds(contacted));
    expect(result.counts.recently_contacted).toBeGreaterThan(0);
    expectSplit(world, result, { includeStaff: false, contacted });
  });

  it('a cap shorter than the time since the old campaign leaves out nobody for it', async () => {
    const days = newest - 1;
    expect(contactedWithin(world, days).size).toBe(0);
    const result = await sorted(world, { includeStaff: false, capDays: days });
    expect(result.fetched.recentlyContacted.size).toBe(0);
    expect(result.counts.recently_contacted).toBe(0);
  });

  it('a cap ending inside the old campaign counts from the start of the account day', async () => {
    const middle = campaignDays[Math.floor(campaignDays.length / 2)] ?? today;
    const days = ageOf(middle);
    const expected = contactedWithin(world, days);
    expect(expected.size).toBeGreaterThan(0);
    expect(expected.size).toBeLessThan(contactedWithin(world, oldest + 1).size);
    const found = await world.clock.run(() =>
      recentlyContacted(world.api, { markerTag: MARKER, days, calendar: world.ctx.calendar, today: world.ctx.today }),
    );
    expect(sortIds(found)).toEqual(sortIds(expected));
  });

  it('finds a campaign ticket sent just now once search has indexed it (search lags new writes)', async () => {
    const fresh = audienceWorld({ seed: 7, users: 600 });
    const before = contactedWithin(fresh, 7);
    const customer = fresh.sim.account.users.find(
      (u) => u.role === 'end-user' && !u.suspended && u.email && !before.has(u.id),
    );
    if (!customer) throw new Error('no customer to contact');
    await fresh.clock.run(() =>
      createTicket(fresh.api, {
        subject: 'Your renewal',
        requester_id: customer.id,
        comment: { html_body: '<p>Hello</p>', public: true },
        tags: ['proactive_renewal_check', MARKER],
      }),
    );
    const input = { markerTag: MARKER, days: 7, calendar: fresh.ctx.calendar, today: fresh.ctx.today };
    const now = await fresh.clock.run(() => recentlyContacted(fresh.api, input));
    expect(now.has(customer.id)).toBe(false);
    await fresh.clock.advance(5 * 60_000);
    const later = await fresh.clock.run(() => recentlyContacted(fresh.api, input));
    expect(later.has(customer.id)).toBe(true);
  });
});

describe('the order of reasons', () => {
  it('counts a customer under the first reason that applies, once', async () => {
    const world = audienceWorld({ seed: 7, users: 600 });
    const { account } = world.sim;
    const days = 60;
    const contacted = [...contactedWithin(world, days)];
    const [a, b, c, d] = contacted.flatMap((id) => account.usersById.get(id) ?? []);
    const agent = account.users.find((u) => u.role === 'agent' && u.email === 'priya.nair@proactive-demo.test');
    if (!a || !b || !c || !d || !agent) throw new Error('the seed lacks contacted customers or the agent');
    // Contacted and suspended → suspended; contacted without email → no_email;
    // contacted and excluded by hand → recently_contacted; a suspended agent without email → suspended.
    a.suspended = true;
    b.email = null;
    agent.suspended = true;
    agent.email = null;
    const result = await sorted(world, { includeStaff: false, capDays: days, excluded: [c.id, d.id] });
    const reasonOf = (id: number) => result.excluded.find((e) => e.customer.user.id === id)?.reason;
    expect(reasonOf(a.id)).toBe('suspended');
    expect(reasonOf(b.id)).toBe('no_email');
    expect(reasonOf(c.id)).toBe('recently_contacted');
    expect(reasonOf(agent.id)).toBe('suspended');
    expect(result.counts.excluded_by_agent).toBe(0);
    expectSplit(world, result, { includeStaff: false, contacted: contactedWithin(world, days) });
  });
});

describe('a customer in several organizations', () => {
  it('is in the audience once, counted once', async () => {
    const world = audienceWorld({ seed: 7, users: 600 });
    const { account } = world.sim;
    const multi = account.users.find(
      (u) => account.organizationIdsOf(u.id).length > 1 && u.role === 'end-user' && !u.suspended && u.email,
    );
    if (!multi) throw new Error('the seed has no customer in several organizations');
    const organizations = account.organizationIdsOf(multi.id).map(String);
    const audience = rules(
      'any',
      when({ field: { scope: 'builtin', key: 'organization' }, operator: 'is_any_of', value: organizations }),
    );
    const result = await sorted(world, { audience, includeStaff: false, capDays: 0 });
    const members = new Set(
      account.organizationMemberships
        .filter((m) => organizations.includes(String(m.organization_id)))
        .map((m) => m.user_id),
    );
    const ids = result.fetched.matched.map((c) => c.user.id);
    expect(ids.filter((id) => id === multi.id)).toHaveLength(1);
    expect(sortIds(ids)).toEqual(sortIds(members));
    expect(result.included.filter((c) => c.user.id === multi.id)).toHaveLength(1);
    // The same customer handed over twice (as from two organizations' member lists) still counts once.
    const twice = applyExclusions([...result.fetched.matched, ...result.fetched.matched], {
      includeStaff: false,
      recentlyContacted: new Set(),
      excludedByAgent: new Set(),
    });
    expect(twice.included.length).toBe(result.included.length);
    expect(twice.counts).toEqual(result.counts);
  });
});
