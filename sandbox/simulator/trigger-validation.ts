import type { DemoAccount } from './account.ts';
import { isRecord } from './body.ts';
import { invalidValue, type Details } from './errors.ts';
import type { ConditionRules } from './endpoints/rule-conditions.ts';
import type {
  ActionDefinition,
  ConditionDefinition,
  DefinitionValue,
  TriggerDefinitions,
} from './trigger-definitions.ts';
import type { RuleCondition } from './types.ts';

/**
 * A trigger is checked against the account's own definitions (GET /triggers/definitions): an
 * unknown condition or action field, an operator the field does not take, or a value outside a
 * list is a 422, as Zendesk refuses what its editor could not build. Zendesk's exact checks are
 * (unverified); the simulator is the stricter of the readings.
 */
const TAGS = /^\S+(?:\s\S+)*$/;

const listed = (values: readonly DefinitionValue[] | undefined, value: unknown): boolean =>
  values === undefined || values.some((v) => v.value === (value === null ? '' : String(value)));

function conditionValueProblem(
  account: DemoAccount,
  definition: ConditionDefinition,
  condition: RuleCondition,
): string | undefined {
  const operator = definition.operators.find((o) => o.value === condition.operator);
  if (!operator || operator.terminal) return undefined;
  const { field, value } = condition;
  const bad = `${JSON.stringify(value)} is not a valid value for ${field}`;
  if (definition.type === 'tags') return typeof value === 'string' && TAGS.test(value.trim()) ? undefined : bad;
  if (definition.type === 'list' || definition.type === 'checkbox') {
    const items = Array.isArray(value) ? value : [value];
    return items.length > 0 && items.every((item) => listed(definition.values, item)) ? undefined : bad;
  }
  if (field === 'requester_id') {
    const ok = value === 'current_user' || account.usersById.has(Number(value));
    return ok ? undefined : bad;
  }
  if (field === 'organization_id') {
    return value === '' || value === null || account.organizationsById.has(Number(value)) ? undefined : bad;
  }
  return value === null || value === undefined || String(value).trim() === '' ? bad : undefined;
}

export function triggerConditionRules(
  account: DemoAccount,
  definitions: readonly ConditionDefinition[],
): ConditionRules {
  const bySubject = new Map(definitions.map((d) => [d.subject, d]));
  return {
    kind: 'trigger condition',
    operatorsFor: (field) => bySubject.get(field)?.operators.map((o) => o.value),
    valueProblem: (condition) => {
      const definition = bySubject.get(condition.field);
      return definition && conditionValueProblem(account, definition, condition);
    },
  };
}

/** Notifications are `[recipient, subject, body]` (user, group) or `[webhook id, body]`. */
function actionValueProblem(definition: ActionDefinition, value: unknown): string | undefined {
  const bad = `${JSON.stringify(value)} is not a valid value for ${definition.subject}`;
  if (definition.type === 'notification') {
    const length = definition.subject === 'notification_webhook' ? 2 : 3;
    if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === 'string')) return bad;
    return listed(definition.values, value[0]) ? undefined : bad;
  }
  if (definition.type === 'tags') return typeof value === 'string' && TAGS.test(value.trim()) ? undefined : bad;
  if (definition.type === 'list') return listed(definition.values, value) ? undefined : bad;
  return undefined;
}

/** The `actions` array of a trigger body; every bad item is reported under `actions`. */
export function readTriggerActions(
  raw: unknown,
  definitions: TriggerDefinitions,
  details: Details,
): Array<{ field: string; value: unknown }> {
  const reject = (why: string) => (details.actions ??= []).push(invalidValue('Action', why));
  if (!Array.isArray(raw) || raw.length === 0) {
    (details.actions ??= []).push({ description: 'Actions: cannot be blank', error: 'BlankValue' });
    return [];
  }
  const out: Array<{ field: string; value: unknown }> = [];
  for (const action of raw) {
    if (!isRecord(action) || typeof action.field !== 'string') {
      reject(`${JSON.stringify(action)} is not a valid action`);
      continue;
    }
    const definition = definitions.actions.find((d) => d.subject === action.field);
    const value = action.value ?? null;
    const problem = definition ? actionValueProblem(definition, value) : `${action.field} is not a valid action`;
    if (problem) reject(problem);
    else out.push({ field: action.field, value });
  }
  return out;
}
