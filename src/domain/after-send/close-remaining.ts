import type { Ticket, TicketUpdate } from '../../zendesk/index.ts';

/**
 * "Close remaining tickets" for a campaign that is over: every ticket of the campaign that is
 * not solved yet (new, open, pending, on-hold) is set to Solved, nothing else is touched.
 *
 * Zendesk does not let a ticket be solved without an assignee ("A ticket's status can't be set to
 * Solved … without an assignee", About system ticket rules), so unassigned tickets are given to
 * the agent who closes them, as Zendesk itself does when "auto assign upon solve" is on.
 */
const UNSOLVED: ReadonlySet<Ticket['status']> = new Set(['new', 'open', 'pending', 'hold']);

/** Of the tickets read back from Zendesk (not the lagging search index), the ones to close. */
export function ticketsToClose(tickets: readonly Ticket[], tag: string): Ticket[] {
  return tickets.filter((t) => t.tags.includes(tag) && UNSOLVED.has(t.status));
}

export interface CloseBatch {
  ids: number[];
  update: TicketUpdate;
}

/** update_many takes at most 100 tickets, with the same change for each. */
export const CLOSE_BATCH_SIZE = 100;

export function closeBatches(tickets: readonly Ticket[], agentId: number, size = CLOSE_BATCH_SIZE): CloseBatch[] {
  const assigned = tickets.filter((t) => t.assignee_id !== null).map((t) => t.id);
  const unassigned = tickets.filter((t) => t.assignee_id === null).map((t) => t.id);
  const batches: CloseBatch[] = [];
  const add = (ids: number[], update: TicketUpdate) => {
    for (let i = 0; i < ids.length; i += size) batches.push({ ids: ids.slice(i, i + size), update });
  };
  add(assigned, { status: 'solved' });
  add(unassigned, { status: 'solved', assignee_id: agentId });
  return batches;
}

export interface ClosePlan {
  tickets: Ticket[];
  /** Of those, how many have no assignee and go to the agent closing them. */
  unassigned: number;
}

export function closePlan(tickets: readonly Ticket[], tag: string): ClosePlan {
  const remaining = ticketsToClose(tickets, tag);
  return { tickets: remaining, unassigned: remaining.filter((t) => t.assignee_id === null).length };
}

export interface CloseFailure {
  ticketId: number;
  /** Zendesk's reason, e.g. "Status: closed prevents ticket update". */
  reason: string;
}

export interface CloseReport {
  closed: number[];
  failed: CloseFailure[];
  /** Tickets not sent because the agent stopped, or the closing stopped on an error. */
  notTried: number[];
}

export function emptyReport(): CloseReport {
  return { closed: [], failed: [], notTried: [] };
}
