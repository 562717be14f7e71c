import type { CustomField, CustomFieldValue, Organization, User } from '../../zendesk/index.ts';
import { storedDay } from '../time/day.ts';
import { PASSTHROUGH_PLACEHOLDERS } from './template.ts';

/**
 * What each placeholder says for one customer, formatted for that customer: drop-down values by
 * their label, dates and numbers in the customer's own language (Zendesk's `locale` on the user),
 * checkboxes as a yes/no word the caller provides in that language.
 */
export interface PlaceholderFields {
  userFields: readonly CustomField[];
  organizationFields: readonly CustomField[];
}

const BUILT_IN_USER = ['name', 'first_name', 'last_name', 'email'] as const;

export function knownPlaceholders(fields: PlaceholderFields): string[] {
  return [
    ...BUILT_IN_USER.map((key) => `user.${key}`),
    ...fields.userFields.filter((f) => f.active).map((f) => `user.user_fields.${f.key}`),
    'organization.name',
    ...fields.organizationFields.filter((f) => f.active).map((f) => `organization.organization_fields.${f.key}`),
    ...PASSTHROUGH_PLACEHOLDERS,
  ];
}

/** A locale Intl accepts, else English: a customer with an unusual or missing locale breaks nothing. */
export function usableLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Given and family names. Zendesk keeps one `name`; "first name" is the first word, except in
 * languages that write the family name first (Japanese, Korean, Chinese), where it is the last
 * word, and a name written without a space stays whole.
 */
export function nameParts(name: string, locale: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: words[0] ?? '', last: '' };
  const familyFirst = /^(ja|ko|zh)\b/i.test(locale);
  return familyFirst
    ? { first: words[words.length - 1] ?? '', last: words.slice(0, -1).join(' ') }
    : { first: words[0] ?? '', last: words.slice(1).join(' ') };
}

function formatValue(field: CustomField, value: CustomFieldValue | undefined, locale: string, words: YesNo): string {
  if (value === null || value === undefined) return '';
  const label = (v: string) => field.custom_field_options?.find((o) => o.value === v)?.name ?? v;
  switch (field.type) {
    case 'checkbox':
      return value === true ? words.yes : words.no;
    case 'date': {
      const day = storedDay(value);
      if (!day) return String(value);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        Date.parse(`${day}T00:00:00Z`),
      );
    }
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
    case 'dropdown':
    case 'tagger':
      return typeof value === 'string' ? label(value) : String(value);
    case 'multiselect':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(', ');
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

export interface YesNo {
  yes: string;
  no: string;
}

/** The Liquid scope for one customer, and each placeholder's text, flat, to find the empty ones. */
export function customerValues(
  user: User,
  organization: Organization | null,
  fields: PlaceholderFields,
  words: (locale: string) => YesNo,
): { scope: Record<string, unknown>; byPath: Map<string, string> } {
  const locale = usableLocale(user.locale);
  const yesNo = words(locale);
  const { first, last } = nameParts(user.name, locale);
  const byPath = new Map<string, string>([
    ['user.name', user.name],
    ['user.first_name', first],
    ['user.last_name', last],
    ['user.email', user.email ?? ''],
    ['organization.name', organization?.name ?? ''],
  ]);
  const userFields: Record<string, string> = {};
  for (const field of fields.userFields) {
    userFields[field.key] = formatValue(field, user.user_fields[field.key], locale, yesNo);
    byPath.set(`user.user_fields.${field.key}`, userFields[field.key] ?? '');
  }
  const organizationFields: Record<string, string> = {};
  for (const field of fields.organizationFields) {
    organizationFields[field.key] = organization
      ? formatValue(field, organization.organization_fields[field.key], locale, yesNo)
      : '';
    byPath.set(`organization.organization_fields.${field.key}`, organizationFields[field.key] ?? '');
  }
  const scope = {
    user: { name: user.name, first_name: first, last_name: last, email: user.email ?? '', user_fields: userFields },
    organization: { name: organization?.name ?? '', organization_fields: organizationFields },
  };
  return { scope, byPath };
}
