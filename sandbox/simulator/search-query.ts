/**
 * The simulator's Zendesk search-query engine: parses a `/api/v2/search` query the way Zendesk
 * documents it (HC-SREF, HC-SU; see /work/shared/zendesk/support-api.md §2.2) and decides whether
 * one user, organization, ticket or group record matches it.
 *
 * Combination rules: plain words AND; the same keyword repeated with `:` is OR (`tags:a tags:b`);
 * different keywords AND; range operators always AND (`created>… created<…` is a range); every
 * `-` term is AND NOT.
 */
import { plainTextOf, resolveKeyword, fieldMatches } from './search-query/fields.ts';
import { tokenize } from './search-query/tokenize.ts';
import {
  SEARCHABLE_TYPES,
  SearchSyntaxError,
  type ParsedSearchQuery,
  type SearchableType,
  type SearchContext,
  type SearchTerm,
} from './search-query/types.ts';
import { hasSearchableText, phraseMatches } from './search-query/values.ts';

export { SearchSyntaxError };
export { MAX_SEARCH_WORDS } from './search-query/tokenize.ts';
export type { ParsedSearchQuery, SearchableType, SearchContext, SearchTerm };

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

function plainWordMatches(term: SearchTerm, type: SearchableType, record: Record<string, unknown>): boolean {
  // A keyword the type does not know is searched as the text `foo:bar`, keyword and all.
  const text = term.keyword === undefined ? term.value : term.raw.replace(/"/g, '');
  return phraseMatches(text, plainTextOf(type, record), false);
}

export function matchesSearch(
  query: ParsedSearchQuery,
  type: SearchableType,
  record: Record<string, unknown>,
  ctx: SearchContext,
): boolean {
  if (query.types.size > 0 && !query.types.has(type)) return false;
  if (query.excludedTypes.has(type)) return false;

  // Positive `keyword:value` clauses on the same known keyword form one OR group.
  const orGroups = new Map<string, boolean>();
  for (const term of query.terms) {
    const spec = term.keyword === undefined ? undefined : resolveKeyword(type, term.keyword, ctx);
    if (spec === undefined) {
      // Punctuation alone (the `<` in `created < 2025-01-01`) carries no word to search for.
      const raw = term.keyword === undefined ? term.value : term.raw;
      if (!hasSearchableText(raw)) continue;
      if (plainWordMatches(term, type, record) === term.negated) return false;
      continue;
    }
    const matched = fieldMatches(spec, term, record, ctx);
    if (term.negated) {
      if (matched) return false;
    } else if (term.operator === ':' && term.keyword !== undefined) {
      orGroups.set(term.keyword, (orGroups.get(term.keyword) ?? false) || matched);
    } else if (!matched) {
      return false;
    }
  }
  for (const anyMatched of orGroups.values()) if (!anyMatched) return false;
  return true;
}
