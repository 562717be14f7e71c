import type { CustomField } from '../../zendesk/index.ts';

/** What the home screen loads from Zendesk. Each method is stable, so screens can retry it. */
export interface HomeData {
  /** End users who could be in an audience. */
  countCustomers(): Promise<number>;
  /** Organizations the customers belong to (audiences can use their fields). */
  countOrganizations(): Promise<number>;
  listUserFields(): Promise<CustomField[]>;
  listOrganizationFields(): Promise<CustomField[]>;
}
