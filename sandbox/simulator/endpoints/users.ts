import { idParam, type ApiContext } from '../context.ts';
import { badRequest, ok, recordNotFound, ReplyError } from '../errors.ts';
import { offsetPage, paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { showMany, showManyReply } from './show-many.ts';
import { findMatches, parseQueryOrFail } from '../searching.ts';
import { isoTime } from '../time.ts';
import type { OrganizationMembership, ZendeskUser } from '../types.ts';

const ROLES = ['end-user', 'agent', 'admin'];
const USER_SEARCH_CAP = 10_000;

/** `role=end-user` or `role[]=agent&role[]=admin` (support-api.md §3.1). */
function usersByRole(ctx: ApiContext): ZendeskUser[] {
  const roles = [...ctx.query.getAll('role'), ...ctx.query.getAll('role[]')];
  for (const role of roles) {
    if (!ROLES.includes(role)) throw new ReplyError(badRequest('InvalidParameter', `Invalid role: ${role}`));
  }
  let users = ctx.account.users.filter((u) => u.active);
  if (roles.length > 0) users = users.filter((u) => roles.includes(u.role));
  const permissionSet = ctx.query.get('permission_set');
  if (permissionSet) users = users.filter((u) => String(u.custom_role_id) === permissionSet);
  const externalId = ctx.query.get('external_id');
  if (externalId) users = users.filter((u) => u.external_id?.toLowerCase() === externalId.toLowerCase());
  return users;
}

/**
 * show_many leaves deleted users out unless `include_deleted=true` (support-api.md §3.1 lists the
 * parameter; that they are left out without it is the stricter reading, (unverified)).
 */
function showManyUsers(ctx: ApiContext): ZendeskUser[] {
  const { account } = ctx;
  if (ctx.query.get('include_deleted') === 'true') {
    return showMany(ctx, [...account.users, ...account.deletedUsers], account.usersById);
  }
  return showMany(ctx, account.users, account.usersById).filter((u) => u.active);
}

/**
 * A user's organization memberships, "sorted with the default organization first, and then by
 * organization name" (List Memberships, Zendesk's OpenAPI spec).
 */
export function membershipsOfUser(ctx: ApiContext, userId: number): OrganizationMembership[] {
  return [...ctx.account.membershipsOf(userId)].sort(
    (a, b) => Number(b.default) - Number(a.default) || a.organization_name.localeCompare(b.organization_name),
  );
}

export const userRoutes: Route[] = [
  { method: 'GET', pattern: 'users/me', access: 'anyone', handle: (ctx) => ok({ user: ctx.actor }) },
  { method: 'GET', pattern: 'users', handle: (ctx) => paginatedList(ctx, usersByRole(ctx), 'users') },
  {
    method: 'GET',
    pattern: 'users/count',
    handle: (ctx) => ok({ count: { value: usersByRole(ctx).length, refreshed_at: isoTime(ctx.now) } }),
  },
  { method: 'GET', pattern: 'users/show_many', handle: (ctx) => showManyReply('users', showManyUsers(ctx)) },
  {
    method: 'GET',
    pattern: 'users/search',
    handle: (ctx) => {
      const externalId = ctx.query.get('external_id');
      let users: ZendeskUser[];
      if (externalId !== null) {
        users = ctx.account.users.filter((u) => u.external_id?.toLowerCase() === externalId.toLowerCase());
      } else {
        const query = parseQueryOrFail(ctx.query.get('query'));
        users = findMatches(ctx, query, ['user']).flatMap(
          (hit) => ctx.account.usersById.get(Number(hit.record.id)) ?? [],
        );
      }
      // "max 10,000 records" (support-api.md §3.1); the error past it is (unverified).
      const page = offsetPage(ctx, users.slice(0, USER_SEARCH_CAP));
      if (page.items.length === 0 && users.length > USER_SEARCH_CAP) {
        throw new ReplyError(badRequest('InvalidPaginationParameter', 'Only the first 10,000 users can be listed'));
      }
      return ok({ users: page.items, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
    },
  },
  {
    method: 'GET',
    pattern: 'users/:id',
    handle: (ctx) => {
      const user = ctx.account.usersById.get(idParam(ctx));
      return user ? ok({ user }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'users/:id/organization_memberships',
    handle: (ctx) => {
      if (!ctx.account.usersById.has(idParam(ctx))) return recordNotFound();
      return paginatedList(ctx, membershipsOfUser(ctx, idParam(ctx)), 'organization_memberships');
    },
  },
  {
    method: 'GET',
    pattern: 'users/:id/group_memberships',
    handle: (ctx) => {
      if (!ctx.account.usersById.has(idParam(ctx))) return recordNotFound();
      const memberships = ctx.account.groupMemberships.filter((m) => m.user_id === idParam(ctx));
      return paginatedList(ctx, memberships, 'group_memberships');
    },
  },
  {
    method: 'GET',
    pattern: 'users/:id/tickets/requested',
    handle: (ctx) => {
      if (!ctx.account.usersById.has(idParam(ctx))) return recordNotFound();
      const tickets = ctx.account.tickets.filter((t) => t.ticket.requester_id === idParam(ctx)).map((t) => t.ticket);
      return paginatedList(ctx, tickets, 'tickets');
    },
  },
];
