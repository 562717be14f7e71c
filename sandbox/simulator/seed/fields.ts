import { recordUrl } from '../account.ts';
import { isoTime } from '../time.ts';
import type { CustomField } from '../types.ts';

type FieldSpec = Pick<CustomField, 'key' | 'type' | 'title'> & {
  description?: string;
  active?: boolean;
  options?: ReadonlyArray<readonly [name: string, value: string]>;
  regexp?: string;
  tag?: string;
};

export const SERVICE_LEVELS = ['platinum', 'gold', 'silver', 'bronze'] as const;

const SERVICE_LEVEL_OPTIONS = SERVICE_LEVELS.map((v) => [v[0]?.toUpperCase() + v.slice(1), v] as const);

/** The demo user fields (SPEC.md "Demo account") plus one of every other type, one inactive. */
const USER_FIELDS: FieldSpec[] = [
  { key: 'last_purchase_date', type: 'date', title: 'Last purchase date' },
  { key: 'plan_renewal_date', type: 'date', title: 'Plan renewal date' },
  { key: 'average_annual_spend', type: 'decimal', title: 'Average annual spend' },
  { key: 'service_level', type: 'dropdown', title: 'Service level', options: SERVICE_LEVEL_OPTIONS },
  {
    key: 'social_media_influence',
    type: 'dropdown',
    title: 'Social media influence',
    options: [
      ['High', 'high'],
      ['Medium', 'medium'],
      ['Low', 'low'],
    ],
  },
  { key: 'account_manager_notes', type: 'text', title: 'Account manager notes' },
  { key: 'newsletter_opt_in', type: 'checkbox', title: 'Newsletter opt-in', tag: 'newsletter_opt_in' },
  { key: 'seats', type: 'integer', title: 'Seats' },
  {
    key: 'product_interests',
    type: 'multiselect',
    title: 'Product interests',
    options: [
      ['Analytics', 'analytics'],
      ['Mobile app', 'mobile_app'],
      ['Integrations', 'integrations'],
      ['Training', 'training'],
    ],
  },
  { key: 'customer_code', type: 'regexp', title: 'Customer code', regexp: '^C-[0-9]{5}$' },
  {
    key: 'legacy_segment',
    type: 'dropdown',
    title: 'Legacy segment',
    active: false,
    description: 'Retired in the 2024 re-segmentation',
    options: [
      ['SMB', 'smb'],
      ['Mid-market', 'mid_market'],
    ],
  },
  { key: 'onboarding_notes', type: 'textarea', title: 'Onboarding notes' },
];

const ORGANIZATION_FIELDS: FieldSpec[] = [
  {
    key: 'account_type',
    type: 'dropdown',
    title: 'Account type',
    options: [
      ['Active', 'active'],
      ['Prospect', 'prospect'],
      ['Churned', 'churned'],
      ['Partner', 'partner'],
    ],
  },
  { key: 'monthly_spend', type: 'decimal', title: 'Monthly spend' },
  { key: 'reference_customer', type: 'checkbox', title: 'Reference customer', tag: 'reference_customer' },
  {
    key: 'contract',
    type: 'dropdown',
    title: 'Contract',
    options: [
      ['Monthly', 'monthly'],
      ['Quarterly', 'quarterly'],
      ['1 year', '1_year'],
      ['2 year', '2_year'],
    ],
  },
  { key: 'org_service_level', type: 'dropdown', title: 'Service level', options: SERVICE_LEVEL_OPTIONS },
];

function buildFields(specs: FieldSpec[], resource: string, firstId: number, createdAt: string): CustomField[] {
  let optionId = firstId * 10;
  return specs.map((spec, index) => {
    const id = firstId + index;
    const field: CustomField = {
      id,
      url: recordUrl(`${resource}/${id}`),
      key: spec.key,
      type: spec.type,
      title: spec.title,
      raw_title: spec.title,
      description: spec.description ?? '',
      raw_description: spec.description ?? '',
      position: index,
      active: spec.active ?? true,
      system: false,
      regexp_for_validation: spec.regexp ?? null,
      tag: spec.tag ?? null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    if (spec.options) {
      field.custom_field_options = spec.options.map(([name, value]) => ({
        id: ++optionId,
        name,
        raw_name: name,
        value,
      }));
    }
    return field;
  });
}

export function seedUserFields(createdAtMs: number): CustomField[] {
  return buildFields(USER_FIELDS, 'user_fields', 360_001, isoTime(createdAtMs));
}

export function seedOrganizationFields(createdAtMs: number): CustomField[] {
  return buildFields(ORGANIZATION_FIELDS, 'organization_fields', 370_001, isoTime(createdAtMs));
}
