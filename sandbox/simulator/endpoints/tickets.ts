import { idParam, listParam, type ApiContext } from '../context.ts';
import {
  badRequest,
  created,
  ok,
  recordInvalid,
  recordNotFound,
  ReplyError,
  invalidValue,
  type Reply,
} from '../errors.ts';
import { describeDetails, MAX_INFLIGHT_JOBS, type JobItem } from '../jobs.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { buildTicket, readTicketInput, TICKET_STATUSES } from '../ticket-model.ts';
import { isoTime } from '../time.ts';
import { tooMany } from './show-many.ts';
import { isRecord } from '../body.ts';

function inflightHeader(ctx: ApiContext, running: number): Record<string, string> {
  return {
    'zendesk-ratelimit-inflight-jobs': `total=${MAX_INFLIGHT_JOBS}; remaining=${Math.max(0, MAX_INFLIGHT_JOBS - running)}; resets=60`,
  };
}

/** ≤30 jobs queued or running, else TooManyJobs (support-api.md §6; status 429 is (unverified)). */
function assertJobSlot(ctx: ApiContext): void {
  const running = ctx.jobs.inflight(ctx.now);
  if (running.length >= MAX_INFLIGHT_JOBS) {
    throw new ReplyError({
      status: 429,
      headers: { 'retry-after': '10', ...inflightHeader(ctx, running.length) },
      body: {
        error: 'TooManyJobs',
        description: 'Too many background jobs are currently queued or running. Try again later.',
        current_job_ids: running,
      },
    });
  }
}

function jobReply(ctx: ApiContext, id: string): Reply {
  const status = ctx.jobs.status(id, ctx.now, ctx.origin);
  return ok({ job_status: status }, inflightHeader(ctx, ctx.jobs.inflight(ctx.now).length));
}

function createOne(ctx: ApiContext): Reply {
  const body = ctx.body;
  if (!isRecord(body) || !isRecord(body.ticket)) {
    return recordInvalid({ ticket: [invalidValue('Ticket', 'is required (wrap the ticket in {"ticket": {…}})')] });
  }
  const result = readTicketInput(ctx.account, body.ticket, ctx.actor);
  if ('details' in result) return recordInvalid(result.details);
  const stored = buildTicket(ctx.account, result.input, ctx.now);
  const ticket = stored.ticket;
  return {
    ...created(
      {
        ticket,
        audit: {
          id: ticket.id * 1000 + 1,
          ticket_id: ticket.id,
          created_at: ticket.created_at,
          author_id: ctx.actor.id,
          metadata: { system: {}, custom: isRecord(body.ticket.metadata) ? (body.ticket.metadata.custom ?? {}) : {} },
          events: [{ id: ticket.id * 1000 + 2, type: 'Comment', body: ticket.description, public: ticket.is_public }],
          via: ticket.via,
        },
      },
      `${ctx.origin}/api/v2/tickets/${ticket.id}.json`,
    ),
  };
}

/** POST /tickets with `Idempotency-Key` semantics of support-api.md §5.4. */
function createTicket(ctx: ApiContext): Reply {
  const key = ctx.headers['idempotency-key'];
  if (key === undefined) return createOne(ctx);
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
  const reply = createOne(ctx);
  if (reply.status === 201) ctx.idempotency.remember(key, raw, reply, ctx.now);
  return { ...reply, headers: { ...reply.headers, 'x-idempotency-lookup': 'miss' } };
}

/** create_many takes ≤100 tickets (support-api.md §5.2); the status past it is (unverified). */
function createMany(ctx: ApiContext): Reply {
  const body = ctx.body;
  if (!isRecord(body) || !Array.isArray(body.tickets)) {
    return recordInvalid({ tickets: [invalidValue('Tickets', 'is required (send {"tickets": […]})')] });
  }
  if (body.tickets.length === 0) return recordInvalid({ tickets: [invalidValue('Tickets', 'cannot be empty')] });
  if (body.tickets.length > 100) return badRequest('TooManyValues', 'Too many tickets (max 100)');
  assertJobSlot(ctx);
  // Items are validated now but created as the job runs; a failing item fails inside the job result.
  const items: JobItem[] = body.tickets.map((raw): JobItem => {
    const result = readTicketInput(ctx.account, raw, ctx.actor);
    if ('details' in result) return { kind: 'create_failed', details: describeDetails(result.details) };
    if (ctx.faults.jobItemFails())
      return { kind: 'create_failed', details: 'Requester: is temporarily locked (simulated fault)' };
    return { kind: 'create', input: result.input };
  });
  const id = ctx.jobs.enqueue('create_many', items, ctx.now, ctx.faults.slowJobFactor);
  return jobReply(ctx, id);
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

/** PUT /tickets/update_many?ids=… with `{ticket:{status, additional_tags, remove_tags}}`. */
function updateMany(ctx: ApiContext): Reply {
  const ids = listParam(ctx, 'ids');
  if (ids.length === 0) return badRequest('InvalidParameter', 'ids is required');
  if (ids.length > 100) throw tooMany('ids');
  const body = ctx.body;
  if (!isRecord(body) || !isRecord(body.ticket)) {
    return recordInvalid({ ticket: [invalidValue('Ticket', 'is required (send {"ticket": {…}})')] });
  }
  const changes = body.ticket;
  const status = changes.status;
  if (
    status !== undefined &&
    (typeof status !== 'string' || !(TICKET_STATUSES as readonly string[]).includes(status))
  ) {
    return recordInvalid({ status: [invalidValue('Status', `${JSON.stringify(status)} is not a valid value`)] });
  }
  const addTags = stringList(changes.additional_tags);
  const removeTags = stringList(changes.remove_tags);
  if (!addTags || !removeTags) return recordInvalid({ tags: [invalidValue('Tags')] });
  assertJobSlot(ctx);
  const items: JobItem[] = ids.map((id) => ({
    kind: 'update',
    ticketId: Number(id),
    status: typeof status === 'string' ? status : null,
    addTags,
    removeTags,
  }));
  return jobReply(ctx, ctx.jobs.enqueue('update_many', items, ctx.now, ctx.faults.slowJobFactor));
}

export const ticketRoutes: Route[] = [
  { method: 'POST', pattern: 'tickets', handle: createTicket },
  { method: 'POST', pattern: 'tickets/create_many', handle: createMany },
  { method: 'PUT', pattern: 'tickets/update_many', handle: updateMany },
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
  {
    method: 'GET',
    pattern: 'job_statuses/show_many',
    handle: (ctx) => {
      const ids = listParam(ctx, 'ids');
      if (ids.length > 100) throw tooMany('ids');
      return ok({ job_statuses: ids.flatMap((id) => ctx.jobs.status(id, ctx.now, ctx.origin) ?? []) });
    },
  },
  {
    method: 'GET',
    pattern: 'job_statuses/:key',
    handle: (ctx) => {
      const status = ctx.jobs.status(ctx.params.key ?? '', ctx.now, ctx.origin);
      return status ? ok({ job_status: status }) : recordNotFound();
    },
  },
];
