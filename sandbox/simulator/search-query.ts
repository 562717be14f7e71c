/**
 * The simulator's Zendesk search-query engine: parses a `/api/v2/search` query the way Zendesk
 * documents it (HC-SREF, HC-SU; see /work/shared/zendesk/support-api.md §2.2) and decides whether
 * one user, organization, ticket or group record matches it.
 *
 * Combination rules: plain words AND; the same keyword repeated with `:` is OR (`tags:a tags:b`);
 * different keywords AND; range operators always AND (`created>… created<…` is a range); every
 * `-` term is AND NOT.
 */
import { prepareField, type JsonRecord, type RecordTest } from './search-query/fields.ts';
import { resolveKeyword } from './search-query/keywords.ts';
import { plainWordTest } from './search-query/plain-words.ts';
import { tokenize } from './search-query/tokenize.ts';
import {
  SEARCHABLE_TYPES,
  SearchSyntaxError,
  type ParsedSearchQuery,
  type SearchableType,
  type SearchContext,
  type SearchTerm,
} from './search-query/types.ts';

export { SearchSyntaxError };
export { MAX_SEARCH_WORDS } from './search-query/tokenize.ts';
export type { ParsedSearchQuery, SearchableType, SearchContext, SearchTerm };
export type { RecordTest } from './search-query/fields.ts';

const SORT_ORDERS = ['asc', 'desc'] as const;

function asSearchableType(value: string): SearchableType {
  const type = SEARCHABLE_TYPES.find((t) => t === value.trim().toLowerCase());
  // Zendesk has exactly these four; a typo would otherwise silently search everything.
  if (!type || value.includes('*')) throw new SearchSyntaxError(`Unknown search type "${value}"`);
  return type;
}

export function parseSearchQuery(query: string): ParsedSearchQuery {
  const types = new Set<SearchableType>();
  const excludedTypes = new Set<SearchableType>();
  const terms: SearchTerm[] = [];
  let orderBy: string | undefined;
  let sortOrder: 'asc' | 'desc' | undefined;
  for (const term of tokenize(query)) {
    if (term.keyword === 'type' && term.operator === ':') {
      (term.negated ? excludedTypes : types).add(asSearchableType(term.value));
    } else if (term.keyword === 'order_by' && term.operator === ':' && !term.negated) {
      orderBy = term.value.trim().toLowerCase();
    } else if (term.keyword === 'sort' && term.operator === ':' && !term.negated) {
      const order = SORT_ORDERS.find((o) => o === term.value.trim().toLowerCase());
      if (!order) throw new SearchSyntaxError(`sort: takes asc or desc, not "${term.value}"`);
      sortOrder = order;
    } else {
      terms.push(term);
    }
  }
  const [onlyType] = types;
  return {
    ...(types.size === 1 && onlyType ? { type: onlyType } : {}),
    types,
    excludedTypes,
    terms,
    ...(orderBy !== undefined ? { orderBy } : {}),
    ...(sortOrder !== undefined ? { sortOrder } : {}),
  };
}

const nothing: RecordTest = () => false;

/**
 * The query as one test for records of `type`, with every keyword resolved and every value parsed
 * once: the search endpoints run it over every user of the account.
 */
export function compileSearch(query: ParsedSearchQuery, type: SearchableType, ctx: SearchContext): RecordTest {
  if (query.types.size > 0 && !query.types.has(type)) return nothing;
  if (query.excludedTypes.has(type)) return nothing;

  const all: RecordTest[] = [];
  // Positive `keyword:value` clauses on the same known keyword form one OR group.
  const orGroups = new Map<string, RecordTest[]>();
  for (const term of query.terms) {
    const spec = term.keyword === undefined ? undefined : resolveKeyword(type, term.keyword, ctx);
    if (spec === undefined) {
      // Punctuation alone (the `<` in `created < 2025-01-01`) carries no word to search for.
      const test = plainWordTest(term, type, ctx);
      if (test) all.push(term.negated ? (record) => !test(record) : test);
      continue;
    }
    const test = prepareField(spec, term, ctx);
    if (term.negated) all.push((record) => !test(record));
    else if (term.operator === ':' && term.keyword !== undefined) {
      const group = orGroups.get(term.keyword);
      if (group) group.push(test);
      else orGroups.set(term.keyword, [test]);
    } else all.push(test);
  }
  for (const group of orGroups.values()) {
    const [only] = group;
    all.push(group.length === 1 && only ? only : (record) => group.some((test) => test(record)));
  }
  return (record) => {
    for (const test of all) if (!test(record)) return false;
    return true;
  };
}

export function matchesSearch(
  query: ParsedSearchQuery,
  type: SearchableType,
  record: JsonRecord,
  ctx: SearchContext,
): boolean {
  return compileSearch(query, type, ctx)(record);
}
