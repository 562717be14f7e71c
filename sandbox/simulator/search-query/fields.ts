/**
 * How a keyword reads a record, by kind of value (words, whole values, dates, numbers, …). Each
 * spec prepares a term once per query (parsing its value, building its matcher) so that testing
 * 100,000 users costs one small function call per record and term.
 */
import type { SearchContext, SearchTerm } from './types.ts';
import {
  compare,
  dateMatches,
  fieldDay,
  globMatcher,
  isEmptyValue,
  isNoneValue,
  numberOf,
  parseDateQuery,
  phraseMatcher,
  scalarText,
  someText,
} from './values.ts';

export type JsonRecord = Record<string, unknown>;

/** The test of one term against a stored value, ready to run. */
export type StoredTest = (stored: unknown) => boolean;

/** One keyword: how it reads a record (the stored value, also for `none`) and how a term tests it. */
export interface FieldSpec {
  get(record: JsonRecord, ctx: SearchContext): unknown;
  prepare(term: SearchTerm, ctx: SearchContext): StoredTest;
  /** A quicker whole-record test for some terms (an index lookup); undefined falls back to `prepare`. */
  prepareRecord?(term: SearchTerm, ctx: SearchContext): RecordTest | undefined;
}

export type RecordTest = (record: JsonRecord) => boolean;

const never: StoredTest = () => false;

/** A keyword term as a record test: `none` means empty, everything else is the field's own test. */
export function prepareField(spec: FieldSpec, term: SearchTerm, ctx: SearchContext): RecordTest {
  const none = term.operator === ':' && isNoneValue(term.value);
  const quick = none ? undefined : spec.prepareRecord?.(term, ctx);
  if (quick) return quick;
  const test = none ? isEmptyValue : spec.prepare(term, ctx);
  return (record) => test(spec.get(record, ctx));
}

export const prop =
  (name: string) =>
  (record: JsonRecord): unknown =>
    record[name];

/** Word/phrase search (name, notes, subject, text custom fields). Only `:` makes sense on words. */
export function text(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term) => {
      const phrase = term.operator === ':' ? phraseMatcher(term.value, true) : undefined;
      if (!phrase) return never;
      return (stored) => {
        const value = scalarText(stored);
        return value !== undefined && phrase([value]);
      };
    },
  };
}

/** The whole value, case-insensitively (role, external_id, drop-down option). */
export function exact(get: FieldSpec['get'], wildcard: boolean): FieldSpec {
  return {
    get,
    prepare: (term) => {
      if (term.operator !== ':') return never;
      const matches = globMatcher(term.value.trim(), wildcard);
      return (stored) => {
        const value = scalarText(stored);
        return value !== undefined && matches(value);
      };
    },
  };
}

/** Any of a list of whole values (a user's email addresses): exact, case-insensitive. */
export function anyExact(get: FieldSpec['get'], wildcard: boolean): FieldSpec {
  return {
    get,
    prepare: (term) => {
      if (term.operator !== ':') return never;
      const matches = globMatcher(term.value.trim(), wildcard);
      return (stored) => someText(stored, matches);
    },
  };
}

/**
 * A list of words such as tags or multiselect options: `tags:a` needs the tag a, and the quoted
 * `tags:"a b"` needs both (HC-SREF: quotes are how you AND tags).
 */
export function wordList(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term) => {
      const wanted = term.value
        .split(/\s+/)
        .filter((w) => w !== '')
        .map((w) => globMatcher(w, true));
      if (term.operator !== ':' || wanted.length === 0) return never;
      return (stored) => {
        for (const matches of wanted) if (!someText(stored, matches)) return false;
        return true;
      };
    },
  };
}

export function date(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term, ctx) => {
      const query = parseDateQuery(term.value, ctx.now, true);
      if (query === undefined) return never;
      return (stored) => dateMatches(stored, term.operator, query);
    },
  };
}

