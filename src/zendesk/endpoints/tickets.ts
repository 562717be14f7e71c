import type { SupportApiClient } from '../client.ts';
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
  if (tickets.length === 0 || tickets.length > CREATE_MANY_LIMIT) {
    throw new RangeError(`create_many takes 1 to ${CREATE_MANY_LIMIT} tickets, got ${tickets.length}`);
  }
  const { job_status } = await client.request(
    { method: 'POST', url: '/api/v2/tickets/create_many', body: { tickets } },
    jobStatusResponseSchema,
    options,
  );
  return job_status;
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
