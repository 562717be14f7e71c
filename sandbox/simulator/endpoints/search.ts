import type { ApiContext } from '../context.ts';
import { badRequest, ok, ReplyError, type Reply } from '../errors.ts';
import { cursorPage, offsetPage } from '../pagination.ts';
import type { Route } from '../router.ts';
import type { ParsedSearchQuery, SearchableType } from '../search-query.ts';
import { findMatches, parseQueryOrFail, type SearchHit } from '../searching.ts';
import { HOUR_MS } from '../time.ts';

const SEARCHABLE_TYPES: readonly SearchableType[] = ['user', 'organization', 'ticket', 'group'];

/** `/search` returns at most 1,000 results per query (support-api.md §2.1). */
const SEARCH_RESULT_CAP = 1000;

const SORT_FIELDS: Record<string, string> = {
  created_at: 'created_at',
  created: 'created_at',
  updated_at: 'updated_at',
  updated: 'updated_at',
  priority: 'priority',
  status: 'status',
  ticket_type: 'type',
};
const RANKS: Record<string, readonly string[]> = {
  priority: ['low', 'normal', 'high', 'urgent'],
  status: ['new', 'open', 'pending', 'hold', 'solved', 'closed'],
  type: ['question', 'incident', 'problem', 'task'],
};

function typesOf(query: ParsedSearchQuery): SearchableType[] {
  return query.types.size > 0 ? [...query.types] : [...SEARCHABLE_TYPES];
}

function sortValue(hit: SearchHit, field: string): number | string {
  const value = hit.record[field];
  const ranks = RANKS[field];
  if (ranks) return typeof value === 'string' ? ranks.indexOf(value) : -1;
  return typeof value === 'string' ? value : '';
}

function sorted(ctx: ApiContext, query: ParsedSearchQuery, hits: readonly SearchHit[]): readonly SearchHit[] {
  const requested = ctx.query.get('sort_by') ?? query.orderBy;
  if (requested === undefined || requested === null || requested === '') return hits;
  const field = SORT_FIELDS[requested];
  if (!field) throw new ReplyError(badRequest('invalid', `Invalid search: sort_by ${requested} is not supported`));
  const order = ctx.query.get('sort_order') ?? query.sortOrder ?? 'desc';
  const direction = order === 'asc' ? 1 : -1;
  return [...hits].sort((a, b) => {
    const x = sortValue(a, field);
    const y = sortValue(b, field);
    return (x < y ? -1 : x > y ? 1 : 0) * direction;
  });
}

const withType = (hit: SearchHit) => ({ ...hit.record, result_type: hit.type });

function search(ctx: ApiContext): Reply {
  const query = parseQueryOrFail(ctx.query.get('query'));
  const hits = sorted(ctx, query, findMatches(ctx, query, typesOf(query)));
  const perPage = Math.min(100, Number(ctx.query.get('per_page') ?? 100) || 100);
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  if ((page - 1) * perPage + perPage > SEARCH_RESULT_CAP) {
    // Exact body (unverified): Zendesk answers 422 when a page reaches past the 1,000th result.
    return {
      status: 422,
      body: {
        error: 'invalid',
        description: 'Invalid search: Requested response size was greater than Search Response Limits',
      },
    };
  }
  const slice = offsetPage(ctx, hits);
  return ok({
    results: slice.items.map(withType),
    facets: null,
    next_page: slice.next_page,
    previous_page: slice.previous_page,
    // The true total, even past the 1,000 that can be paged.
    count: slice.count,
  });
}

/** GET /search/export: cursor only, one type via filter[type], no count, 1-hour cursors. */
function exportSearch(ctx: ApiContext): Reply {
  const type = ctx.query.get('filter[type]');
  const known = SEARCHABLE_TYPES.find((t) => t === type);
  if (!known)
    return badRequest('InvalidSearchExportParameter', 'filter[type] is required: user, organization, ticket or group');
  const query = parseQueryOrFail(ctx.query.get('query'));
  if (query.types.size > 0 || query.excludedTypes.size > 0) {
    return badRequest('InvalidSearchExportParameter', 'Use filter[type] instead of type: in the query');
  }
  // Ordered by created_at only (support-api.md §2.1); answers are cached while cursors live.
  const hits = findMatches(ctx, query, [known], 'created');
  const page = cursorPage(ctx, hits, { maxSize: 1000, defaultSize: 100, expiresAfterMs: HOUR_MS });
  return ok({
    results: page.items.map(withType),
    facets: null,
    links: { next: page.links.next, prev: null },
    meta: { has_more: page.meta.has_more, after_cursor: page.meta.after_cursor, before_cursor: null },
  });
}

export const searchRoutes: Route[] = [
  { method: 'GET', pattern: 'search', bucket: 'search', handle: search },
  {
    method: 'GET',
    pattern: 'search/count',
    handle: (ctx) => {
      const query = parseQueryOrFail(ctx.query.get('query'));
      return ok({ count: findMatches(ctx, query, typesOf(query)).length });
    },
  },
  { method: 'GET', pattern: 'search/export', bucket: 'export', handle: exportSearch },
];
