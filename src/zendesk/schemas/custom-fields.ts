import { z } from 'zod';
import { idSchema, pagingShape } from './pagination.ts';

/** Field types Zendesk documents for user and organization fields (ticket fields say `tagger`). */
export const customFieldTypes = [
  'text',
  'textarea',
  'checkbox',
  'date',
  'integer',
  'decimal',
  'regexp',
  'dropdown',
  'tagger',
  'lookup',
  'multiselect',
] as const;
export type KnownCustomFieldType = (typeof customFieldTypes)[number];

export const customFieldOptionSchema = z.looseObject({
  id: idSchema,
  /** What agents see ("Value" in the admin UI). */
  name: z.string(),
  /** The tag stored on the record and used in search ("Tag" in the admin UI). */
  value: z.string(),
});

/** One user field or organization field: the same object for both. */
export const customFieldSchema = z.looseObject({
  id: idSchema,
  key: z.string(),
  title: z.string(),
  // Kept open: a field type Zendesk adds later must not break the field list.
  type: z.string(),
  active: z.boolean(),
  position: z.number().int().optional(),
  system: z.boolean().optional(),
  description: z.string().nullable().optional(),
  custom_field_options: z.array(customFieldOptionSchema).nullable().optional(),
  tag: z.string().nullable().optional(),
  regexp_for_validation: z.string().nullable().optional(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const userFieldsResponseSchema = z.looseObject({ user_fields: z.array(customFieldSchema), ...pagingShape });
export const organizationFieldsResponseSchema = z.looseObject({
  organization_fields: z.array(customFieldSchema),
  ...pagingShape,
});
