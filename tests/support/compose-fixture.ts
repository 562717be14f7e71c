import { createSimulator } from '../../sandbox/simulator/index.ts';
import { CampaignTemplate } from '../../src/domain/compose/campaign-template.ts';
import type { PlaceholderFields, YesNo } from '../../src/domain/compose/customer-values.ts';
import type { CustomFieldValue, Organization, User } from '../../src/zendesk/index.ts';
import { customFieldSchema } from '../../src/zendesk/schemas/custom-fields.ts';
import { organizationSchema } from '../../src/zendesk/schemas/organizations.ts';
import { userSchema } from '../../src/zendesk/schemas/users.ts';

/** The demo account's custom fields as the app reads them (types, keys, drop-down labels). */
const sim = createSimulator({ seed: 7, users: 10 });
export const DEMO_FIELDS: PlaceholderFields = {
  userFields: sim.account.userFields.map((f) => customFieldSchema.parse(f)),
  organizationFields: sim.account.organizationFields.map((f) => customFieldSchema.parse(f)),
};

/** Yes/no words per customer language, as the app's translations give them. */
export const YES_NO = (locale: string): YesNo =>
  locale.startsWith('ko')
    ? { yes: '예', no: '아니요' }
    : locale.startsWith('ja')
      ? { yes: 'はい', no: 'いいえ' }
      : { yes: 'Yes', no: 'No' };

export function customer(
  overrides: Partial<Omit<User, 'user_fields'>> & { user_fields?: Record<string, CustomFieldValue> } = {},
): User {
  return userSchema.parse({
    id: 361_000_000_101,
    name: 'Ana Silva',
    email: 'ana.silva@example.com',
    role: 'end-user',
    organization_id: 362_000_000_001,
    locale: 'en-US',
    suspended: false,
    external_id: 'CUST-100101',
    created_at: '2025-03-01T10:00:00Z',
    ...overrides,
    user_fields: { ...overrides.user_fields },
  });
}

export function organization(
  overrides: Partial<Omit<Organization, 'organization_fields'>> & {
    organization_fields?: Record<string, CustomFieldValue>;
  } = {},
): Organization {
  return organizationSchema.parse({
    id: 362_000_000_001,
    name: 'Acme Widgets Ltd',
    ...overrides,
    organization_fields: { ...overrides.organization_fields },
  });
}

export function template(
  subject: string,
  body: string,
  translations: Array<{ locale: string; subject: string; body: string }> = [],
): CampaignTemplate {
  return new CampaignTemplate({ subject, body, translations }, DEMO_FIELDS, YES_NO);
}
