import { idParam } from '../context.ts';
import { recordNotFound } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';

/**
 * GET users/{id}/identities (List Identities, Zendesk's OpenAPI spec): cursor or offset paging,
 * at most 100 a page, allowed for agents. Verified end users may list their own; the simulator
 * refuses end users (the stricter reading). The primary identity comes first, then by creation
 * (the order is (unverified)).
 */
export const identityRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'users/:id/identities',
    handle: (ctx) => {
      const id = idParam(ctx);
      if (!ctx.account.usersById.has(id)) return recordNotFound();
      const identities = [...ctx.account.identitiesOf(id)].sort(
        (a, b) => Number(b.primary) - Number(a.primary) || a.id - b.id,
      );
      return paginatedList(ctx, identities, 'identities');
    },
  },
];
