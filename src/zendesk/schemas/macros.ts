import { z } from 'zod';
import { idSchema, pagingShape } from './pagination.ts';
import { restrictionSchema, ruleActionSchema } from './rules.ts';

export const macroSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  active: z.boolean(),
  description: z.string().nullable().optional(),
  actions: z.array(ruleActionSchema),
  restriction: restrictionSchema.optional(),
});
export type Macro = z.infer<typeof macroSchema>;
export const macrosResponseSchema = z.looseObject({ macros: z.array(macroSchema), ...pagingShape });

/** GET /macros/{id}/apply: only the changes the macro would make, the ticket itself is untouched. */
export const macroApplicationSchema = z.looseObject({
  result: z.looseObject({
    ticket: z.looseObject({
      subject: z.string().nullable().optional(),
      status: z.string().nullable().optional(),
      priority: z.string().nullable().optional(),
      type: z.string().nullable().optional(),
      group_id: idSchema.nullable().optional(),
      assignee_id: idSchema.nullable().optional(),
      /** set_tags replaces the tags; current_tags / remove_tags come as additional_tags / remove_tags. */
      tags: z.array(z.string()).optional(),
      additional_tags: z.array(z.string()).optional(),
      remove_tags: z.array(z.string()).optional(),
      comment: z
        .looseObject({
          body: z.string().optional(),
          html_body: z.string().optional(),
          public: z.boolean().optional(),
        })
        .optional(),
    }),
  }),
});
export type MacroApplication = z.infer<typeof macroApplicationSchema>;
