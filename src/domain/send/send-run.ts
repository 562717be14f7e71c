import { z } from 'zod';
import { ticketDraftSchema } from '../campaign/draft.ts';

/**
 * The journal of one send (one wave of one campaign): what was planned, what Zendesk was asked,
 * what it answered. Written after every step, so a reload, a closed tab or another browser can
 * take over exactly where it stopped. It is the source of truth for resuming; Zendesk's own
 * records (found by the tickets' external ids) are the final word on what exists.
 */
export const SEND_RUN_VERSION = 1;

/**
 * A batch's life: `planned` → `submitting` (the POST is about to go; written first, so a reload
 * during the request knows its outcome is unknown) → `submitted` (Zendesk queued job `jobId`) →
 * `done`. `unknown` means the request may or may not have created the job (lost answer, 5xx after
 * processing, reload mid-request, job status lost): it is reconciled before anything is re-sent.
 */
export const batchStateSchema = z.enum(['planned', 'submitting', 'submitted', 'unknown', 'done']);
export type BatchState = z.infer<typeof batchStateSchema>;

export const batchSchema = z.object({
  /** Positions in `customers`. */
  members: z.array(z.number().int().nonnegative()),
  state: batchStateSchema,
  /** The Idempotency-Key sent with it: the same batch content is always sent under the same key. */
  key: z.string(),
  jobId: z.string().nullable(),
  submittedAt: z.number().nullable(),
});
export type Batch = z.infer<typeof batchSchema>;

/** Per customer: 0 not yet, >0 the ticket created, <0 failed or skipped (see `notes`). */
export const outcomeNoteSchema = z.object({
  kind: z.enum(['failed', 'skipped', 'cancelled']),
  /** Zendesk's error code or our reason, e.g. TicketCreateFailed, already_has_ticket. */
  code: z.string(),
  details: z.string(),
  /** The ticket that already existed, for skipped customers. */
  ticketId: z.number().int().nullable(),
});
export type OutcomeNote = z.infer<typeof outcomeNoteSchema>;

export const sendRunSchema = z.object({
  version: z.literal(SEND_RUN_VERSION),
  id: z.string(),
  campaign: z.object({
    /** The draft the campaign was sent from: its later waves belong to it. */
    draftId: z.string(),
    name: z.string(),
    tag: z.string(),
    markerTag: z.string(),
    waveTag: z.string().nullable(),
    wave: z.number().int().positive(),
    waves: z.number().int().positive(),
    /** The ticket as composed when Send was pressed: a resumed send creates the same tickets. */
    ticket: ticketDraftSchema,
  }),
  agentId: z.number().int(),
  /** Customer user ids, in sending order. */
  customers: z.array(z.number().int()),
  /** Ticket id per customer (0 = not created yet). */
  created: z.array(z.number().int().nonnegative()),
  /** Why a customer has no ticket, by position. */
  notes: z.record(z.string(), outcomeNoteSchema),
  batches: z.array(batchSchema),
  status: z.enum(['sending', 'paused', 'cancelling', 'finished']),
  startedAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Learned from Zendesk's answers: does create_many honour Idempotency-Key (null: not known yet). */
  idempotencyHonoured: z.boolean().nullable(),
  /**
   * Second tickets a customer got anyway (a request the browser re-sent by itself, with Zendesk
   * not honouring Idempotency-Key): found after the send, deleted when the agent may delete.
   */
  duplicates: z.array(z.object({ userId: z.number().int(), ticketId: z.number().int(), removed: z.boolean() })),
});
export type SendRun = z.infer<typeof sendRunSchema>;

export type CustomerOutcome =
  | { state: 'pending' }
  | { state: 'created'; ticketId: number }
  | ({ state: 'failed' | 'skipped' | 'cancelled' } & Omit<OutcomeNote, 'kind'>);

export function outcomeOf(run: SendRun, position: number): CustomerOutcome {
  const ticketId = run.created[position] ?? 0;
  if (ticketId > 0) return { state: 'created', ticketId };
  const note = run.notes[String(position)];
  if (!note) return { state: 'pending' };
  return { state: note.kind, code: note.code, details: note.details, ticketId: note.ticketId };
}

export interface SendCounts {
  total: number;
  created: number;
  failed: number;
  skipped: number;
  cancelled: number;
  pending: number;
}

export function countOutcomes(run: SendRun): SendCounts {
  const counts: SendCounts = {
    total: run.customers.length,
    created: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
    pending: 0,
  };
  for (let i = 0; i < run.customers.length; i++) {
    const outcome = outcomeOf(run, i);
    if (outcome.state === 'created') counts.created += 1;
    else if (outcome.state === 'pending') counts.pending += 1;
    else counts[outcome.state] += 1;
  }
  return counts;
}

/** Customers per create_many job: Zendesk's maximum, so the fewest requests. */
export const BATCH_SIZE = 100;

export interface NewRunInput {
  id: string;
  now: number;
  agentId: number;
  customers: readonly number[];
  campaign: SendRun['campaign'];
  batchSize?: number;
}

/** A fresh run: every customer planned, in batches of up to 100 in the order given. */
export function newSendRun(input: NewRunInput): SendRun {
  const size = Math.max(1, Math.min(BATCH_SIZE, input.batchSize ?? BATCH_SIZE));
  const batches: Batch[] = [];
  for (let start = 0; start < input.customers.length; start += size) {
    const members = [];
    for (let i = start; i < Math.min(input.customers.length, start + size); i++) members.push(i);
    batches.push({
      members,
      state: 'planned',
      key: `pc1:${input.id}:${batches.length}`,
      jobId: null,
      submittedAt: null,
    });
  }
  return {
    version: SEND_RUN_VERSION,
    id: input.id,
    campaign: input.campaign,
    agentId: input.agentId,
    customers: [...input.customers],
    created: input.customers.map(() => 0),
    notes: {},
    batches,
    status: 'sending',
    startedAt: input.now,
    updatedAt: input.now,
    finishedAt: null,
    idempotencyHonoured: null,
    duplicates: [],
  };
}

/** Reads a stored run; anything that is not a run of this version is no run. */
export function readSendRun(raw: unknown): SendRun | null {
  const parsed = sendRunSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
