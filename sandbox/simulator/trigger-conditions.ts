import type { DemoAccount } from './account.ts';
import type { CustomField, RuleCondition, TicketComment, ZendeskTicket, ZendeskUser } from './types.ts';
import { ticketMatchesCondition } from './view-conditions.ts';

/**
 * Whether one trigger condition holds for a ticket being created or updated (support-api.md §8,
 * GO-ZD condition types). `'unknown'` for a field or operator the simulator cannot decide: such a
 * trigger never fires here (stricter), and is reported as undecidable.
 */
export type ConditionResult = boolean | 'unknown';

export interface ConditionContext {
  account: DemoAccount;
  ticket: ZendeskTicket;
  /** The ticket before this update; null on a create (every field "changed" from nothing). */
  previous: ZendeskTicket | null;
  updateType: 'Create' | 'Change';
  currentUser: ZendeskUser;
  /** The comment this update adds, if any. */
  comment: TicketComment | null;
}

/** Channel ids of `via_id` (API = 5 per support-api.md §8, (unverified); the rest (unverified) too). */
const VIA_IDS: Record<string, number> = { web: 0, email: 4, api: 5, chat: 29 };

/** Fields whose plain operators the view reader already decides (view-conditions.ts). */
const TICKET_FIELDS = new Set([
  'status',
  'priority',
  'type',
  'group_id',
  'assignee_id',
  'requester_id',
  'organization_id',
  'custom_status_id',
  'brand_id',
  'ticket_form_id',
]);
const ORDERED_FIELDS = new Set(['status', 'priority']);
function plainOperator(field: string, operator: string): boolean {
  if (operator === 'is' || operator === 'is_not') return true;
  if (operator === 'less_than' || operator === 'greater_than') return ORDERED_FIELDS.has(field);
  return operator === 'includes' || operator === 'not_includes';
}

/** Change operators: GO-ZD's `value`/`value_previous` spellings and the readable ones. */
const CHANGE_OPERATORS: Record<string, (now: string, before: string, wanted: string) => boolean> = {
  changed: (now, before) => now !== before,
  not_changed: (now, before) => now === before,
  value: (now, before, wanted) => now !== before && now === wanted,
  changed_to: (now, before, wanted) => now !== before && now === wanted,
  value_previous: (now, before, wanted) => now !== before && before === wanted,
  changed_from: (now, before, wanted) => now !== before && before === wanted,
  not_value: (now, before, wanted) => !(now !== before && now === wanted),
  not_changed_to: (now, before, wanted) => !(now !== before && now === wanted),
  not_value_previous: (now, before, wanted) => !(now !== before && before === wanted),
  not_changed_from: (now, before, wanted) => !(now !== before && before === wanted),
};

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function viaId(ticket: ZendeskTicket): number {
  return VIA_IDS[ticket.via.channel] ?? -1;
}

function fieldText(ticket: ZendeskTicket | null, field: string): string {
  if (!ticket) return '';
  const values: Record<string, unknown> = {
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    requester_id: ticket.requester_id,
    organization_id: ticket.organization_id,
    custom_status_id: ticket.custom_status_id,
    brand_id: ticket.brand_id,
    ticket_form_id: ticket.ticket_form_id,
  };
  return text(values[field]);
}

/** Zendesk's roles in conditions: `agent` covers admins too, as admins are agents ((unverified)). */
function hasRole(user: ZendeskUser | undefined, wanted: string): boolean {
  if (!user) return false;
  if (wanted === 'end_user' || wanted === 'end-user') return user.role === 'end-user';
  if (wanted === 'agent') return user.role === 'agent' || user.role === 'admin';
  return wanted === 'admin' && user.role === 'admin';
}

