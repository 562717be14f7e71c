import type { SupportApiClient } from '../client.ts';
import { collectCursor, listAll, withQuery } from '../pagination.ts';
import {
  customObjectFieldResponseSchema,
  customObjectFieldsResponseSchema,
  customObjectRecordResponseSchema,
  customObjectRecordsResponseSchema,
  customObjectResponseSchema,
  customObjectsResponseSchema,
  type CustomObject,
  type CustomObjectField,
  type CustomObjectRecord,
} from '../schemas/custom-objects.ts';
import type { CallOptions } from './call-options.ts';

/**
 * Custom objects (/api/v2/custom_objects). Objects and their fields are created by admins; what
 * an agent may do with records is set per role in Admin Center. An account without custom
 * objects answers 403 on every path.
 */
const base = (key: string) => `/api/v2/custom_objects/${encodeURIComponent(key)}`;

/** GET custom_objects: every object of the account, in one answer (the list is not paginated). */
export async function listCustomObjects(client: SupportApiClient, options?: CallOptions): Promise<CustomObject[]> {
  const { custom_objects } = await client.request(
    { method: 'GET', url: '/api/v2/custom_objects' },
    customObjectsResponseSchema,
    options,
  );
  return custom_objects;
}

/** GET custom_objects/{key}: 404 when the account has no object with that key. */
export async function getCustomObject(
  client: SupportApiClient,
  key: string,
  options?: CallOptions,
): Promise<CustomObject> {
  const { custom_object } = await client.request(
    { method: 'GET', url: base(key) },
    customObjectResponseSchema,
    options,
  );
  return custom_object;
}

export async function createCustomObject(
  client: SupportApiClient,
  object: { key: string; title: string; title_pluralized: string; description?: string },
  options?: CallOptions,
): Promise<CustomObject> {
  const { custom_object } = await client.request(
    { method: 'POST', url: '/api/v2/custom_objects', body: { custom_object: object } },
    customObjectResponseSchema,
    options,
  );
  return custom_object;
}

/** The object's own fields (the standard name and external id fields are left out). */
export function listCustomObjectFields(
  client: SupportApiClient,
  key: string,
  options?: CallOptions,
): Promise<CustomObjectField[]> {
  return listAll(
    client,
    `${base(key)}/fields`,
    customObjectFieldsResponseSchema,
    (page) => page.custom_object_fields,
    options,
  );
}

export async function createCustomObjectField(
  client: SupportApiClient,
  key: string,
  field: { key: string; type: string; title: string; description?: string },
  options?: CallOptions,
): Promise<CustomObjectField> {
  const { custom_object_field } = await client.request(
    { method: 'POST', url: `${base(key)}/fields`, body: { custom_object_field: field } },
    customObjectFieldResponseSchema,
    options,
  );
  return custom_object_field;
}

/** Every record (cursor pages of 100), or only those with the given external ids. */
export function listCustomObjectRecords(
  client: SupportApiClient,
  key: string,
  filter: { externalIds?: readonly string[] } = {},
  options?: CallOptions,
): Promise<CustomObjectRecord[]> {
  const ids = filter.externalIds;
  const url = withQuery(`${base(key)}/records`, {
    'page[size]': 100,
    'filter[external_ids]': ids && ids.length > 0 ? ids.join(',') : undefined,
  });
  return collectCursor(client, url, customObjectRecordsResponseSchema, (page) => page.custom_object_records, options);
}

/**
 * PATCH custom_objects/{key}/records?external_id=…: creates the record with that external id, or
 * updates the one that has it ("only the specified attributes are updated"). The external id is
 * unique per object, so two browsers writing the same campaign meet in one record.
 */
export async function upsertCustomObjectRecord(
  client: SupportApiClient,
  key: string,
  externalId: string,
  record: { name: string; custom_object_fields: Record<string, unknown> },
  options?: CallOptions,
): Promise<CustomObjectRecord> {
  const { custom_object_record } = await client.request(
    {
      method: 'PATCH',
      url: withQuery(`${base(key)}/records`, { external_id: externalId }),
      body: { custom_object_record: record },
      // The same attributes written twice give the same record: safe to send again.
      retry: 'safe',
    },
    customObjectRecordResponseSchema,
    options,
  );
  return custom_object_record;
}