/** Custom date fields compare the stored YYYY-MM-DD with a YYYY-MM-DD value only (HC-SU table). */
export function customDate(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term, ctx) => {
      const query = parseDateQuery(term.value, ctx.now, false);
      if (query?.kind !== 'day') return never;
      return (stored) => {
        const day = fieldDay(stored);
        return day !== undefined && compare(day, term.operator, query.day);
      };
    },
  };
}

export function numeric(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term) => {
      const wanted = numberOf(term.value);
      if (wanted === undefined) return never;
      return (stored) => {
        const actual = numberOf(stored);
        return actual !== undefined && compare(actual, term.operator, wanted);
      };
    },
  };
}

/**
 * `is_verified:true`, checkbox `is_active:false`. An unset checkbox (null) counts as unchecked:
 * Zendesk stores checkboxes as a tag that is either present or not.
 */
export function bool(get: FieldSpec['get']): FieldSpec {
  return {
    get,
    prepare: (term) => {
      const wanted = term.value.trim().toLowerCase();
      if (term.operator !== ':' || (wanted !== 'true' && wanted !== 'false')) return never;
      const checked = wanted === 'true';
      return (stored) => (stored === true) === checked;
    },
  };
}

/** Ordered values: `status<solved` is new, open, pending or hold. */
export function ordinal(get: FieldSpec['get'], order: readonly string[]): FieldSpec {
  return {
    get,
    prepare: (term) => {
      const wanted = order.indexOf(term.value.trim().toLowerCase());
      if (wanted < 0) return never;
      return (stored) => {
        const actual = order.indexOf(String(scalarText(stored) ?? '').toLowerCase());
        return actual >= 0 && compare(actual, term.operator, wanted);
      };
    },
  };
}

/** Ids of the records referenced, from one or more properties (a property may hold a list). */
export function ids(...names: string[]) {
  return (record: JsonRecord): number[] => {
    const found: number[] = [];
    for (const name of names) {
      const value: unknown = record[name];
      if (typeof value === 'number') found.push(value);
      else if (Array.isArray(value)) for (const v of value) if (typeof v === 'number') found.push(v);
    }
    return found;
  };
}

/**
 * `organization:acme`, `group:12`, `assignee:"Ann Lee"`: an id, or the referenced record's whole
 * name (wildcards allowed). The docs do not say whether one word of a name is enough; we require
 * the whole name, the stricter reading.
 */
export function reference(
  get: FieldSpec['get'],
  labels: (id: number, ctx: SearchContext) => ReadonlyArray<string | undefined>,
): FieldSpec {
  return {
    get,
    prepare: (term, ctx) => {
      if (term.operator !== ':') return never;
      const wanted = term.value.trim();
      const isId = (stored: unknown): stored is unknown[] => Array.isArray(stored);
      if (/^\d+$/.test(wanted)) {
        const id = Number(wanted);
        return (stored) => isId(stored) && stored.includes(id);
      }
      const matches = globMatcher(wanted, true);
      return (stored) =>
        isId(stored) &&
        stored.some(
          (id) => typeof id === 'number' && labels(id, ctx).some((label) => label !== undefined && matches(label)),
        );
    },
  };
}

/** A keyword Zendesk knows but the simulator does not model: it matches nothing. */
export const unmodelled: FieldSpec = { get: () => undefined, prepare: () => never };

/** `user:amy` is only a shortcut for the user's id, name or email (HC-SU). */
export const userShortcut: FieldSpec = {
  get: (record) => record,
  prepare: (term) => {
    if (term.operator !== ':') return never;
    const wanted = term.value.trim();
    if (/^\d+$/.test(wanted)) {
      const id = Number(wanted);
      return (stored) => typeof stored === 'object' && stored !== null && (stored as JsonRecord)['id'] === id;
    }
    const email = globMatcher(wanted, false);
    const name = phraseMatcher(wanted, true);
    return (stored) => {
      if (typeof stored !== 'object' || stored === null) return false;
      const user = stored as JsonRecord;
      const address = scalarText(user['email']);
      const fullName = scalarText(user['name']);
      return (address !== undefined && email(address)) || (fullName !== undefined && (name?.([fullName]) ?? false));
    };
  },
};
