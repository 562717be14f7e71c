import type { SearchableType, SearchContext, SearchTerm } from './types.ts';
import {
  compare,
  dateMatches,
  fieldDay,
  globMatches,
  isEmptyValue,
  isNoneValue,
  numberOf,
  parseDateQuery,
  phraseMatches,
  scalarText,
  stringList,
} from './values.ts';

type JsonRecord = Record<string, unknown>;

/** How one keyword reads a record: the stored value (for `none`) and the test for a real value. */
export interface FieldSpec {
  get(record: JsonRecord): unknown;
  test(term: SearchTerm, stored: unknown, ctx: SearchContext): boolean;
}

/** Applies a keyword term to a record: `none` means empty, everything else goes to the field's test. */
export function fieldMatches(spec: FieldSpec, term: SearchTerm, record: JsonRecord, ctx: SearchContext): boolean {
  const stored = spec.get(record);
  if (term.operator === ':' && isNoneValue(term.value)) return isEmptyValue(stored);
  return spec.test(term, stored, ctx);
}

const prop =
  (name: string) =>
  (record: JsonRecord): unknown =>
    record[name];

/** Word/phrase search (name, notes, subject, text custom fields). Only `:` makes sense on words. */
function text(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const value = scalarText(stored);
      return term.operator === ':' && value !== undefined && phraseMatches(term.value, [value], true);
    },
  };
}

/** The whole value, case-insensitively (role, external_id, drop-down option). */
function exact(get: (r: JsonRecord) => unknown, wildcard: boolean): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const value = scalarText(stored);
      return term.operator === ':' && value !== undefined && globMatches(term.value.trim(), value, wildcard);
    },
  };
}

/**
 * A list of words such as tags or multiselect options: `tags:a` needs the tag a, and the quoted
 * `tags:"a b"` needs both (HC-SREF: quotes are how you AND tags).
 */
function wordList(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const have = stringList(stored);
      const wanted = term.value.split(/\s+/).filter((w) => w !== '');
      return (
        term.operator === ':' && wanted.length > 0 && wanted.every((w) => have.some((h) => globMatches(w, h, true)))
      );
    },
  };
}

function date(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored, ctx) => {
      const query = parseDateQuery(term.value, ctx.now, true);
      return query !== undefined && dateMatches(stored, term.operator, query);
    },
  };
}

/** Custom date fields compare the stored YYYY-MM-DD with a YYYY-MM-DD value only (HC-SU table). */
function customDate(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored, ctx) => {
      const query = parseDateQuery(term.value, ctx.now, false);
      const day = fieldDay(stored);
      return query?.kind === 'day' && day !== undefined && compare(day, term.operator, query.day);
    },
  };
}

function numeric(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const actual = numberOf(stored);
      const wanted = numberOf(term.value);
      return actual !== undefined && wanted !== undefined && compare(actual, term.operator, wanted);
    },
  };
}

/**
 * `is_verified:true`, checkbox `is_active:false`. An unset checkbox (null) counts as unchecked:
 * Zendesk stores checkboxes as a tag that is either present or not.
 */
function bool(get: (r: JsonRecord) => unknown): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const wanted = term.value.trim().toLowerCase();
      if (term.operator !== ':' || (wanted !== 'true' && wanted !== 'false')) return false;
      return (stored === true) === (wanted === 'true');
    },
  };
}

/** Ordered values: `status<solved` is new, open, pending or hold. */
function ordinal(get: (r: JsonRecord) => unknown, order: readonly string[]): FieldSpec {
  return {
    get,
    test: (term, stored) => {
      const actual = order.indexOf(String(scalarText(stored) ?? '').toLowerCase());
      const wanted = order.indexOf(term.value.trim().toLowerCase());
      return actual >= 0 && wanted >= 0 && compare(actual, term.operator, wanted);
    },
  };
}

/** Ids of the records referenced (a list, so a multi-org user matches any of its organizations). */
function ids(...names: string[]) {
  return (record: JsonRecord): number[] =>
    names.flatMap((name) => {
      const value = record[name];
      const list = Array.isArray(value) ? value : [value];
      return list.filter((v): v is number => typeof v === 'number');
    });
}

/**
 * `organization:acme`, `group:12`, `assignee:"Ann Lee"`: an id, or the referenced record's whole
 * name (wildcards allowed). The docs do not say whether one word of a name is enough; we require
 * the whole name, the stricter reading.
 */
function reference(
  get: (r: JsonRecord) => number[],
  labels: (id: number, ctx: SearchContext) => ReadonlyArray<string | undefined>,
): FieldSpec {
  return {
    get,
    test: (term, stored, ctx) => {
      if (term.operator !== ':' || !Array.isArray(stored)) return false;
      const wanted = term.value.trim();
      return stored.some((id: unknown) => {
        if (typeof id !== 'number') return false;
        if (/^\d+$/.test(wanted)) return id === Number(wanted);
        return labels(id, ctx).some((label) => label !== undefined && globMatches(wanted, label, true));
      });
    },
  };
}

const organizationRef = (id: number, ctx: SearchContext) => [ctx.organizationName(id)];
const groupRef = (id: number, ctx: SearchContext) => [ctx.groupName(id)];
const userRef = (id: number, ctx: SearchContext) => [ctx.userName(id), ctx.userEmail?.(id)];

/** A keyword Zendesk knows but the simulator does not model: it matches nothing. */
const unmodelled: FieldSpec = { get: () => undefined, test: () => false };

const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** `user:amy` is only a shortcut for the user's id, name or email (HC-SU). */
const userShortcut: FieldSpec = {
  get: (record) => record,
  test: (term, stored) => {
    if (term.operator !== ':' || typeof stored !== 'object' || stored === null) return false;
    const user = stored as JsonRecord;
    const wanted = term.value.trim();
    if (/^\d+$/.test(wanted)) return user['id'] === Number(wanted);
    const email = scalarText(user['email']);
    const name = scalarText(user['name']);
    return (
      (email !== undefined && globMatches(wanted, email, false)) ||
      (name !== undefined && phraseMatches(wanted, [name], true))
    );
  },
};

const BUILT_IN: Record<SearchableType, Record<string, FieldSpec>> = {
  user: {
    name: text(prop('name')),
    role: exact(prop('role'), false),
    // HC-SU: email takes no wildcards.
    email: exact(prop('email'), false),
    organization: reference(ids('organization_id', 'organization_ids'), organizationRef),
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
 * undefined, in which case Zendesk searches `foo:bar` as plain text.
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

/** The text that plain words search, per type. Users also match on their email's domain this way. */
export function plainTextOf(type: SearchableType, record: JsonRecord): string[] {
  const names: Record<SearchableType, readonly string[]> = {
    user: ['name', 'email', 'notes', 'details'],
    organization: ['name', 'notes', 'details', 'domain_names'],
    // A bare ticket number finds the ticket, as in Zendesk's search box.
    ticket: ['id', 'subject', 'description'],
    group: ['name'],
  };
  return names[type].flatMap((name) => {
    const value = record[name];
    return Array.isArray(value) ? stringList(value) : (scalarText(value) ?? []);
  });
}
