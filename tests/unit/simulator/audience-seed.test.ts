/**
 * The demo account has customers on both sides of every operator the audience builder offers
 * (SPEC.md step 1), and the Zendesk facts an audience depends on: checkbox tags, deleted users,
 * secondary email identities, several organizations per customer.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sandbox/simulator/index.ts';
import type { FieldValue, ZendeskOrganization, ZendeskUser } from '../../../sandbox/simulator/types.ts';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY = 86_400_000;
const { account } = createSimulator({ users: 3000, clock: new VirtualClock(NOW) });
const customers = account.users.filter((u) => u.role === 'end-user');

/** Some customers pass, some do not: the operator splits the audience. */
function splits<T>(records: readonly T[], keep: (record: T) => boolean, label: string): void {
  const kept = records.filter(keep).length;
  expect(kept, `${label}: nobody matches`).toBeGreaterThan(0);
  expect(kept, `${label}: everybody matches`).toBeLessThan(records.length);
}

const field = (u: ZendeskUser, key: string): FieldValue => u.user_fields[key] ?? null;
const orgField = (o: ZendeskOrganization, key: string): FieldValue => o.organization_fields[key] ?? null;
const dayOf = (value: FieldValue) => (typeof value === 'string' ? value.slice(0, 10) : undefined);
const today = new Date(NOW).toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(NOW + n * DAY).toISOString().slice(0, 10);

