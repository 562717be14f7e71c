/**
 * Conditions on organization fields (account_type, monthly_spend, reference_customer, contract),
 * alone and mixed with user conditions: a customer is in when one of their organizations (any
 * membership, default or not) meets the organization part. Checked against a hand-written filter
 * over the simulator's organizations and memberships.
 */
import { describe, expect, it } from 'vitest';
import type { ZendeskOrganization, ZendeskUser } from '../../../sandbox/simulator/types.ts';
import { audienceWorld } from '../../support/audience-fixture.ts';
import {
  expectAudience,
  numberOf,
  organizationsOf,
  rules,
  when,
  type ConditionInput,
} from '../../support/account-truth.ts';

const world = audienceWorld({ seed: 7, users: 600 });
const org = (key: string) => ({ scope: 'organization' as const, key });
const field = (o: ZendeskOrganization, key: string) => o.organization_fields[key];
const spend = (o: ZendeskOrganization) => numberOf(field(o, 'monthly_spend'));
const inOrganization = (test: (o: ZendeskOrganization) => boolean) => (u: ZendeskUser) =>
  organizationsOf(world, u.id).some(test);

type Case = [label: string, condition: ConditionInput, test: (o: ZendeskOrganization) => boolean];

describe('one organization condition', () => {
  const has = (o: ZendeskOrganization, t: (x: number) => boolean) => {
    const x = spend(o);
    return x !== undefined && t(x);
  };
  it.each<Case>([
    [
      'account type is active',
      { field: org('account_type'), operator: 'is', value: 'active' },
      (o) => field(o, 'account_type') === 'active',
    ],
    [
      'account type is not churned',
      { field: org('account_type'), operator: 'is_not', value: 'churned' },
      (o) => field(o, 'account_type') !== 'churned',
    ],
    [
      'account type is any of partner, prospect',
      { field: org('account_type'), operator: 'is_any_of', value: ['partner', 'prospect'] },
      (o) => ['partner', 'prospect'].includes(String(field(o, 'account_type'))),
    ],
    ['monthly spend = 500', { field: org('monthly_spend'), operator: 'eq', value: 500 }, (o) => spend(o) === 500],
    ['monthly spend ≠ 500', { field: org('monthly_spend'), operator: 'ne', value: 500 }, (o) => spend(o) !== 500],
    ['monthly spend < 500', { field: org('monthly_spend'), operator: 'lt', value: 500 }, (o) => has(o, (x) => x < 500)],
    [
      'monthly spend ≤ 500',
      { field: org('monthly_spend'), operator: 'lte', value: 500 },
      (o) => has(o, (x) => x <= 500),
    ],
    ['monthly spend > 500', { field: org('monthly_spend'), operator: 'gt', value: 500 }, (o) => has(o, (x) => x > 500)],
    [
      'monthly spend ≥ 500',
      { field: org('monthly_spend'), operator: 'gte', value: 500 },
      (o) => has(o, (x) => x >= 500),
    ],
    [
      'monthly spend between 250 and 1000',
      { field: org('monthly_spend'), operator: 'number_between', value: { from: 250, to: 1000 } },
      (o) => has(o, (x) => x >= 250 && x <= 1000),
    ],
    [
      'reference customer checked',
      { field: org('reference_customer'), operator: 'is_checked' },
      (o) => field(o, 'reference_customer') === true,
    ],
    [
      'reference customer unchecked',
      { field: org('reference_customer'), operator: 'is_unchecked' },
      (o) => field(o, 'reference_customer') !== true,
    ],
    [
      'contract is 1 year',
      { field: org('contract'), operator: 'is', value: '1_year' },
      (o) => field(o, 'contract') === '1_year',
    ],
    [
      'contract is any of 1 year, 2 year',
      { field: org('contract'), operator: 'is_any_of', value: ['1_year', '2_year'] },
      (o) => ['1_year', '2_year'].includes(String(field(o, 'contract'))),
    ],
  ])('%s', async (_label, condition, test) => {
    await expectAudience(world, rules('all', when(condition)), inOrganization(test));
  });

  it('counts a customer through an organization that is not their default one', async () => {
    const { account } = world.sim;
    const partner = (o: ZendeskOrganization) => field(o, 'account_type') === 'partner';
    const viaSecondary = account.users.find((u) => {
      const defaultOrg = u.organization_id === null ? undefined : account.organizationsById.get(u.organization_id);
      return (defaultOrg === undefined || !partner(defaultOrg)) && organizationsOf(world, u.id).some(partner);
    });
    expect(viaSecondary).toBeDefined();
    const ids = await expectAudience(
      world,
      rules('all', when({ field: org('account_type'), operator: 'is', value: 'partner' })),
      inOrganization(partner),
    );
    expect(ids).toContain(viaSecondary?.id);
  });
});

describe('several organization conditions', () => {
  const active = (o: ZendeskOrganization) => field(o, 'account_type') === 'active';
  const bigSpender = (o: ZendeskOrganization) => (spend(o) ?? 0) > 500;
  const conditions = () => [
    when({ field: org('account_type'), operator: 'is', value: 'active' }),
    when({ field: org('monthly_spend'), operator: 'gt', value: 500 }),
  ];

  it('all of: one organization that is both active and spends over $500', async () => {
    await expectAudience(
      world,
      rules('all', ...conditions()),
      inOrganization((o) => active(o) && bigSpender(o)),
    );
  });

  it('any of: an organization that is active, or one that spends over $500', async () => {
    await expectAudience(
      world,
      rules('any', ...conditions()),
      (u) => inOrganization(active)(u) || inOrganization(bigSpender)(u),
    );
  });
});

describe('organization conditions mixed with user conditions', () => {
  const level = (u: ZendeskUser) => u.user_fields.service_level;
  const seats = (u: ZendeskUser) => numberOf(u.user_fields.seats) ?? 0;

  it('all of: an active organization and a gold customer', async () => {
    await expectAudience(
      world,
      rules(
        'all',
        when({ field: org('account_type'), operator: 'is', value: 'active' }),
        when({ field: { scope: 'user', key: 'service_level' }, operator: 'is', value: 'gold' }),
      ),
      (u) => inOrganization((o) => field(o, 'account_type') === 'active')(u) && level(u) === 'gold',
    );
  });

  it('all of with an app-only user condition: an active organization and a Korean customer', async () => {
    await expectAudience(
      world,
      rules(
        'all',
        when({ field: org('account_type'), operator: 'is', value: 'active' }),
        when({ field: { scope: 'builtin', key: 'locale' }, operator: 'is', value: 'ko' }),
      ),
      (u) => inOrganization((o) => field(o, 'account_type') === 'active')(u) && u.locale === 'ko',
    );
  });

  it('any of: a reference customer organization or more than 400 seats', async () => {
    await expectAudience(
      world,
      rules(
        'any',
        when({ field: org('reference_customer'), operator: 'is_checked' }),
        when({ field: { scope: 'user', key: 'seats' }, operator: 'gt', value: 400 }),
      ),
      (u) => inOrganization((o) => field(o, 'reference_customer') === true)(u) || seats(u) > 400,
    );
  });

  it('any of with an app-only user condition: a 2-year contract or a Japanese customer', async () => {
    await expectAudience(
      world,
      rules(
        'any',
        when({ field: org('contract'), operator: 'is', value: '2_year' }),
        when({ field: { scope: 'builtin', key: 'locale' }, operator: 'is', value: 'ja' }),
      ),
      (u) => inOrganization((o) => field(o, 'contract') === '2_year')(u) || u.locale === 'ja',
    );
  });
});
