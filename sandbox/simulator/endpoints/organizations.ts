import { idParam, listParam } from '../context.ts';
import { ok, recordNotFound } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { tooMany } from './users.ts';

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'organizations',
    handle: (ctx) => paginatedList(ctx, ctx.account.organizations, 'organizations'),
  },
  {
    method: 'GET',
    pattern: 'organizations/show_many',
    handle: (ctx) => {
      const ids = listParam(ctx, 'ids');
      const externalIds = listParam(ctx, 'external_ids');
      if (ids.length > 100) throw tooMany('ids');
      if (externalIds.length > 100) throw tooMany('external_ids');
      const wanted = new Set(externalIds.map((e) => e.toLowerCase()));
      const organizations =
        ids.length > 0
          ? ids.flatMap((id) => ctx.account.organizationsById.get(Number(id)) ?? [])
          : ctx.account.organizations.filter((o) => o.external_id !== null && wanted.has(o.external_id.toLowerCase()));
      return ok({ organizations });
    },
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
        userId === null ? ctx.account.organizationMemberships : ctx.account.membershipsOf(Number(userId));
      return paginatedList(ctx, memberships, 'organization_memberships');
    },
  },
];