describe('the demo audience', () => {
  it('has customers on both sides of every dropdown, multiselect and checkbox operator', () => {
    for (const level of ['platinum', 'gold', 'silver', 'bronze']) {
      splits(customers, (u) => field(u, 'service_level') === level, `service_level is ${level}`);
    }
    splits(customers, (u) => ['gold', 'platinum'].includes(String(field(u, 'service_level'))), 'is any of');
    splits(customers, (u) => field(u, 'service_level') === null, 'service_level empty');
    for (const influence of ['high', 'medium', 'low']) {
      splits(customers, (u) => field(u, 'social_media_influence') === influence, `influence ${influence}`);
    }
    const interests = (u: ZendeskUser) => field(u, 'product_interests') as string[];
    splits(customers, (u) => interests(u).includes('analytics') || interests(u).includes('training'), 'includes any');
    splits(customers, (u) => interests(u).includes('analytics') && interests(u).includes('training'), 'includes all');
    splits(customers, (u) => interests(u).length === 0, 'no interests');
    splits(customers, (u) => field(u, 'newsletter_opt_in') === true, 'checkbox checked');
  });

  it('has dates before, after, between, in the next N days and in the last N days', () => {
    const renewal = (u: ZendeskUser) => dayOf(field(u, 'plan_renewal_date'));
    const purchase = (u: ZendeskUser) => dayOf(field(u, 'last_purchase_date'));
    splits(customers, (u) => (renewal(u) ?? '9999') < today, 'renewal before today');
    splits(customers, (u) => (renewal(u) ?? '') > today, 'renewal after today');
    splits(
      customers,
      (u) => (renewal(u) ?? '') > today && (renewal(u) ?? '') <= daysFromNow(30),
      'renewal next 30 days',
    );
    splits(customers, (u) => (renewal(u) ?? '') >= daysFromNow(60) && (renewal(u) ?? '') <= daysFromNow(90), 'between');
    splits(customers, (u) => renewal(u) === undefined, 'renewal empty');
    splits(customers, (u) => (purchase(u) ?? '') >= daysFromNow(-30), 'purchased in the last 30 days');
    splits(customers, (u) => (purchase(u) ?? '9999') < daysFromNow(-365), 'purchased over a year ago');
    expect(customers.every((u) => (purchase(u) ?? '') <= today)).toBe(true);
  });

  it('has numbers on both sides of every comparison, with exact round values', () => {
    const seats = (u: ZendeskUser) => field(u, 'seats');
    for (const exact of [10, 25, 50]) splits(customers, (u) => seats(u) === exact, `seats = ${exact}`);
    splits(customers, (u) => typeof seats(u) === 'number' && Number(seats(u)) < 10, 'seats < 10');
    splits(customers, (u) => typeof seats(u) === 'number' && Number(seats(u)) > 100, 'seats > 100');
    splits(customers, (u) => seats(u) === null, 'seats empty');
    const spend = (u: ZendeskUser) => field(u, 'average_annual_spend');
    splits(customers, (u) => spend(u) === 5000, 'annual spend = 5000');
    splits(customers, (u) => typeof spend(u) === 'number' && !Number.isInteger(spend(u)), 'annual spend with cents');
  });

  it('has text, textarea and regexp fields that are set, empty, equal and containing', () => {
    splits(customers, (u) => field(u, 'account_manager_notes') === 'Prefers email', 'text is');
    splits(customers, (u) => String(field(u, 'account_manager_notes') ?? '').includes('renewal'), 'text contains');
    splits(customers, (u) => field(u, 'account_manager_notes') === null, 'text empty');
    const textarea = account.userFields.find((f) => f.type === 'textarea');
    expect(textarea?.key).toBe('onboarding_notes');
    splits(customers, (u) => String(field(u, 'onboarding_notes') ?? '').includes('\n'), 'textarea multi-line');
    splits(customers, (u) => String(field(u, 'onboarding_notes') ?? '').includes('procurement'), 'textarea contains');
    splits(customers, (u) => field(u, 'onboarding_notes') === null, 'textarea empty');
    splits(customers, (u) => /^C-\d{5}$/.test(String(field(u, 'customer_code'))), 'regexp set');
  });

  it('has several locales, time zones, email domains and years of sign-ups, with tags', () => {
    expect(new Set(customers.map((u) => u.locale)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(customers.map((u) => u.time_zone)).size).toBeGreaterThanOrEqual(6);
    const domains = new Set(customers.flatMap((u) => (u.email ? [u.email.split('@')[1]] : [])));
    expect(domains.size).toBeGreaterThan(50);
    const years = new Set(customers.map((u) => u.created_at.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
    splits(customers, (u) => u.tags.includes('vip'), 'tag vip');
  });

  it('has organizations of every account type, monthly spend on both sides of 500 (and exactly 500), references both ways', () => {
    const orgs = account.organizations;
    for (const type of ['active', 'prospect', 'churned', 'partner']) {
      splits(orgs, (o) => orgField(o, 'account_type') === type, `account_type ${type}`);
    }
    const spend = (o: ZendeskOrganization) => orgField(o, 'monthly_spend');
    splits(orgs, (o) => typeof spend(o) === 'number' && Number(spend(o)) > 500, 'spend > 500');
    splits(orgs, (o) => typeof spend(o) === 'number' && Number(spend(o)) < 500, 'spend < 500');
    splits(orgs, (o) => spend(o) === 500, 'spend = 500');
    splits(orgs, (o) => orgField(o, 'reference_customer') === true, 'reference customer');
    splits(
      orgs,
      (o) => orgField(o, 'account_type') === 'active' && typeof spend(o) === 'number' && Number(spend(o)) > 500,
      'active and over 500',
    );
  });

  it('tags a record with each checked checkbox field, as Zendesk does', () => {
    const userBoxes = account.userFields.filter((f) => f.type === 'checkbox' && f.tag !== null);
    expect(userBoxes.length).toBeGreaterThan(0);
    for (const u of customers)
      for (const box of userBoxes) expect(u.tags.includes(box.tag ?? ''), u.name).toBe(field(u, box.key) === true);
    const orgBoxes = account.organizationFields.filter((f) => f.type === 'checkbox' && f.tag !== null);
    expect(orgBoxes.length).toBeGreaterThan(0);
    for (const o of account.organizations)
      for (const box of orgBoxes) expect(o.tags.includes(box.tag ?? ''), o.name).toBe(orgField(o, box.key) === true);
  });

  it('has one deleted customer per hundred, apart from the active ones, keeping email and organization', () => {
    expect(customers).toHaveLength(3000);
    expect(account.deletedUsers).toHaveLength(30);
    for (const u of account.deletedUsers) {
      expect(u.active).toBe(false);
      expect(u.role).toBe('end-user');
      expect(account.usersById.get(u.id)).toBe(u);
    }
    expect(customers.every((u) => u.active)).toBe(true);
    expect(account.deletedUsers.some((u) => u.email !== null && u.organization_id !== null)).toBe(true);
  });

  it('has customers with secondary emails (user.email stays the primary) and in several organizations', () => {
    const withSecondary = customers.filter((u) => account.secondaryIdentitiesOf(u.id).length > 0);
    expect(withSecondary.length).toBeGreaterThan(60);
    for (const u of withSecondary) {
      const [primary, ...others] = account.identitiesOf(u.id);
      expect(primary).toMatchObject({ primary: true, value: u.email });
      for (const other of others) {
        expect(other.primary).toBe(false);
        expect(other.value.split('@')[1]).not.toBe(u.email?.split('@')[1]);
      }
    }
    const allEmails = [...customers, ...account.deletedUsers].flatMap((u) =>
      account.identitiesOf(u.id).map((i) => i.value),
    );
    expect(new Set(allEmails).size).toBe(allEmails.length);
    const multi = customers.filter((u) => account.organizationIdsOf(u.id).length > 1);
    expect(multi.length).toBeGreaterThan(60);
    expect(customers.some((u) => account.organizationIdsOf(u.id).length === 3)).toBe(true);
    for (const u of multi) {
      const defaults = account.membershipsOf(u.id).filter((m) => m.default);
      expect(defaults.map((m) => m.organization_id)).toEqual([u.organization_id]);
    }
  });

  it('is the same for the same seed, deleted users and identities included', () => {
    const again = createSimulator({ users: 3000, clock: new VirtualClock(NOW) }).account;
    expect(JSON.stringify(again.deletedUsers)).toBe(JSON.stringify(account.deletedUsers));
    expect(JSON.stringify(again.secondaryIdentities)).toBe(JSON.stringify(account.secondaryIdentities));
    expect(JSON.stringify(again.organizationMemberships)).toBe(JSON.stringify(account.organizationMemberships));
  });
});
