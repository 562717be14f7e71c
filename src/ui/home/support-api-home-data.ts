import { countSearch, listOrganizationFields, listUserFields, type SupportApiClient } from '../../zendesk/index.ts';
import type { HomeData } from './home-data.ts';

/** Customers who could be in an audience: end users (agents and admins are never targeted by default). */
export const CUSTOMER_QUERY = 'type:user role:end-user';

export const ORGANIZATION_QUERY = 'type:organization';

export function supportApiHomeData(api: SupportApiClient): HomeData {
  return {
    countCustomers: () => countSearch(api, CUSTOMER_QUERY),
    countOrganizations: () => countSearch(api, ORGANIZATION_QUERY),
    listUserFields: () => listUserFields(api),
    listOrganizationFields: () => listOrganizationFields(api),
  };
}
