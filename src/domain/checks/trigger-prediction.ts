import type { RuleAction, RuleCondition, Trigger } from '../../zendesk/index.ts';

/**
 * Which of the account's active triggers will fire on the tickets a campaign creates, found by
 * evaluating their conditions against the ticket as Zendesk will see it at creation: update type
 * Create, created by the sending agent through the API, with the campaign's status, priority,
 * group, assignee, tags (the requester's and organization's tags are added by Zendesk) and
 * comment privacy. Conditions the app cannot decide make a trigger "may fire", never "won't".
 *
 * Zendesk runs triggers in order; one that fires changes the ticket and the cycle starts again,
 * each trigger firing at most once (so "set priority to normal" is seen by later triggers).
 */
export type Truth = true | false | 'unknown';

export interface TicketAtCreation {
  status: string;
  priority: string | null;
  type: string | null;
  groupId: number | null;
  assigneeId: number | null;
  organizationId: number | null;
  requesterId: number;
  tags: readonly string[];
  commentIsPublic: boolean;
  subject: string;
  body: string;
  customStatusId: number | null;
  /** The sending agent's role: `admin` or `agent` (custom roles are agents). */
  currentUserRole: 'admin' | 'agent';
  currentUserId: number;
  requesterLocaleId: number | null;
  requesterFields: Readonly<Record<string, unknown>>;
  organizationFields: Readonly<Record<string, unknown>>;
}

/** Channel id of tickets created through the API (support-api.md §8: 5, unverified). */
export const VIA_API = 5;

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'];

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

function ordered(order: readonly string[], actual: string, operator: string, wanted: string): Truth {
  const a = order.indexOf(actual);
  const w = order.indexOf(wanted);
  switch (operator) {
    case 'is':
      return actual === wanted;
    case 'is_not':
      return actual !== wanted;
    case 'less_than':
      return a !== -1 && w !== -1 && a < w;
    case 'greater_than':
      return a !== -1 && w !== -1 && a > w;
    default:
      return 'unknown';
  }
}

/** On a new ticket every field "changed" from nothing to its value, if it has one. */
function changeOnCreate(actual: string, operator: string, wanted: string): Truth | undefined {
  switch (operator) {
    case 'changed':
      return actual !== '';
    case 'not_changed':
      return actual === '';
    case 'value':
      return actual === wanted;
    case 'not_value':
      return actual !== wanted;
    case 'value_previous':
      return wanted === '';
    case 'not_value_previous':
      return wanted !== '';
    default:
      return undefined;
  }
}

function reference(actual: number | null, operator: string, raw: unknown, ticket: TicketAtCreation): Truth {
  let wanted = text(raw);
  if (wanted === 'current_user') wanted = String(ticket.currentUserId);
  const value = actual === null ? '' : String(actual);
  const change = changeOnCreate(value, operator, wanted);
  if (change !== undefined) return change;
  if (wanted === 'current_groups') return 'unknown';
  if (operator === 'is') return value === wanted;
  if (operator === 'is_not') return value !== wanted;
  return 'unknown';
}

function tagList(value: unknown): string[] {
  return text(value).toLowerCase().split(/\s+/).filter(Boolean);
}

function words(haystack: string, value: unknown, operator: string): Truth {
  const have = new Set(
    haystack
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean),
  );
  const wanted = tagList(value);
  const any = wanted.some((w) => have.has(w));
  if (operator === 'includes') return any;
  if (operator === 'not_includes') return !any;
  if (operator === 'is') return haystack.trim().toLowerCase() === text(value).toLowerCase();
  if (operator === 'is_not') return haystack.trim().toLowerCase() !== text(value).toLowerCase();
  return 'unknown';
}

function customValue(values: Readonly<Record<string, unknown>>, key: string, operator: string, raw: unknown): Truth {
  const value = values[key];
  const actual = Array.isArray(value)
    ? value.map(text)
    : value === true
      ? ['true']
      : value === false
        ? ['false']
        : [text(value)].filter(Boolean);
  const wanted = text(raw);
  switch (operator) {
    case 'is':
      return actual.includes(wanted);
    case 'is_not':
      return !actual.includes(wanted);
    case 'present':
      return actual.length > 0 && actual.some((a) => a !== 'false');
    case 'not_present':
      return !(actual.length > 0 && actual.some((a) => a !== 'false'));
    case 'includes':
      return tagList(raw).some((w) => actual.includes(w));
    case 'not_includes':
      return !tagList(raw).some((w) => actual.includes(w));
    default:
      return 'unknown';
  }
}

