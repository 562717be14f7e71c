import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerMatches, usableConditions, type AudienceRules } from '../../../src/domain/audience/audience.ts';
import type { Condition } from '../../../src/domain/audience/condition.ts';
import { OPERATORS_BY_KIND } from '../../../src/domain/audience/condition.ts';
import { planAudience } from '../../../src/domain/audience/plan.ts';
import type { AudienceField } from '../../../src/domain/fields/audience-fields.ts';
import { AudienceLoader } from '../../../src/services/audience/load-audience.ts';
import { audienceWorld } from '../../support/audience-fixture.ts';

/**
 * The planner's promise: an audience is the same whether each condition runs in Zendesk search
 * or in the app. Random audiences over the demo account's fields and values, each loaded through
 * the simulator twice (as planned, and with every condition the app can check forced into the
 * app), must equal the pure predicate applied to every customer with every membership.
 */
const world = audienceWorld({ seed: 21, users: 500 });
const customers = world.customers();
const organizations = world.organizations();

function observed(field: AudienceField): string[] {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v !== null && v !== undefined && v !== '') values.add(String(v));
  };
  const { ref } = field;
  if (ref.scope === 'user') customers.forEach((c) => add(c.user.user_fields[ref.key]));
  else if (ref.scope === 'organization') organizations.forEach((o) => add(o.organization_fields[ref.key]));
  else if (ref.key === 'tags') customers.forEach((c) => add(c.user.tags));
  else if (ref.key === 'role') ['end-user', 'agent', 'admin'].forEach(add);
  else if (ref.key === 'organization') organizations.slice(0, 30).forEach((o) => add(o.id));
  else if (ref.key === 'email_domain') customers.forEach((c) => add(c.user.email?.split('@')[1]));
  else if (ref.key === 'locale') customers.forEach((c) => add(c.user.locale));
  else if (ref.key === 'time_zone') customers.forEach((c) => add(c.user.time_zone));
  for (const option of field.options) values.add(option.value);
  return [...values].slice(0, 40);
}

const { calendar, today } = world.ctx;
const day = fc.integer({ min: -400, max: 400 }).map((n) => calendar.shift(today, n));

function valueFor(field: AudienceField, operator: Condition['operator']): fc.Arbitrary<unknown> | undefined {
  const seen = observed(field);
  const pick = seen.length > 0 ? fc.constantFrom(...seen) : fc.constant('none-such');
  const numbers = seen.map(Number).filter(Number.isFinite);
  const number = fc.oneof(
    numbers.length > 0 ? fc.constantFrom(...numbers) : fc.constant(0),
    fc.integer({ min: -10, max: 20_000 }),
  );
  switch (operator) {
    case 'is':
    case 'is_not':
      return pick;
    case 'contains':
      return pick.map((v) => v.slice(1, 4) || v);
    case 'is_any_of':
    case 'includes_any':
    case 'includes_all':
    case 'includes_none':
      return fc.uniqueArray(pick, { minLength: 1, maxLength: 3 });
    case 'before':
    case 'after':
      return day;
    case 'date_between':
      return fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    case 'within_next_days':
    case 'within_last_days':
      return fc.integer({ min: 0, max: 400 });
    case 'number_between':
      return fc.tuple(number, number).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return number;
    default:
      return undefined;
  }
}

const condition: fc.Arbitrary<Condition> = fc.constantFrom(...world.catalog.fields).chain((field) =>
  fc.constantFrom(...OPERATORS_BY_KIND[field.kind]).chain((operator) => {
    const value = valueFor(field, operator);
    const base = { id: '', field: field.ref, operator };
    return (value ?? fc.constant(undefined)).map(
      (v) => (value === undefined ? base : { ...base, value: v }) as unknown as Condition,
    );
  }),
);

const rules: fc.Arbitrary<AudienceRules> = fc
  .record({
    match: fc.constantFrom('all' as const, 'any' as const),
    conditions: fc.array(condition, { minLength: 1, maxLength: 4 }),
  })
  .map(({ match, conditions }) => ({
    match,
    includeStaff: true,
    conditions: conditions.map((c, i) => ({ ...c, id: `c${i}` })),
  }));

function expected(audience: AudienceRules): number[] {
  const { usable } = usableConditions(audience, world.catalog);
  return customers
    .filter((c) => customerMatches(audience.match, usable, c, world.ctx))
    .map((c) => c.user.id)
    .sort((a, b) => a - b);
}

async function loaded(audience: AudienceRules, forceApp: boolean, multipleOrganizations: boolean): Promise<number[]> {
  const loader = new AudienceLoader(world.api);
  const planOptions = forceApp ? { forceApp: new Set(audience.conditions.map((c) => c.id)) } : {};
  const result = await world.clock.run(() =>
    loader.load({ rules: audience, catalog: world.catalog, ctx: world.ctx, multipleOrganizations, planOptions }),
  );
  return result.matched.map((c) => c.user.id).sort((a, b) => a - b);
}

describe('audience plan: search and app agree', () => {
  it('gives the pure predicate’s customers for random audiences, planned or forced into the app', async () => {
    let tried = 0;
    let searchShare = 0;
    await fc.assert(
      fc.asyncProperty(rules, fc.boolean(), async (audience, forceApp) => {
        tried += 1;
        const plan = planAudience(audience, world.catalog, world.ctx);
        searchShare += plan.userConditions.filter((c) => c.placement.where !== 'app').length;
        expect(await loaded(audience, forceApp, true)).toEqual(expected(audience));
      }),
      { numRuns: 120, seed: 4242 },
    );
    console.log(`plan property: ${tried} audiences, ${searchShare} conditions narrowed by search`);
    expect(searchShare).toBeGreaterThan(0);
  }, 120_000);
});
