import { z } from 'zod';
import type { SupportApiClient } from '../client.ts';
import { showManyInChunks } from './show-many.ts';
import { listAll, withQuery } from '../pagination.ts';
import { jobStatusResponseSchema, type JobStatus } from '../schemas/job-statuses.ts';
import { ticketResponseSchema, ticketsResponseSchema, type Ticket, type TicketStatus } from '../schemas/tickets.ts';
import type { CallOptions } from './call-options.ts';

/** The ticket we send (exact Zendesk names; `comment` is the only required part). */
export interface NewTicket {
  subject?: string;
  requester_id?: number;
  submitter_id?: number;
  comment: { body?: string; html_body?: string; public?: boolean; author_id?: number };
  assignee_id?: number | null;
  group_id?: number | null;
  organization_id?: number | null;
  status?: TicketStatus;
  custom_status_id?: number;
  priority?: 'urgent' | 'high' | 'normal' | 'low';
  type?: 'problem' | 'incident' | 'question' | 'task';
  /** Zendesk adds the requester's and organization's tags on top of these. */
  tags?: string[];
  /** Not unique in Zendesk: we make it deterministic per campaign and customer to reconcile. */
  external_id?: string;
  custom_fields?: Array<{ id: number; value: unknown }>;
  brand_id?: number;
  ticket_form_id?: number;
  macro_ids?: number[];
  metadata?: { custom: Record<string, unknown> };
}

/** POST /api/v2/tickets/create_many takes at most 100 tickets per request. */
export const CREATE_MANY_LIMIT = 100;

/**
 * POST /api/v2/tickets/create_many: queues a background job (200 + job_status). Not repeated
 * after a 5xx or a lost connection: the job may exist, and the send flow reconciles by
 * external_id before trying again.
 */
export async function createManyTickets(
  client: SupportApiClient,
  tickets: readonly NewTicket[],
  options?: CallOptions,
): Promise<JobStatus> {
  return (await submitCreateMany(client, tickets, {}, options)).job;
}

/** What Zendesk said about the Idempotency-Key: `hit` (an earlier identical request's answer), `miss`, or nothing. */
export type IdempotencyLookup = 'hit' | 'miss' | undefined;

export interface CreateManySubmission {
  job: JobStatus;
  idempotency: IdempotencyLookup;
  /** `zendesk-ratelimit-inflight-jobs` remaining, when Zendesk sends it. */
  jobSlotsLeft: number | undefined;
}

/**
 * create_many with an Idempotency-Key. Zendesk documents the key for single ticket creation;
 * whether create_many honours it is unverified, so the answer's `x-idempotency-lookup` header is
 * returned for the caller to learn it. Only when the caller knows it is honoured (`retry: 'safe'`)
 * may the request be repeated after a lost answer.
 */
export async function submitCreateMany(
  client: SupportApiClient,
  tickets: readonly NewTicket[],
  idempotency: { key?: string; honoured?: boolean },
  options?: CallOptions,
): Promise<CreateManySubmission> {
  if (tickets.length === 0 || tickets.length > CREATE_MANY_LIMIT) {
    throw new RangeError(`create_many takes 1 to ${CREATE_MANY_LIMIT} tickets, got ${tickets.length}`);
  }
  const { body, headers } = await client.requestWithHeaders(
    {
      method: 'POST',
      url: '/api/v2/tickets/create_many',
      body: { tickets },
      ...(idempotency.key ? { headers: { 'Idempotency-Key': idempotency.key } } : {}),
      ...(idempotency.key && idempotency.honoured ? { retry: 'safe' as const } : {}),
    },
    jobStatusResponseSchema,
    options,
  );
  const lookup = headers['x-idempotency-lookup'];
  const slots = /remaining=(\d+)/.exec(headers['zendesk-ratelimit-inflight-jobs'] ?? '');
  return {
    job: body.job_status,
    idempotency: lookup === 'hit' || lookup === 'miss' ? lookup : undefined,
    jobSlotsLeft: slots ? Number(slots[1]) : undefined,
  };
}

/**
 * POST /api/v2/tickets: one ticket. With an Idempotency-Key (kept 2 h by Zendesk) a repeat returns
 * the first ticket instead of a second one, so the request may be retried.
 */
export async function createTicket(
  client: SupportApiClient,
  ticket: NewTicket,
  idempotency: { key?: string } = {},
  options?: CallOptions,
): Promise<Ticket> {
  const { key } = idempotency;
  const { ticket: created } = await client.request(
    key === undefined
      ? { method: 'POST', url: '/api/v2/tickets', body: { ticket } }
      : {
          method: 'POST',
          url: '/api/v2/tickets',
          body: { ticket },
          headers: { 'Idempotency-Key': key },
          retry: 'safe',
        },
    ticketResponseSchema,
    options,
  );
  return created;
}

