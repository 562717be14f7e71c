export type SearchableType = 'user' | 'organization' | 'ticket' | 'group';

export const SEARCHABLE_TYPES: readonly SearchableType[] = ['user', 'organization', 'ticket', 'group'];

export interface SearchContext {
  /** ms since epoch; relative dates (`created>4hours`) count back from here. */
  now: number;
  userFields: ReadonlyArray<{ key: string; type: string }>;
  organizationFields: ReadonlyArray<{ key: string; type: string }>;
  organizationName(id: number): string | undefined;
  groupName(id: number): string | undefined;
  userName(id: number): string | undefined;
  /**
   * Optional: lets `requester:amy@example.com` / `assignee:…` match by email. Without it those
   * keywords match by id and name only.
   */
  userEmail?(id: number): string | undefined;
  /**
   * Optional: the organizations a user belongs to through organization memberships. `organization:`
   * matches any of them as well as `organization_id` (and a record's own `organization_ids`).
   */
  organizationIdsOf?(userId: number): readonly number[];
  /** Optional, with organizationIdsOf: the users with a membership in an organization (a quicker `organization:<id>`). */
  membersOf?(organizationId: number): ReadonlySet<number>;
  /** Optional: every email identity of a user (primary and secondary); `email:` matches any of them. */
  emailsOf?(userId: number): readonly string[];
}

/** Thrown for a query Zendesk would refuse (more than 64 words, an unclosed quote, …). */
export class SearchSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchSyntaxError';
  }
}

export type SearchOperator = ':' | '<' | '>' | '<=' | '>=';

/** One word of the query after tokenising: `-tags:"a b"` → negated, keyword tags, value `a b`, quoted. */
export interface SearchTerm {
  readonly negated: boolean;
  /** Lower-cased keyword, absent for a plain word or a bare "phrase". */
  readonly keyword?: string;
  readonly operator: SearchOperator;
  readonly value: string;
  readonly quoted: boolean;
  /** The word as typed (minus the `-`), used when an unknown `foo:bar` falls back to plain text. */
  readonly raw: string;
}

export interface ParsedSearchQuery {
  /** Set when the query restricts results to exactly one object type (`type:user`). */
  readonly type?: SearchableType;
  /** Every type named by a positive `type:` keyword (several `type:` clauses are OR, like any repeated keyword). */
  readonly types: ReadonlySet<SearchableType>;
  /** Types excluded with `-type:…`. */
  readonly excludedTypes: ReadonlySet<SearchableType>;
  readonly terms: readonly SearchTerm[];
  /** In-query sorting (`order_by:created sort:asc`), for the endpoint to apply. */
  readonly orderBy?: string;
  readonly sortOrder?: 'asc' | 'desc';
}
