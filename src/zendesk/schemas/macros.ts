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
