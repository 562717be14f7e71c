import type { SupportApiClient } from '../client.ts';
import { listAll, withQuery } from '../pagination.ts';
import {
  organizationMembershipsResponseSchema,
  organizationsResponseSchema,
  type Organization,
  type OrganizationMembership,
} from '../schemas/organizations.ts';
import { chunks, type CallOptions } from './call-options.ts';

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
  const pages = await Promise.all(
    chunks(ids, 100).map((chunk) =>
      client.request(
        { method: 'GET', url: withQuery('/api/v2/organizations/show_many', { ids: chunk.join(',') }) },
        organizationsResponseSchema,
        options,
      ),
    ),
  );
  return pages.flatMap((page) => page.organizations);
}
