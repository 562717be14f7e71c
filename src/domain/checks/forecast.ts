import type { Organization, Trigger, User } from '../../zendesk/index.ts';
import type { NewTicket } from '../../zendesk/index.ts';
import { runTriggers, type TicketAtCreation } from './trigger-prediction.ts';

/** The ticket as triggers see it when Zendesk creates it for this customer (their tags join ours). */
export function ticketAtCreation(
  ticket: NewTicket,
  user: User,
  organization: Organization | null,
  agent: { id: number; role: 'admin' | 'agent' },
  bodyText: string,
): TicketAtCreation {
  const tags = [...new Set([...(ticket.tags ?? []), ...(user.tags ?? []), ...(organization?.tags ?? [])])];
  return {
    status: ticket.assignee_id && ticket.status === 'new' ? 'open' : (ticket.status ?? 'new'),
    priority: ticket.priority ?? null,
    type: ticket.type ?? null,
    groupId: ticket.group_id ?? null,
    assigneeId: ticket.assignee_id ?? null,
    organizationId: user.organization_id,
    requesterId: user.id,
    tags,
    commentIsPublic: ticket.comment.public !== false,
    subject: ticket.subject ?? '',
    body: bodyText,
    customStatusId: ticket.custom_status_id ?? null,
    currentUserRole: agent.role,
    currentUserId: agent.id,
    requesterLocaleId: typeof user.locale_id === 'number' ? user.locale_id : null,
    requesterFields: user.user_fields,
    organizationFields: organization?.organization_fields ?? {},
  };
}

export interface TriggerForecast {
  trigger: Trigger;
  /** Customers whose ticket fires it for certain. */
  fires: number;
  /** Customers for whom a condition the app cannot decide leaves it open. */
  mayFire: number;
}

/** Adds one customer's outcome to the running counts, per trigger. */
export function addToForecast(
  counts: Map<number, TriggerForecast>,
  triggers: readonly Trigger[],
  ticket: TicketAtCreation,
) {
  for (const { trigger, result } of runTriggers(triggers, ticket)) {
    const entry = counts.get(trigger.id) ?? { trigger, fires: 0, mayFire: 0 };
    if (result === true) entry.fires += 1;
    else if (result === 'unknown') entry.mayFire += 1;
    counts.set(trigger.id, entry);
  }
}
