import type { DemoAccount } from './account.ts';
import type { ApiContext } from './context.ts';
import { ReplyError } from './errors.ts';
import {
  compileSearch,
  parseSearchQuery,
  SearchSyntaxError,
  type ParsedSearchQuery,
  type SearchableType,
  type SearchContext,
} from './search-query.ts';
import { HOUR_MS } from './time.ts';
import type { JsonObject } from './types.ts';

const NO_EMAILS: readonly string[] = [];
const NO_MEMBERS: ReadonlySet<number> = new Set();

export function searchContext(ctx: ApiContext): SearchContext {
  const { account } = ctx;
  // Built on the first `organization:<id>`, once per request: one pass over the memberships.
  let members: Map<number, Set<number>> | undefined;
  const membersOf = (organizationId: number): ReadonlySet<number> => {
    if (!members) {
      members = new Map();
      for (const m of account.organizationMemberships) {
        const set = members.get(m.organization_id);
        if (set) set.add(m.user_id);
        else members.set(m.organization_id, new Set([m.user_id]));
      }
    }
    return members.get(organizationId) ?? NO_MEMBERS;
  };
  return {
    now: ctx.now,
    userFields: account.userFields,
    organizationFields: account.organizationFields,
    organizationName: (id) => account.organizationsById.get(id)?.name,
    groupName: (id) => account.groups.find((g) => g.id === id)?.name,
    userName: (id) => account.usersById.get(id)?.name,
    userEmail: (id) => account.usersById.get(id)?.email ?? undefined,
    organizationIdsOf: (id) => account.organizationIdsOf(id),
    membersOf,
    // `email` itself is the primary identity; these are the others.
    emailsOf: (id) => {
      const secondary = account.secondaryIdentitiesOf(id);
      return secondary.length === 0 ? NO_EMAILS : secondary.map((identity) => identity.value);
    },
  };
}

/** Search error body (support-api.md §2.1: `{error, description}`); the exact 400 text is (unverified). */
export function parseQueryOrFail(query: string | null): ParsedSearchQuery {
  if (query === null || query.trim() === '') {
    throw new ReplyError({ status: 400, body: { error: 'invalid', description: 'Invalid search: query is required' } });
  }
  try {
    return parseSearchQuery(query);
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      throw new ReplyError({
        status: 400,
        body: { error: 'invalid', description: `Invalid search: ${error.message}` },
      });
    }
    throw error;
  }
}

/** Shared by cached answers: read it, never change it. */
export interface SearchHit {
  type: SearchableType;
  /** The live record (never mutated here); answers copy it. */
  record: JsonObject;
  createdAtMs: number;
}

const asJson = (record: object): JsonObject => record as JsonObject;

/**
 * The hits of one query over users or organizations, kept while an export may still page through
 * them: an export cursor lives one hour (support-api.md §2.1), and re-running a query over 100,000
 * users for each of its pages would cost ~100 times the work for the same answer.
 */
interface CachedHits {
  hits: SearchHit[];
  byCreated?: SearchHit[];
  usedAt: number;
}

const CACHE_LIFETIME_MS = HOUR_MS;
// A few MB per 100,000 hits: enough for an audience's exports in flight, small for the sandbox.
const MAX_CACHED_QUERIES = 16;
const caches = new WeakMap<DemoAccount, Map<string, CachedHits>>();

/** A value such as `7days`: the answer depends on the clock, so the clock is part of the cache key. */
const RELATIVE_VALUE = /^\d+(minutes?|hours?|days?|weeks?|months?|years?)$/i;

/**
 * What the hits of `type` depend on besides the query. Users and organizations are only ever
 * added, never edited in place, by the simulator's endpoints, so counting them (and what a user
 * query reads beside the user: memberships, identities, organization names, field definitions)
 * tells when an answer may have changed. Tickets are edited in place (status, tags), so they are
 * never cached. If an endpoint ever edits users or organizations in place, it must bump this.
 */
function dataVersion(account: DemoAccount, type: SearchableType): string | undefined {
  if (type === 'user') {
    return [
      account.users.length,
      account.organizationMemberships.length,
      account.secondaryIdentities.length,
      account.organizations.length,
      account.userFields.length,
    ].join('.');
  }
  if (type === 'organization') return `${account.organizations.length}.${account.organizationFields.length}`;
  return undefined;
}

