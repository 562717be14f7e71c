import type { ApiContext } from './context.ts';
import { badRequest, ok, ReplyError, type Reply } from './errors.ts';

/** Most list endpoints cap both `page[size]` and `per_page` at 100 (support-api.md §3.1). */
export const MAX_PAGE_SIZE = 100;

interface CursorToken {
  /** Position of the boundary item in the (stable, id-ordered) list. */
  p: number;
  /** When the cursor was issued (search export cursors expire after 1 h). */
  t: number;
}

export function encodeCursor(position: number, issuedAt: number): string {
  return btoa(JSON.stringify({ p: position, t: issuedAt } satisfies CursorToken))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): CursorToken | undefined {
  try {
    const padded = cursor.replace(/-/g, '+').replace(/_/g, '/');
    const parsed: unknown = JSON.parse(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { p, t } = parsed as Record<string, unknown>;
    if (typeof p !== 'number' || typeof t !== 'number' || !Number.isInteger(p) || p < 0) return undefined;
    return { p, t };
  } catch {
    return undefined;
  }
}

/** Cursor mode is chosen by sending any `page[...]` parameter (support-api.md §3.1). */
export function wantsCursor(ctx: ApiContext): boolean {
  for (const key of ctx.query.keys()) if (key.startsWith('page[')) return true;
  return false;
}

function positiveInt(ctx: ApiContext, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ReplyError(badRequest('InvalidPaginationParameter', `${name} must be a positive integer`));
  }
  return value;
}

export function pageUrl(ctx: ApiContext, changes: Record<string, string | null>): string {
  const query = new URLSearchParams(ctx.query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString().replace(/%5B/g, '[').replace(/%5D/g, ']');
  return `${ctx.origin}${ctx.requestPath}${search ? `?${search}` : ''}`;
}

export interface CursorPage<T> {
  items: T[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}

/** One cursor page: `page[size]`, `page[after]`, `page[before]`. */
export function cursorPage<T>(
  ctx: ApiContext,
  items: readonly T[],
  options: { maxSize?: number; defaultSize?: number; expiresAfterMs?: number } = {},
): CursorPage<T> {
  const maxSize = options.maxSize ?? MAX_PAGE_SIZE;
  const size = positiveInt(ctx, 'page[size]', options.defaultSize ?? MAX_PAGE_SIZE);
  if (size > maxSize) {
    throw new ReplyError(
      badRequest('InvalidPaginationParameter', `page[size] must be less than or equal to ${maxSize}`),
    );
  }
  const after = ctx.query.get('page[after]');
  const before = ctx.query.get('page[before]');
  let start = 0;
  let end: number;
  const readCursor = (raw: string): number => {
    const token = decodeCursor(raw);
    if (!token) throw new ReplyError(badRequest('InvalidPaginationParameter', 'Invalid cursor'));
    if (options.expiresAfterMs !== undefined && ctx.now - token.t > options.expiresAfterMs) {
      throw new ReplyError(badRequest('InvalidPaginationParameter', 'The cursor has expired'));
    }
    return token.p;
  };
  if (after) {
    start = readCursor(after);
    end = Math.min(items.length, start + size);
  } else if (before) {
    end = Math.min(items.length, readCursor(before));
    start = Math.max(0, end - size);
  } else {
    end = Math.min(items.length, size);
  }
  const page = items.slice(start, end);
  const hasMore = end < items.length;
  const afterCursor = page.length > 0 ? encodeCursor(end, ctx.now) : null;
  const beforeCursor = page.length > 0 && start > 0 ? encodeCursor(start, ctx.now) : null;
  return {
    items: page,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      next: hasMore && afterCursor ? pageUrl(ctx, { 'page[after]': afterCursor, 'page[before]': null }) : null,
      prev: beforeCursor ? pageUrl(ctx, { 'page[before]': beforeCursor, 'page[after]': null }) : null,
    },
  };
}

export interface OffsetPage<T> {
  items: T[];
  next_page: string | null;
  previous_page: string | null;
  count: number;
}

/** Offset pagination: `page` (1-based) and `per_page` (capped at 100, as Zendesk does silently). */
export function offsetPage<T>(
  ctx: ApiContext,
  items: readonly T[],
  options: { maxPerPage?: number } = {},
): OffsetPage<T> {
  const maxPerPage = options.maxPerPage ?? MAX_PAGE_SIZE;
  const perPage = Math.min(maxPerPage, positiveInt(ctx, 'per_page', maxPerPage));
  const page = positiveInt(ctx, 'page', 1);
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  const hasMore = start + perPage < items.length;
  return {
    items: slice,
    next_page: hasMore ? pageUrl(ctx, { page: String(page + 1), per_page: String(perPage) }) : null,
    previous_page: page > 1 ? pageUrl(ctx, { page: String(page - 1), per_page: String(perPage) }) : null,
    count: items.length,
  };
}

/** A list endpoint answering in either mode, under the resource's key (`users`, `tickets`, …). */
export function paginatedList<T>(ctx: ApiContext, items: readonly T[], key: string): Reply {
  if (wantsCursor(ctx)) {
    const page = cursorPage(ctx, items);
    return ok({ [key]: page.items, meta: page.meta, links: page.links });
  }
  const page = offsetPage(ctx, items);
  return ok({ [key]: page.items, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}
