import { FieldCatalog } from '../../domain/fields/audience-fields.ts';
import { AccountCalendar } from '../../domain/time/account-calendar.ts';
import {
  getAccountSettings,
  listOrganizationFields,
  listUserFields,
  type CustomField,
  type SupportApiClient,
} from '../../zendesk/index.ts';

/** What the audience builder needs to know about the account, read once per session. */
export interface AccountFacts {
  catalog: FieldCatalog;
  userFields: CustomField[];
  organizationFields: CustomField[];
  calendar: AccountCalendar;
  /** Customers may belong to several organizations (Admin Center > People > End users). */
  multipleOrganizations: boolean;
}

export async function loadAccountFacts(
  api: SupportApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<AccountFacts> {
  const [userFields, organizationFields, settings] = await Promise.all([
    listUserFields(api, options),
    listOrganizationFields(api, options),
    getAccountSettings(api, options),
  ]);
  return {
    catalog: new FieldCatalog(userFields, organizationFields),
    userFields,
    organizationFields,
    calendar: new AccountCalendar(settings.localization?.iana_time_zone),
    // When the setting is missing, assume several: the join then asks search, which is never wrong.
    multipleOrganizations: settings.user?.multiple_organizations ?? true,
  };
}
