import { z } from 'zod';

/** Cursor pagination (`page[size]`): follow `links.next` while `meta.has_more`. */
export const cursorPageSchema = z.looseObject({
  meta: z.looseObject({
    has_more: z.boolean(),
    after_cursor: z.string().nullable().optional(),
    before_cursor: z.string().nullable().optional(),
  }),
  links: z.looseObject({
    next: z.string().nullable().optional(),
    prev: z.string().nullable().optional(),
  }),
});
export type CursorPage = z.infer<typeof cursorPageSchema>;

/** Offset pagination (`page`, `per_page`): the only kind /search and /users/search offer. */
export const offsetPageSchema = z.looseObject({
  next_page: z.string().nullable(),
  previous_page: z.string().nullable().optional(),
  count: z.number().int().nonnegative(),
});
export type OffsetPage = z.infer<typeof offsetPageSchema>;

/** Zendesk ids are integers; timestamps ISO 8601 strings. */
export const idSchema = z.number().int();
export const timestampSchema = z.string();

/**
 * Paging fields a list may carry: cursor (`meta`/`links`) when `page[size]` was honoured, offset
 * (`next_page`) otherwise. Some endpoints ignore `page[size]`, so list schemas accept both.
 */
export const pagingShape = {
  meta: cursorPageSchema.shape.meta.optional(),
  links: cursorPageSchema.shape.links.optional(),
  next_page: z.string().nullable().optional(),
  previous_page: z.string().nullable().optional(),
  count: z.number().int().nonnegative().optional(),
};
export const pagingSchema = z.looseObject(pagingShape);
export type Paging = z.infer<typeof pagingSchema>;