function cacheKey(ctx: ApiContext, query: ParsedSearchQuery, type: SearchableType): string | undefined {
  const version = dataVersion(ctx.account, type);
  if (version === undefined) return undefined;
  const clock = query.terms.some((t) => RELATIVE_VALUE.test(t.value.trim())) ? String(ctx.now) : '';
  return JSON.stringify([type, version, clock, query.terms]);
}

function scan(ctx: ApiContext, query: ParsedSearchQuery, type: SearchableType): SearchHit[] {
  const { account } = ctx;
  const test = compileSearch(query, type, searchContext(ctx));
  const hits: SearchHit[] = [];
  const consider = (record: JsonObject, createdAt: string) => {
    if (test(record)) hits.push({ type, record, createdAtMs: Date.parse(createdAt) });
  };
  switch (type) {
    case 'user':
      // Deleted users are never searchable (they are not in `users`; `active` guards the rest).
      for (const u of account.users) if (u.active) consider(asJson(u), u.created_at);
      break;
    case 'organization':
      for (const o of account.organizations) consider(asJson(o), o.created_at);
      break;
    case 'group':
      for (const g of account.groups) consider(asJson(g), g.created_at);
      break;
    case 'ticket':
      for (const t of account.tickets) {
        // Search sees a ticket as last indexed: not at all before its creation is (search-index.ts).
        const seen = ctx.searchIndex.indexedTicket(t, ctx.now);
        if (!seen) continue;
        const solvedAt = seen.solvedAtMs === null ? null : new Date(seen.solvedAtMs).toISOString();
        // solved_at is what Zendesk keeps beside the ticket JSON; it is searched, never answered.
        if (test({ ...seen.ticket, solved_at: solvedAt }))
          hits.push({ type, record: asJson(seen.ticket), createdAtMs: t.createdAtMs });
      }
      break;
  }
  return hits;
}

function cachedHits(ctx: ApiContext, query: ParsedSearchQuery, type: SearchableType): CachedHits {
  const key = cacheKey(ctx, query, type);
  if (key === undefined) return { hits: scan(ctx, query, type), usedAt: ctx.now };
  let cache = caches.get(ctx.account);
  if (!cache) caches.set(ctx.account, (cache = new Map()));
  for (const [k, entry] of cache) if (ctx.now - entry.usedAt > CACHE_LIFETIME_MS) cache.delete(k);
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else entry = { hits: scan(ctx, query, type), usedAt: ctx.now };
  entry.usedAt = ctx.now;
  // Re-inserted last: the Map's order is least recently used first.
  cache.set(key, entry);
  while (cache.size > MAX_CACHED_QUERIES) {
    const [oldest] = cache.keys();
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

/**
 * Zendesk search lags writes (support-api.md §2.1): a user, organization or group written less
 * than its lag ago is not found yet (search-index.ts decides; tickets are decided in `scan`).
 */
function indexed(ctx: ApiContext, type: SearchableType, hits: readonly SearchHit[]): readonly SearchHit[] {
  if (type === 'ticket') return hits;
  // Only records younger than the longest lag can be unindexed: the seed's 100,000 users never are.
  const surelyIndexed = ctx.now - ctx.searchIndex.lag.maxMs;
  if (!hits.some((hit) => hit.createdAtMs > surelyIndexed)) return hits;
  return hits.filter(
    (hit) =>
      hit.createdAtMs <= surelyIndexed ||
      ctx.searchIndex.isIndexed(`${type}:${String(hit.record.id)}`, hit.createdAtMs, ctx.now),
  );
}

/**
 * Every record of `types` matching the query: in id order (the order Zendesk indexed them), or
 * by `created_at` (search/export's only order; ties keep id order).
 */
export function findMatches(
  ctx: ApiContext,
  query: ParsedSearchQuery,
  types: readonly SearchableType[],
  order: 'id' | 'created' = 'id',
): readonly SearchHit[] {
  const perType = types.map((type) => {
    const entry = cachedHits(ctx, query, type);
    if (order === 'id') return indexed(ctx, type, entry.hits);
    entry.byCreated ??= [...entry.hits].sort((a, b) => a.createdAtMs - b.createdAtMs);
    return indexed(ctx, type, entry.byCreated);
  });
  // One type (every export, most searches): the cached list itself, not a copy of 100,000 hits.
  const [only] = perType;
  return perType.length === 1 && only ? only : perType.flat();
}
