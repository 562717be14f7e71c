import { idParam, type ApiContext } from '../context.ts';
import { ok, recordNotFound } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { showMany, showManyReply } from './show-many.ts';
import { membershipsOfUser } from './users.ts';

/** 404 unless the organization exists; its id otherwise. */
function organizationId(ctx: ApiContext): number | undefined {
  const id = idParam(ctx);
  return ctx.account.organizationsById.has(id) ? id : undefined;
}

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'organizations',
    handle: (ctx) => paginatedList(ctx, ctx.account.organizations, 'organizations'),
  },
  {
    method: 'GET',
    pattern: 'organizations/show_many',
    handle: (ctx) =>
      showManyReply('organizations', showMany(ctx, ctx.account.organizations, ctx.account.organizationsById)),
  },
  {
    method: 'GET',
    pattern: 'organizations/:id',
    handle: (ctx) => {
      const organization = ctx.account.organizationsById.get(idParam(ctx));
      return organization ? ok({ organization }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'organizations/:id/users',
    handle: (ctx) => {
      const id = idParam(ctx);
      if (!ctx.account.organizationsById.has(id)) return recordNotFound();
      // Users of an organization are its members, including those for whom it is not the default.
      const members = new Set(
        ctx.account.organizationMemberships.filter((m) => m.organization_id === id).map((m) => m.user_id),
      );
      return paginatedList(
        ctx,
        ctx.account.users.filter((u) => members.has(u.id)),
        'users',
      );
    },
  },
  {
    method: 'GET',
    pattern: 'organization_memberships',
    handle: (ctx) => {
      const userId = ctx.query.get('user_id');
      const memberships =
        userId === null ? ctx.account.organizationMemberships : membershipsOfUser(ctx, Number(userId));
      return paginatedList(ctx, memberships, 'organization_memberships');
    },
  },
  {
    // List Memberships "for the account, user or organization in question" (Zendesk's OpenAPI spec):
    // every member, including those for whom it is not the default organization, in id order.
    method: 'GET',
    pattern: 'organizations/:id/organization_memberships',
    handle: (ctx) => {
      const id = organizationId(ctx);
      if (id === undefined) return recordNotFound();
      const memberships = ctx.account.organizationMemberships.filter((m) => m.organization_id === id);
      return paginatedList(ctx, memberships, 'organization_memberships');
    },
  },
];
