import type { NewTrigger, Trigger } from '../../zendesk/index.ts';

/**
 * The triggers an admin can add to a campaign in one click (SPEC.md flow step 5). Each one is
 * kept as plain conditions and actions first, so the screen can say in words exactly what the
 * trigger will do before it is created, and the same data becomes the Zendesk trigger.
 *
 * "A customer replies" is: the ticket is updated, by an end user, with a public comment, on a
 * ticket with the campaign tag. An end user can only add public comments, so the comment
 * condition only rules out updates without one (a customer marking a request solved).
 */
export type TriggerPresetId = 'route_replies' | 'raise_priority' | 'notify_assignee';
export const TRIGGER_PRESETS: readonly TriggerPresetId[] = ['route_replies', 'raise_priority', 'notify_assignee'];

export type PlainCondition =
  | { kind: 'ticket_updated' }
  | { kind: 'by_customer' }
  | { kind: 'with_public_reply' }
  | { kind: 'has_tag'; tag: string }
  | { kind: 'priority_below_high' }
  | { kind: 'not_in_group'; groupId: number };

export type PlainAction =
  { kind: 'set_group'; groupId: number } | { kind: 'set_priority_high' } | { kind: 'email_assignee' };

export interface PresetChoices {
  /** route_replies: the group replies go to. */
  groupId: number | null;
}

export interface PresetPlan {
  conditions: PlainCondition[];
  actions: PlainAction[];
}

/** What a preset still needs from the admin before it can be created. */
export function missingChoice(preset: TriggerPresetId, choices: PresetChoices): 'group' | null {
  return preset === 'route_replies' && choices.groupId === null ? 'group' : null;
}

const customerReplies = (tag: string): PlainCondition[] => [
  { kind: 'ticket_updated' },
  { kind: 'by_customer' },
  { kind: 'with_public_reply' },
  { kind: 'has_tag', tag },
];

export function presetPlan(preset: TriggerPresetId, tag: string, choices: PresetChoices): PresetPlan {
  switch (preset) {
    case 'route_replies': {
      const groupId = choices.groupId ?? 0;
      // Not already in the group: the trigger then fires once, not on every later reply.
      return {
        conditions: [...customerReplies(tag), { kind: 'not_in_group', groupId }],
        actions: [{ kind: 'set_group', groupId }],
      };
    }
    case 'raise_priority':
      // Only below High: an Urgent ticket is never lowered to High.
      return {
        conditions: [...customerReplies(tag), { kind: 'priority_below_high' }],
        actions: [{ kind: 'set_priority_high' }],
      };
    case 'notify_assignee':
      return { conditions: customerReplies(tag), actions: [{ kind: 'email_assignee' }] };
  }
}

type ApiCondition = NewTrigger['conditions']['all'][number];
type ApiAction = NewTrigger['actions'][number];

/** Field names and values exactly as Zendesk's trigger definitions spell them (support-api.md §8). */
function apiCondition(condition: PlainCondition): ApiCondition {
  switch (condition.kind) {
    case 'ticket_updated':
      return { field: 'update_type', operator: 'is', value: 'Change' };
    case 'by_customer':
      return { field: 'role', operator: 'is', value: 'end_user' };
    case 'with_public_reply':
      return { field: 'comment_is_public', operator: 'is', value: 'true' };
    case 'has_tag':
      return { field: 'current_tags', operator: 'includes', value: condition.tag };
    case 'priority_below_high':
      return { field: 'priority', operator: 'less_than', value: 'high' };
    case 'not_in_group':
      return { field: 'group_id', operator: 'is_not', value: String(condition.groupId) };
  }
}

export interface NotificationWords {
  subject: string;
  body: string;
}

function apiAction(action: PlainAction, email: NotificationWords): ApiAction {
  switch (action.kind) {
    case 'set_group':
      return { field: 'group_id', value: String(action.groupId) };
    case 'set_priority_high':
      return { field: 'priority', value: 'high' };
    case 'email_assignee':
      return { field: 'notification_user', value: ['assignee_id', email.subject, email.body] };
  }
}

/** The trigger to POST: active, in `categoryId` when the account uses trigger categories. */
export function presetTrigger(
  plan: PresetPlan,
  words: { title: string; description: string; email: NotificationWords },
  categoryId: string | null,
): NewTrigger {
  return {
    title: words.title,
    description: words.description,
    active: true,
    ...(categoryId === null ? {} : { category_id: categoryId }),
    conditions: { all: plan.conditions.map(apiCondition), any: [] },
    actions: plan.actions.map((a) => apiAction(a, words.email)),
  };
}

/** A trigger that only fires on the campaign's tickets: an "all" condition on its tag. */
export function isCampaignTrigger(trigger: Pick<Trigger, 'conditions'>, tag: string): boolean {
  return trigger.conditions.all.some(
    (c) =>
      c.field === 'current_tags' &&
      c.operator === 'includes' &&
      typeof c.value === 'string' &&
      c.value.split(/\s+/).includes(tag),
  );
}

/** The name of the category the app files its triggers under, when the account has categories. */
export const TRIGGER_CATEGORY_NAME = 'Proactive campaigns';
