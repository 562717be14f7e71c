import type { SupportApiClient } from '../client.ts';
import { listAll } from '../pagination.ts';
import {
  organizationFieldsResponseSchema,
  userFieldsResponseSchema,
  type CustomField,
} from '../schemas/custom-fields.ts';
import type { CallOptions } from './call-options.ts';

/** GET /api/v2/user_fields, every page, active and inactive (callers decide what to offer). */
export function listUserFields(client: SupportApiClient, options?: CallOptions): Promise<CustomField[]> {
  return listAll(client, '/api/v2/user_fields', userFieldsResponseSchema, (page) => page.user_fields, options);
}

/** GET /api/v2/organization_fields, every page, active and inactive. */
export function listOrganizationFields(client: SupportApiClient, options?: CallOptions): Promise<CustomField[]> {
  return listAll(
    client,
    '/api/v2/organization_fields',
    organizationFieldsResponseSchema,
    (page) => page.organization_fields,
    options,
  );
}
