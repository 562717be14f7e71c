import { z } from 'zod';
import { idSchema, pagingShape } from './pagination.ts';
import { restrictionSchema, ruleConditionsSchema } from './rules.ts';

/** Written with top-level `all`/`any`/`output`, read back as `conditions` and `execution`. */
export const viewSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  active: z.boolean(),
  conditions: ruleConditionsSchema,
  execution: z.looseObject({}).optional(),
  restriction: restrictionSchema.optional(),
  position: z.number().int().optional(),
});
export type View = z.infer<typeof viewSchema>;
export const viewResponseSchema = z.looseObject({ view: viewSchema });
export const viewsResponseSchema = z.looseObject({ views: z.array(viewSchema), ...pagingShape });

export const viewCountSchema = z.looseObject({
  view_id: idSchema,
  /** null while Zendesk is still counting a large view. */
  value: z.number().int().nullable(),
  pretty: z.string().optional(),
  fresh: z.boolean(),
});
export type ViewCount = z.infer<typeof viewCountSchema>;
export const viewCountResponseSchema = z.looseObject({ view_count: viewCountSchema });
