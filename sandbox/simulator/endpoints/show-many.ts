import { listParam, type ApiContext } from '../context.ts';
import { badRequest, ok, ReplyError, type Reply } from '../errors.ts';

/** show_many endpoints take at most 100 ids (support-api.md §3.1). */
export const SHOW_MANY_LIMIT = 100;

/** The exact status and body past the limit are (unverified): a 400 is the stricter guess. */
export function tooMany(name: string): ReplyError {
  return new ReplyError(badRequest('TooManyValues', `Too many ${name} (max ${SHOW_MANY_LIMIT})`));
}

/**
 * `?ids=1,2` or `?external_ids=a,b` (case-insensitive, as Zendesk's external ids are), in the
 * order asked; unknown ids are left out rather than failing the request.
 */
export function showMany<T extends { external_id: string | null }>(
  ctx: ApiContext,
  records: readonly T[],
  byId: ReadonlyMap<number, T>,
): T[] {
  const ids = listParam(ctx, 'ids');
  const externalIds = listParam(ctx, 'external_ids');
  if (ids.length > SHOW_MANY_LIMIT) throw tooMany('ids');
  if (externalIds.length > SHOW_MANY_LIMIT) throw tooMany('external_ids');
  if (ids.length > 0) return ids.flatMap((id) => byId.get(Number(id)) ?? []);
  const wanted = new Set(externalIds.map((e) => e.toLowerCase()));
  return records.filter((r) => r.external_id !== null && wanted.has(r.external_id.toLowerCase()));
}

/**
 * show_many answers one page: the spec's OrganizationsResponse lists next_page, previous_page and
 * count beside the records, so they are sent (null, null, how many were found).
 */
export function showManyReply(key: string, records: readonly unknown[]): Reply {
  return ok({ [key]: records, next_page: null, previous_page: null, count: records.length });
}
