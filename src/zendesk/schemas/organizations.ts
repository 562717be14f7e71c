import { z } from 'zod';
import { idSchema, pagingShape, timestampSchema } from './pagination.ts';
import { customFieldValueSchema } from './users.ts';

export const organizationSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  external_id: z.string().nullable().optional(),
  domain_names: z.array(z.string()).optional(),
  group_id: idSchema.nullable().optional(),
  tags: z.array(z.string()).optional(),
  organization_fields: z.record(z.string(), customFieldValueSchema),
  created_at: timestampSchema.optional(),
});
export type Organization = z.infer<typeof organizationSchema>;
export const organizationsResponseSchema = z.looseObject({
  organizations: z.array(organizationSchema),
  ...pagingShape,
});

export const organizationMembershipSchema = z.looseObject({
  id: idSchema,
  user_id: idSchema,
  organization_id: idSchema,
  default: z.boolean().nullable(),
});
export type OrganizationMembership = z.infer<typeof organizationMembershipSchema>;
export const organizationMembershipsResponseSchema = z.looseObject({
  organization_memberships: z.array(organizationMembershipSchema),
  ...pagingShape,
});
