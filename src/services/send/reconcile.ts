import { campaignExternalId } from '../../domain/compose/campaign-ticket.ts';
import type { SendRun } from '../../domain/send/send-run.ts';
import {
  deleteTicket,
  isZendeskError,
  jobState,
  listRecentJobStatuses,
  listRequestedTickets,
  listTicketsByExternalId,
  showManyTickets,
  type SupportApiClient,
  type Ticket,
} from '../../zendesk/index.ts';

/**
 * Which customers already have a ticket of this campaign, asked of Zendesk's records, never of
 * search (which lags new tickets by minutes): first the agent's recent jobs (a job whose
 * creating request lost its answer is there, with its results), then each remaining customer's
 * ticket by its external id. A job of ours still running means "ask again later": resending
 * before it finishes would give its customers a second ticket.
 */
export type Reconciled = { kind: 'wait' } | { kind: 'known'; tickets: Map<number, number[]> };

export interface ReconcileInput {
  run: SendRun;
  /** Positions whose outcome is unknown. */
  positions: readonly number[];
  /** Job ids the run already knows (their results are recorded or being polled). */
  knownJobs: ReadonlySet<string>;
  /** List Tickets (by external id) is for admins; agents look at each customer's requested tickets. */
  isAdmin: boolean;
}

export async function reconcile(
  api: SupportApiClient,
  input: ReconcileInput,
  options: { signal?: AbortSignal } = {},
): Promise<Reconciled> {
  const { run } = input;
  const wanted = new Map<string, number>();
  for (const position of input.positions) {
    const userId = run.customers[position];
    if (userId !== undefined) wanted.set(campaignExternalId(run.campaign.tag, userId), userId);
  }
  const found = new Map<number, number[]>();
  const add = (ticket: Ticket) => {
    const userId = ticket.external_id === null ? undefined : wanted.get(ticket.external_id);
    if (userId === undefined || ticket.requester_id !== userId) return;
    const list = found.get(userId) ?? [];
    if (!list.includes(ticket.id)) list.push(ticket.id);
    found.set(
      userId,
      list.sort((a, b) => a - b),
    );
  };

  const recent = await listRecentJobStatuses(api, { pages: 2 }, options);
  const foreign = recent.filter((job) => !input.knownJobs.has(job.id) && job.job_type !== 'bulk_update_job');
  if (foreign.some((job) => jobState(job) === 'in_progress')) return { kind: 'wait' };
  const createdIds = foreign.flatMap((job) =>
    (job.results ?? []).flatMap((r) => (typeof r.id === 'number' && r.error === undefined ? [r.id] : [])),
  );
  if (createdIds.length > 0) for (const ticket of await showManyTickets(api, createdIds, options)) add(ticket);

  const remaining = [...wanted.entries()].filter(([, userId]) => !found.has(userId));
  await Promise.all(
    remaining.map(async ([externalId, userId]) => {
      const tickets = input.isAdmin
        ? await listTicketsByExternalId(api, externalId, options)
        : (await listRequestedTickets(api, userId, options)).filter((t) => t.external_id === externalId);
      tickets.forEach(add);
    }),
  );
  return { kind: 'known', tickets: found };
}

/** A customer's second (third...) ticket of a campaign. */
export interface SecondTicket {
  userId: number;
  ticketId: number;
}

/**
 * Every ticket of a customer's but the first (lowest id). Every sweep keeps the lowest, whoever
 * made it and whichever answer the sweeping page heard, so two sweeps at once (this send's, the
 * Send step's after a reload that lost the journal, another browser's) never remove both.
 */
export function secondTickets(byCustomer: ReadonlyMap<number, readonly number[]>): SecondTicket[] {
  const out: SecondTicket[] = [];
  for (const [userId, ids] of byCustomer) {
    const [, ...rest] = [...new Set(ids)].sort((a, b) => a - b);
    for (const ticketId of rest) out.push({ userId, ticketId });
  }
  return out;
}

/**
 * After a send whose Idempotency-Keys Zendesk did not honour: a request the browser re-sent by
 * itself made a second job nobody asked for. Its tickets carry this campaign's external ids:
 * customers who have two keep the lowest (`duplicates` are the others), and a customer's ticket
 * is the one kept (`firsts`), whichever job's answer the run heard: the answer heard may say the
 * item failed while the replay's job made the ticket, or name the ticket that goes.
 */
export async function findDuplicates(
  api: SupportApiClient,
  run: SendRun,
  knownJobs: ReadonlySet<string>,
  options: { signal?: AbortSignal } = {},
): Promise<{ firsts: Map<number, number>; duplicates: SecondTicket[]; running: boolean }> {
  const recent = await listRecentJobStatuses(api, { pages: 3 }, options);
  const foreign = recent.filter((job) => !knownJobs.has(job.id) && job.job_type !== 'bulk_update_job');
  // A replayed request's job may finish after the run's own: its tickets are not known before.
  const running = foreign.some((job) => jobState(job) === 'in_progress');
  const ids = foreign
    .filter((job) => jobState(job) !== 'in_progress')
    .flatMap((job) =>
      (job.results ?? []).flatMap((r) => (typeof r.id === 'number' && r.error === undefined ? [r.id] : [])),
    );
  const byCustomer = new Map<number, number[]>();
  const add = (userId: number, ticketId: number) =>
    byCustomer.set(userId, [...(byCustomer.get(userId) ?? []), ticketId]);
  run.customers.forEach((userId, position) => {
    const ticketId = run.created[position] ?? 0;
    if (ticketId > 0) add(userId, ticketId);
  });
  // Second tickets reconcile found but did not remove.
  for (const duplicate of run.duplicates) if (!duplicate.removed) add(duplicate.userId, duplicate.ticketId);
  // Only this run's customers: an earlier wave of the same campaign has jobs of its own.
  const customers = new Set(run.customers);
  if (ids.length > 0)
    for (const t of await showManyTickets(api, ids, options))
      if (customers.has(t.requester_id) && t.external_id === campaignExternalId(run.campaign.tag, t.requester_id))
        add(t.requester_id, t.id);
  const firsts = new Map([...byCustomer].map(([userId, ids]) => [userId, Math.min(...ids)]));
  return { firsts, duplicates: secondTickets(byCustomer), running };
}

/** A pause between rounds of deletes that failed (a 5xx that outlasted the client's retries). */
const REMOVE_RETRY_MS = 10_000;

/**
 * Deletes second tickets; returns the ids that are gone (a 404 counts: another sweep, or a delete
 * whose answer was lost, removed it). Those that failed are tried again after a pause, a few
 * rounds, as a customer keeps the second ticket until someone removes it.
 */
export async function removeTickets(
  api: SupportApiClient,
  ticketIds: readonly number[],
  options: { signal?: AbortSignal; rounds?: number } = {},
): Promise<Set<number>> {
  const gone = new Set<number>();
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    if (round > 0) await api.clock.sleep(REMOVE_RETRY_MS, options.signal);
    for (const ticketId of ticketIds) {
      if (gone.has(ticketId)) continue;
      try {
        await deleteTicket(api, ticketId, options);
        gone.add(ticketId);
      } catch (error) {
        if (isZendeskError(error) && error.kind === 'not_found') gone.add(ticketId);
      }
    }
    if (gone.size === new Set(ticketIds).size) break;
  }
  return gone;
}