/** The change update_many applies to every ticket. */
export interface TicketUpdate {
  status?: TicketStatus;
  additional_tags?: string[];
  remove_tags?: string[];
  assignee_id?: number | null;
  group_id?: number | null;
}

export interface UpdateManySubmission {
  job: JobStatus;
  /**
   * From `Zendesk-RateLimit-tickets-update` (`total=100; remaining=42; resets=17`): ticket updates
   * the account may still make this minute, and when the minute ends. Every ticket of an
   * update_many counts, so a caller closing many tickets paces its batches by it.
   */
  ticketUpdates: { remaining: number; resetsInSeconds: number } | undefined;
}

/** update_many (ids form) with the tickets-update budget Zendesk reports in its answer. */
export async function submitUpdateMany(
  client: SupportApiClient,
  ids: readonly number[],
  update: TicketUpdate,
  options?: CallOptions,
): Promise<UpdateManySubmission> {
  if (ids.length === 0 || ids.length > CREATE_MANY_LIMIT) {
    throw new RangeError(`update_many takes 1 to ${CREATE_MANY_LIMIT} ids, got ${ids.length}`);
  }
  const { body, headers } = await client.requestWithHeaders(
    {
      method: 'PUT',
      url: withQuery('/api/v2/tickets/update_many', { ids: ids.join(',') }),
      body: { ticket: update },
    },
    jobStatusResponseSchema,
    options,
  );
  const header = headers['zendesk-ratelimit-tickets-update'] ?? '';
  const remaining = /remaining=(\d+)/.exec(header);
  const resets = /resets=(\d+)/.exec(header);
  return {
    job: body.job_status,
    ticketUpdates:
      remaining && resets ? { remaining: Number(remaining[1]), resetsInSeconds: Number(resets[1]) } : undefined,
  };
}

/** PUT /api/v2/tickets/update_many?ids=…: ≤100 ids, queues a job. */
export async function updateManyTickets(
  client: SupportApiClient,
  ids: readonly number[],
  update: TicketUpdate,
  options?: CallOptions,
): Promise<JobStatus> {
  if (ids.length === 0 || ids.length > CREATE_MANY_LIMIT) {
    throw new RangeError(`update_many takes 1 to ${CREATE_MANY_LIMIT} ids, got ${ids.length}`);
  }
  const { job_status } = await client.request(
    {
      method: 'PUT',
      url: withQuery('/api/v2/tickets/update_many', { ids: ids.join(',') }),
      body: { ticket: update },
    },
    jobStatusResponseSchema,
    options,
  );
  return job_status;
}

/**
 * GET /api/v2/tickets?external_id=…: every ticket with that external id (not unique in Zendesk).
 * Reads the database, not the search index, so just-created tickets are found. List Tickets is
 * documented for admins: an agent gets a `permission` error and must reconcile another way
 * (e.g. /users/{id}/tickets/requested).
 */
export function listTicketsByExternalId(
  client: SupportApiClient,
  externalId: string,
  options?: CallOptions,
): Promise<Ticket[]> {
  return listAll(
    client,
    withQuery('/api/v2/tickets', { external_id: externalId }),
    ticketsResponseSchema,
    (page) => page.tickets,
    options,
  );
}

/** GET /api/v2/tickets/show_many?ids=: ≤100 ids per request; deleted or unknown ids are left out. */
export function showManyTickets(
  client: SupportApiClient,
  ids: readonly number[],
  options?: CallOptions,
): Promise<Ticket[]> {
  return showManyInChunks(
    client,
    '/api/v2/tickets/show_many',
    ids,
    ticketsResponseSchema,
    (page) => page.tickets,
    options,
  );
}

/** GET /api/v2/users/{id}/tickets/requested: a customer's tickets, read from the database (no search lag). */
export function listRequestedTickets(
  client: SupportApiClient,
  userId: number,
  options?: CallOptions,
): Promise<Ticket[]> {
  return listAll(
    client,
    `/api/v2/users/${userId}/tickets/requested`,
    ticketsResponseSchema,
    (page) => page.tickets,
    options,
  );
}

/** DELETE /api/v2/tickets/{id}: admins, and agents whose role may delete tickets. */
export async function deleteTicket(client: SupportApiClient, id: number, options?: CallOptions): Promise<void> {
  await client.request({ method: 'DELETE', url: `/api/v2/tickets/${id}` }, z.unknown(), options);
}
