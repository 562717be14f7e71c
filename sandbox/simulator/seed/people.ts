import { recordUrl, type DemoAccount } from '../account.ts';
import type { Random } from '../prng.ts';
import { DAY_MS, fieldDate, isoTime } from '../time.ts';
import type { FieldValue, ZendeskOrganization, ZendeskUser } from '../types.ts';
import {
  COMPANY_SUFFIXES,
  COMPANY_WORDS_A,
  COMPANY_WORDS_B,
  FIRST_NAMES_EN,
  FIRST_NAMES_JA,
  FIRST_NAMES_KO,
  LAST_NAMES_EN,
  LAST_NAMES_JA,
  LAST_NAMES_KO,
  LOCALES,
  ORG_TAGS,
  USER_TAGS,
} from './names.ts';
import { SERVICE_LEVELS } from './fields.ts';

/** Who the sandbox host signs in as (Basic auth `<email>/token:x`). */
export const DEMO_IDENTITIES = {
  owner: 'admin@proactive-demo.test',
  admin: 'sam.lee@proactive-demo.test',
  agent: 'agent@proactive-demo.test',
  customRoleAgent: 'light.touch@proactive-demo.test',
} as const;

export const CUSTOM_ROLE_ID = 360_100;

const STAFF: ReadonlyArray<readonly [name: string, email: string, role: 'admin' | 'agent', customRole: boolean]> = [
  ['Alex Morgan', DEMO_IDENTITIES.owner, 'admin', false],
  ['Sam Lee', DEMO_IDENTITIES.admin, 'admin', false],
  ['Jordan Blake', DEMO_IDENTITIES.agent, 'agent', false],
  ['Maria García', 'maria.garcia@proactive-demo.test', 'agent', false],
  ['Kenji Watanabe', 'kenji.watanabe@proactive-demo.test', 'agent', false],
  ['Ji-woo Park', 'jiwoo.park@proactive-demo.test', 'agent', false],
  ['Priya Nair', 'priya.nair@proactive-demo.test', 'agent', false],
  ['Robin Light', DEMO_IDENTITIES.customRoleAgent, 'agent', true],
];

function baseUser(id: number, createdMs: number): ZendeskUser {
  const at = isoTime(createdMs);
  return {
    id,
    url: recordUrl(`users/${id}`),
    name: '',
    email: null,
    created_at: at,
    updated_at: at,
    time_zone: 'Eastern Time (US & Canada)',
    iana_time_zone: 'America/New_York',
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: null,
    role: 'end-user',
    verified: true,
    external_id: null,
    tags: [],
    // "" rather than null: the spec types both as non-nullable strings and its full user example shows "".
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: null,
    signature: '',
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: false,
    ticket_restriction: 'requested',
    only_private_comments: false,
    restricted_agent: true,
    suspended: false,
    default_group_id: null,
    report_csv: false,
    chat_only: false,
    user_fields: {},
  };
}

export function seedStaff(account: DemoAccount, now: number): void {
  for (const [name, email, role, customRole] of STAFF) {
    const user = baseUser(account.nextId('user'), now - 900 * DAY_MS);
    user.name = name;
    user.email = email;
    user.role = role;
    user.role_type = role === 'admin' ? 4 : customRole ? 0 : null;
    user.custom_role_id = customRole ? CUSTOM_ROLE_ID : null;
    user.ticket_restriction = null;
    user.restricted_agent = false;
    user.moderator = true;
    user.last_login_at = isoTime(now - 2 * 3600_000);
    for (const field of account.userFields) user.user_fields[field.key] = null;
    account.addUser(user);
  }
}

export function seedOrganizations(account: DemoAccount, random: Random, count: number, now: number): void {
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = `${random.pick(COMPANY_WORDS_A)} ${random.pick(COMPANY_WORDS_B)} ${random.pick(COMPANY_SUFFIXES)}`;
    // Zendesk organization names are unique.
    if (usedNames.has(name)) name = `${name} ${i + 1}`;
    usedNames.add(name);
    const id = account.nextId('organization');
    const createdMs = now - random.int(30, 1500) * DAY_MS;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const tags = ORG_TAGS.filter(() => random.chance(0.2));
    const organization: ZendeskOrganization = {
      id,
      url: recordUrl(`organizations/${id}`),
      name,
      shared_tickets: false,
      shared_comments: false,
      external_id: random.chance(0.7) ? `ORG-${10000 + i}` : null,
      created_at: isoTime(createdMs),
      updated_at: isoTime(createdMs + random.int(0, 20) * DAY_MS),
      domain_names: [`${slug}.example.com`],
      details: '',
      notes: '',
      group_id: null,
      tags,
      organization_fields: organizationFieldValues(random),
    };
    account.addOrganization(organization);
  }
}

function organizationFieldValues(random: Random): Record<string, FieldValue> {
  return {
    account_type: random.weighted([
      ['active', 60],
      ['prospect', 15],
      ['churned', 15],
      ['partner', 10],
    ] as const),
    monthly_spend: random.chance(0.9) ? Math.round(random.next() * 2_000_000) / 100 : null,
    reference_customer: random.chance(0.15),
    contract: random.pick(['monthly', 'quarterly', '1_year', '2_year']),
    org_service_level: random.pick(SERVICE_LEVELS),
  };
}

