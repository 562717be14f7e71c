import type { SupportApiClient } from '../client.ts';
import { withQuery } from '../pagination.ts';
import { accountSettingsResponseSchema, type AccountSettings } from '../schemas/account-settings.ts';
import { customStatusesResponseSchema, type CustomStatus } from '../schemas/custom-statuses.ts';
import { autocompleteTagsResponseSchema } from '../schemas/tags.ts';
import type { CallOptions } from './call-options.ts';

export async function getAccountSettings(client: SupportApiClient, options?: CallOptions): Promise<AccountSettings> {
  const { settings } = await client.request(
    { method: 'GET', url: '/api/v2/account/settings' },
    accountSettingsResponseSchema,
    options,
  );
  return settings;
}

/** GET /api/v2/custom_statuses (not paginated). */
export async function listCustomStatuses(client: SupportApiClient, options?: CallOptions): Promise<CustomStatus[]> {
  const { custom_statuses } = await client.request(
    { method: 'GET', url: '/api/v2/custom_statuses' },
    customStatusesResponseSchema,
    options,
  );
  return custom_statuses;
}

/** GET /api/v2/autocomplete/tags?name=: existing tags starting with `name`. */
export async function autocompleteTags(
  client: SupportApiClient,
  name: string,
  options?: CallOptions,
): Promise<string[]> {
  const { tags } = await client.request(
    { method: 'GET', url: withQuery('/api/v2/autocomplete/tags', { name }) },
    autocompleteTagsResponseSchema,
    options,
  );
  return tags;
}
