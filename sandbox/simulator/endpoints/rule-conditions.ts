import { isRecord } from '../body.ts';
import { invalidValue, type Details } from '../errors.ts';
import type { RuleCondition } from '../types.ts';

/** What a business rule accepts as a condition: its fields and their operators, and for triggers values too. */
export interface ConditionRules {
  /** How an unreadable condition is called in the error, e.g. `view condition`. */
  kind: string;
  /** The operators a field allows; undefined for a field the rule does not know. */
  operatorsFor?: (field: string) => readonly string[] | undefined;
  /** Why a condition's value is refused, or undefined when it is fine. */
  valueProblem?: (condition: RuleCondition) => string | undefined;
}

/**
 * The `all` or `any` array of a view or trigger body. Every bad item is reported under `name`
 * in the 422's details, as Zendesk lists each invalid condition.
 */
export function readConditions(raw: unknown, name: string, details: Details, rules: ConditionRules): RuleCondition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    (details[name] ??= []).push(invalidValue(name, 'must be an array of conditions'));
    return [];
  }
  const out: RuleCondition[] = [];
  const reject = (description: string) => (details[name] ??= []).push(invalidValue('Condition', description));
  for (const item of raw) {
    const condition = asCondition(item);
    const operators = condition && rules.operatorsFor?.(condition.field);
    if (!condition || (rules.operatorsFor && !operators)) {
      reject(`${JSON.stringify(item)} is not a valid ${rules.kind}`);
    } else if (operators && !operators.includes(condition.operator)) {
      reject(`${condition.operator} is not valid for ${condition.field}`);
    } else {
      const problem = rules.valueProblem?.(condition);
      if (problem) reject(problem);
      else out.push(condition);
    }
  }
  return out;
}

function asCondition(item: unknown): RuleCondition | undefined {
  if (!isRecord(item) || typeof item.field !== 'string' || typeof item.operator !== 'string') return undefined;
  return { field: item.field, operator: item.operator, value: item.value ?? null };
}
