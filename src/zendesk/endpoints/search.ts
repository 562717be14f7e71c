import { z } from 'zod';
import type { SupportApiClient } from '../client.ts';
import { cursorPages, SEARCH_RESULT_CAP, toZendeskPath, withQuery } from '../pagination.ts';
import {
  searchCountResponseSchema,
  searchExportResponseSchema,
  searchResponseSchema,
  searchResultSchemas,
  type SearchableType,
} from '../schemas/search.ts';
import type { User } from '../schemas/users.ts';
import type { CallOptions } from './call-options.ts';

/** GET /api/v2/search/count: how many records match, without fetching any. */
export async function countSearch(client: SupportApiClient, query: string, options?: CallOptions): Promise<number> {
  const { count } = await client.request(
    { method: 'GET', url: withQuery('/api/v2/search/count', { query }) },
    searchCountResponseSchema,
    options,
  );
  return count;
}

type ResultOf<T extends SearchableType> = z.infer<(typeof searchResultSchemas)[T]>;

export interface SearchResult<T> {
  /** Every match Zendesk counted, even past what /search can return. */
  count: number;
  /** At most 1,000 (the /search cap): use exportSearch (or userPages) for more. */
  results: T[];
  /** True when `count` exceeds what was returned, because of the cap or `maxResults`. */
  truncated: boolean;
}

export interface SearchUsersResult {
  count: number;
  users: User[];
  truncated: boolean;
}

function withType(query: string, type: SearchableType): string {
  return new RegExp(`(^|\\s)type:${type}(\\s|$)`).test(query) ? query : `type:${type} ${query}`.trim();
}

/**
 * GET /api/v2/search, offset pages of up to 100, for one object type. /search answers 422 past
 * 1,000 results, so this never asks for a page beyond the cap (or beyond `maxResults`).
 */
export async function search<T extends SearchableType>(
  client: SupportApiClient,
  request: { query: string; type: T; maxResults?: number; perPage?: number },
  options?: CallOptions,
): Promise<SearchResult<ResultOf<T>>> {
  const perPage = Math.min(100, Math.max(1, request.perPage ?? 100));
  const maxResults = Math.min(SEARCH_RESULT_CAP, request.maxResults ?? SEARCH_RESULT_CAP);
  const schema = searchResponseSchema(searchResultSchemas[request.type]);
  const results: ResultOf<T>[] = [];
  let count = 0;
  let url: string | undefined = withQuery('/api/v2/search', {
    query: withType(request.query, request.type),
    page: 1,
    per_page: perPage,
  });
  for (let page = 1; url !== undefined && results.length < maxResults; page++) {
    const response: z.infer<typeof schema> = await client.request({ method: 'GET', url }, schema, options);
    count = response.count;
    results.push(...(response.results as ResultOf<T>[]));
    // The next page must end within the cap: at 30 per page, page 34 (results 991-1020) is a 422.
    const more =
      response.next_page !== null &&
      response.results.length > 0 &&
      page * perPage < maxResults &&
      (page + 1) * perPage <= SEARCH_RESULT_CAP;
    url = more && response.next_page !== null ? toZendeskPath(response.next_page) : undefined;
  }
  const kept = results.slice(0, maxResults);
  return { count, results: kept, truncated: count > kept.length };
}

/** Users matching a search query (`type:user` is added), up to the 1,000-result cap. */
export async function searchUsers(
  client: SupportApiClient,
  query: string,
  limits: { maxResults?: number; perPage?: number } = {},
  options?: CallOptions,
): Promise<SearchUsersResult> {
  const { count, results, truncated } = await search(client, { query, type: 'user', ...limits }, options);
  return { count, users: results, truncated };
}

/**
 * GET /api/v2/search/export: cursor pages of one object type, no 1,000 cap (own 100 req/min
 * bucket, cursor valid 1 h). The type goes in `filter[type]`: a `type:` keyword in the query is a 400.
 */
export async function* exportSearch<T extends SearchableType>(
  client: SupportApiClient,
  request: { query: string; type: T; pageSize?: number },
  options?: CallOptions,
): AsyncGenerator<ResultOf<T>[], void, undefined> {
  const pageSize = Math.min(1000, Math.max(1, request.pageSize ?? 100));
  const url = withQuery('/api/v2/search/export', {
    query: request.query,
    'filter[type]': request.type,
    'page[size]': pageSize,
  });
  const schema = searchExportResponseSchema(searchResultSchemas[request.type]);
  for await (const page of cursorPages(client, url, schema, options)) {
    yield page.results as ResultOf<T>[];
  }
}
