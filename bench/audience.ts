import { createSimulator } from '../sandbox/simulator/index.ts';
import { simulatorTransport } from '../sandbox/simulator/transport.ts';
import { VirtualClock } from '../sandbox/virtual-clock.ts';
import { customerMatches, usableConditions, type AudienceRules } from '../src/domain/audience/audience.ts';
import { organizationsPerJoinQuery, planAudience } from '../src/domain/audience/plan.ts';
import { FieldCatalog } from '../src/domain/fields/audience-fields.ts';
import { AccountCalendar } from '../src/domain/time/account-calendar.ts';
import { AudienceLoader } from '../src/services/audience/load-audience.ts';
import { EXPORT_PAGE_SIZE } from '../src/services/audience/search-exports.ts';
import { SupportApiClient, ZAF_APP_RPM } from '../src/zendesk/index.ts';
import { customFieldSchema } from '../src/zendesk/schemas/custom-fields.ts';
import { organizationSchema } from '../src/zendesk/schemas/organizations.ts';
import { userSchema } from '../src/zendesk/schemas/users.ts';
import { mulberry } from '../tests/support/send-world.ts';
import type { BenchLine } from './line.ts';

const USERS = 100_000;
const LATENCY_MS = 150;
/** search/export: 100 requests a minute per account (support-api.md §2.1). */
const EXPORT_RPM = 100;

/** "Customers whose plan renews in the next 30 days, in active accounts." */
const RULES: AudienceRules = {
  match: 'all',
  includeStaff: false,
  conditions: [
    { id: 'renewal', field: { scope: 'user', key: 'plan_renewal_date' }, operator: 'within_next_days', value: 30 },
    { id: 'active', field: { scope: 'organization', key: 'account_type' }, operator: 'is', value: 'active' },
  ],
};

/**
 * Building the audience above over 100,000 simulated end users, in Zendesk's (virtual) time, for
 * an account whose customers belong to one organization each and for one whose customers may
 * belong to several.
 *
 * The floor is the fewest requests any client needs for the exact answer, and the time those take
 * at the documented limits:
 * - one search/export page (1,000 records) per 1,000 users the server-side part matches, and per
 *   1,000 organizations the organization part matches (the organization look-ups);
 * - with several organizations per customer, also the fewest requests that tell which matched
 *   organizations the other customers belong to: `organization:` queries (as many organizations
 *   as fit in Zendesk's 64 words) or one membership list per such customer, whichever is fewer;
 * - time: export allows 100 requests a minute; each export's pages follow one another (a cursor
 *   needs the page before), one round trip each, and independent exports run side by side.
 */
async function audienceCase(multipleOrganizations: boolean): Promise<BenchLine> {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 3, users: USERS, clock, multipleOrganizations, searchIndexLagMs: 0 });
  const api = new SupportApiClient({
    transport: simulatorTransport(sim, { latencyMs: LATENCY_MS }),
    clock,
    random: mulberry(3),
    scheduler: { rpm: ZAF_APP_RPM, budgetShare: 0.5, concurrency: 8 },
  });
  const catalog = new FieldCatalog(
    sim.account.userFields.map((f) => customFieldSchema.parse(f)),
    sim.account.organizationFields.map((f) => customFieldSchema.parse(f)),
  );
  const calendar = new AccountCalendar('America/New_York');
  const ctx = { calendar, today: calendar.dayOf(clock.now()) };
  const plan = planAudience(RULES, catalog, ctx);
  const count = (query: string) => {
    const answer = sim.handle({
      method: 'GET',
      url: `/api/v2/search/count?query=${encodeURIComponent(query)}`,
      headers: {},
    });
    if ('dropped' in answer) throw new Error('dropped');
    return (JSON.parse(answer.body) as { count: number }).count;
  };
  const userQuery = plan.userQueries[0]?.query ?? '';
  const serverUsers = count(`type:user ${userQuery}`);
  const serverOrganizations = count(`type:organization ${plan.organizationQueries[0] ?? ''}`);

  const loader = new AudienceLoader(api);
  const before = sim.stats.accepted;
  const start = clock.now();
  const loaded = await clock.run(() => loader.load({ rules: RULES, catalog, ctx, multipleOrganizations }));
  const seconds = (clock.now() - start) / 1000;
  const requests = sim.stats.accepted - before;

  const userPages = Math.max(1, Math.ceil(serverUsers / EXPORT_PAGE_SIZE));
  const organizationPages = Math.max(1, Math.ceil(serverOrganizations / EXPORT_PAGE_SIZE));
  let joinRequests = 0;
  let joinChain = 0;
  if (multipleOrganizations) {
    // Users whose default organization did not match may still belong to a matched one: either
    // one membership list each, or `organization:` queries over the matched organizations.
    const matched = loaded.matchedOrganizations;
    const last = calendar.shift(ctx.today, 30);
    const candidates = sim.account.users.filter((u) => {
      const renewal = String(u.user_fields.plan_renewal_date ?? '').slice(0, 10);
      const renews = renewal >= ctx.today && renewal <= last;
      return u.active && renews && u.organization_id !== null && !matched.has(u.organization_id);
    }).length;
    joinRequests = Math.min(Math.ceil(matched.size / organizationsPerJoinQuery(plan)), candidates);
    joinChain = 1;
  }
  const requestFloor = userPages + organizationPages + joinRequests;
  const rateSeconds = requestFloor <= EXPORT_RPM ? 0 : Math.ceil((requestFloor - EXPORT_RPM) / EXPORT_RPM) * 60;
  const chainSeconds = (Math.max(userPages, organizationPages + joinChain) * LATENCY_MS) / 1000;
  const secondsFloor = Math.max(rateSeconds, chainSeconds);

  // The predicate on its own, real CPU time: every customer, every condition, as the preview runs it.
  const organizations = new Map(sim.account.organizations.map((o) => [o.id, organizationSchema.parse(o)]));
  const customers = sim.account.users
    .filter((u) => u.active)
    .map((u) => ({
      user: userSchema.parse(u),
      organizations: sim.account.organizationIdsOf(u.id).flatMap((id) => organizations.get(id) ?? []),
    }));
  const { usable } = usableConditions(RULES, catalog);
  const t0 = performance.now();
  let matchedByPredicate = 0;
  for (const customer of customers) if (customerMatches('all', usable, customer, ctx)) matchedByPredicate += 1;
  const predicateUs = ((performance.now() - t0) * 1000) / customers.length;

  return {
    bench: 'audience',
    users: USERS,
    multiple_organizations: multipleOrganizations,
    matched: loaded.matched.length,
    matched_by_predicate: matchedByPredicate,
    requests,
    request_floor: requestFloor,
    requests_vs_floor: round(requests / requestFloor),
    seconds_to_count: round(seconds),
    seconds_floor: round(secondsFloor),
    seconds_vs_floor: round(seconds / secondsFloor),
    predicate_us_per_user: round(predicateUs),
    server_side_users: serverUsers,
    matched_organizations: loaded.matchedOrganizations.size,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function audienceBench(): Promise<BenchLine[]> {
  return [await audienceCase(false), await audienceCase(true)];
}
