/**
 * Every operator on every custom user field type, loaded through AudienceLoader against the
 * simulator (search where the plan asks it, the app's refine elsewhere) and compared with a
 * hand-written filter over the simulator's own users. Days are counted on the account's calendar
 * (America/New_York) with Intl, not with the app's calendar code.
 */
import { describe, expect, it } from 'vitest';
import type { ZendeskUser } from '../../../sandbox/simulator/types.ts';
import { audienceWorld } from '../../support/audience-fixture.ts';
import {
  dayIn,
  expectAudience,
  fieldDay,
  loadedIds,
  numberOf,
  plusDays,
  rules,
  when,
  type ConditionInput,
} from '../../support/account-truth.ts';

const world = audienceWorld({ seed: 7, users: 600 });
const today = dayIn('America/New_York', world.clock.now());
const user = (key: string) => ({ scope: 'user' as const, key });
const value = (u: ZendeskUser, key: string) => u.user_fields[key];

// Customers on the edges of "renews in the next 30 days" and "bought in the last 30 days", set
// before anything is searched (seeded records are searchable as they are).
const endUsers = world.sim.account.users.filter((u) => u.role === 'end-user');
const edges = {
  renewsToday: endUsers[0],
  renewsIn30: endUsers[1],
  renewsIn31: endUsers[2],
  renewedYesterday: endUsers[3],
  boughtToday: endUsers[4],
  bought30Ago: endUsers[5],
  bought31Ago: endUsers[6],
};
const setDay = (u: ZendeskUser | undefined, key: string, day: string) => {
  if (!u) throw new Error('the seed has too few customers');
  u.user_fields[key] = `${day}T00:00:00Z`;
};
setDay(edges.renewsToday, 'plan_renewal_date', today);
setDay(edges.renewsIn30, 'plan_renewal_date', plusDays(today, 30));
setDay(edges.renewsIn31, 'plan_renewal_date', plusDays(today, 31));
setDay(edges.renewedYesterday, 'plan_renewal_date', plusDays(today, -1));
setDay(edges.boughtToday, 'last_purchase_date', today);
setDay(edges.bought30Ago, 'last_purchase_date', plusDays(today, -30));
setDay(edges.bought31Ago, 'last_purchase_date', plusDays(today, -31));

type Case = [label: string, condition: ConditionInput, test: (u: ZendeskUser) => boolean];

