import type { AudienceRules } from '../../domain/audience/audience.ts';
import type { Customer } from '../../domain/audience/customer.ts';
import type { AudiencePlan } from '../../domain/audience/plan.ts';
import { EVERYONE } from '../../domain/audience/plan.ts';
import { countSearch, showManyUsers, type SupportApiClient, type User } from '../../zendesk/index.ts';
import type { AccountFacts } from './account-facts.ts';
import type { AudienceLoader, AudienceProgress } from './load-audience.ts';
import { recentlyContacted } from './recently-contacted.ts';
import { EXPORT_PAGE_SIZE, SearchExports } from './search-exports.ts';

export interface FetchedAudience {
  /** Customers the rules (or the file) name, before exclusions. */
  matched: Customer[];
  /** Customers inside the frequency cap (any campaign in the last N days). */
  recentlyContacted: ReadonlySet<number>;
  plan: AudiencePlan | null;
}

export interface FrequencyCap {
  markerTag: string;
  days: number;
}

/** Customers matching the rules, and who among everyone was contacted too recently. */
export async function fetchRulesAudience(
  api: SupportApiClient,
  loader: AudienceLoader,
  facts: AccountFacts,
  rules: AudienceRules,
  cap: FrequencyCap,
  options: { signal?: AbortSignal; onProgress?: (p: AudienceProgress) => void } = {},
): Promise<FetchedAudience> {
  const ctx = { calendar: facts.calendar, today: facts.calendar.dayOf(api.clock.now()) };
  const [loaded, contacted] = await Promise.all([
    loader.load({ rules, catalog: facts.catalog, ctx, multipleOrganizations: facts.multipleOrganizations }, options),
    recentlyContacted(api, { ...cap, calendar: facts.calendar, today: ctx.today }, options),
  ]);
  return { matched: loaded.matched, recentlyContacted: contacted, plan: loaded.plan };
}

/**
 * The customers of an imported list, by id (after a reload the file is gone, its matches are
 * not): show_many takes 100 ids a request, an export 1,000 users a page, whichever is fewer.
 */
export async function fetchCustomersById(
  api: SupportApiClient,
  ids: readonly number[],
  facts: AccountFacts,
  cap: FrequencyCap,
  options: { signal?: AbortSignal; onProgress?: (p: AudienceProgress) => void } = {},
): Promise<FetchedAudience> {
  const today = facts.calendar.dayOf(api.clock.now());
  const contactedTask = recentlyContacted(api, { ...cap, calendar: facts.calendar, today }, options);
  let users: User[];
  const byShowMany = Math.ceil(ids.length / 100);
  const everyone = byShowMany > 5 ? await countSearch(api, 'type:user', options) : Infinity;
  if (Math.ceil(everyone / EXPORT_PAGE_SIZE) + 1 < byShowMany) {
    const wanted = new Set(ids);
    let received = 0;
    const all = await new SearchExports(api).users(
      EVERYONE,
      (n) => options.onProgress?.({ phase: 'customers', received: (received += n) }),
      options.signal,
    );
    const byId = new Map(all.filter((u) => wanted.has(u.id)).map((u) => [u.id, u]));
    users = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    users = await showManyUsers(api, ids, options);
    options.onProgress?.({ phase: 'customers', received: users.length });
  }
  return {
    matched: users.map((user) => ({ user, organizations: [] })),
    recentlyContacted: await contactedTask,
    plan: null,
  };
}
