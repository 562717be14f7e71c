import { z } from 'zod';
import { idSchema, pagingShape } from './pagination.ts';
import { ruleActionSchema, ruleConditionsSchema } from './rules.ts';

export const triggerSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  active: z.boolean(),
  description: z.string().nullable().optional(),
  conditions: ruleConditionsSchema,
  actions: z.array(ruleActionSchema),
  position: z.number().int().optional(),
  /** A string id, unlike most Zendesk ids. */
  category_id: z.string().nullable().optional(),
});
export type Trigger = z.infer<typeof triggerSchema>;
export const triggerResponseSchema = z.looseObject({ trigger: triggerSchema });
export const triggersResponseSchema = z.looseObject({ triggers: z.array(triggerSchema), ...pagingShape });

export const triggerCategorySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  position: z.number().int().optional(),
});
export type TriggerCategory = z.infer<typeof triggerCategorySchema>;
export const triggerCategoryResponseSchema = z.looseObject({ trigger_category: triggerCategorySchema });
export const triggerCategoriesResponseSchema = z.looseObject({
  trigger_categories: z.array(triggerCategorySchema),
  ...pagingShape,
});