function words(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

function includesWords(haystack: string, operator: string, wanted: string): ConditionResult {
  const have = new Set(words(haystack));
  const anyWord = words(wanted).some((w) => have.has(w));
  const phrase = haystack.toLowerCase().includes(wanted.toLowerCase());
  const byOperator: Record<string, boolean> = {
    includes: anyWord,
    not_includes: !anyWord,
    is: phrase,
    is_not: !phrase,
  };
  return byOperator[operator] ?? 'unknown';
}

/** `requester.custom_fields.<key>` / `organization.custom_fields.<key>`. */
function customFieldCondition(
  fields: readonly CustomField[],
  values: Record<string, unknown> | undefined,
  key: string,
  operator: string,
  wanted: string,
): ConditionResult {
  const field = fields.find((f) => f.key === key);
  if (!field) return 'unknown';
  const raw = values?.[key] ?? null;
  const present = raw !== null && raw !== '' && raw !== false && !(Array.isArray(raw) && raw.length === 0);
  const list = Array.isArray(raw) ? raw.map(String) : [text(raw)];
  const asNumber = (v: string) => (field.type === 'date' ? Date.parse(v) : Number(v));
  const byOperator: Record<string, () => boolean> = {
    present: () => present,
    not_present: () => !present,
    is: () => list.includes(wanted),
    is_not: () => !list.includes(wanted),
    includes: () => wanted.split(/\s+/).some((w) => list.includes(w)),
    not_includes: () => !wanted.split(/\s+/).some((w) => list.includes(w)),
    less_than: () => present && asNumber(text(raw)) < asNumber(wanted),
    greater_than: () => present && asNumber(text(raw)) > asNumber(wanted),
  };
  const decide = byOperator[operator];
  return decide ? decide() : 'unknown';
}

export function conditionHolds(condition: RuleCondition, ctx: ConditionContext): ConditionResult {
  const { field, operator } = condition;
  const { ticket, account, currentUser } = ctx;
  const rawWanted = text(condition.value);
  const wanted = rawWanted === 'current_user' ? String(currentUser.id) : rawWanted;
  const isOrNot = (holds: boolean): ConditionResult =>
    operator === 'is' ? holds : operator === 'is_not' ? !holds : 'unknown';

  if (TICKET_FIELDS.has(field)) {
    const change = CHANGE_OPERATORS[operator];
    if (change) return change(fieldText(ticket, field), fieldText(ctx.previous, field), wanted);
    if (!plainOperator(field, operator)) return 'unknown';
    return ticketMatchesCondition(ticket, condition, currentUser.id);
  }
  const requester = account.usersById.get(ticket.requester_id);
  const organization =
    ticket.organization_id === null ? undefined : account.organizationsById.get(ticket.organization_id);
  const comment = ctx.comment;
  switch (field) {
    case 'update_type':
      return isOrNot(ctx.updateType === rawWanted);
    case 'current_tags':
      return operator === 'includes' || operator === 'not_includes'
        ? ticketMatchesCondition(ticket, condition, currentUser.id)
        : 'unknown';
    case 'via_id':
      return isOrNot(String(viaId(ticket)) === wanted);
    case 'current_via_id':
      // Every update reaches the simulator through the API.
      return isOrNot(String(VIA_IDS.api) === wanted);
    case 'role':
      return isOrNot(hasRole(currentUser, rawWanted));
    case 'requester_role':
      return isOrNot(hasRole(requester, rawWanted));
    case 'comment_is_public': {
      const kinds: Record<string, boolean> = {
        true: comment?.public === true,
        false: comment?.public === false,
        not_relevant: comment !== null,
        requester_can_see_comment: comment?.public === true,
      };
      const holds = kinds[rawWanted];
      return holds === undefined ? 'unknown' : isOrNot(holds);
    }
    case 'ticket_is_public':
      if (rawWanted !== 'public' && rawWanted !== 'private') return 'unknown';
      return isOrNot(ticket.is_public === (rawWanted === 'public'));
    case 'locale_id':
      return isOrNot(String(requester?.locale_id ?? '') === wanted);
    case 'subject_includes_word':
      return includesWords(ticket.subject, operator, rawWanted);
    case 'comment_includes_word':
      return includesWords(comment?.plain_body ?? '', operator, rawWanted);
  }
  const requesterField = field.match(/^requester\.custom_fields\.(.+)$/);
  if (requesterField?.[1])
    return customFieldCondition(account.userFields, requester?.user_fields, requesterField[1], operator, rawWanted);
  const organizationField = field.match(/^organization\.custom_fields\.(.+)$/);
  if (organizationField?.[1])
    return customFieldCondition(
      account.organizationFields,
      organization?.organization_fields,
      organizationField[1],
      operator,
      rawWanted,
    );
  return 'unknown';
}

/** `all` must all hold and, when `any` has conditions, one of them; anything undecidable wins. */
export function conditionsHold(
  conditions: { all: readonly RuleCondition[]; any: readonly RuleCondition[] },
  ctx: ConditionContext,
): ConditionResult {
  const all = conditions.all.map((c) => conditionHolds(c, ctx));
  const any = conditions.any.map((c) => conditionHolds(c, ctx));
  if (all.includes('unknown') || any.includes('unknown')) return 'unknown';
  return all.every(Boolean) && (any.length === 0 || any.some(Boolean));
}