function personName(random: Random, locale: string): { name: string; emailLocal: string } {
  if (locale === 'ko') {
    const [lastName, lastRoman] = random.pick(LAST_NAMES_KO);
    const [firstName, firstRoman] = random.pick(FIRST_NAMES_KO);
    return { name: `${lastName}${firstName}`, emailLocal: `${firstRoman}.${lastRoman}` };
  }
  if (locale === 'ja') {
    const [lastName, lastRoman] = random.pick(LAST_NAMES_JA);
    const [firstName, firstRoman] = random.pick(FIRST_NAMES_JA);
    return { name: `${lastName} ${firstName}`, emailLocal: `${firstRoman}.${lastRoman}` };
  }
  const first = random.pick(FIRST_NAMES_EN);
  const last = random.pick(LAST_NAMES_EN);
  return { name: `${first} ${last}`, emailLocal: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') };
}

export function seedEndUsers(account: DemoAccount, random: Random, count: number, now: number): void {
  const organizations = account.organizations;
  const localeWeights = LOCALES.map((l) => [l, l[4]] as const);
  for (let i = 0; i < count; i++) {
    const id = account.nextId('user');
    const createdMs = now - random.int(1, 1800) * DAY_MS - random.int(0, 86_399) * 1000;
    const user = baseUser(id, createdMs);
    const [locale, localeId, timeZone, ianaTimeZone] = random.weighted(localeWeights);
    const { name, emailLocal } = personName(random, locale);
    const organization = organizations.length > 0 && random.chance(0.9) ? random.pick(organizations) : undefined;
    const domain = organization?.domain_names[0] ?? random.pick(['gmail.example', 'mail.example', 'inbox.example']);
    user.name = name;
    // A few customers only ever called in: no email address (an exclusion the app must show).
    user.email = random.chance(0.04) ? null : `${emailLocal}${i + 1}@${domain}`;
    user.updated_at = isoTime(createdMs + random.int(0, 60) * DAY_MS);
    user.locale = locale;
    user.locale_id = localeId;
    user.time_zone = timeZone;
    user.iana_time_zone = ianaTimeZone;
    user.organization_id = organization?.id ?? null;
    user.external_id = random.chance(0.8) ? `CUST-${100000 + i}` : null;
    user.phone = random.chance(0.3) ? `+1-555-${String(random.int(1000000, 9999999))}` : null;
    user.suspended = random.chance(0.03);
    user.verified = user.email !== null && random.chance(0.95);
    user.tags = USER_TAGS.filter(() => random.chance(0.08));
    user.last_login_at = random.chance(0.5) ? isoTime(now - random.int(0, 200) * DAY_MS) : null;
    user.user_fields = userFieldValues(random, now, i);
    account.addUser(user);
    if (organization) addMembership(account, user.id, organization, true, createdMs);
    // A few customers belong to two organizations (organization_id stays the default one).
    if (organization && random.chance(0.02)) {
      const second = random.pick(organizations);
      if (second.id !== organization.id) addMembership(account, user.id, second, false, createdMs);
    }
  }
}

function addMembership(
  account: DemoAccount,
  userId: number,
  organization: ZendeskOrganization,
  isDefault: boolean,
  createdMs: number,
): void {
  const id = account.nextId('membership');
  const at = isoTime(createdMs);
  account.addOrganizationMembership({
    id,
    url: recordUrl(`organization_memberships/${id}`),
    user_id: userId,
    organization_id: organization.id,
    default: isDefault,
    organization_name: organization.name,
    view_tickets: true,
    created_at: at,
    updated_at: at,
  });
}

function userFieldValues(random: Random, now: number, index: number): Record<string, FieldValue> {
  const interests = ['analytics', 'mobile_app', 'integrations', 'training'].filter(() => random.chance(0.3));
  return {
    last_purchase_date: random.chance(0.85) ? fieldDate(now - random.int(0, 730) * DAY_MS) : null,
    // Spread from a month ago to a year ahead, so "renewal in the next 30 days" always has members.
    plan_renewal_date: random.chance(0.9) ? fieldDate(now + random.int(-30, 335) * DAY_MS) : null,
    average_annual_spend: random.chance(0.9) ? Math.round(random.next() * 5_000_000) / 100 : null,
    service_level: random.chance(0.95)
      ? random.weighted([
          ['platinum', 5],
          ['gold', 15],
          ['silver', 35],
          ['bronze', 45],
        ] as const)
      : null,
    social_media_influence: random.chance(0.8) ? random.pick(['high', 'medium', 'low']) : null,
    account_manager_notes: random.chance(0.2)
      ? random.pick(['Prefers email', 'Call before renewal', 'Key account'])
      : null,
    newsletter_opt_in: random.chance(0.6),
    seats: random.chance(0.7) ? random.int(1, 500) : null,
    product_interests: interests,
    customer_code: random.chance(0.5) ? `C-${String(10000 + (index % 90000))}` : null,
    legacy_segment: random.chance(0.3) ? random.pick(['smb', 'mid_market']) : null,
  };
}
