import type { ApiContext } from '../context.ts';
import { ok, recordNotFound } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import type { CustomField } from '../types.ts';

function showField(ctx: ApiContext, fields: readonly CustomField[], key: string) {
  const idOrKey = ctx.params.key ?? '';
  const field = fields.find((f) => String(f.id) === idOrKey || f.key === idOrKey);
  return field ? ok({ [key]: field }) : recordNotFound();
}

export const fieldRoutes: Route[] = [
  { method: 'GET', pattern: 'user_fields', handle: (ctx) => paginatedList(ctx, ctx.account.userFields, 'user_fields') },
  { method: 'GET', pattern: 'user_fields/:key', handle: (ctx) => showField(ctx, ctx.account.userFields, 'user_field') },
  {
    method: 'GET',
    pattern: 'organization_fields',
    handle: (ctx) => paginatedList(ctx, ctx.account.organizationFields, 'organization_fields'),
  },
  {
    method: 'GET',
    pattern: 'organization_fields/:key',
    handle: (ctx) => showField(ctx, ctx.account.organizationFields, 'organization_field'),
  },
];
