import { z } from 'zod';
import { idSchema, pagingShape } from './pagination.ts';

export const groupSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable().optional(),
  default: z.boolean().optional(),
  deleted: z.boolean().optional(),
});
export type Group = z.infer<typeof groupSchema>;
export const groupsResponseSchema = z.looseObject({ groups: z.array(groupSchema), ...pagingShape });

export const groupMembershipSchema = z.looseObject({
  id: idSchema,
  user_id: idSchema,
  group_id: idSchema,
  default: z.boolean(),
});
export type GroupMembership = z.infer<typeof groupMembershipSchema>;
export const groupMembershipsResponseSchema = z.looseObject({
  group_memberships: z.array(groupMembershipSchema),
  ...pagingShape,
});
