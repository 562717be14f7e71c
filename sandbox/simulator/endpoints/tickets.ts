import { isRecord } from '../body.ts';
import { idParam, listParam, type ApiContext } from '../context.ts';
import { badRequest, created, invalidValue, ok, recordInvalid, recordNotFound, type Reply } from '../errors.ts';
import { describeDetails, type JobItem } from '../jobs.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { readTicketInput } from '../ticket-input.ts';
import { isoTime } from '../time.ts';
import { assertJobSlot, jobReply, jobStatusRoutes } from './job-statuses.ts';
import { tooMany } from './show-many.ts';
import { ticketUpdateRoutes } from './ticket-updates.ts';

function createOne(ctx: ApiContext): Reply {
  const body = ctx.body;
  if (!isRecord(body) || !isRecord(body.ticket)) {
    return recordInvalid({ ticket: [invalidValue('Ticket', 'is required (wrap the ticket in {"ticket": {…}})')] });
  }
  const result = readTicketInput(ctx.account, body.ticket, ctx.actor);
  if ('details' in result) return recordInvalid(result.details);
  const metadata =
    isRecord(body.ticket.metadata) && isRecord(body.ticket.metadata.custom) ? body.ticket.metadata.custom : {};
  const { stored, audit } = ctx.tickets.writer.create(result.input, ctx.actor, ctx.now, metadata);
  return created({ ticket: stored.ticket, audit }, `${ctx.origin}/api/v2/tickets/${stored.ticket.id}.json`);
}

/**
 * `Idempotency-Key` semantics of support-api.md §5.4: a miss runs the request and remembers a
 * success; the same key and body replays the first answer; the same key with another body is 400.
 */
function withIdempotency(ctx: ApiContext, run: () => Reply): Reply {
  const key = ctx.headers['idempotency-key'];
  if (key === undefined) return run();
  const raw = ctx.rawBody ?? '';
  const lookup = ctx.idempotency.lookup(key, raw, ctx.now);
  if (lookup.kind === 'mismatch') {
    return {
      status: 400,
      body: {
        error: 'IdempotentRequestError',
        description: "Request parameters don't match the given idempotency key",
      },
    };
  }
  if (lookup.kind === 'hit') {
    return { ...lookup.reply, headers: { ...lookup.reply.headers, 'x-idempotency-lookup': 'hit' } };
  }
  const reply = run();
  if (reply.status >= 200 && reply.status < 300) ctx.idempotency.remember(key, raw, reply, ctx.now);
  return { ...reply, headers: { ...reply.headers, 'x-idempotency-lookup': 'miss' } };
}

/**
 * create_many takes ≤100 tickets (support-api.md §5.2); the status past it is (unverified). Items
 * are validated now but created as the job runs; a failing item fails inside the job result.
 */
function createMany(ctx: ApiContext): Reply {
  const body = ctx.body;
  if (!isRecord(body) || !Array.isArray(body.tickets)) {
    return recordInvalid({ tickets: [invalidValue('Tickets', 'is required (send {"tickets": […]})')] });
  }
  if (body.tickets.length === 0) return recordInvalid({ tickets: [invalidValue('Tickets', 'cannot be empty')] });
  if (body.tickets.length > 100) return badRequest('TooManyValues', 'Too many tickets (max 100)');
  assertJobSlot(ctx);
  const items: JobItem[] = body.tickets.map((raw): JobItem => {
    const result = readTicketInput(ctx.account, raw, ctx.actor);
    if ('details' in result)
      return { kind: 'create_failed', details: describeDetails(result.details), consumesId: false };
    const failure = ctx.faults.jobItemFailure();
    if (failure) return { kind: 'create_failed', details: failure, consumesId: true };
    return { kind: 'create', input: result.input };
  });
  const id = ctx.jobs.enqueue('create_many', items, ctx.actor.id, ctx.now, ctx.faults.slowJobFactor);
  return jobReply(ctx, id);
}

export const ticketRoutes: Route[] = [
  { method: 'POST', pattern: 'tickets', handle: (ctx) => withIdempotency(ctx, () => createOne(ctx)) },
  {
    method: 'POST',
    pattern: 'tickets/create_many',
    // Whether Zendesk honours the key here is (unverified) (support-api.md §5.4): off by default.
    handle: (ctx) =>
      ctx.tickets.createManyIdempotency ? withIdempotency(ctx, () => createMany(ctx)) : createMany(ctx),
  },
  ...ticketUpdateRoutes,
  {
    method: 'GET',
    pattern: 'tickets',
    // Zendesk documents List Tickets (and so `?external_id=`) for admins, not every agent; the
    // stricter reading, so a reconcile step that relies on it shows up in the sandbox too.
    access: 'admin',
    handle: (ctx) => {
      const externalId = ctx.query.get('external_id');
      const stored =
        externalId === null
          ? ctx.account.tickets
          : ctx.account.tickets.filter((t) => t.ticket.external_id === externalId);
      return paginatedList(
        ctx,
        stored.map((t) => t.ticket),
        'tickets',
      );
    },
  },
  {
    method: 'DELETE',
    pattern: 'tickets/:id',
    // "Admins, and agents with permission to delete tickets" (DOC-TICKETS); the simulator's agents
    // lack that permission (the stricter reading).
    access: 'admin',
    handle: (ctx) => (ctx.account.deleteTicket(idParam(ctx)) ? { status: 204 } : recordNotFound()),
  },
  {
    method: 'GET',
    pattern: 'tickets/count',
    handle: (ctx) => ok({ count: { value: ctx.account.tickets.length, refreshed_at: isoTime(ctx.now) } }),
  },
  {
    method: 'GET',
    pattern: 'tickets/show_many',
    handle: (ctx) => {
      const ids = listParam(ctx, 'ids');
      if (ids.length > 100) throw tooMany('ids');
      return ok({ tickets: ids.flatMap((id) => ctx.account.ticketsById.get(Number(id))?.ticket ?? []) });
    },
  },
  {
    method: 'GET',
    pattern: 'tickets/:id',
    handle: (ctx) => {
      const stored = ctx.account.ticketsById.get(idParam(ctx));
      return stored ? ok({ ticket: stored.ticket }) : recordNotFound();
    },
  },
  ...jobStatusRoutes,
];
