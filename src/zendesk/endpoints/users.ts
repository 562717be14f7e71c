import type { SupportApiClient } from '../client.ts';
import { cursorPages, listAll, withQuery } from '../pagination.ts';
import {
  currentUserResponseSchema,
  identitiesResponseSchema,
  usersResponseSchema,
  type User,
  type UserRole,
} from '../schemas/users.ts';
import type { CallOptions } from './call-options.ts';
import { showManyInChunks } from './show-many.ts';

/** GET /api/v2/users/me: the agent the app runs as. */
export async function getCurrentUser(client: SupportApiClient, options?: CallOptions): Promise<User> {
  const { user } = await client.request({ method: 'GET', url: '/api/v2/users/me' }, currentUserResponseSchema, options);
  return user;
}

/** GET /api/v2/users/show_many: at most 100 ids per request, so larger lists go in chunks. */
export async function showManyUsers(
  client: SupportApiClient,
  ids: readonly number[],
  options?: CallOptions,
): Promise<User[]> {
  return showManyInChunks(client, '/api/v2/users/show_many', ids, usersResponseSchema, (page) => page.users, options);
}

/**
 * GET /api/v2/users/show_many?external_ids=: external ids are case-insensitive in Zendesk; unknown
 * ones are left out of the answer.
 */
export async function showManyUsersByExternalIds(
  client: SupportApiClient,
  externalIds: readonly string[],
  options?: CallOptions,
): Promise<User[]> {
  return showManyInChunks(client, '/api/v2/users/show_many', externalIds, usersResponseSchema, (page) => page.users, {
    ...options,
    param: 'external_ids',
  });
}

/** GET /api/v2/users/{id}/identities: every email address (and phone, …) a user is known by. */
export function listUserIdentities(client: SupportApiClient, userId: number, options?: CallOptions) {
  return listAll(
    client,
    `/api/v2/users/${userId}/identities`,
    identitiesResponseSchema,
    (page) => page.identities,
    options,
  );
}

/**
 * GET /api/v2/users with cursor paging (100 per page, the maximum): every user of the account
 * with the given roles, page by page. No search index involved, so no 1,000 cap and no lag.
 */
export async function* userPages(
  client: SupportApiClient,
  filter: { roles?: readonly UserRole[]; pageSize?: number } = {},
  options?: CallOptions,
): AsyncGenerator<User[], void, undefined> {
  let url = withQuery('/api/v2/users', { 'page[size]': filter.pageSize ?? 100 });
  const roles = filter.roles ?? [];
  if (roles.length === 1) url = withQuery(url, { role: roles[0] });
  else for (const role of roles) url = withQuery(url, { 'role[]': role });
  const schema = usersResponseSchema.required({ meta: true, links: true });
  for await (const page of cursorPages(client, url, schema, options)) yield page.users;
}
