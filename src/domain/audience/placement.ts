import type { AudienceField } from '../fields/audience-fields.ts';
import type { EvaluationContext } from './evaluate.ts';
import { dayRange } from './evaluate.ts';
import type { Condition } from './condition.ts';

/**
 * Where one condition is evaluated, and why.
 *
 * - `search`: Zendesk search answers it exactly, so users come back already filtered (the fewest
 *   pages to fetch).
 * - `prefilter`: search can only narrow it (it matches words, not whole values), so the app
 *   fetches the narrower superset and checks each user with the same predicate the preview uses.
 * - `app`: search cannot express it at all; the app checks every fetched user.
 *
 * Every rule below names the search behaviour it relies on (support-api.md §2.2).
 */
export interface SearchTerm {
  /** As written in the query: `service_level:gold`, `-tags:vip`, `created>=2026-11-02T00:00:00-05:00`. */
  text: string;
  /**
   * Set on positive `keyword:value` terms. Zendesk ORs repeated positive uses of one keyword
   * (`tags:a tags:b` is either tag), so two conditions may not both put such terms on one keyword
   * in a single query: the planner keeps them apart.
   */
  orGroup?: string;
}

export type PlacementReason =
  | 'exact_keyword'
  | 'word_match_only'
  | 'not_a_search_keyword'
  | 'superset_only'
  | 'not_expressible'
  | 'keyword_taken'
  | 'word_limit'
  | 'forced';

export type Placement =
  | { where: 'search' | 'prefilter'; terms: SearchTerm[]; reason: PlacementReason }
  | { where: 'app'; terms: []; reason: PlacementReason };

const app = (reason: PlacementReason): Placement => ({ where: 'app', terms: [], reason });
const search = (terms: SearchTerm[]): Placement => ({ where: 'search', terms, reason: 'exact_keyword' });
const prefilter = (terms: SearchTerm[], reason: PlacementReason): Placement => ({ where: 'prefilter', terms, reason });

/** A value as a search word: bare when it is one word, quoted when it has spaces; impossible with a quote in it. */
export function searchValue(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.includes('"')) return undefined;
  return /\s/.test(trimmed) ? `"${trimmed}"` : trimmed;
}

