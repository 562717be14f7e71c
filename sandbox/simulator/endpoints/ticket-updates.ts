import { isRecord } from '../body.ts';
import { idParam, listParam, type ApiContext } from '../context.ts';
import { badRequest, invalidValue, ok, recordInvalid, recordNotFound, type Details, type Reply } from '../errors.ts';
import type { JobItem } from '../jobs.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { readTicketChanges, type TicketChanges } from '../ticket-update.ts';
import { assertJobSlot, jobReply } from './job-statuses.ts';
import { tooMany } from './show-many.ts';

/** update_many takes ≤100 tickets, as ids or as ticket objects (OAS TicketsUpdateMany). */
const MAX_UPDATE_MANY = 100;

function mergeDetails(into: Details, details: Details, prefix: string): void {
  for (const [field, items] of Object.entries(details)) (into[`${prefix}${field}`] ??= []).push(...items);
}

/**
 * PUT tickets/update_many, in both documented forms: `?ids=1,2` with `{"ticket": {…}}` (the same
 * changes for each), or `{"tickets": [{"id": 1, …}, …]}` (changes per ticket). Shapes are checked
 * now (422); a missing or closed ticket fails inside the job's results.
 */
function updateMany(ctx: ApiContext): Reply {
  const ids = listParam(ctx, 'ids');
  const body = ctx.body;
  const updates: Array<{ ticketId: number; changes: TicketChanges }> = [];
  const details: Details = {};
  if (ids.length > 0) {
    if (ids.length > MAX_UPDATE_MANY) throw tooMany('ids');
    if (!isRecord(body) || !isRecord(body.ticket)) {
      return recordInvalid({ ticket: [invalidValue('Ticket', 'is required (send {"ticket": {…}})')] });
    }
    const read = readTicketChanges(ctx.account, body.ticket);
    if ('details' in read) return recordInvalid(read.details);
    for (const id of ids) updates.push({ ticketId: Number(id), changes: read.changes });
  } else {
    if (!isRecord(body) || !Array.isArray(body.tickets)) {
      return badRequest('InvalidParameter', 'ids or {"tickets": […]} is required');
    }
    if (body.tickets.length === 0) return recordInvalid({ tickets: [invalidValue('Tickets', 'cannot be empty')] });
    if (body.tickets.length > MAX_UPDATE_MANY) return badRequest('TooManyValues', 'Too many tickets (max 100)');
    body.tickets.forEach((raw, index) => {
      const id = isRecord(raw) ? raw.id : undefined;
      if (typeof id !== 'number' || !Number.isInteger(id)) {
        mergeDetails(details, { id: [invalidValue('Ticket id', 'is required')] }, `tickets[${index}].`);
        return;
      }
      const read = readTicketChanges(ctx.account, raw);
      if ('details' in read) mergeDetails(details, read.details, `tickets[${index}].`);
      else updates.push({ ticketId: id, changes: read.changes });
    });
    if (Object.keys(details).length > 0) return recordInvalid(details);
  }
  assertJobSlot(ctx);
  const budget = ctx.tickets.updateLimits.takeAccount(updates.length, ctx.now);
  if ('reply' in budget) return budget.reply;
  const items: JobItem[] = updates.map((u) => ({ kind: 'update', ticketId: u.ticketId, changes: u.changes }));
  const id = ctx.jobs.enqueue('update_many', items, ctx.actor.id, ctx.now, ctx.faults.slowJobFactor);
  return jobReply(ctx, id, budget.header);
}

/** PUT tickets/{id}: `{"ticket": {…changes, comment}}` → 200 `{ticket, audit}` (OAS UpdateTicket). */
function updateOne(ctx: ApiContext): Reply {
  const stored = ctx.account.ticketsById.get(idParam(ctx));
  if (!stored) return recordNotFound();
  const body = ctx.body;
  if (!isRecord(body) || !isRecord(body.ticket)) {
    return recordInvalid({ ticket: [invalidValue('Ticket', 'is required (wrap the changes in {"ticket": {…}})')] });
  }
  const read = readTicketChanges(ctx.account, body.ticket);
  if ('details' in read) return recordInvalid(read.details);
  const limits = ctx.tickets.updateLimits;
  const perTicket = limits.ticketRefusal(stored.ticket.id, ctx.actor.id, ctx.now);
  if (perTicket) return perTicket;
  const budget = limits.takeAccount(1, ctx.now);
  if ('reply' in budget) return budget.reply;
  limits.recordTicketUpdate(stored.ticket.id, ctx.actor.id, ctx.now);
  const result = ctx.tickets.writer.update(stored, read.changes, ctx.actor, ctx.now);
  if ('details' in result) return { ...recordInvalid(result.details), headers: budget.header };
  return ok({ ticket: stored.ticket, audit: result.audit }, budget.header);
}

export const ticketUpdateRoutes: Route[] = [
  { method: 'PUT', pattern: 'tickets/update_many', handle: updateMany },
  { method: 'PUT', pattern: 'tickets/:id', handle: updateOne },
  {
    method: 'GET',
    pattern: 'tickets/:id/comments',
    handle: (ctx) => {
      const stored = ctx.account.ticketsById.get(idParam(ctx));
      if (!stored) return recordNotFound();
      const comments = stored.comments ?? [];
      // Oldest first; `sort=-created_at` (cursor) or `sort_order=desc` (offset) for newest first (OAS).
      const newestFirst = ctx.query.get('sort') === '-created_at' || ctx.query.get('sort_order') === 'desc';
      return paginatedList(ctx, newestFirst ? [...comments].reverse() : comments, 'comments');
    },
  },
];
