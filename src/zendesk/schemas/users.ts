import { z } from 'zod';
import { idSchema, pagingShape, timestampSchema } from './pagination.ts';

/** A custom field value: dropdown → option `value` (tag), date → "YYYY-MM-DDT00:00:00Z", checkbox → boolean, multiselect → tags. */
export const customFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>;

export const userRoleSchema = z.enum(['end-user', 'agent', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;

export const userSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  role: userRoleSchema,
  /** 0 custom agent role, 1 light, 2 chat, 3 chat contributor, 4 admin, 5 billing admin. */
  role_type: z.number().int().nullable().optional(),
  custom_role_id: idSchema.nullable().optional(),
  organization_id: idSchema.nullable(),
  /** Absent when user tagging is off for the account. */
  tags: z.array(z.string()).optional(),
  user_fields: z.record(z.string(), customFieldValueSchema),
  locale: z.string(),
  locale_id: z.number().int().nullable().optional(),
  time_zone: z.string().nullable().optional(),
  suspended: z.boolean(),
  active: z.boolean().optional(),
  external_id: z.string().nullable(),
  default_group_id: idSchema.nullable().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema.optional(),
});
export type User = z.infer<typeof userSchema>;

export const currentUserResponseSchema = z.looseObject({ user: userSchema });
export const usersResponseSchema = z.looseObject({ users: z.array(userSchema), ...pagingShape });
export type UsersResponse = z.infer<typeof usersResponseSchema>;

/** One way a user is reachable: `{type:'email', value, primary, verified}` (also phone, twitter, …). */
export const identitySchema = z.looseObject({
  id: idSchema,
  user_id: idSchema,
  type: z.string(),
  value: z.string(),
  primary: z.boolean().optional(),
  verified: z.boolean().optional(),
});
export type UserIdentity = z.infer<typeof identitySchema>;
export const identitiesResponseSchema = z.looseObject({ identities: z.array(identitySchema), ...pagingShape });
