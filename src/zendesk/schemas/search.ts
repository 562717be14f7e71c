import { z } from 'zod';
import { cursorPageSchema } from './pagination.ts';
import { organizationSchema } from './organizations.ts';
import { ticketSchema } from './tickets.ts';
import { userSchema } from './users.ts';
import { groupSchema } from './groups.ts';

export const searchCountResponseSchema = z.looseObject({ count: z.number().int().nonnegative() });

export type SearchableType = 'user' | 'organization' | 'ticket' | 'group';

/** Schemas of each searchable object, by the `result_type` / `filter[type]` that names it. */
export const searchResultSchemas = {
  user: userSchema,
  organization: organizationSchema,
  ticket: ticketSchema,
  group: groupSchema,
} as const;

/** GET /api/v2/search: offset pages, `count` is the true total even past the 1,000-result cap. */
export function searchResponseSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({
    results: z.array(result),
    count: z.number().int().nonnegative(),
    next_page: z.string().nullable(),
    previous_page: z.string().nullable().optional(),
  });
}

/** GET /api/v2/search/export: cursor pages, no count. */
export function searchExportResponseSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({
    results: z.array(result),
    meta: cursorPageSchema.shape.meta,
    links: cursorPageSchema.shape.links,
  });
}
