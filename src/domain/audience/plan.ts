import type { FieldCatalog } from '../fields/audience-fields.ts';
import {
  splitByScope,
  usableConditions,
  type AudienceRules,
  type ConditionProblem,
  type MatchMode,
  type UsableCondition,
} from './audience.ts';
import type { EvaluationContext } from './evaluate.ts';
import { placeCondition, type Placement, type SearchTerm } from './placement.ts';

/**
 * The query plan: which `search/export` queries to run (users and organizations), and what the
 * app checks itself. Search is used wherever it answers exactly, since every user it leaves out
 * is a user the app never has to download; the app's predicate (evaluate.ts) refines the rest.
 *
 * Combining conditions follows Zendesk's query rules: different keywords AND, a keyword repeated
 * ORs, so all-of goes as one query and any-of as one query per condition (a union).
 */

/** Zendesk refuses queries of more than 64 words (HC-SREF). */
export const MAX_QUERY_WORDS = 64;

/**
 * A query that matches every record of the type: search/export needs a query, and every Zendesk
 * record was created after 1990. Used when nothing can be asked of search.
 */
export const EVERYONE = 'created>1990-01-01';

export interface PlannedCondition extends UsableCondition {
  placement: Placement;
}

export interface AudiencePlan {
  mode: MatchMode;
  userConditions: PlannedCondition[];
  organizationConditions: PlannedCondition[];
  problems: ConditionProblem[];
  /**
   * User queries. All-of: one query (their results are the candidates). Any-of: one per condition
   * search can narrow, or EVERYONE when some condition can only be checked by the app.
   */
  userQueries: UserQuery[];
  /** Organization queries, when there are organization conditions (union of their results). */
  organizationQueries: string[];
  /** The all-of user terms, to repeat in organization join queries. */
  userTerms: SearchTerm[];
}

export interface UserQuery {
  query: string;
  /** Conditions this query answers exactly: a user it returns meets them, one it leaves out does not. */
  proves: string[];
  /** True when the query has no user terms of its own (EVERYONE). */
  everyone: boolean;
  /** All-of only: the users must also be in this query's results (their union is not enough). */
  intersect: boolean;
}

