import { createSimulator, type Simulator } from '../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../sandbox/simulator/transport.ts';
import { VirtualClock } from '../../sandbox/virtual-clock.ts';
import type { Customer } from '../../src/domain/audience/customer.ts';
import { FieldCatalog } from '../../src/domain/fields/audience-fields.ts';
import { AccountCalendar } from '../../src/domain/time/account-calendar.ts';
import type { EvaluationContext } from '../../src/domain/audience/evaluate.ts';
import { SupportApiClient, type Organization, type User } from '../../src/zendesk/index.ts';
import { customFieldSchema } from '../../src/zendesk/schemas/custom-fields.ts';
import { organizationSchema } from '../../src/zendesk/schemas/organizations.ts';
import { userSchema } from '../../src/zendesk/schemas/users.ts';

/**
 * A simulated account, a client talking to it in virtual time, and the account's own records
 * read straight from the simulator (not through the app), to check audiences against.
 */
export interface AudienceWorld {
  sim: Simulator;
  clock: VirtualClock;
  api: SupportApiClient;
  catalog: FieldCatalog;
  ctx: EvaluationContext;
  /** Every live user of the account with every organization they belong to. */
  customers(): Customer[];
  organizations(): Organization[];
}

export function audienceWorld(options: { seed?: number; users?: number; timeZone?: string } = {}): AudienceWorld {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: options.seed ?? 7, users: options.users ?? 600, clock });
  const api = new SupportApiClient({ transport: simulatorTransport(sim), clock });
  const catalog = new FieldCatalog(
    sim.account.userFields.map((f) => customFieldSchema.parse(f)),
    sim.account.organizationFields.map((f) => customFieldSchema.parse(f)),
  );
  const calendar = new AccountCalendar(options.timeZone ?? 'America/New_York');
  const ctx = { calendar, today: calendar.dayOf(clock.now()) };
  const organizations = () => sim.account.organizations.map((o) => organizationSchema.parse(o));
  return {
    sim,
    clock,
    api,
    catalog,
    ctx,
    organizations,
    customers() {
      const byId = new Map(organizations().map((o) => [o.id, o]));
      return sim.account.users
        .filter((u) => u.active)
        .map((u) => ({
          user: userSchema.parse(u) as User,
          organizations: sim.account.organizationIdsOf(u.id).flatMap((id) => byId.get(id) ?? []),
        }));
    },
  };
}
