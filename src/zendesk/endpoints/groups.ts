import type { SupportApiClient } from '../client.ts';
import { listAll, withQuery } from '../pagination.ts';
import {
  groupMembershipsResponseSchema,
  groupsResponseSchema,
  type Group,
  type GroupMembership,
} from '../schemas/groups.ts';
import type { CallOptions } from './call-options.ts';

/** GET /api/v2/groups, or /groups/assignable (the ones tickets may be assigned to). */
export function listGroups(
  client: SupportApiClient,
  filter: { assignable?: boolean } = {},
  options?: CallOptions,
): Promise<Group[]> {
  const path = filter.assignable === true ? '/api/v2/groups/assignable' : '/api/v2/groups';
  return listAll(client, path, groupsResponseSchema, (page) => page.groups, options);
}

/** GET /api/v2/group_memberships (or /assignable), optionally for one group or one agent. */
export function listGroupMemberships(
  client: SupportApiClient,
  filter: { groupId?: number; userId?: number; assignable?: boolean } = {},
  options?: CallOptions,
): Promise<GroupMembership[]> {
  const base = filter.assignable === true ? '/api/v2/group_memberships/assignable' : '/api/v2/group_memberships';
  return listAll(
    client,
    withQuery(base, { group_id: filter.groupId, user_id: filter.userId }),
    groupMembershipsResponseSchema,
    (page) => page.group_memberships,
    options,
  );
}
