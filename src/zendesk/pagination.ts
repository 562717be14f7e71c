import { z } from 'zod';
import type { SupportApiClient } from './client.ts';
import { ZendeskError, endpointOf } from './errors.ts';
import { cursorPageSchema, type Paging } from './schemas/pagination.ts';

/**
 * `links.next` is absolute (`https://acme.zendesk.com/api/v2/users.json?page[after]=…`), but the
 * ZAF transport only sends Zendesk-relative paths on the agent's session: keep path + query.
 */
export function toZendeskPath(url: string): string {
  if (url.startsWith('/')) return url;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  if (match === null) return url;
  const rest = match[1] ?? '';
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Adds or replaces query parameters, keeping Zendesk's bracketed names (`page[size]`) readable. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  if (entries.length === 0) return path;
  const query = entries.map(([k, v]) => `${encodeQueryName(k)}=${encodeURIComponent(String(v))}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

function encodeQueryName(name: string): string {
  return encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

type CursorShaped = z.ZodType<z.infer<typeof cursorPageSchema>>;

/**
 * Every page of a cursor-paginated list, in order. Stops when `meta.has_more` is false; a page
 * that says there is more but gives no new next link is an invalid response, not an endless loop.
 */
export async function* cursorPages<S extends CursorShaped>(
  client: SupportApiClient,
  firstUrl: string,
  schema: S,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<z.infer<S>, void, undefined> {
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    seen.add(url);
    const page: z.infer<S> = await client.request({ method: 'GET', url }, schema, options);
    yield page;
    const base: z.infer<typeof cursorPageSchema> = page;
    if (!base.meta.has_more) return;
    const next = base.links.next;
    const nextPath = next === null || next === undefined ? undefined : toZendeskPath(next);
    if (nextPath === undefined || seen.has(nextPath)) {
      throw brokenPaging(url, nextPath === undefined ? 'is missing' : 'repeats a page');
    }
    url = nextPath;
  }
}

/** All items of a cursor-paginated list. */
export async function collectCursor<S extends CursorShaped, T>(
  client: SupportApiClient,
  firstUrl: string,
  schema: S,
  pick: (page: z.infer<S>) => readonly T[],
  options: { signal?: AbortSignal } = {},
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of cursorPages(client, firstUrl, schema, options)) items.push(...pick(page));
  return items;
}

/** /search stops at 1,000 results: asking for a page past it is a 422, so never ask. */
export const SEARCH_RESULT_CAP = 1000;

/**
 * All items of a list endpoint, whichever paging it answers with: cursor (`page[size]=100` is
 * asked for, the documented maximum) or offset (`next_page`) when an endpoint ignores it.
 */
export async function listAll<S extends z.ZodType<Paging>, T>(
  client: SupportApiClient,
  path: string,
  schema: S,
  pick: (page: z.infer<S>) => readonly T[],
  options: { signal?: AbortSignal; pageSize?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let url: string | undefined = withQuery(path, { 'page[size]': options.pageSize ?? 100 });
  while (url !== undefined) {
    seen.add(url);
    const page: z.infer<S> = await client.request({ method: 'GET', url }, schema, options);
    items.push(...pick(page));
    const paging: Paging = page;
    const next = paging.meta !== undefined ? (paging.meta.has_more ? paging.links?.next : null) : paging.next_page;
    if (next === null || next === undefined) {
      if (paging.meta?.has_more === true) throw brokenPaging(url, 'is missing');
      return items;
    }
    const nextPath = toZendeskPath(next);
    if (seen.has(nextPath)) throw brokenPaging(url, 'repeats a page');
    url = nextPath;
  }
  return items;
}

function brokenPaging(url: string, problem: string): ZendeskError {
  return new ZendeskError({
    kind: 'invalid_response',
    method: 'GET',
    url,
    message: `GET ${endpointOf(url)}: there are more pages but the next link ${problem}`,
  });
}
