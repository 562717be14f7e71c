/** Which keywords each record type knows (HC-SU, HC-SREF; support-api.md §2.2) and how each reads a record. */
import {
  anyExact,
  bool,
  customDate,
  date,
  exact,
  ids,
  numeric,
  ordinal,
  prop,
  reference,
  text,
  unmodelled,
  userShortcut,
  wordList,
  type FieldSpec,
  type JsonRecord,
} from './fields.ts';
import type { SearchableType, SearchContext } from './types.ts';

const organizationRef = (id: number, ctx: SearchContext) => [ctx.organizationName(id)];
const groupRef = (id: number, ctx: SearchContext) => [ctx.groupName(id)];
const userRef = (id: number, ctx: SearchContext) => [ctx.userName(id), ctx.userEmail?.(id)];

const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Every email address of a user: `email` (the primary identity) and, when the context knows them,
 * the user's other email identities. Zendesk's agent search finds a user by a secondary email
 * too (unverified for the API; the stricter reading for a client that matches on `user.email`).
 */
export function userEmails(record: JsonRecord, ctx: SearchContext): string[] {
  const emails: string[] = [];
  const primary = record['email'];
  if (typeof primary === 'string' && primary !== '') emails.push(primary);
  const id = record['id'];
  if (typeof id === 'number' && ctx.emailsOf) for (const email of ctx.emailsOf(id)) emails.push(email);
  return emails;
}

const userOrganizationIds = ids('organization_id', 'organization_ids');

/**
 * HC-SU: `organization:` "matches any of a multi-org user's orgs", so the user's organization
 * memberships count, not only the default `organization_id`.
 */
function userOrganizations(record: JsonRecord, ctx: SearchContext): number[] {
  const found = userOrganizationIds(record);
  const id = record['id'];
  if (typeof id === 'number' && ctx.organizationIdsOf) for (const org of ctx.organizationIdsOf(id)) found.push(org);
  return found;
}

/** `organization:<id>` over many users: one lookup in the organization's members, not a list per user. */
const userOrganization: FieldSpec = {
  ...reference(userOrganizations, organizationRef),
  prepareRecord: (term, ctx) => {
    const wanted = term.value.trim();
    if (term.operator !== ':' || !/^\d+$/.test(wanted) || !ctx.membersOf) return undefined;
    const id = Number(wanted);
    const members = ctx.membersOf(id);
    return (record) => {
      const userId = record['id'];
      if (typeof userId === 'number' && members.has(userId)) return true;
      const own = record['organization_ids'];
      return record['organization_id'] === id || (Array.isArray(own) && own.includes(id));
    };
  },
};

const BUILT_IN: Record<SearchableType, Record<string, FieldSpec>> = {
  user: {
    name: text(prop('name')),
    role: exact(prop('role'), false),
    // HC-SU: email takes no wildcards.
    email: anyExact(userEmails, false),
    organization: userOrganization,
    created: date(prop('created_at')),
    updated: date(prop('updated_at')),
    notes: text(prop('notes')),
    details: text(prop('details')),
    external_id: exact(prop('external_id'), true),
    phone: exact(prop('phone'), true),
    tags: wordList(prop('tags')),
    is_verified: bool(prop('verified')),
    is_suspended: bool(prop('suspended')),
    // Group membership of agents is not part of the user record here; the app only targets end-users.
    group: unmodelled,
    user: userShortcut,
  },
  organization: {
    name: text(prop('name')),
    created: date(prop('created_at')),
    notes: text(prop('notes')),
    details: text(prop('details')),
    tags: wordList(prop('tags')),
    external_id: exact(prop('external_id'), true),
  },
  ticket: {
    status: ordinal(prop('status'), TICKET_STATUSES),
    priority: ordinal(prop('priority'), TICKET_PRIORITIES),
    // `type:` is the object type; the ticket's own type is `ticket_type:` (HC-SREF).
    ticket_type: exact(prop('type'), true),
    tags: wordList(prop('tags')),
    requester: reference(ids('requester_id'), userRef),
    assignee: reference(ids('assignee_id'), userRef),
    group: reference(ids('group_id'), groupRef),
    organization: reference(ids('organization_id'), organizationRef),
    created: date(prop('created_at')),
    updated: date(prop('updated_at')),
    solved: date(prop('solved_at')),
    subject: text(prop('subject')),
    description: text(prop('description')),
    external_id: exact(prop('external_id'), true),
  },
  group: {
    name: text(prop('name')),
    created: date(prop('created_at')),
  },
};

function customFieldSpec(container: string, key: string, fieldType: string): FieldSpec {
  const get = (record: JsonRecord): unknown => {
    const fields = record[container];
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
    return (fields as JsonRecord)[key];
  };
  switch (fieldType) {
    case 'dropdown':
    case 'tagger':
      return exact(get, true);
    case 'multiselect':
      return wordList(get);
    case 'integer':
    case 'decimal':
      return numeric(get);
    case 'checkbox':
      return bool(get);
    case 'date':
      return customDate(get);
    case 'lookup':
      // HC-SU: lookup fields are not searchable.
      return unmodelled;
    default:
      // text, textarea, regexp and any type we do not know: word match.
      return text(get);
  }
}

/**
 * What a keyword means for a record type: a built-in keyword, then a custom field key, else
 * undefined, in which case Zendesk searches `foo:bar` as plain text. `locale:` and `time_zone:`
 * are user properties but not search keywords (HC-SU lists none), so they fall through to text.
 */
export function resolveKeyword(type: SearchableType, keyword: string, ctx: SearchContext): FieldSpec | undefined {
  // hasOwn: a keyword such as `constructor:x` must not reach Object.prototype.
  const table = BUILT_IN[type];
  if (Object.hasOwn(table, keyword)) return table[keyword];
  const custom =
    type === 'user'
      ? { fields: ctx.userFields, container: 'user_fields' }
      : type === 'organization'
        ? { fields: ctx.organizationFields, container: 'organization_fields' }
        : undefined;
  const field = custom?.fields.find((f) => f.key.toLowerCase() === keyword);
  return custom && field ? customFieldSpec(custom.container, field.key, field.type) : undefined;
}
