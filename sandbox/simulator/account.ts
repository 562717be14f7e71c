import type {
  CustomField,
  CustomStatus,
  GroupMembership,
  OrganizationMembership,
  Plan,
  StoredTicket,
  TriggerCategory,
  TriggerNotification,
  UserIdentity,
  ZendeskGroup,
  ZendeskMacro,
  ZendeskOrganization,
  ZendeskTrigger,
  ZendeskUser,
  ZendeskView,
} from './types.ts';
import { CustomObjectStore } from './custom-object-model.ts';
import { ViewCountCache } from './view-count-cache.ts';

export const DEMO_SUBDOMAIN = 'proactive-demo';
export const DEMO_ORIGIN = `https://${DEMO_SUBDOMAIN}.zendesk.com`;

/** The `url` property Zendesk puts on every record. */
export function recordUrl(path: string): string {
  return `${DEMO_ORIGIN}/api/v2/${path}.json`;
}

const PRIMARY_IDENTITY_OFFSET = 6_000_000_000;

function emailIdentity(
  id: number,
  userId: number,
  email: string,
  options: { primary: boolean; verified: boolean; at: string },
): UserIdentity {
  return {
    id,
    url: recordUrl(`users/${userId}/identities/${id}`),
    user_id: userId,
    type: 'email',
    value: email,
    verified: options.verified,
    primary: options.primary,
    deliverable_state: 'deliverable',
    undeliverable_count: 0,
    created_at: options.at,
    updated_at: options.at,
  };
}

/** The demo account's state: plain Zendesk JSON records plus the indexes the endpoints need. */
export class DemoAccount {
  readonly subdomain = DEMO_SUBDOMAIN;
  plan: Plan;
  rpm: number;
  readonly createdAtMs: number;

  readonly users: ZendeskUser[] = [];
  readonly usersById = new Map<number, ZendeskUser>();
  readonly usersByEmail = new Map<string, ZendeskUser>();
  /**
   * Soft-deleted users (`active: false`): Zendesk lists them apart (GET deleted_users), not in
   * GET users; they stay readable by id (usersById) and keep their email and memberships.
   */
  readonly deletedUsers: ZendeskUser[] = [];
  /**
   * Secondary email identities. The primary one is not stored: it is `user.email` (support-api.md
   * §3.2), so identitiesOf derives it and the two can never disagree.
   */
  readonly secondaryIdentities: UserIdentity[] = [];
  private readonly secondaryIdentitiesByUser = new Map<number, UserIdentity[]>();
  readonly organizations: ZendeskOrganization[] = [];
  readonly organizationsById = new Map<number, ZendeskOrganization>();
  readonly organizationMemberships: OrganizationMembership[] = [];
  private readonly membershipsByUser = new Map<number, OrganizationMembership[]>();
  readonly userFields: CustomField[] = [];
  readonly organizationFields: CustomField[] = [];
  readonly groups: ZendeskGroup[] = [];
  readonly groupMemberships: GroupMembership[] = [];
  readonly macros: ZendeskMacro[] = [];
  readonly triggers: ZendeskTrigger[] = [];
  readonly triggerCategories: TriggerCategory[] = [];
  readonly views: ZendeskView[] = [];
  /** What views/{id}/count and count_many answer: Zendesk caches large views' counts. */
  readonly viewCounts = new ViewCountCache();
  /** Custom objects, their fields and records (custom-object-model.ts); the option `customObjects` turns them off. */
  readonly customObjects = new CustomObjectStore();
  readonly customStatuses: CustomStatus[] = [];
  readonly tickets: StoredTicket[] = [];
  readonly ticketsById = new Map<number, StoredTicket>();
  /** What triggers would have emailed (or sent to webhooks), oldest first (trigger-engine.ts). */
  readonly notifications: TriggerNotification[] = [];
  /** `settings.tickets.custom_statuses_enabled`; the simulator option `customStatuses` sets it. */
  customStatusesEnabled = true;

  private readonly counters = new Map<string, number>();

  constructor(plan: Plan, rpm: number, createdAtMs: number) {
    this.plan = plan;
    this.rpm = rpm;
    this.createdAtMs = createdAtMs;
  }

  /** Ids per record kind, each in its own range so a user id is never mistaken for an org id. */
  nextId(
    kind: 'user' | 'organization' | 'ticket' | 'view' | 'trigger' | 'category' | 'membership' | 'identity',
  ): number {
    const base: Record<typeof kind, number> = {
      user: 361_000_000_000,
      organization: 362_000_000_000,
      ticket: 0,
      view: 363_000_000_000,
      trigger: 364_000_000_000,
      category: 10_000,
      membership: 365_000_000_000,
      identity: 366_000_000_000,
    };
    const next = (this.counters.get(kind) ?? base[kind]) + 1;
    this.counters.set(kind, next);
    return next;
  }