describe('dropdown (service_level): is, is not, is any of', () => {
  const level = (u: ZendeskUser) => value(u, 'service_level');
  it.each<Case>([
    ['is gold', { field: user('service_level'), operator: 'is', value: 'gold' }, (u) => level(u) === 'gold'],
    // "is not" keeps customers with no value, as Zendesk's -service_level:gold does.
    ['is not gold', { field: user('service_level'), operator: 'is_not', value: 'gold' }, (u) => level(u) !== 'gold'],
    [
      'is any of gold, platinum',
      { field: user('service_level'), operator: 'is_any_of', value: ['gold', 'platinum'] },
      (u) => level(u) === 'gold' || level(u) === 'platinum',
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });
});

describe('multiselect (product_interests): includes any, includes all', () => {
  const interests = (u: ZendeskUser): string[] => {
    const v = value(u, 'product_interests');
    return Array.isArray(v) ? v : [];
  };
  it.each<Case>([
    [
      'includes any of analytics, training',
      { field: user('product_interests'), operator: 'includes_any', value: ['analytics', 'training'] },
      (u) => interests(u).includes('analytics') || interests(u).includes('training'),
    ],
    [
      'includes all of analytics, training',
      { field: user('product_interests'), operator: 'includes_all', value: ['analytics', 'training'] },
      (u) => interests(u).includes('analytics') && interests(u).includes('training'),
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });
});

describe('checkbox (newsletter_opt_in): checked, unchecked', () => {
  it.each<Case>([
    [
      'checked',
      { field: user('newsletter_opt_in'), operator: 'is_checked' },
      (u) => value(u, 'newsletter_opt_in') === true,
    ],
    // Unset (staff have no value) is unchecked.
    [
      'unchecked',
      { field: user('newsletter_opt_in'), operator: 'is_unchecked' },
      (u) => value(u, 'newsletter_opt_in') !== true,
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });
});

describe.each(['plan_renewal_date', 'last_purchase_date'])('date (%s) on the account calendar', (key) => {
  const day = (u: ZendeskUser) => fieldDay(value(u, key));
  const inRange = (u: ZendeskUser, from: string, to: string) => {
    const d = day(u);
    return d !== undefined && d >= from && d <= to;
  };
  const pivot = key === 'plan_renewal_date' ? plusDays(today, 60) : plusDays(today, -200);
  const from = key === 'plan_renewal_date' ? plusDays(today, 10) : plusDays(today, -300);
  const to = key === 'plan_renewal_date' ? plusDays(today, 90) : plusDays(today, -100);
  it.each<Case>([
    [`before ${pivot}`, { field: user(key), operator: 'before', value: pivot }, (u) => (day(u) ?? '9999') < pivot],
    [`after ${pivot}`, { field: user(key), operator: 'after', value: pivot }, (u) => (day(u) ?? '0000') > pivot],
    [
      `between ${from} and ${to} (both days included)`,
      { field: user(key), operator: 'date_between', value: { from, to } },
      (u) => inRange(u, from, to),
    ],
    [
      'within the next 30 days (today to today + 30)',
      { field: user(key), operator: 'within_next_days', value: 30 },
      (u) => inRange(u, today, plusDays(today, 30)),
    ],
    [
      'in the last 30 days (today − 30 to today)',
      { field: user(key), operator: 'within_last_days', value: 30 },
      (u) => inRange(u, plusDays(today, -30), today),
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });
});

describe('relative dates include both ends', () => {
  it('“renews in the next 30 days” includes today and today + 30, not yesterday or today + 31', async () => {
    const ids = await loadedIds(
      world,
      rules('all', when({ field: user('plan_renewal_date'), operator: 'within_next_days', value: 30 })),
    );
    expect(ids).toContain(edges.renewsToday?.id);
    expect(ids).toContain(edges.renewsIn30?.id);
    expect(ids).not.toContain(edges.renewsIn31?.id);
    expect(ids).not.toContain(edges.renewedYesterday?.id);
  });

  it('“bought in the last 30 days” includes today and today − 30, not today − 31', async () => {
    const ids = await loadedIds(
      world,
      rules('all', when({ field: user('last_purchase_date'), operator: 'within_last_days', value: 30 })),
    );
    expect(ids).toContain(edges.boughtToday?.id);
    expect(ids).toContain(edges.bought30Ago?.id);
    expect(ids).not.toContain(edges.bought31Ago?.id);
  });
});

describe.each([
  ['seats', 25, 100, [50, 250]],
  ['average_annual_spend', 2500, 10_000, [1000, 5000]],
] as const)('number (%s): = ≠ < ≤ > ≥ between', (key, exact, pivot, [low, high]) => {
  const n = (u: ZendeskUser) => numberOf(value(u, key));
  const has = (u: ZendeskUser, test: (x: number) => boolean) => {
    const x = n(u);
    return x !== undefined && test(x);
  };
  it.each<Case>([
    [`= ${exact}`, { field: user(key), operator: 'eq', value: exact }, (u) => n(u) === exact],
    // ≠ keeps customers with no value.
    [`≠ ${exact}`, { field: user(key), operator: 'ne', value: exact }, (u) => n(u) !== exact],
    [`< ${pivot}`, { field: user(key), operator: 'lt', value: pivot }, (u) => has(u, (x) => x < pivot)],
    [`≤ ${pivot}`, { field: user(key), operator: 'lte', value: pivot }, (u) => has(u, (x) => x <= pivot)],
    [`> ${pivot}`, { field: user(key), operator: 'gt', value: pivot }, (u) => has(u, (x) => x > pivot)],
    [`≥ ${pivot}`, { field: user(key), operator: 'gte', value: pivot }, (u) => has(u, (x) => x >= pivot)],
    [
      `between ${low} and ${high}`,
      { field: user(key), operator: 'number_between', value: { from: low, to: high } },
      (u) => has(u, (x) => x >= low && x <= high),
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });

  it(`≤ and < differ exactly by the customers at ${exact}`, async () => {
    const lte = await loadedIds(world, rules('all', when({ field: user(key), operator: 'lte', value: exact })));
    const lt = await loadedIds(world, rules('all', when({ field: user(key), operator: 'lt', value: exact })));
    const atExact = world.sim.account.users.filter((u) => n(u) === exact).map((u) => u.id);
    expect(atExact.length).toBeGreaterThan(0);
    expect(lte.filter((id) => !lt.includes(id)).sort()).toEqual(atExact.sort());
  });
});

describe.each([
  ['account_manager_notes', 'text', 'Prefers email', 'prefers'],
  ['onboarding_notes', 'textarea', 'Migrated from a spreadsheet.', 'training'],
  ['customer_code', 'regexp', 'C-10005', 'C-1001'],
] as const)('%s (%s): is, contains, is empty, is not empty', (key, _type, exactly, part) => {
  const text = (u: ZendeskUser) => {
    const v = value(u, key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  it.each<Case>([
    [
      `is “${exactly}” (the whole value, any case)`,
      { field: user(key), operator: 'is', value: exactly.toUpperCase() },
      (u) => text(u)?.toLowerCase() === exactly.toLowerCase(),
    ],
    [
      `contains “${part}”`,
      { field: user(key), operator: 'contains', value: part },
      (u) => text(u)?.toLowerCase().includes(part.toLowerCase()) ?? false,
    ],
    ['is empty', { field: user(key), operator: 'is_empty' }, (u) => text(u) === undefined],
    ['is not empty', { field: user(key), operator: 'is_not_empty' }, (u) => text(u) !== undefined],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), test);
  });
});

describe('all of / any of over user fields', () => {
  const gold = { field: user('service_level'), operator: 'is', value: 'gold' } as const;
  const manySeats = { field: user('seats'), operator: 'gt', value: 200 } as const;
  // Locale runs in the app (not a search keyword), so search and app results are combined.
  const korean = { field: { scope: 'builtin', key: 'locale' }, operator: 'is', value: 'ko' } as const;
  const renewsSoon = { field: user('plan_renewal_date'), operator: 'within_next_days', value: 60 } as const;
  const isGold = (u: ZendeskUser) => value(u, 'service_level') === 'gold';
  const seats = (u: ZendeskUser) => (numberOf(value(u, 'seats')) ?? 0) > 200;
  const ko = (u: ZendeskUser) => u.locale === 'ko';
  const soon = (u: ZendeskUser) => {
    const d = fieldDay(value(u, 'plan_renewal_date'));
    return d !== undefined && d >= today && d <= plusDays(today, 60);
  };

  it('all of: gold and more than 200 seats and renewing in 60 days', async () => {
    await expectAudience(world, rules('all', when(gold), when(manySeats), when(renewsSoon)), (u) =>
      [isGold, seats, soon].every((t) => t(u)),
    );
  });

  it('any of: gold or more than 200 seats or renewing in 60 days', async () => {
    await expectAudience(world, rules('any', when(gold), when(manySeats), when(renewsSoon)), (u) =>
      [isGold, seats, soon].some((t) => t(u)),
    );
  });

  it('all of with an app-only condition: gold and Korean', async () => {
    await expectAudience(world, rules('all', when(gold), when(korean)), (u) => isGold(u) && ko(u));
  });

  it('any of with an app-only condition: more than 200 seats or Korean', async () => {
    await expectAudience(world, rules('any', when(manySeats), when(korean)), (u) => seats(u) || ko(u));
  });
});
