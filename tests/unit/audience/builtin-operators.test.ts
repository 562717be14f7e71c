/**
 * The built-in user attributes (role, tags, organization, email domain, locale, time zone, created
 * date), loaded through AudienceLoader against the simulator and compared with a hand-written
 * filter over the simulator's users, memberships and identities.
 */
import { describe, expect, it } from 'vitest';
import type { ZendeskUser } from '../../../sandbox/simulator/types.ts';
import type { BuiltInAttribute } from '../../../src/domain/fields/audience-fields.ts';
import { audienceWorld } from '../../support/audience-fixture.ts';
import {
  dayIn,
  expectAudience,
  loadedIds,
  plusDays,
  rules,
  when,
  type ConditionInput,
} from '../../support/account-truth.ts';

const world = audienceWorld({ seed: 7, users: 600 });
const { account } = world.sim;
const zone = 'America/New_York';
const today = dayIn(zone, world.clock.now());
const builtin = (key: BuiltInAttribute) => ({ scope: 'builtin' as const, key });
const domainOf = (u: ZendeskUser) => u.email?.split('@')[1]?.toLowerCase();
const createdDay = (u: ZendeskUser) => dayIn(zone, Date.parse(u.created_at));

type Case = [label: string, condition: ConditionInput, test: (u: ZendeskUser) => boolean];

async function check(condition: ConditionInput, test: (u: ZendeskUser) => boolean) {
  return expectAudience(world, rules('all', when(condition)), test);
}

