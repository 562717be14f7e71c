import { recordUrl, type DemoAccount } from '../account.ts';
import type { Random } from '../prng.ts';
import { DAY_MS, isoTime } from '../time.ts';
import type { CustomField, FieldValue, ZendeskOrganization, ZendeskUser } from '../types.ts';
import { organizationFieldValues, userFieldValues } from './field-values.ts';
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
  PERSONAL_EMAIL_DOMAINS,
  USER_TAGS,
} from './names.ts';

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

/**
 * The tags that checked checkbox fields add: Zendesk tags the record with a checkbox field's
 * `tag` when it is checked (support-api.md §4). Built once per seed, run per record.
 */
function checkboxTagger(fields: readonly CustomField[]): (values: Record<string, FieldValue>) => string[] {
  const checkboxes = fields.flatMap((f) => (f.type === 'checkbox' && f.tag !== null ? [[f.key, f.tag] as const] : []));
  return (values) => {
    const tags: string[] = [];
    for (const [key, tag] of checkboxes) if (values[key] === true) tags.push(tag);
    return tags;
  };
}

export function seedOrganizations(account: DemoAccount, random: Random, count: number, now: number): void {
  const usedNames = new Set<string>();
  const checkboxTags = checkboxTagger(account.organizationFields);
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
    const externalId = random.chance(0.7) ? `ORG-${10000 + i}` : null;
    const updatedMs = createdMs + random.int(0, 20) * DAY_MS;
    const fields = organizationFieldValues(random);
    const organization: ZendeskOrganization = {
      id,
      url: recordUrl(`organizations/${id}`),
      name,
      shared_tickets: false,
      shared_comments: false,
      external_id: externalId,
      created_at: isoTime(createdMs),
      updated_at: isoTime(updatedMs),
      domain_names: [`${slug}.example.com`],
      details: '',
      notes: '',
      group_id: null,
      tags: [...tags, ...checkboxTags(fields)],
      organization_fields: fields,
    };
    account.addOrganization(organization);
  }
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

/** A customer's organizations (none, one, or for some two or three distinct ones); the first is the default. */
function pickOrganizations(
  random: Random,
  organizations: readonly ZendeskOrganization[],
  several: boolean,
): ZendeskOrganization[] {
  if (organizations.length === 0 || !random.chance(0.9)) return [];
  const drawn = random.chance(0.06) ? (random.chance(0.2) ? 3 : 2) : 1;
  // An account that keeps customers to one organization each (the setting off) still draws, so
  // the rest of the seed comes out the same.
  const wanted = several ? drawn : 1;
  const picked: ZendeskOrganization[] = [];
  for (let tries = 0; picked.length < wanted && tries < 10; tries++) {
    const candidate = random.pick(organizations);
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

/**
 * The demo customers: `count` of them, plus one in a hundred soft-deleted ones after them (Zendesk
 * keeps deleted users readable by id with `active: false`; they are never listed or searched).
 */
export function seedEndUsers(
  account: DemoAccount,
  random: Random,
  count: number,
  now: number,
  severalOrganizations = true,
): void {
  const deleted = Math.floor(count / 100);
  const localeWeights = LOCALES.map((l) => [l, l[4]] as const);
  const checkboxTags = checkboxTagger(account.userFields);
  for (let i = 0; i < count + deleted; i++) {
    const id = account.nextId('user');
    const createdMs = now - random.int(1, 1800) * DAY_MS - random.int(0, 86_399) * 1000;
    const user = baseUser(id, createdMs);
    const [locale, localeId, timeZone, ianaTimeZone] = random.weighted(localeWeights);
    const { name, emailLocal } = personName(random, locale);
    const organizations = pickOrganizations(random, account.organizations, severalOrganizations);
    const [organization] = organizations;
    const domain = organization?.domain_names[0] ?? random.pick(PERSONAL_EMAIL_DOMAINS);
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
    user.last_login_at = random.chance(0.5) ? isoTime(now - random.int(0, 200) * DAY_MS) : null;
    user.user_fields = userFieldValues(random, now, i);
    user.tags = [...USER_TAGS.filter(() => random.chance(0.08)), ...checkboxTags(user.user_fields)];
    if (i < count) account.addUser(user);
    else {
      user.active = false;
      user.updated_at = isoTime(now - random.int(1, 25) * DAY_MS);
      account.addDeletedUser(user);
    }
    // organization_id is the default membership; the others are extra (multiple organizations).
    organizations.forEach((org, index) => addMembership(account, user.id, org, index === 0, user.created_at));
    if (user.email !== null && random.chance(0.05)) addSecondaryEmail(account, random, user, organizations, now);
  }
}

/**
 * A second email address: at another of the customer's organizations, or a personal mailbox.
 * `user.email` stays the primary one.
 */
function addSecondaryEmail(
  account: DemoAccount,
  random: Random,
  user: ZendeskUser,
  organizations: readonly ZendeskOrganization[],
  now: number,
): void {
  const primary = user.email ?? '';
  const [local = '', primaryDomain = ''] = primary.split('@');
  const candidates = [...organizations.slice(1).flatMap((o) => o.domain_names), ...PERSONAL_EMAIL_DOMAINS].filter(
    (d) => d !== primaryDomain,
  );
  const domain = random.pick(candidates);
  const createdMs = Date.parse(user.created_at);
  const at = isoTime(createdMs + random.next() * Math.max(0, now - createdMs));
  account.addSecondaryIdentity(user.id, `${local}@${domain}`, { verified: random.chance(0.7), at });
}

function addMembership(
  account: DemoAccount,
  userId: number,
  organization: ZendeskOrganization,
  isDefault: boolean,
  at: string,
): void {
  const id = account.nextId('membership');
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
