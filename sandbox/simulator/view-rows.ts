import type { DemoAccount } from './account.ts';
import type { JsonObject, ZendeskTicket } from './types.ts';
import { PRIORITY_ORDER, STATUS_ORDER } from './view-conditions.ts';

type SortKey = (ticket: ZendeskTicket, account: DemoAccount) => string | number;

const userName = (account: DemoAccount, id: number | null) =>
  id === null ? '' : (account.usersById.get(id)?.name ?? '');

/** What each column sorts by (unverified beyond the obvious: names for people, groups and orgs). */
const SORT_KEYS: Record<string, SortKey> = {
  nice_id: (t) => t.id,
  updated: (t) => t.updated_at,
  created: (t) => t.created_at,
  due_date: (t) => t.due_at ?? '',
  status: (t) => STATUS_ORDER.indexOf(t.status),
  priority: (t) => PRIORITY_ORDER.indexOf(t.priority ?? ''),
  type: (t) => t.type ?? '',
  requester: (t, a) => userName(a, t.requester_id),
  assignee: (t, a) => userName(a, t.assignee_id),
  group: (t, a) => a.groups.find((g) => g.id === t.group_id)?.name ?? '',
  organization: (t, a) => (t.organization_id === null ? '' : (a.organizationsById.get(t.organization_id)?.name ?? '')),
};

/** Tickets in the view's order: `sort_by`/`sort_order` from the query win over the view's own (DOC-VIEWS). */
export function sortTickets(
  account: DemoAccount,
  tickets: readonly ZendeskTicket[],
  sortBy: string,
  sortOrder: 'asc' | 'desc',
): ZendeskTicket[] {
  const key = SORT_KEYS[sortBy] ?? SORT_KEYS.updated;
  const sign = sortOrder === 'asc' ? 1 : -1;
  return [...tickets].sort((a, b) => {
    const ka = key?.(a, account) ?? 0;
    const kb = key?.(b, account) ?? 0;
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return sign * (a.id - b.id);
  });
}

/** A column's value in an execute/preview row (shape (unverified): ids for people and groups). */
const CELL: Record<string, (t: ZendeskTicket) => unknown> = {
  assignee: (t) => t.assignee_id,
  requester: (t) => t.requester_id,
  submitter: (t) => t.submitter_id,
  group: (t) => t.group_id,
  organization: (t) => t.organization_id,
  description: (t) => t.subject,
  status: (t) => t.status,
  priority: (t) => t.priority,
  type: (t) => t.type,
  created: (t) => t.created_at,
  updated: (t) => t.updated_at,
  due_date: (t) => t.due_at,
  custom_status_id: (t) => t.custom_status_id,
  brand: (t) => t.brand_id,
  ticket_form: (t) => t.ticket_form_id,
};

/** "Though not displayed in the view, a partial ticket object is included with each row" (DOC-VIEWS). */
export function viewRow(ticket: ZendeskTicket, columns: readonly string[]): JsonObject {
  const row: JsonObject = {};
  for (const column of columns) {
    const cell = CELL[column];
    if (cell) row[column === 'description' ? 'subject' : column] = cell(ticket);
  }
  row.ticket = {
    id: ticket.id,
    url: ticket.url,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    type: ticket.type,
    priority: ticket.priority,
  };
  return row;
}
