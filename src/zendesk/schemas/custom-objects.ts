import { z } from 'zod';
import { cursorPageSchema, pagingShape } from './pagination.ts';

/** A custom object (custom-data/custom-objects): its key is its address in every other call. */
export const customObjectSchema = z.looseObject({
  key: z.string(),
  title: z.string(),
  title_pluralized: z.string(),
  description: z.string().nullable().optional(),
});
export type CustomObject = z.infer<typeof customObjectSchema>;
export const customObjectResponseSchema = z.looseObject({ custom_object: customObjectSchema });
export const customObjectsResponseSchema = z.looseObject({ custom_objects: z.array(customObjectSchema) });

export const customObjectFieldSchema = z.looseObject({
  id: z.number().int(),
  key: z.string(),
  type: z.string(),
  title: z.string(),
  active: z.boolean().optional(),
  /** `standard::name` and `standard::external_id` come with every object. */
  system: z.boolean().optional(),
});
export type CustomObjectField = z.infer<typeof customObjectFieldSchema>;
export const customObjectFieldResponseSchema = z.looseObject({ custom_object_field: customObjectFieldSchema });
export const customObjectFieldsResponseSchema = z.looseObject({
  custom_object_fields: z.array(customObjectFieldSchema),
  ...pagingShape,
});

/** A record: ids are strings (ULIDs), values keyed by field key, unset fields null. */
export const customObjectRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  external_id: z.string().nullable().optional(),
  custom_object_fields: z.record(z.string(), z.unknown()).optional(),
  created_by_user_id: z.string().nullable().optional(),
  updated_by_user_id: z.string().nullable().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type CustomObjectRecord = z.infer<typeof customObjectRecordSchema>;
export const customObjectRecordResponseSchema = z.looseObject({ custom_object_record: customObjectRecordSchema });
/** Cursor pages only (List Custom Object Records). */
export const customObjectRecordsResponseSchema = cursorPageSchema.extend({
  custom_object_records: z.array(customObjectRecordSchema),
});
