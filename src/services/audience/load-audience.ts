import type { FieldCatalog } from '../../domain/fields/audience-fields.ts';
import type { AudienceRules } from '../../domain/audience/audience.ts';
import type { Customer } from '../../domain/audience/customer.ts';
import type { EvaluationContext } from '../../domain/audience/evaluate.ts';
import { organizationPartMatches } from '../../domain/audience/audience.ts';
import {
  organizationJoinQueries,
  organizationsPerJoinQuery,
  planAudience,
  EVERYONE,
  type AudiencePlan,
  type PlanOptions,
} from '../../domain/audience/plan.ts';
import { refineUser } from '../../domain/audience/refine.ts';
import {
  listOrganizationMemberships,
  type Organization,
  type SupportApiClient,
  type User,
} from '../../zendesk/index.ts';
import { SearchExports } from './search-exports.ts';

export interface AudienceProgress {
  phase: 'organizations' | 'customers' | 'memberships';
  /** Records received so far in this phase. */
  received: number;
}

export interface LoadAudienceInput {
  rules: AudienceRules;
  catalog: FieldCatalog;
  ctx: EvaluationContext;
  /**
   * Whether customers may belong to several organizations (account setting). When they cannot,
   * a user's `organization_id` is their only organization and joins need no extra request.
   */
  multipleOrganizations: boolean;
  planOptions?: PlanOptions;
}

export interface LoadedAudience {
  plan: AudiencePlan;
  /** Every customer the rules match, before exclusions, in the order Zendesk exported them. */
  matched: Customer[];
  /** The organizations meeting the organization part (empty when there is none). */
  matchedOrganizations: ReadonlyMap<number, Organization>;
}

/**
 * A joined-up customer list for the rules: runs the plan's exports (cached per query, so editing
 * one condition only fetches what changed), joins organizations over memberships and refines
 * with the preview's predicate. Aborting the signal stops it between pages.
 */
export class AudienceLoader {
  private readonly exports: SearchExports;

  constructor(
    private readonly api: SupportApiClient,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.exports = new SearchExports(api, options.cacheTtlMs);
  }

  /** Forgets cached exports: the next load asks Zendesk again. */
  refresh(): void {
    this.exports.clear();
  }

  async load(
    input: LoadAudienceInput,
    options: { signal?: AbortSignal; onProgress?: (progress: AudienceProgress) => void } = {},
  ): Promise<LoadedAudience> {
    const { rules, catalog, ctx } = input;
    const plan = planAudience(rules, catalog, ctx, input.planOptions);
    const signal = options.signal;
    const progress = counter(options.onProgress);
    const hasOrganizationPart = plan.organizationConditions.length > 0;
    if (plan.userQueries.length === 0 && !hasOrganizationPart) {
      return { plan, matched: await this.everyone(progress, signal), matchedOrganizations: new Map() };
    }

    // The organization side and the narrow user queries do not depend on each other: in parallel.
    const organizationsTask = hasOrganizationPart
      ? this.matchedOrganizations(plan, ctx, progress, signal)
      : Promise.resolve(new Map<number, Organization>());
    const runNow = plan.userQueries.filter((q) => !(q.everyone && hasOrganizationPart && plan.mode === 'all'));
    const [organizations, results] = await Promise.all([
      organizationsTask,
      Promise.all(runNow.map((q) => this.exports.users(q.query, progress.customers, signal))),
    ]);

    const users = new Map<number, User>();
    const proofs = new Map<number, Map<string, boolean>>();
    const proof = (id: number) => {
      let map = proofs.get(id);
      if (!map) proofs.set(id, (map = new Map()));
      return map;
    };
    // All-of: the users of the main query, less those missing from an intersected one.
    // Any-of: the union; a query that answers a condition exactly also says who does not meet it.
    runNow.forEach((query, index) => {
      const found = results[index] ?? [];
      const ids = new Set(found.map((u) => u.id));
      if (plan.mode === 'all' && query.intersect) {
        for (const id of [...users.keys()]) {
          if (!ids.has(id)) users.delete(id);
          else for (const conditionId of query.proves) proof(id).set(conditionId, true);
        }
        return;
      }
      for (const user of found) users.set(user.id, user);
      for (const conditionId of query.proves) for (const user of found) proof(user.id).set(conditionId, true);
    });
    if (plan.mode === 'any') {
      runNow.forEach((query, index) => {
        if (query.everyone) return;
        const ids = new Set((results[index] ?? []).map((u) => u.id));
        for (const id of users.keys())
          for (const conditionId of query.proves) if (!ids.has(id)) proof(id).set(conditionId, false);
      });
    }

    const inMatched = new Set<number>();
    if (hasOrganizationPart && organizations.size > 0) {
      await this.joinOrganizations(plan, input, organizations, users, inMatched, progress, signal);
    }
    const memberships = (user: User) => (user.organization_id === null ? [] : [user.organization_id]);
    const matched: Customer[] = [];
    for (const user of users.values()) {
      const inOrganization = inMatched.has(user.id);
      const keep = refineUser(
        plan.mode,
        plan.userConditions,
        hasOrganizationPart,
        user,
        memberships(user),
        proofs.get(user.id) ?? new Map(),
        inOrganization,
        ctx,
      );
      if (!keep) continue;
      const own = memberships(user).flatMap((id) => organizations.get(id) ?? []);
      matched.push({ user, organizations: own });
    }
    return { plan, matched, matchedOrganizations: organizations };
  }

