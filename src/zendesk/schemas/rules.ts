import { z } from 'zod';

/** A condition of a view or trigger: `{field, operator, value}`. */
export const ruleConditionSchema = z.looseObject({
  field: z.string(),
  operator: z.string(),
  value: z.unknown(),
});
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

export const ruleConditionsSchema = z.looseObject({
  all: z.array(ruleConditionSchema),
  any: z.array(ruleConditionSchema),
});

/** A trigger or macro action: `{field, value}` where value is a string or list (notification_user). */
export const ruleActionSchema = z.looseObject({ field: z.string(), value: z.unknown() });
export type RuleAction = z.infer<typeof ruleActionSchema>;

export const restrictionSchema = z
  .looseObject({
    type: z.string(),
    id: z.number().int().nullable().optional(),
    ids: z.array(z.number().int()).nullable().optional(),
  })
  .nullable();
