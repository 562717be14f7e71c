import { countSearch, listOrganizationFields, listUserFields, type SupportApiClient } from '../../zendesk/index.ts';
import type { CustomField, HomeData } from './home-data.ts';

/** Customers who could be in an audience: end users (agents and admins are never targeted by default). */
export const CUSTOMER_QUERY = 'type:user role:end-user';

export const ORGANIZATION_QUERY = 'type:organization';

export function supportApiHomeData(api: SupportApiClient): HomeData {
  const toField = ({ id, key, title, type, active }: CustomField): CustomField => ({ id, key, title, type, active });
  return {
    countCustomers: () => countSearch(api, CUSTOMER_QUERY),
    countOrganizations: () => countSearch(api, ORGANIZATION_QUERY),
    listUserFields: async () => (await listUserFields(api)).map(toField),
    listOrganizationFields: async () => (await listOrganizationFields(api)).map(toField),
  };
}