  addUser(user: ZendeskUser): void {
    this.users.push(user);
    this.usersById.set(user.id, user);
    if (user.email) this.usersByEmail.set(user.email.toLowerCase(), user);
  }

  /** A soft-deleted user: readable by id, never listed or searched (see `deletedUsers`). */
  addDeletedUser(user: ZendeskUser): void {
    this.deletedUsers.push(user);
    this.usersById.set(user.id, user);
  }

  addSecondaryIdentity(userId: number, email: string, options: { verified: boolean; at: string }): UserIdentity {
    const id = this.nextId('identity');
    const identity = emailIdentity(id, userId, email, { ...options, primary: false });
    this.secondaryIdentities.push(identity);
    const list = this.secondaryIdentitiesByUser.get(userId);
    if (list) list.push(identity);
    else this.secondaryIdentitiesByUser.set(userId, [identity]);
    return identity;
  }

  secondaryIdentitiesOf(userId: number): readonly UserIdentity[] {
    return this.secondaryIdentitiesByUser.get(userId) ?? [];
  }

  /** Every email identity of a user, the primary (`user.email`) first. */
  identitiesOf(userId: number): UserIdentity[] {
    const user = this.usersById.get(userId);
    const secondary = this.secondaryIdentitiesOf(userId);
    if (!user?.email) return [...secondary];
    // The primary identity's id mirrors the user id in a range of its own (users 361…, these 367…).
    const primary = emailIdentity(user.id + PRIMARY_IDENTITY_OFFSET, user.id, user.email, {
      primary: true,
      verified: user.verified,
      at: user.created_at,
    });
    return [primary, ...secondary];
  }

  addOrganization(organization: ZendeskOrganization): void {
    this.organizations.push(organization);
    this.organizationsById.set(organization.id, organization);
  }

  /** A new trigger goes last, as in Zendesk (support-api.md §8). */
  addTrigger(
    fields: Pick<ZendeskTrigger, 'title' | 'description' | 'active' | 'category_id' | 'conditions' | 'actions'>,
    at: string,
  ): ZendeskTrigger {
    const id = this.nextId('trigger');
    const trigger: ZendeskTrigger = {
      id,
      url: recordUrl(`triggers/${id}`),
      title: fields.title,
      raw_title: fields.title,
      description: fields.description,
      active: fields.active,
      position: this.triggers.length + 1,
      default: false,
      category_id: fields.category_id,
      conditions: fields.conditions,
      actions: fields.actions,
      created_at: at,
      updated_at: at,
    };
    this.triggers.push(trigger);
    return trigger;
  }

  addTicket(stored: StoredTicket): void {
    this.tickets.push(stored);
    this.ticketsById.set(stored.ticket.id, stored);
  }

  /**
   * Deleting a ticket takes it out of every list, view and search at once (Zendesk keeps it 30
   * days under Deleted tickets, where nothing the app reads sees it).
   */
  deleteTicket(id: number): boolean {
    const stored = this.ticketsById.get(id);
    if (!stored) return false;
    this.ticketsById.delete(id);
    this.tickets.splice(this.tickets.indexOf(stored), 1);
    this.deletedTickets.push(stored);
    return true;
  }

  /** The account setting "end users may belong to several organizations". */
  multipleOrganizations = true;

  /** Tickets deleted through the API, for tests to see what was removed. */
  readonly deletedTickets: StoredTicket[] = [];

  /** The account owner: the first admin. */
  get owner(): ZendeskUser {
    const owner = this.users.find((u) => u.role === 'admin');
    if (!owner) throw new Error('the demo account has no admin');
    return owner;
  }

  addOrganizationMembership(membership: OrganizationMembership): void {
    this.organizationMemberships.push(membership);
    const list = this.membershipsByUser.get(membership.user_id);
    if (list) list.push(membership);
    else this.membershipsByUser.set(membership.user_id, [membership]);
  }

  membershipsOf(userId: number): readonly OrganizationMembership[] {
    return this.membershipsByUser.get(userId) ?? [];
  }

  organizationIdsOf(userId: number): number[] {
    return this.membershipsOf(userId).map((m) => m.organization_id);
  }

  /** The default custom status of a status category (every account has one per category). */
  defaultCustomStatusId(category: string): number {
    const match = this.customStatuses.find((s) => s.default && s.status_category === category);
    // Zendesk has no "closed" custom status: closed tickets keep the solved one.
    const solved = this.customStatuses.find((s) => s.default && s.status_category === 'solved');
    return (match ?? solved)?.id ?? 0;
  }
}
