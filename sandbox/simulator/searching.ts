import type { ApiContext } from './context.ts';
import { ReplyError } from './errors.ts';
import {
  matchesSearch,
  parseSearchQuery,
  SearchSyntaxError,
  type ParsedSearchQuery,
  type SearchableType,
  type SearchContext,
} from './search-query.ts';
import type { JsonObject } from './types.ts';

export function searchContext(ctx: ApiContext): SearchContext {
  const { account } = ctx;
  return {
    now: ctx.now,
    userFields: account.userFields,
    organizationFields: account.organizationFields,
    organizationName: (id) => account.organizationsById.get(id)?.name,
    groupName: (id) => account.groups.find((g) => g.id === id)?.name,
    userName: (id) => account.usersById.get(id)?.name,
    userEmail: (id) => account.usersById.get(id)?.email ?? undefined,
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

export interface SearchHit {
  type: SearchableType;
  record: JsonObject;
  createdAtMs: number;
}

/** Every record of `types` matching the query, in id order (the order Zendesk indexed them). */
export function findMatches(ctx: ApiContext, query: ParsedSearchQuery, types: readonly SearchableType[]): SearchHit[] {
  const search = searchContext(ctx);
  const { account } = ctx;
  const hits: SearchHit[] = [];
  const consider = (type: SearchableType, record: JsonObject, createdAtMs: number, searchable: JsonObject = record) => {
    // Zendesk search lags writes (support-api.md §2.1; search-index.ts).
    if (!ctx.searchIndex.isIndexed(`${type}:${String(record.id)}`, createdAtMs, ctx.now)) return;
    if (matchesSearch(query, type, searchable, search)) hits.push({ type, record, createdAtMs });
  };
  for (const type of types) {
    if (type === 'user') for (const u of account.users) consider('user', { ...u }, Date.parse(u.created_at));
    if (type === 'organization')
      for (const o of account.organizations) consider('organization', { ...o }, Date.parse(o.created_at));
    if (type === 'group') for (const g of account.groups) consider('group', { ...g }, Date.parse(g.created_at));
    if (type === 'ticket')
      for (const t of account.tickets) {
        // A changed ticket is found as it was until the change is indexed.
        const indexed = ctx.searchIndex.indexedTicket(t, ctx.now);
        if (!indexed) continue;
        const solvedAt = indexed.solvedAtMs === null ? null : new Date(indexed.solvedAtMs).toISOString();
        consider('ticket', { ...indexed.ticket }, t.createdAtMs, { ...indexed.ticket, solved_at: solvedAt });
      }
  }
  return hits;
}
