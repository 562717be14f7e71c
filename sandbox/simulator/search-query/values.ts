/** Helpers shared by the field matchers: words, wildcards, empty values and dates. */

/** Lower-cased words of a text. Punctuation separates words, so `jo@example.com` is jo, example, com. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w !== '');
}

/** Words of a query value; `*` stays inside a word because it is a wildcard there. */
export function patternWords(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{N}_*]+/u)
    .filter((w) => w !== '' && w !== '*');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Tests one candidate string; built once per query term, then run against every record. */
export type TextTest = (candidate: string) => boolean;

/** Case-insensitive whole-value match; `*` matches any run of characters when wildcards are allowed. */
export function globMatcher(pattern: string, allowWildcard: boolean): TextTest {
  const p = pattern.toLowerCase();
  if (!allowWildcard || !p.includes('*')) return (c) => c.toLowerCase() === p;
  const regex = new RegExp(`^${p.split('*').map(escapeRegExp).join('.*')}$`, 'su');
  return (c) => regex.test(c.toLowerCase());
}

export function globMatches(pattern: string, candidate: string, allowWildcard: boolean): boolean {
  return globMatcher(pattern, allowWildcard)(candidate);
}

/**
 * True when the value's words appear consecutively among a text's words (a phrase search).
 * `wildcard` lets a keyword value such as `name:jo*` match word prefixes; plain words never
 * get wildcards (Zendesk: "`*` only with a keyword"). Undefined when the value has no word.
 */
export function phraseMatcher(value: string, wildcard: boolean): ((texts: readonly string[]) => boolean) | undefined {
  const wanted = wildcard ? patternWords(value) : textWords(value);
  if (wanted.length === 0) return undefined;
  const tests = wanted.map((w) => globMatcher(w, wildcard));
  // A cheap pre-check: the text must contain the first word's literal start somewhere.
  const first = (wanted[0] ?? '').split('*')[0] ?? '';
  return (texts) =>
    texts.some((text) => {
      if (text === '' || (first !== '' && !text.toLowerCase().includes(first))) return false;
      const words = textWords(text);
      for (let start = 0; start + tests.length <= words.length; start++) {
        if (tests.every((test, i) => test(words[start + i] ?? ''))) return true;
      }
      return false;
    });
}

export function phraseMatches(value: string, texts: readonly string[], wildcard: boolean): boolean {
  return phraseMatcher(value, wildcard)?.(texts) ?? false;
}

/** Whether a query word carries anything searchable (`<` or `-` alone do not). */
export function hasSearchableText(value: string): boolean {
  return textWords(value).length > 0;
}

/** `none` finds empty values: absent, null, blank string or empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function isNoneValue(value: string): boolean {
  return value.trim().toLowerCase() === 'none';
}

/** A text view of a stored scalar, or undefined for objects and empties. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const texts: string[] = [];
  for (const v of value) {
    const text = scalarText(v);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

/** Whether some string (or number, boolean) of a stored list passes the test; no list is built. */
export function someText(value: unknown, test: TextTest): boolean {
  if (!Array.isArray(value)) return false;
  for (const v of value) {
    const text = scalarText(v);
    if (text !== undefined && test(text)) return true;
  }
  return false;
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value.trim())) return Number(value);
  return undefined;
}

export type Comparison = ':' | '<' | '>' | '<=' | '>=';

export function compare(actual: number | string, operator: Comparison, wanted: number | string): boolean {
  switch (operator) {
    case ':':
      return actual === wanted;
    case '<':
      return actual < wanted;
    case '>':
      return actual > wanted;
    case '<=':
      return actual <= wanted;
    case '>=':
      return actual >= wanted;
  }
}

/** What a date in a query means. */
export type DateQuery =
  | { kind: 'day'; day: string } // YYYY-MM-DD, compared by calendar day
  | { kind: 'instant'; at: number }; // an ISO date-time or a relative date, compared to the ms

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^(\d+)(minutes?|hours?|days?|weeks?|months?|years?)$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function isValidDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `now` minus an amount of a unit; months and years step the calendar (UTC), like "3 months ago". */
function relativeInstant(amount: number, unit: string, now: number): number {
  const u = unit.toLowerCase().replace(/s$/, '');
  const minute = 60_000;
  switch (u) {
    case 'minute':
      return now - amount * minute;
    case 'hour':
      return now - amount * 60 * minute;
    case 'day':
      return now - amount * 24 * 60 * minute;
    case 'week':
      return now - amount * 7 * 24 * 60 * minute;
    default: {
      const d = new Date(now);
      if (u === 'month') d.setUTCMonth(d.getUTCMonth() - amount);
      else d.setUTCFullYear(d.getUTCFullYear() - amount);
      return d.getTime();
    }
  }
}

/**
 * Parses a date value of the query. Locale formats (which Zendesk also accepts per the account's
 * locale) are not modelled: the app always sends YYYY-MM-DD. `allowRelative` is false for custom
 * date fields, where relative dates are unverified; the stricter choice is to match nothing.
 */
export function parseDateQuery(value: string, now: number, allowRelative: boolean): DateQuery | undefined {
  const text = value.trim();
  if (isValidDay(text)) return { kind: 'day', day: text };
  if (ISO_DATE_TIME.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : { kind: 'instant', at };
  }
  const rel = RELATIVE.exec(text);
  if (rel && allowRelative) return { kind: 'instant', at: relativeInstant(Number(rel[1]), rel[2] ?? '', now) };
  return undefined;
}

/** A stored date (ISO string, YYYY-MM-DD or epoch ms) as an instant in ms, or undefined. */
export function storedInstant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Compares a stored date with a query date. A YYYY-MM-DD query compares whole calendar days in
 * UTC (`created>2025-01-01` starts on the 2nd; the account time zone is not modelled), a date-time
 * or relative query compares instants (`created>7days` = within the last 7 days).
 */
export function dateMatches(stored: unknown, operator: Comparison, query: DateQuery): boolean {
  const at = storedInstant(stored);
  if (at === undefined) return false;
  if (query.kind === 'day') return compare(new Date(at).toISOString().slice(0, 10), operator, query.day);
  if (operator === ':') {
    // "On" a date-time or `created:4hours`: the same UTC calendar day; equality to the millisecond
    // would never match anything a person meant.
    return new Date(at).toISOString().slice(0, 10) === new Date(query.at).toISOString().slice(0, 10);
  }
  return compare(at, operator, query.at);
}

/** Custom date fields hold `YYYY-MM-DD` or an ISO midnight timestamp; compare on the first 10 characters. */
export function fieldDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.trim().slice(0, 10);
  // The shape check is enough to compare; a stored value is a real date (Zendesk validated it).
  return DAY.test(day) ? day : undefined;
}
