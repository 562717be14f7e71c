import { z } from 'zod';
import type { AudienceField, FieldCatalog } from '../fields/audience-fields.ts';
import { conditionSchema, isComplete, operatorFits, type Condition } from './condition.ts';
import type { Customer } from './customer.ts';
import { organizationMatches, userMatches, type EvaluationContext } from './evaluate.ts';

export const matchModeSchema = z.enum(['all', 'any']);
export type MatchMode = z.infer<typeof matchModeSchema>;

/** Who a campaign goes to: conditions over fields, matched all-of or any-of. */
export const audienceRulesSchema = z.object({
  match: matchModeSchema,
  conditions: z.array(conditionSchema),
  /** Agents and admins are left out unless the agent opts in (SPEC.md flow step 1). */
  includeStaff: z.boolean(),
});
export type AudienceRules = z.infer<typeof audienceRulesSchema>;

export const EMPTY_RULES: AudienceRules = { match: 'all', conditions: [], includeStaff: false };

export interface UsableCondition {
  condition: Condition;
  field: AudienceField;
}

export type ConditionProblem = { conditionId: string; reason: 'unknown_field' | 'operator_mismatch' };

/**
 * The conditions that take part: complete ones on fields the account still has. A field deleted
 * or deactivated since the draft was saved is reported, never silently dropped, because dropping
 * it would widen the audience behind the agent's back.
 */
export function usableConditions(
  rules: AudienceRules,
  catalog: FieldCatalog,
): { usable: UsableCondition[]; problems: ConditionProblem[] } {
  const usable: UsableCondition[] = [];
  const problems: ConditionProblem[] = [];
  for (const condition of rules.conditions) {
    const field = catalog.get(condition.field);
    if (!field) problems.push({ conditionId: condition.id, reason: 'unknown_field' });
    else if (!operatorFits(field.kind, condition.operator))
      problems.push({ conditionId: condition.id, reason: 'operator_mismatch' });
    else if (isComplete(condition)) usable.push({ condition, field });
  }
  return { usable, problems };
}

export function splitByScope(usable: readonly UsableCondition[]) {
  return {
    userConditions: usable.filter((u) => u.field.ref.scope !== 'organization'),
    organizationConditions: usable.filter((u) => u.field.ref.scope === 'organization'),
  };
}

/**
 * An organization satisfies the organization part when it meets all (or any) of the organization
 * conditions by itself: "active accounts spending over $500" means one account that is both.
 */
export function organizationPartMatches(
  mode: MatchMode,
  conditions: readonly UsableCondition[],
  organization: Customer['organizations'][number],
  ctx: EvaluationContext,
): boolean {
  const test = ({ field, condition }: UsableCondition) => organizationMatches(field, condition, organization, ctx);
  return mode === 'all' ? conditions.every(test) : conditions.some(test);
}

export function userPartMatches(
  mode: MatchMode,
  conditions: readonly UsableCondition[],
  customer: Customer,
  ctx: EvaluationContext,
): boolean {
  const memberships = customer.organizations.map((o) => o.id);
  const test = ({ field, condition }: UsableCondition) =>
    userMatches(field, condition, customer.user, memberships, ctx);
  return mode === 'all' ? conditions.every(test) : conditions.some(test);
}

/**
 * Does the customer meet the rules? No usable condition means everyone. With all-of, every user
 * condition holds and one of the customer's organizations meets the organization part; with
 * any-of, one user condition holds or one organization meets one organization condition.
 *
 * `inMatchedOrganization` is whether one of the customer's organizations meets the organization
 * part; the loader may know it from Zendesk search (`organization:` matches every membership)
 * without holding the organization records, so it is an input here.
 */
export function decide(
  mode: MatchMode,
  usable: readonly UsableCondition[],
  customer: Customer,
  inMatchedOrganization: boolean,
  ctx: EvaluationContext,
): boolean {
  if (usable.length === 0) return true;
  const { userConditions, organizationConditions } = splitByScope(usable);
  if (mode === 'all') {
    return (
      userPartMatches('all', userConditions, customer, ctx) &&
      (organizationConditions.length === 0 || inMatchedOrganization)
    );
  }
  return (
    (userConditions.length > 0 && userPartMatches('any', userConditions, customer, ctx)) ||
    (organizationConditions.length > 0 && inMatchedOrganization)
  );
}

/** The whole predicate from the customer's records: what the preview and the tests use. */
export function customerMatches(
  mode: MatchMode,
  usable: readonly UsableCondition[],
  customer: Customer,
  ctx: EvaluationContext,
): boolean {
  const { organizationConditions } = splitByScope(usable);
  const inMatchedOrganization = customer.organizations.some((org) =>
    organizationPartMatches(mode, organizationConditions, org, ctx),
  );
  return decide(mode, usable, customer, inMatchedOrganization, ctx);
}
