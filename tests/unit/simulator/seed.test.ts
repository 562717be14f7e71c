import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { customFieldSchema, organizationSchema, ticketSchema, userSchema } from './support/schemas.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY = 86_400_000;

describe('the seeded demo account', () => {
  it('is the same for the same seed and different for another seed', () => {
    const a = createSimulator({ seed: 5, users: 500, clock: new VirtualClock(NOW) });
    const b = createSimulator({ seed: 5, users: 500, clock: new VirtualClock(NOW) });
    const c = createSimulator({ seed: 6, users: 500, clock: new VirtualClock(NOW) });
    expect(JSON.stringify(a.account.users)).toBe(JSON.stringify(b.account.users));
    expect(JSON.stringify(a.account.tickets)).toBe(JSON.stringify(b.account.tickets));
    expect(JSON.stringify(a.account.users)).not.toBe(JSON.stringify(c.account.users));
  });

  it('seeds the default 3000 end-users quickly, with one organization per ten users', () => {
    const started = performance.now();
    const sim = createSimulator({ clock: new VirtualClock(NOW) });
    expect(performance.now() - started).toBeLessThan(1000); // < 300 ms warm; generous for loaded CI
    expect(sim.account.users.filter((u) => u.role === 'end-user')).toHaveLength(3000);
    expect(sim.account.organizations).toHaveLength(300);
  });

  it('has every record in Zendesk shape', () => {
    const sim = createSimulator({ users: 400, clock: new VirtualClock(NOW) });
    for (const user of sim.account.users) userSchema.parse(user);
    for (const organization of sim.account.organizations) organizationSchema.parse(organization);
    for (const field of [...sim.account.userFields, ...sim.account.organizationFields]) customFieldSchema.parse(field);
    for (const stored of sim.account.tickets) ticketSchema.parse(stored.ticket);
  });

  it('has the custom fields of the spec, one of every type and one inactive', () => {
    const { account } = createSimulator({ users: 100, clock: new VirtualClock(NOW) });
    const userFields = Object.fromEntries(account.userFields.map((f) => [f.key, f]));
    expect(userFields.last_purchase_date?.type).toBe('date');
    expect(userFields.plan_renewal_date?.type).toBe('date');
    expect(userFields.average_annual_spend?.type).toBe('decimal');
    expect(userFields.service_level?.custom_field_options?.map((o) => o.value)).toEqual([
      'platinum',
      'gold',
      'silver',
      'bronze',
    ]);
    expect(userFields.social_media_influence?.custom_field_options?.map((o) => o.value)).toEqual([
      'high',
      'medium',
      'low',
    ]);
    expect(new Set(account.userFields.map((f) => f.type))).toEqual(
      new Set(['date', 'decimal', 'dropdown', 'text', 'textarea', 'checkbox', 'integer', 'multiselect', 'regexp']),
    );
    expect(account.userFields.filter((f) => !f.active)).toHaveLength(1);
    const orgFields = Object.fromEntries(account.organizationFields.map((f) => [f.key, f]));
    expect(orgFields.account_type?.custom_field_options?.map((o) => o.value)).toEqual([
      'active',
      'prospect',
      'churned',
      'partner',
    ]);
    expect(orgFields.contract?.custom_field_options?.map((o) => o.value)).toEqual([
      'monthly',
      'quarterly',
      '1_year',
      '2_year',
    ]);
    expect(orgFields.reference_customer?.type).toBe('checkbox');
    expect(orgFields.monthly_spend?.type).toBe('decimal');
    expect(orgFields.org_service_level?.type).toBe('dropdown');
  });

  it('stores field values as Zendesk does: option values, midnight dates, booleans, numbers', () => {
    const { account } = createSimulator({ users: 300, clock: new VirtualClock(NOW) });
    const customers = account.users.filter((u) => u.role === 'end-user');
    for (const user of customers) {
      const f = user.user_fields;
      if (f.plan_renewal_date !== null) expect(f.plan_renewal_date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      if (f.service_level !== null) expect(['platinum', 'gold', 'silver', 'bronze']).toContain(f.service_level);
      expect(typeof f.newsletter_opt_in).toBe('boolean');
      if (f.average_annual_spend !== null) expect(typeof f.average_annual_spend).toBe('number');
    }
  });

  it('always has customers renewing in the next 30 days, relative to the clock', () => {
    for (const start of [NOW, NOW + 400 * DAY]) {
      const { account } = createSimulator({ users: 1000, clock: new VirtualClock(start) });
      const renewing = account.users.filter((u) => {
        const value = u.user_fields.plan_renewal_date;
        if (typeof value !== 'string') return false;
        const at = Date.parse(value);
        return at >= start - DAY && at <= start + 30 * DAY;
      });
      expect(renewing.length).toBeGreaterThan(30);
    }
  });

  it('has the exclusions the app must show: suspended users, users without email, multi-org users', () => {
    const { account } = createSimulator({ users: 3000, clock: new VirtualClock(NOW) });
    const customers = account.users.filter((u) => u.role === 'end-user');
    expect(customers.some((u) => u.suspended)).toBe(true);
    expect(customers.some((u) => u.email === null)).toBe(true);
    expect(customers.filter((u) => account.organizationIdsOf(u.id).length > 1).length).toBeGreaterThan(0);
    const locales = new Set(customers.map((u) => u.locale));
    for (const locale of ['en-US', 'ko', 'ja']) expect(locales.has(locale)).toBe(true);
  });

  it('has the owner first among 2 admins, agents including one with a custom role, and the demo identities', () => {
    const { account } = createSimulator({ users: 50, clock: new VirtualClock(NOW) });
    const admins = account.users.filter((u) => u.role === 'admin');
    const agents = account.users.filter((u) => u.role === 'agent');
    expect(admins.map((u) => u.email)).toEqual([DEMO_IDENTITIES.owner, DEMO_IDENTITIES.admin]);
    expect(account.owner.email).toBe(DEMO_IDENTITIES.owner);
    expect(agents.length).toBeGreaterThanOrEqual(6);
    expect(agents.filter((u) => u.custom_role_id !== null).map((u) => u.email)).toEqual([
      DEMO_IDENTITIES.customRoleAgent,
    ]);
    expect(account.groups).toHaveLength(3);
    // Shared macros to start from, plus group, personal and inactive ones (macros.test.ts).
    expect(account.macros.filter((m) => m.active && m.restriction === null).length).toBeGreaterThanOrEqual(5);
    expect(account.views.some((v) => v.restriction === null)).toBe(true);
    expect(account.triggerCategories).toHaveLength(1);
    const active = account.triggers.filter((t) => t.active).map((t) => t.title);
    expect(active).toContain('Notify requester of new proactive ticket');
    expect(active).toContain('Notify all agents of received request');
  });

  it('has ~300 tickets of the last 5 weeks, some solved recently and some from an older proactive campaign', () => {
    const { account } = createSimulator({ users: 500, clock: new VirtualClock(NOW) });
    expect(account.tickets).toHaveLength(300);
    for (const { createdAtMs } of account.tickets) {
      expect(createdAtMs).toBeLessThanOrEqual(NOW);
      expect(createdAtMs).toBeGreaterThan(NOW - 36 * DAY);
    }
    const solvedThisWeek = account.tickets.filter((t) => t.solvedAtMs !== null && t.solvedAtMs > NOW - 7 * DAY);
    expect(solvedThisWeek.length).toBeGreaterThan(10);
    expect(account.tickets.some((t) => t.ticket.tags.some((tag) => tag.startsWith('proactive_')))).toBe(true);
    // solved_at is internal: never part of the ticket JSON.
    expect(account.tickets.every((t) => !('solved_at' in t.ticket))).toBe(true);
  });

  it('seeds 100,000 users for performance runs', () => {
    const started = performance.now();
    const { account } = createSimulator({ users: 100_000, clock: new VirtualClock(NOW) });
    expect(account.users.filter((u) => u.role === 'end-user')).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(6000);
  });
});
