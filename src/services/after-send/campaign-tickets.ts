import { exportSearch, showManyUsers, type SupportApiClient, type Ticket, type User } from '../../zendesk/index.ts';

export interface CampaignTicketRow {
  ticket: Ticket;
  requester: User | undefined;
  assignee: User | undefined;
}

/**
 * Every ticket of a campaign with its requester and assignee, for the CSV export: one search
 * export (1,000 a page, no 1,000-result cap) and the people in batches of 100. It reads the
 * search index, so a change of the last minute or so may not show yet.
 */
export async function campaignTickets(
  api: SupportApiClient,
  tag: string,
  options: { signal?: AbortSignal } = {},
): Promise<CampaignTicketRow[]> {
  const tickets: Ticket[] = [];
  for await (const page of exportSearch(api, { query: `tags:${tag}`, type: 'ticket', pageSize: 1000 }, options)) {
    tickets.push(...page.filter((t) => t.tags.includes(tag)));
  }
  const ids = new Set<number>();
  for (const t of tickets) {
    ids.add(t.requester_id);
    if (t.assignee_id !== null) ids.add(t.assignee_id);
  }
  const people = new Map((await showManyUsers(api, [...ids], options)).map((u) => [u.id, u]));
  return tickets
    .sort((a, b) => a.id - b.id)
    .map((ticket) => ({
      ticket,
      requester: people.get(ticket.requester_id),
      assignee: ticket.assignee_id === null ? undefined : people.get(ticket.assignee_id),
    }));
}
