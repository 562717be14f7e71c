import { campaignExternalId } from '../../domain/compose/campaign-ticket.ts';
import {
  exportSearch,
  jobState,
  listRecentJobStatuses,
  showManyTickets,
  type JobStatus,
  type SupportApiClient,
  type Ticket,
} from '../../zendesk/index.ts';
import { removeTickets, secondTickets } from './reconcile.ts';

/** How long to wait for the agent's running jobs before launching anyway is refused. */
const RUNNING_JOBS_PATIENCE_MS = 5 * 60_000;
const RUNNING_JOBS_POLL_MS = 3_000;

export class EarlierSendStillRunning extends Error {
  override readonly name = 'EarlierSendStillRunning';
  constructor() {
    super('an earlier send of this agent is still being processed by Zendesk');
  }
}

/**
 * Customers who already have a ticket with the campaign tag, whoever sent it (another wave,
 * another browser, a colleague): they are left out of the next send.
 *
 * Search lags new tickets by a minute or two, so the agent's own recent jobs are read as well:
 * a send this page no longer remembers (a reload on a browser that keeps no storage for the app,
 * a closed tab) is there with the tickets it made. A job still running cannot say whose tickets
 * it makes, so launching waits for it to finish instead of guessing.
 */
export interface CampaignReach {
  /** Requesters of the campaign's tickets. */
  customers: Set<number>;
  /** Sends of the campaign the tickets show: the highest wave tag, or 1 for tickets without one. */
  wavesSeen: number;
  /**
   * Customers' second tickets of the campaign among the agent's recent jobs: a request the browser
   * replayed by itself, in a send whose page went away before its last step (which removes them)
   * and forgot it. Removed here when asked to (`removeDuplicates`, for agents who may delete).
   */
  duplicates: Array<{ userId: number; ticketId: number; removed: boolean }>;
}

export async function customersWithCampaignTicket(
  api: SupportApiClient,
  campaignTag: string,
  options: { signal?: AbortSignal; onWaiting?: (running: number) => void; removeDuplicates?: boolean } = {},
): Promise<CampaignReach> {
  const found = new Set<number>();
  let wavesSeen = 0;
  const see = (ticket: { requester_id: number; tags: readonly string[] }) => {
    if (!ticket.tags.includes(campaignTag)) return;
    found.add(ticket.requester_id);
    wavesSeen = Math.max(wavesSeen, waveOf(ticket.tags, campaignTag));
  };
  const jobTickets = new Map<number, number[]>();
  const started = api.clock.now();
  for (;;) {
    const recent = (await listRecentJobStatuses(api, { pages: 2 }, options)).filter(
      (job) => job.job_type !== 'bulk_update_job',
    );
    const running = recent.filter((job) => jobState(job) === 'in_progress');
    if (running.length === 0) {
      for (const ticket of await campaignTicketsOf(api, recent, campaignTag, options)) {
        see(ticket);
        // Read from the tickets themselves (search may still list a ticket deleted a moment ago).
        if (ticket.external_id === campaignExternalId(campaignTag, ticket.requester_id))
          jobTickets.set(ticket.requester_id, [...(jobTickets.get(ticket.requester_id) ?? []), ticket.id]);
      }
      break;
    }
    if (api.clock.now() - started > RUNNING_JOBS_PATIENCE_MS) throw new EarlierSendStillRunning();
    options.onWaiting?.(running.length);
    await api.clock.sleep(RUNNING_JOBS_POLL_MS, options.signal);
  }
  for await (const page of exportSearch(
    api,
    { query: `tags:${campaignTag}`, type: 'ticket', pageSize: 1000 },
    options,
  )) {
    for (const ticket of page) see(ticket);
  }
  const seconds = secondTickets(jobTickets);
  // One that could not be removed is left for the next look: no reason to refuse the send.
  const gone = options.removeDuplicates
    ? await removeTickets(
        api,
        seconds.map((d) => d.ticketId),
        options,
      )
    : new Set<number>();
  const duplicates = seconds.map((d) => ({ ...d, removed: gone.has(d.ticketId) }));
  return { customers: found, wavesSeen, duplicates };
}

/** The wave a campaign ticket belongs to: N of its `<tag>_part_N` tag, 1 without one. */
function waveOf(tags: readonly string[], campaignTag: string): number {
  const prefix = `${campaignTag}_part_`;
  const part = tags.find((tag) => tag.startsWith(prefix));
  const n = part ? Number(part.slice(prefix.length)) : 1;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * The requesters of the campaign's tickets among the jobs. One create_many job holds one batch of
 * one campaign, so its first ticket says whether the job is this campaign's: one look per job,
 * then every ticket only of the jobs that are (an hour of other campaigns costs two requests).
 */
async function campaignTicketsOf(
  api: SupportApiClient,
  jobs: readonly JobStatus[],
  campaignTag: string,
  options: { signal?: AbortSignal },
): Promise<Ticket[]> {
  const createdBy = jobs
    .map((job) => (job.results ?? []).flatMap((r) => (typeof r.id === 'number' && r.error === undefined ? [r.id] : [])))
    .filter((ids) => ids.length > 0);
  const firsts = createdBy.map((ids) => ids[0] as number);
  if (firsts.length === 0) return [];
  const firstTickets = new Map((await showManyTickets(api, firsts, options)).map((t) => [t.id, t]));
  const ours = createdBy.filter((ids) => firstTickets.get(ids[0] as number)?.tags.includes(campaignTag));
  // A job whose first ticket is gone (a second ticket a sweep deleted) says nothing by it: all of
  // its tickets are read, or the customers whose ticket it made would be sent another.
  const unsure = createdBy.filter((ids) => !firstTickets.has(ids[0] as number));
  const rest = [...ours, ...unsure].flatMap((ids) => ids.slice(1));
  const tickets = [
    ...ours.map((ids) => firstTickets.get(ids[0] as number)),
    ...(await showManyTickets(api, rest, options)),
  ];
  return tickets.flatMap((t) => (t?.tags.includes(campaignTag) ? [t] : []));
}