describe('role', () => {
  it.each<Case>([
    ['is end-user', { field: builtin('role'), operator: 'is', value: 'end-user' }, (u) => u.role === 'end-user'],
    [
      'is any of agent, admin',
      { field: builtin('role'), operator: 'is_any_of', value: ['agent', 'admin'] },
      (u) => u.role !== 'end-user',
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });
});

describe('tags (checkbox fields add their tag too)', () => {
  const tagged = (u: ZendeskUser, tag: string) => u.tags.includes(tag);
  it.each<Case>([
    [
      'includes any of vip, beta_tester',
      { field: builtin('tags'), operator: 'includes_any', value: ['vip', 'beta_tester'] },
      (u) => tagged(u, 'vip') || tagged(u, 'beta_tester'),
    ],
    [
      'includes all of vip, newsletter_opt_in',
      { field: builtin('tags'), operator: 'includes_all', value: ['vip', 'newsletter_opt_in'] },
      (u) => tagged(u, 'vip') && tagged(u, 'newsletter_opt_in'),
    ],
    [
      'includes none of vip, early_adopter',
      { field: builtin('tags'), operator: 'includes_none', value: ['vip', 'early_adopter'] },
      (u) => !tagged(u, 'vip') && !tagged(u, 'early_adopter'),
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });
});

describe('organization, over every membership', () => {
  // An organization some customer belongs to only through a secondary (non-default) membership.
  const secondary = account.users.flatMap((u) =>
    account
      .organizationIdsOf(u.id)
      .flatMap((id) => (id !== u.organization_id ? [{ user: u, organizationId: id }] : [])),
  );
  const [first, second] = secondary;
  if (!first || !second) throw new Error('the seed has no customer with a second organization');
  const memberOf = (u: ZendeskUser, id: number) => account.organizationIdsOf(u.id).includes(id);

  it('is <organization> finds a member whose membership there is not their default one', async () => {
    const ids = await check(
      { field: builtin('organization'), operator: 'is', value: String(first.organizationId) },
      (u) => memberOf(u, first.organizationId),
    );
    expect(first.user.organization_id).not.toBe(first.organizationId);
    expect(ids).toContain(first.user.id);
  });

  it('is not <organization> leaves out secondary members too, and keeps customers in no organization', async () => {
    const ids = await check(
      { field: builtin('organization'), operator: 'is_not', value: String(first.organizationId) },
      (u) => !memberOf(u, first.organizationId),
    );
    expect(ids).not.toContain(first.user.id);
    expect(ids).toContain(account.users.find((u) => account.organizationIdsOf(u.id).length === 0)?.id);
  });

  it('is any of two organizations', async () => {
    const wanted = [first.organizationId, second.organizationId];
    const ids = await check({ field: builtin('organization'), operator: 'is_any_of', value: wanted.map(String) }, (u) =>
      wanted.some((id) => memberOf(u, id)),
    );
    expect(ids).toEqual(expect.arrayContaining([first.user.id, second.user.id]));
  });

  it('with a user condition (all of), a secondary member still counts', async () => {
    const level = first.user.user_fields.service_level;
    expect(typeof level).toBe('string');
    const ids = await expectAudience(
      world,
      rules(
        'all',
        when({ field: builtin('organization'), operator: 'is', value: String(first.organizationId) }),
        when({ field: { scope: 'user', key: 'service_level' }, operator: 'is', value: String(level) }),
      ),
      (u) => memberOf(u, first.organizationId) && u.user_fields.service_level === level,
    );
    expect(ids).toContain(first.user.id);
  });
});

describe('email domain', () => {
  it.each<Case>([
    [
      'is gmail.example',
      { field: builtin('email_domain'), operator: 'is', value: 'GMAIL.example' },
      (u) => domainOf(u) === 'gmail.example',
    ],
    // Customers without an email have no domain, so they are not "gmail.example".
    [
      'is not gmail.example',
      { field: builtin('email_domain'), operator: 'is_not', value: 'gmail.example' },
      (u) => domainOf(u) !== 'gmail.example',
    ],
    [
      'is any of mail.example, inbox.example',
      { field: builtin('email_domain'), operator: 'is_any_of', value: ['mail.example', 'inbox.example'] },
      (u) => domainOf(u) === 'mail.example' || domainOf(u) === 'inbox.example',
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });

  it('does not match a customer whose name or notes merely mention the domain', async () => {
    const someone = account.users.find((u) => u.role === 'end-user' && domainOf(u) !== 'gmail.example');
    if (!someone) throw new Error('no customer outside gmail.example');
    someone.notes = 'Used to write from gmail.example';
    const ids = await loadedIds(
      world,
      rules('all', when({ field: builtin('email_domain'), operator: 'is', value: 'gmail.example' })),
    );
    expect(ids).not.toContain(someone.id);
  });
});

describe('locale', () => {
  it.each<Case>([
    ['is ko', { field: builtin('locale'), operator: 'is', value: 'ko' }, (u) => u.locale === 'ko'],
    ['is not en-US', { field: builtin('locale'), operator: 'is_not', value: 'en-US' }, (u) => u.locale !== 'en-US'],
    [
      'is any of ja, de',
      { field: builtin('locale'), operator: 'is_any_of', value: ['ja', 'de'] },
      (u) => u.locale === 'ja' || u.locale === 'de',
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });
});

describe('time zone, by its IANA or its Zendesk name', () => {
  it.each<Case>([
    [
      'is Asia/Seoul',
      { field: builtin('time_zone'), operator: 'is', value: 'Asia/Seoul' },
      (u) => u.iana_time_zone === 'Asia/Seoul',
    ],
    ['is Seoul', { field: builtin('time_zone'), operator: 'is', value: 'Seoul' }, (u) => u.time_zone === 'Seoul'],
    // "is not" must hold for both names of the zone.
    [
      'is not America/New_York',
      { field: builtin('time_zone'), operator: 'is_not', value: 'America/New_York' },
      (u) => u.iana_time_zone !== 'America/New_York',
    ],
    [
      'is not Eastern Time (US & Canada)',
      { field: builtin('time_zone'), operator: 'is_not', value: 'Eastern Time (US & Canada)' },
      (u) => u.time_zone !== 'Eastern Time (US & Canada)',
    ],
    [
      'is any of Tokyo, Europe/Berlin',
      { field: builtin('time_zone'), operator: 'is_any_of', value: ['Tokyo', 'Europe/Berlin'] },
      (u) => u.time_zone === 'Tokyo' || u.iana_time_zone === 'Europe/Berlin',
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });
});

describe('created date, on the account calendar', () => {
  const pivot = plusDays(today, -365);
  const [from, to] = [plusDays(today, -800), plusDays(today, -400)];
  it.each<Case>([
    [
      `before ${pivot}`,
      { field: builtin('created_at'), operator: 'before', value: pivot },
      (u) => createdDay(u) < pivot,
    ],
    [`after ${pivot}`, { field: builtin('created_at'), operator: 'after', value: pivot }, (u) => createdDay(u) > pivot],
    [
      `between ${from} and ${to}`,
      { field: builtin('created_at'), operator: 'date_between', value: { from, to } },
      (u) => createdDay(u) >= from && createdDay(u) <= to,
    ],
    [
      'in the last 90 days',
      { field: builtin('created_at'), operator: 'within_last_days', value: 90 },
      (u) => createdDay(u) >= plusDays(today, -90) && createdDay(u) <= today,
    ],
  ])('%s', async (_label, condition, test) => {
    await check(condition, test);
  });

  it('a sign-up late in the evening in New York belongs to that New York day, not the UTC one', async () => {
    const someone = account.users.find((u) => u.role === 'end-user');
    if (!someone) throw new Error('no customer');
    const day = plusDays(today, -3);
    // 23:30 in New York (UTC−5 in November) is 04:30 UTC the next day.
    someone.created_at = `${plusDays(day, 1)}T04:30:00Z`;
    expect(createdDay(someone)).toBe(day);
    const ids = await loadedIds(
      world,
      rules('all', when({ field: builtin('created_at'), operator: 'date_between', value: { from: day, to: day } })),
    );
    expect(ids).toContain(someone.id);
    const next = await loadedIds(
      world,
      rules('all', when({ field: builtin('created_at'), operator: 'after', value: day })),
    );
    expect(next).not.toContain(someone.id);
  });
});