/** Numbers as Zendesk writes them (no exponent): `12.5`, `-3`. */
function searchNumber(value: number): string | undefined {
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

const positive = (keyword: string, value: string): SearchTerm => ({ text: `${keyword}:${value}`, orGroup: keyword });
const negative = (keyword: string, value: string): SearchTerm => ({ text: `-${keyword}:${value}` });
const range = (keyword: string, operator: '<' | '>' | '<=' | '>=', value: string): SearchTerm => ({
  text: `${keyword}${operator}${value}`,
});

/** `keyword:a keyword:b`: the same keyword repeated is OR in Zendesk search. */
function anyOf(keyword: string, values: readonly string[]): SearchTerm[] | undefined {
  const words = values.map(searchValue);
  if (words.some((w) => w === undefined)) return undefined;
  return words.map((w) => positive(keyword, w as string));
}

function choice(keyword: string, condition: Condition): Placement {
  switch (condition.operator) {
    // Drop-downs are searched by the option's tag, exactly (HC-SU: `plan_type:platinum`).
    case 'is': {
      const value = searchValue(condition.value);
      return value === undefined ? app('not_expressible') : search([positive(keyword, value)]);
    }
    // `-key:value` is AND NOT, and keeps customers with no value, as "is not" must.
    case 'is_not': {
      const value = searchValue(condition.value);
      return value === undefined ? app('not_expressible') : search([negative(keyword, value)]);
    }
    case 'is_any_of': {
      const terms = anyOf(keyword, condition.value);
      return terms === undefined ? app('not_expressible') : search(terms);
    }
    default:
      return app('not_expressible');
  }
}

function dates(keyword: string, condition: Condition, ctx: EvaluationContext, asInstant: boolean): Placement {
  const days = dayRange(condition, ctx);
  if (!days) return app('not_expressible');
  const terms: SearchTerm[] = [];
  if (asInstant) {
    // `created` is a timestamp: bounds go as the instants the account's days start, with their
    // offset, so search and the app agree on which day a sign-up fell (search reads ISO 8601).
    if (days.from !== undefined) terms.push(range(keyword, '>=', ctx.calendar.startOfAsIso(days.from)));
    if (days.to !== undefined)
      terms.push(range(keyword, '<', ctx.calendar.startOfAsIso(ctx.calendar.shift(days.to, 1))));
  } else {
    // Custom date fields hold a day and are compared with YYYY-MM-DD; relative dates such as
    // `renewal<30days` are not documented for custom fields, so "next N days" goes as absolute days.
    if (days.from !== undefined) terms.push(range(keyword, '>=', days.from));
    if (days.to !== undefined) terms.push(range(keyword, '<=', days.to));
  }
  return search(terms);
}

function numbers(keyword: string, condition: Condition): Placement {
  const one = (operator: ':' | '<' | '>' | '<=' | '>=', value: number, negated = false): SearchTerm[] | undefined => {
    const text = searchNumber(value);
    if (text === undefined) return undefined;
    if (operator === ':') return [negated ? negative(keyword, text) : positive(keyword, text)];
    return [range(keyword, operator, text)];
  };
  let terms: SearchTerm[] | undefined;
  switch (condition.operator) {
    case 'eq':
      terms = one(':', condition.value);
      break;
    case 'ne':
      terms = one(':', condition.value, true);
      break;
    case 'lt':
      terms = one('<', condition.value);
      break;
    case 'lte':
      terms = one('<=', condition.value);
      break;
    case 'gt':
      terms = one('>', condition.value);
      break;
    case 'gte':
      terms = one('>=', condition.value);
      break;
    case 'number_between': {
      const from = one('>=', condition.value.from);
      const to = one('<=', condition.value.to);
      terms = from && to ? [...from, ...to] : undefined;
      break;
    }
    default:
      terms = undefined;
  }
  // Numeric custom fields take `> < >= <= :` (HC-SU).
  return terms === undefined ? app('not_expressible') : search(terms);
}

function texts(keyword: string, condition: Condition): Placement {
  switch (condition.operator) {
    // Text fields are searched word by word (`product_name:widget` finds "red widget"), so search
    // only narrows "is" to values containing those words; the app checks the whole value.
    case 'is': {
      const value = searchValue(condition.value);
      const wordy = /[\p{L}\p{N}]/u.test(condition.value);
      return value !== undefined && wordy
        ? prefilter([positive(keyword, value)], 'word_match_only')
        : app('not_expressible');
    }
    // Search has no substring match; it can still leave out the empty values.
    case 'contains':
      return prefilter([negative(keyword, 'none')], 'word_match_only');
    // `key:none` finds empty values (HC-SREF).
    case 'is_empty':
      return search([positive(keyword, 'none')]);
    case 'is_not_empty':
      return search([negative(keyword, 'none')]);
    default:
      return app('not_expressible');
  }
}

function multichoice(keyword: string, condition: Condition): Placement {
  // Multi-select search is not in Zendesk's field table (unverified): `key:option` is used only to
  // narrow, and the app decides from the stored options.
  if (condition.operator !== 'includes_any' && condition.operator !== 'includes_all') return app('not_expressible');
  const terms = anyOf(keyword, condition.value);
  return terms === undefined ? app('not_expressible') : prefilter(terms, 'superset_only');
}

function tags(condition: Condition): Placement {
  switch (condition.operator) {
    // `tags:a tags:b` is either tag (HC-SREF).
    case 'includes_any': {
      const terms = anyOf('tags', condition.value);
      return terms === undefined ? app('not_expressible') : search(terms);
    }
    // Quotes AND tags: `tags:"a b"` needs both (HC-SREF).
    case 'includes_all': {
      const words = condition.value.map(searchValue);
      if (words.some((w) => w === undefined || w.startsWith('"'))) return app('not_expressible');
      return search([positive('tags', `"${words.join(' ')}"`)]);
    }
    case 'includes_none': {
      const words = condition.value.map(searchValue);
      if (words.some((w) => w === undefined)) return app('not_expressible');
      return search(words.map((w) => negative('tags', w as string)));
    }
    default:
      return app('not_expressible');
  }
}

/** Where a condition runs. `ctx` fixes "today" for relative dates. */
export function placeCondition(field: AudienceField, condition: Condition, ctx: EvaluationContext): Placement {
  const { ref } = field;
  if (ref.scope !== 'builtin') {
    const keyword = ref.key.toLowerCase();
    switch (field.kind) {
      case 'choice':
        return choice(keyword, condition);
      case 'multichoice':
        return multichoice(keyword, condition);
      // Checkboxes take `key:true` / `key:false`; an unset checkbox is unchecked (HC-SU).
      case 'checkbox':
        return search([positive(keyword, condition.operator === 'is_checked' ? 'true' : 'false')]);
      case 'date':
        return dates(keyword, condition, ctx, false);
      case 'number':
        return numbers(keyword, condition);
      case 'text':
        return texts(keyword, condition);
      default:
        return app('not_expressible');
    }
  }
  switch (ref.key) {
    case 'role':
      return choice('role', condition);
    case 'tags':
      return tags(condition);
    // `organization:<id>` matches every organization a user belongs to, not only the default one
    // (HC-SU), which the user record alone cannot tell: so it always runs in search.
    case 'organization':
      return choice('organization', condition);
    // A bare domain word finds users by email domain (HC-SU: `type:user mondocam.com`), but plain
    // words also match names and notes: search narrows, the app checks the address.
    case 'email_domain': {
      const value = condition.operator === 'is' ? searchValue(condition.value) : undefined;
      return value === undefined || value.startsWith('"')
        ? app('not_expressible')
        : prefilter([{ text: value }], 'word_match_only');
    }
    // Neither is a search keyword: `locale:ko` would quietly match nothing.
    case 'locale':
    case 'time_zone':
      return app('not_a_search_keyword');
    case 'created_at':
      return dates('created', condition, ctx, true);
  }
}
