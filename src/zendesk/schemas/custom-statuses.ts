import { z } from 'zod';
import { idSchema } from './pagination.ts';

export const customStatusSchema = z.looseObject({
  id: idSchema,
  status_category: z.enum(['new', 'open', 'pending', 'hold', 'solved']),
  agent_label: z.string(),
  end_user_label: z.string().nullable().optional(),
  active: z.boolean(),
  default: z.boolean(),
});
export type CustomStatus = z.infer<typeof customStatusSchema>;
/** Not paginated. */
export const customStatusesResponseSchema = z.looseObject({ custom_statuses: z.array(customStatusSchema) });
