import type { RuleCondition, ZendeskTicket } from './types.ts';

/** Status and priority order, for less_than / greater_than and for sorting. */
export const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

/** The condition fields views accept here, with their operators (support-api.md §7, GO-ZD). */
export const VIEW_CONDITION_OPERATORS: Record<string, readonly string[]> = {
  status: ['is', 'is_not', 'less_than', 'greater_than'],
  type: ['is', 'is_not'],
  priority: ['is', 'is_not', 'less_than', 'greater_than'],
  group_id: ['is', 'is_not'],
  assignee_id: ['is', 'is_not'],
  requester_id: ['is', 'is_not'],
  organization_id: ['is', 'is_not'],
  custom_status_id: ['includes', 'not_includes', 'is', 'is_not'],
  current_tags: ['includes', 'not_includes'],
  via_id: ['is', 'is_not'],
  brand_id: ['is', 'is_not'],
  ticket_form_id: ['is', 'is_not'],
};

/** `all` must hold one of these, or Zendesk refuses the view (support-api.md §7). */
export const VIEW_ANCHOR_FIELDS = ['status', 'type', 'group_id', 'assignee_id', 'requester_id'];

export const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'];

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

export function ticketMatchesCondition(ticket: ZendeskTicket, condition: RuleCondition, actorId: number): boolean {
  const { field, operator } = condition;
  const wanted = text(condition.value) === 'current_user' ? String(actorId) : text(condition.value);
  if (field === 'current_tags') {
    const tags = wanted.toLowerCase().split(/\s+/).filter(Boolean);
    const any = tags.some((t) => ticket.tags.includes(t));
    return operator === 'includes' ? any : !any;
  }
  if (field === 'status' || field === 'priority') {
    const order = field === 'status' ? STATUS_ORDER : PRIORITY_ORDER;
    const actual = order.indexOf(text(field === 'status' ? ticket.status : ticket.priority));
    const target = order.indexOf(wanted);
    if (operator === 'less_than') return actual !== -1 && actual < target;
    if (operator === 'greater_than') return actual > target;
    return operator === 'is' ? actual === target : actual !== target;
  }
  const actualByField: Record<string, unknown> = {
    type: ticket.type,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    requester_id: ticket.requester_id,
    organization_id: ticket.organization_id,
    custom_status_id: ticket.custom_status_id,
    via_id: ticket.via.channel === 'api' ? 5 : 0,
    brand_id: ticket.brand_id,
    ticket_form_id: ticket.ticket_form_id,
  };
  if (!(field in actualByField)) return false;
  const actual = text(actualByField[field]);
  if (operator === 'includes') return wanted.split(/[\s,]+/).includes(actual);
  if (operator === 'not_includes') return !wanted.split(/[\s,]+/).includes(actual);
  return operator === 'is' ? actual === wanted : actual !== wanted;
}

export function ticketMatchesView(
  ticket: ZendeskTicket,
  conditions: { all: RuleCondition[]; any: RuleCondition[] },
  actorId: number,
): boolean {
  if (!conditions.all.every((c) => ticketMatchesCondition(ticket, c, actorId))) return false;
  return conditions.any.length === 0 || conditions.any.some((c) => ticketMatchesCondition(ticket, c, actorId));
}
