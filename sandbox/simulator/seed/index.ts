import { DemoAccount } from '../account.ts';
import { createRandom, deriveSeed } from '../prng.ts';
import { DAY_MS } from '../time.ts';
import type { Plan } from '../types.ts';
import { seedOrganizationFields, seedUserFields } from './fields.ts';
import { seedEndUsers, seedOrganizations, seedStaff } from './people.ts';
import { seedTickets } from './tickets.ts';
import { seedMacros } from './macros.ts';
import { seedViews } from './views.ts';
import { seedCustomStatuses, seedGroups, seedTriggers } from './workspace.ts';

export interface SeedOptions {
  seed: number;
  users?: number;
  organizations?: number;
  plan: Plan;
  rpm: number;
  /** Dates are relative to this, so "renewal in the next 30 days" always has members. */
  now: number;
  /** Customers may belong to several organizations (default true); false keeps each to one. */
  multipleOrganizations?: boolean;
}

/** The demo account of SPEC.md, the same for the same seed and `now`. */
export function seedAccount(options: SeedOptions): DemoAccount {
  const users = options.users ?? 3000;
  const organizations = options.organizations ?? Math.max(1, Math.floor(users / 10));
  const random = createRandom(deriveSeed(options.seed, 1));
  const account = new DemoAccount(options.plan, options.rpm, options.now - 900 * DAY_MS);
  account.userFields.push(...seedUserFields(account.createdAtMs));
  account.organizationFields.push(...seedOrganizationFields(account.createdAtMs));
  seedCustomStatuses(account, options.now);
  seedStaff(account, options.now);
  seedGroups(account, options.now);
  seedOrganizations(account, random, organizations, options.now);
  seedEndUsers(account, random, users, options.now, options.multipleOrganizations ?? true);
  account.multipleOrganizations = options.multipleOrganizations ?? true;
  seedMacros(account, options.now);
  seedTriggers(account, options.now);
  seedViews(account, options.now);
  seedTickets(account, createRandom(deriveSeed(options.seed, 5)), options.now);
  return account;
}
