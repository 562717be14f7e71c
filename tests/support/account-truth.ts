import { expect } from 'vitest';
import type { ZendeskOrganization, ZendeskUser } from '../../sandbox/simulator/types.ts';
import type { AudienceRules, MatchMode } from '../../src/domain/audience/audience.ts';
import type { Condition } from '../../src/domain/audience/condition.ts';
import { AudienceLoader } from '../../src/services/audience/load-audience.ts';
import type { AudienceWorld } from './audience-fixture.ts';

/**
 * The truth to check audiences against, written without the app's code: calendar days from Intl
 * (not the app's AccountCalendar), values read straight from the simulator's records.
 */

/** The calendar day (`YYYY-MM-DD`) at `instant` in `timeZone`. */
export function dayIn(timeZone: string, instant: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** `day` moved by `days` calendar days. */
export function plusDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A custom date field's day (`2027-01-05T00:00:00Z` → `2027-01-05`), or undefined when unset. */
export function fieldDay(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : undefined;
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export const sortIds = (ids: Iterable<number>): number[] => [...ids].sort((a, b) => a - b);

/** A condition without its id, kept per operator (a plain Omit would merge the operator shapes). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type ConditionInput = WithoutId<Condition>;

let nextId = 0;
/** A condition with a fresh id. */
export function when(condition: ConditionInput): Condition {
  nextId += 1;
  return { ...condition, id: `c${nextId}` } as Condition;
}

export function rules(match: MatchMode, ...conditions: Condition[]): AudienceRules {
  return { match, conditions, includeStaff: true };
}

/** The users the app's loader returns for the rules, through search against the simulator. */
export async function loadedIds(world: AudienceWorld, audience: AudienceRules): Promise<number[]> {
  const loader = new AudienceLoader(world.api);
  const result = await world.clock.run(() =>
    loader.load({ rules: audience, catalog: world.catalog, ctx: world.ctx, multipleOrganizations: true }),
  );
  return sortIds(result.matched.map((c) => c.user.id));
}

/** Every live user of the simulated account that passes `test`, and the rest. */
export function truth(world: AudienceWorld, test: (user: ZendeskUser) => boolean) {
  const users = world.sim.account.users;
  return {
    matching: sortIds(users.filter(test).map((u) => u.id)),
    others: users.filter((u) => !test(u)).length,
  };
}

/** The organizations a user belongs to (every membership, default or not). */
export function organizationsOf(world: AudienceWorld, userId: number): ZendeskOrganization[] {
  const { account } = world.sim;
  return account.organizationIdsOf(userId).flatMap((id) => account.organizationsById.get(id) ?? []);
}

/**
 * The loader agrees with `test` over the account, and the audience is neither everyone nor no one,
 * so the check cannot pass by matching nobody (or by ignoring the condition).
 */
export async function expectAudience(
  world: AudienceWorld,
  audience: AudienceRules,
  test: (user: ZendeskUser) => boolean,
): Promise<number[]> {
  const { matching, others } = truth(world, test);
  expect(matching.length, 'customers the condition should match').toBeGreaterThan(0);
  expect(others, 'customers the condition should leave out').toBeGreaterThan(0);
  const ids = await loadedIds(world, audience);
  expect(ids).toEqual(matching);
  return ids;
}