export function wordsOf(text: string): number {
  return text.split(/\s+/).filter((w) => w.replace(/"/g, '') !== '').length;
}

export function renderQuery(terms: readonly SearchTerm[]): string {
  return terms.length === 0 ? EVERYONE : terms.map((t) => t.text).join(' ');
}

/**
 * Packs conditions into one all-of query: a condition whose positive keyword is already used by
 * another (it would be ORed with it) or that would pass the word limit is checked by the app.
 */
function packAllOf(conditions: PlannedCondition[], reserveWords: number): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const taken = new Set<string>();
  let words = 0;
  for (const planned of conditions) {
    const { placement } = planned;
    if (placement.where === 'app') continue;
    const groups = new Set(placement.terms.flatMap((t) => (t.orGroup ? [t.orGroup] : [])));
    const size = placement.terms.reduce((n, t) => n + wordsOf(t.text), 0);
    if ([...groups].some((g) => taken.has(g))) {
      planned.placement = { where: 'app', terms: [], reason: 'keyword_taken' };
    } else if (words + size > MAX_QUERY_WORDS - reserveWords) {
      planned.placement = { where: 'app', terms: [], reason: 'word_limit' };
    } else {
      groups.forEach((g) => taken.add(g));
      words += size;
      terms.push(...placement.terms);
    }
  }
  return terms;
}

export interface PlanOptions {
  /** Conditions to check in the app whatever search could do (tests prove both ways agree). */
  forceApp?: ReadonlySet<string>;
}

function planned(usable: readonly UsableCondition[], ctx: EvaluationContext, options: PlanOptions): PlannedCondition[] {
  // Membership in a non-default organization is visible to search only, so those conditions are
  // never moved to the app, even on request.
  return usable.map((u) => ({
    ...u,
    placement:
      options.forceApp?.has(u.condition.id) && !needsSearchProof(u)
        ? { where: 'app', terms: [], reason: 'forced' }
        : placeCondition(u.field, u.condition, ctx),
  }));
}

export function planAudience(
  rules: AudienceRules,
  catalog: FieldCatalog,
  ctx: EvaluationContext,
  options: PlanOptions = {},
): AudiencePlan {
  const { usable, problems } = usableConditions(rules, catalog);
  const split = splitByScope(usable);
  const userConditions = planned(split.userConditions, ctx, options);
  const organizationConditions = planned(split.organizationConditions, ctx, options);
  const mode = rules.match;

  if (mode === 'all') {
    const userTerms = packAllOf(userConditions, 0);
    const organizationTerms = packAllOf(organizationConditions, 0);
    const proves = userConditions.filter((c) => c.placement.where === 'search').map((c) => c.condition.id);
    // A second organization condition cannot share the query (`organization:` ORs), and the app
    // cannot check it without every membership: it gets its own query, intersected with the first.
    const intersected = userConditions.flatMap((c): UserQuery[] => {
      if (c.placement.where !== 'app' || c.placement.reason === 'forced' || !needsSearchProof(c)) return [];
      const own = placeCondition(c.field, c.condition, ctx);
      if (own.where === 'app') return [];
      c.placement = own;
      return [{ query: renderQuery(own.terms), proves: [c.condition.id], everyone: false, intersect: true }];
    });
    return {
      mode,
      userConditions,
      organizationConditions,
      problems,
      userQueries: [
        { query: renderQuery(userTerms), proves, everyone: userTerms.length === 0, intersect: false },
        ...intersected,
      ],
      organizationQueries: organizationConditions.length > 0 ? [renderQuery(organizationTerms)] : [],
      userTerms,
    };
  }

  // Any-of: a union. One query per condition search can narrow; if any condition needs the app,
  // every user has to be looked at anyway, and one EVERYONE export replaces the narrow ones
  // (except those only search can decide: see needsSearchProof).
  const perCondition = (list: PlannedCondition[]) =>
    list.flatMap((c) => {
      if (c.placement.where === 'app') return [];
      const words = c.placement.terms.reduce((n, t) => n + wordsOf(t.text), 0);
      if (words > MAX_QUERY_WORDS) {
        c.placement = { where: 'app', terms: [], reason: 'word_limit' };
        return [];
      }
      return [{ condition: c, query: renderQuery(c.placement.terms) }];
    });
  const userParts = perCondition(userConditions);
  const organizationParts = perCondition(organizationConditions);
  const everyone = userConditions.some((c) => c.placement.where === 'app');
  const userQueries: UserQuery[] = everyone
    ? [
        { query: EVERYONE, proves: [], everyone: true, intersect: false },
        ...userParts
          .filter((p) => needsSearchProof(p.condition))
          .map((p) => ({ query: p.query, proves: [p.condition.condition.id], everyone: false, intersect: false })),
      ]
    : userParts.map((p) => ({
        query: p.query,
        proves: p.condition.placement.where === 'search' ? [p.condition.condition.id] : [],
        everyone: false,
        intersect: false,
      }));
  const organizationQueries = organizationConditions.some((c) => c.placement.where === 'app')
    ? [EVERYONE]
    : organizationParts.map((p) => p.query);
  return {
    mode,
    userConditions,
    organizationConditions,
    problems,
    userQueries: organizationConditions.length === 0 && userConditions.length === 0 ? [] : userQueries,
    organizationQueries: organizationConditions.length > 0 ? [...new Set(organizationQueries)] : [],
    userTerms: [],
  };
}

/**
 * Conditions the app cannot re-check from a user record: membership in an organization other than
 * the default one is only visible to search. Their result comes from the query that proves them.
 */
export function needsSearchProof(planned: UsableCondition): boolean {
  return planned.field.ref.scope === 'builtin' && planned.field.ref.key === 'organization';
}

/**
 * Queries that find the members of the matched organizations: `organization:<id>` repeated is an
 * OR over every membership, so each query covers as many organizations as fit in the word limit,
 * with the all-of user terms alongside so Zendesk returns only users who also meet those.
 */
export function organizationJoinQueries(plan: AudiencePlan, organizationIds: readonly number[]): string[] {
  const base = plan.mode === 'all' ? plan.userTerms : [];
  const baseWords = base.reduce((n, t) => n + wordsOf(t.text), 0);
  const perQuery = Math.max(1, MAX_QUERY_WORDS - baseWords);
  const queries: string[] = [];
  for (let i = 0; i < organizationIds.length; i += perQuery) {
    const chunk = organizationIds.slice(i, i + perQuery).map((id) => `organization:${id}`);
    queries.push([...base.map((t) => t.text), ...chunk].join(' '));
  }
  return queries;
}

/** How many organizations one join query can hold next to the plan's user terms. */
export function organizationsPerJoinQuery(plan: AudiencePlan): number {
  const base = plan.mode === 'all' ? plan.userTerms : [];
  return Math.max(1, MAX_QUERY_WORDS - base.reduce((n, t) => n + wordsOf(t.text), 0));
}
