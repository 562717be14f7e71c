import type { SupportApiClient } from '../client.ts';
import { listAll, withQuery } from '../pagination.ts';
import {
  organizationMembershipsResponseSchema,
  organizationsResponseSchema,
  type Organization,
  type OrganizationMembership,
} from '../schemas/organizations.ts';
import type { CallOptions } from './call-options.ts';
import { showManyInChunks } from './show-many.ts';

/** GET /api/v2/organization_memberships (optionally one user's): a user may belong to several orgs. */
export function listOrganizationMemberships(
  client: SupportApiClient,
  filter: { userId?: number } = {},
  options?: CallOptions,
): Promise<OrganizationMembership[]> {
  const path = withQuery('/api/v2/organization_memberships', { user_id: filter.userId });
  return listAll(client, path, organizationMembershipsResponseSchema, (page) => page.organization_memberships, options);
}

/** GET /api/v2/organizations/show_many: ≤100 ids per request. */
export async function showManyOrganizations(
  client: SupportApiClient,
  ids: readonly number[],
  options?: CallOptions,
): Promise<Organization[]> {
  return showManyInChunks(
    client,
    '/api/v2/organizations/show_many',
    ids,
    organizationsResponseSchema,
    (page) => page.organizations,
    options,
  );
}