export function conditionHolds(condition: RuleCondition, ticket: TicketAtCreation): Truth {
  const { field, operator, value } = condition;
  switch (field) {
    case 'update_type':
      return operator === 'is' ? text(value).toLowerCase() === 'create' : text(value).toLowerCase() !== 'create';
    case 'status': {
      const change = changeOnCreate(ticket.status, operator, text(value));
      return change ?? ordered(STATUS_ORDER, ticket.status, operator, text(value));
    }
    case 'priority': {
      const actual = ticket.priority ?? '';
      const change = changeOnCreate(actual, operator, text(value));
      if (change !== undefined) return change;
      if (text(value) === '')
        return operator === 'is' ? actual === '' : operator === 'is_not' ? actual !== '' : 'unknown';
      return ordered(PRIORITY_ORDER, actual, operator, text(value));
    }
    case 'type': {
      const actual = ticket.type ?? '';
      return (
        changeOnCreate(actual, operator, text(value)) ??
        (operator === 'is' ? actual === text(value) : operator === 'is_not' ? actual !== text(value) : 'unknown')
      );
    }
    case 'group_id':
      return reference(ticket.groupId, operator, value, ticket);
    case 'assignee_id':
      return reference(ticket.assigneeId, operator, value, ticket);
    case 'requester_id':
      return reference(ticket.requesterId, operator, value, ticket);
    case 'organization_id':
      return reference(ticket.organizationId, operator, value, ticket);
    case 'custom_status_id':
      return reference(ticket.customStatusId, operator, value, ticket);
    case 'current_tags': {
      const wanted = tagList(value);
      const any = wanted.some((t) => ticket.tags.includes(t));
      return operator === 'includes' ? any : operator === 'not_includes' ? !any : 'unknown';
    }
    case 'comment_is_public': {
      const wanted = text(value);
      if (wanted === 'not_relevant') return true;
      if (wanted === 'true' || wanted === 'requester_can_see_comment') return ticket.commentIsPublic;
      if (wanted === 'false') return !ticket.commentIsPublic;
      return 'unknown';
    }
    case 'ticket_is_public':
      // A ticket whose first comment is internal is a private ticket.
      return text(value) === 'public'
        ? ticket.commentIsPublic
        : text(value) === 'private'
          ? !ticket.commentIsPublic
          : 'unknown';
    case 'role': {
      // "Current user is (agent)" covers admins too: admins are agents.
      const wanted = text(value);
      const holds = wanted === 'agent' ? true : wanted === 'admin' ? ticket.currentUserRole === 'admin' : false;
      return operator === 'is' ? holds : operator === 'is_not' ? !holds : 'unknown';
    }
    case 'requester_role': {
      const holds = text(value) === 'end_user';
      return operator === 'is' ? holds : operator === 'is_not' ? !holds : 'unknown';
    }
    case 'via_id':
    case 'current_via_id': {
      const holds = text(value) === String(VIA_API);
      return operator === 'is' ? holds : operator === 'is_not' ? !holds : 'unknown';
    }
    case 'locale_id':
    case 'requester_locale_id': {
      if (ticket.requesterLocaleId === null) return 'unknown';
      const holds = text(value) === String(ticket.requesterLocaleId);
      return operator === 'is' ? holds : operator === 'is_not' ? !holds : 'unknown';
    }
    case 'subject_includes_word':
      return words(ticket.subject, value, operator);
    case 'comment_includes_word':
      return words(`${ticket.subject} ${ticket.body}`, value, operator);
    default: {
      const requester = /^requester\.custom_fields\.(.+)$/.exec(field);
      if (requester?.[1]) return customValue(ticket.requesterFields, requester[1], operator, value);
      const organization = /^organization\.custom_fields\.(.+)$/.exec(field);
      if (organization?.[1]) return customValue(ticket.organizationFields, organization[1], operator, value);
      return 'unknown';
    }
  }
}

function all(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}

function any(values: readonly Truth[]): Truth {
  if (values.length === 0) return true;
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

export function triggerHolds(trigger: Pick<Trigger, 'conditions'>, ticket: TicketAtCreation): Truth {
  const { conditions } = trigger;
  return all([
    all(conditions.all.map((c) => conditionHolds(c, ticket))),
    any(conditions.any.map((c) => conditionHolds(c, ticket))),
  ]);
}

/** What a fired trigger does to the ticket itself (notifications change nothing). */
function applyActions(actions: readonly RuleAction[], ticket: TicketAtCreation): TicketAtCreation {
  let next = { ...ticket, tags: [...ticket.tags] };
  for (const { field, value } of actions) {
    const v = text(value);
    if (field === 'status') next = { ...next, status: v };
    else if (field === 'priority') next = { ...next, priority: v || null };
    else if (field === 'type') next = { ...next, type: v || null };
    else if (field === 'group_id') next = { ...next, groupId: /^\d+$/.test(v) ? Number(v) : null };
    else if (field === 'assignee_id')
      next = { ...next, assigneeId: v === 'current_user' ? ticket.currentUserId : /^\d+$/.test(v) ? Number(v) : null };
    else if (field === 'set_tags') next = { ...next, tags: tagList(value) };
    else if (field === 'current_tags') next = { ...next, tags: [...new Set([...next.tags, ...tagList(value)])] };
    else if (field === 'remove_tags') next = { ...next, tags: next.tags.filter((t) => !tagList(value).includes(t)) };
  }
  return next;
}

export interface TriggerOutcome {
  trigger: Trigger;
  result: Truth;
}

/** The triggers' outcome for one ticket, in Zendesk's order, with the ticket changing as they fire. */
export function runTriggers(triggers: readonly Trigger[], start: TicketAtCreation): TriggerOutcome[] {
  const active = [...triggers].filter((t) => t.active).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const result = new Map<number, Truth>();
  let ticket = start;
  for (let pass = 0; pass <= active.length; pass++) {
    let changed = false;
    for (const trigger of active) {
      if (result.get(trigger.id) === true) continue;
      const holds = triggerHolds(trigger, ticket);
      if (holds === true) {
        result.set(trigger.id, true);
        ticket = applyActions(trigger.actions, ticket);
        changed = true;
        break;
      }
      result.set(trigger.id, holds);
    }
    if (!changed) break;
  }
  return active.map((trigger) => ({ trigger, result: result.get(trigger.id) ?? false }));
}
