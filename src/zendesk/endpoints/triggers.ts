import type { SupportApiClient } from '../client.ts';
import { listAll } from '../pagination.ts';
import type { RuleAction, RuleCondition } from '../schemas/rules.ts';
import {
  triggerCategoriesResponseSchema,
  triggerCategoryResponseSchema,
  triggerResponseSchema,
  triggersResponseSchema,
  type Trigger,
  type TriggerCategory,
} from '../schemas/triggers.ts';
import type { CallOptions } from './call-options.ts';

type ConditionInput = Pick<RuleCondition, 'field' | 'operator'> & { value: unknown };

export interface NewTrigger {
  title: string;
  description?: string;
  active?: boolean;
  /** Public code always sends one when trigger categories are on (whether required is unverified). */
  category_id?: string;
  conditions: { all: ConditionInput[]; any?: ConditionInput[] };
  actions: Array<Pick<RuleAction, 'field'> & { value: unknown }>;
}

/** POST /api/v2/triggers: admins (and custom roles with trigger rights) only, else 403. */
export async function createTrigger(
  client: SupportApiClient,
  trigger: NewTrigger,
  options?: CallOptions,
): Promise<Trigger> {
  const body = {
    trigger: { ...trigger, conditions: { all: trigger.conditions.all, any: trigger.conditions.any ?? [] } },
  };
  const { trigger: created } = await client.request(
    { method: 'POST', url: '/api/v2/triggers', body },
    triggerResponseSchema,
    options,
  );
  return created;
}

/** GET /api/v2/triggers/active: what fires on a new ticket, to warn before sending. */
export function listActiveTriggers(client: SupportApiClient, options?: CallOptions): Promise<Trigger[]> {
  return listAll(client, '/api/v2/triggers/active', triggersResponseSchema, (page) => page.triggers, options);
}

export function listTriggerCategories(client: SupportApiClient, options?: CallOptions): Promise<TriggerCategory[]> {
  return listAll(
    client,
    '/api/v2/trigger_categories',
    triggerCategoriesResponseSchema,
    (page) => page.trigger_categories,
    options,
  );
}

/** POST /api/v2/trigger_categories (errors come as `{"errors":[{code,title}]}`). */
export async function createTriggerCategory(
  client: SupportApiClient,
  category: { name: string; position?: number },
  options?: CallOptions,
): Promise<TriggerCategory> {
  const { trigger_category } = await client.request(
    { method: 'POST', url: '/api/v2/trigger_categories', body: { trigger_category: category } },
    triggerCategoryResponseSchema,
    options,
  );
  return trigger_category;
}
