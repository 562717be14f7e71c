import type { Simulator, SimulatorOptions } from '../../sandbox/simulator/index.ts';

/**
 * The demo account the campaign tests send in: counts straight from search, and jobs fast enough
 * for a test (in Zendesk search lags new tickets by a minute or two, support-api.md §2.1).
 */
export const QUICK_SEND_ACCOUNT: SimulatorOptions = {
  seed: 11,
  users: 600,
  searchIndexLagMs: 0,
  jobTiming: { perTicketMs: 20, perTicketJitterMs: 5, startDelayMs: 500 },
};

/**
 * The customers a campaign can reach, from the simulator's own records (not the app's code):
 * active end-users, not suspended, with an email; of these service levels when given.
 */
export function reachableCustomers(sim: Simulator, serviceLevels?: readonly string[]) {
  return sim.account.users.filter(
    (u) =>
      u.active &&
      u.role === 'end-user' &&
      !u.suspended &&
      u.email !== null &&
      (serviceLevels === undefined || serviceLevels.includes(String(u.user_fields.service_level))),
  );
}
