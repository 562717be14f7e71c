import type { User } from '../../zendesk/index.ts';
import type { MatchMode } from './audience.ts';
import type { EvaluationContext } from './evaluate.ts';
import { userMatches } from './evaluate.ts';
import type { PlannedCondition } from './plan.ts';

/**
 * The final word on one fetched user. A condition that a query answered exactly takes the query's
 * answer (`proofs`); every other condition is evaluated on the record with the preview's
 * predicate. `inMatchedOrganization` says whether one of the user's organizations meets the
 * organization part (from the organization records, or from an `organization:` query).
 */
export function refineUser(
  mode: MatchMode,
  userConditions: readonly PlannedCondition[],
  hasOrganizationConditions: boolean,
  user: User,
  knownMemberships: readonly number[],
  proofs: ReadonlyMap<string, boolean>,
  inMatchedOrganization: boolean,
  ctx: EvaluationContext,
): boolean {
  if (userConditions.length === 0 && !hasOrganizationConditions) return true;
  const holds = (planned: PlannedCondition) =>
    proofs.get(planned.condition.id) ?? userMatches(planned.field, planned.condition, user, knownMemberships, ctx);
  if (mode === 'all') return userConditions.every(holds) && (!hasOrganizationConditions || inMatchedOrganization);
  return userConditions.some(holds) || (hasOrganizationConditions && inMatchedOrganization);
}