  private async everyone(progress: Progress, signal?: AbortSignal): Promise<Customer[]> {
    const users = await this.exports.users(EVERYONE, progress.customers, signal);
    return users.map((user) => ({ user, organizations: [] }));
  }

  private async matchedOrganizations(
    plan: AudiencePlan,
    ctx: EvaluationContext,
    progress: Progress,
    signal?: AbortSignal,
  ): Promise<Map<number, Organization>> {
    const pages = await Promise.all(
      plan.organizationQueries.map((query) => this.exports.organizations(query, progress.organizations, signal)),
    );
    const matched = new Map<number, Organization>();
    for (const organization of pages.flat()) {
      if (organizationPartMatches(plan.mode, plan.organizationConditions, organization, ctx)) {
        matched.set(organization.id, organization);
      }
    }
    return matched;
  }

  /**
   * Who among the users belongs to a matched organization. With one organization per customer
   * the user record says it; otherwise only search (`organization:` covers every membership) or
   * the membership list can, and the cheaper of the two is asked.
   */
  private async joinOrganizations(
    plan: AudiencePlan,
    input: LoadAudienceInput,
    organizations: ReadonlyMap<number, Organization>,
    users: Map<number, User>,
    inMatched: Set<number>,
    progress: Progress,
    signal?: AbortSignal,
  ): Promise<void> {
    const ids = [...organizations.keys()];
    const byDefault = (user: User) => user.organization_id !== null && organizations.has(user.organization_id);
    const mainSkipped = plan.mode === 'all' && (plan.userQueries[0]?.everyone ?? false);
    const joinQueries = organizationJoinQueries(plan, ids);

    const viaSearch = async (restrictTo?: ReadonlySet<number>) => {
      const found = await Promise.all(joinQueries.map((q) => this.exports.users(q, progress.customers, signal)));
      for (const user of found.flat()) {
        if (restrictTo && !restrictTo.has(user.id)) continue;
        if (!users.has(user.id)) {
          // All-of with no user terms: the join query is the whole user side. Any-of: members of a
          // matched organization are in, whatever the user conditions say.
          if (plan.mode === 'all' && !mainSkipped) continue;
          users.set(user.id, user);
        }
        inMatched.add(user.id);
      }
    };

    if (!input.multipleOrganizations) {
      // One organization each: the join is the default organization, unless the user side was
      // skipped (all-of with only organization conditions) and a few join queries beat exporting
      // everyone.
      const cheapJoin = joinQueries.length <= 3;
      if (mainSkipped || (plan.mode === 'any' && cheapJoin)) {
        if (cheapJoin) return viaSearch();
        const everyone = await this.exports.users(EVERYONE, progress.customers, signal);
        for (const user of everyone) if (byDefault(user)) users.set(user.id, user);
      }
      for (const user of users.values()) if (byDefault(user)) inMatched.add(user.id);
      return;
    }

    if (mainSkipped || plan.mode === 'any') return viaSearch();
    // All-of with user terms: the users are known; those whose default organization matched are
    // in, and only the rest may be members of a matched organization through another membership.
    const candidates = new Set<number>();
    for (const user of users.values()) {
      if (byDefault(user)) inMatched.add(user.id);
      else if (user.organization_id !== null) candidates.add(user.id);
    }
    if (candidates.size === 0) return;
    const perQuery = organizationsPerJoinQuery(plan);
    if (Math.ceil(ids.length / perQuery) <= candidates.size) return viaSearch(candidates);
    await Promise.all(
      [...candidates].map(async (userId) => {
        const list = await listOrganizationMemberships(this.api, { userId }, { signal });
        if (list.some((m) => organizations.has(m.organization_id))) inMatched.add(userId);
        progress.memberships(1);
      }),
    );
  }
}

interface Progress {
  organizations: (n: number) => void;
  customers: (n: number) => void;
  memberships: (n: number) => void;
}

function counter(onProgress?: (progress: AudienceProgress) => void): Progress {
  const seen = { organizations: 0, customers: 0, memberships: 0 };
  const bump = (phase: AudienceProgress['phase']) => (n: number) => {
    seen[phase] += n;
    onProgress?.({ phase, received: seen[phase] });
  };
  return {
    organizations: bump('organizations'),
    customers: bump('customers'),
    memberships: bump('memberships'),
  };
}
