import { campaignExternalId } from '../../domain/compose/campaign-ticket.ts';
import type { SendRun } from '../../domain/send/send-run.ts';
import {
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

/**
 * After a send whose Idempotency-Keys Zendesk did not honour: a request the browser re-sent by
 * itself made a second job nobody asked for. Its tickets carry this campaign's external ids for
 * customers who already have one: those are the duplicates.
 */
export async function findDuplicates(
  api: SupportApiClient,
  run: SendRun,
  knownJobs: ReadonlySet<string>,
  options: { signal?: AbortSignal } = {},
): Promise<Array<{ userId: number; ticketId: number }>> {
  const recent = await listRecentJobStatuses(api, { pages: 3 }, options);
  const ids = recent
    .filter((job) => !knownJobs.has(job.id) && job.job_type !== 'bulk_update_job' && jobState(job) !== 'in_progress')
    .flatMap((job) =>
      (job.results ?? []).flatMap((r) => (typeof r.id === 'number' && r.error === undefined ? [r.id] : [])),
    );
  if (ids.length === 0) return [];
  const ours = new Set(run.created.filter((id) => id > 0));
  // Only this run's customers: an earlier wave of the same campaign has jobs of its own.
  const customers = new Set(run.customers);
  return (await showManyTickets(api, ids, options))
    .filter(
      (t) =>
        customers.has(t.requester_id) &&
        t.external_id === campaignExternalId(run.campaign.tag, t.requester_id) &&
        !ours.has(t.id),
    )
    .map((t) => ({ userId: t.requester_id, ticketId: t.id }));
}
