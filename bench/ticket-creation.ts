import { createSimulator } from '../sandbox/simulator/index.ts';
import { simulatorTransport } from '../sandbox/simulator/transport.ts';
import { VirtualClock } from '../sandbox/virtual-clock.ts';
import {
  SupportApiClient,
  CREATE_MANY_LIMIT,
  createManyTickets,
  createTicket,
  showManyJobStatuses,
  type NewTicket,
} from '../src/zendesk/index.ts';
import { benchLine, type BenchLine } from './line.ts';
import { fixedWindowFloorMinutes, mulberry, round } from './scheduler-budget.ts';

export interface CreationRun {
  label: string;
  tickets: number;
  rpm: number;
  virtualMinutes: number;
  ticketsPerMinute: number;
  apiRequests: number;
  requestsPerTicket: number;
  /**
   * What the rate limit alone allows for the fewest requests this method needs (one per batch or
   * per ticket, plus one show_many poll per 100 jobs), in fixed minute windows. create_many is
   * bound by Zendesk's job latency long before the rate limit, so its ratio is far above 1.
   */
  floorMinutes: number;
  /** null when the rate limit is not what bounds the method (the floor is under a minute window). */
  ratioToFloor: number | null;
  ticketsCreated: number;
  maxAcceptedInAMinute: number;
}

const POLL_INTERVAL_MS = 2_000;

/**
 * The baseline the send engine has to meet: N tickets through create_many (100 per job, jobs
 * polled together with show_many) against one POST per ticket, under a plan's per-minute limit and
 * the simulator's job latency, in virtual time.
 */
export async function runCreation(
  method: 'create_many' | 'one_post_per_ticket',
  options: { tickets: number; rpm: number },
): Promise<CreationRun> {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 5, users: Math.max(3000, options.tickets + 500), rpm: options.rpm, clock });
  const client = new SupportApiClient({
    transport: simulatorTransport(sim, { latencyMs: 150 }),
    clock,
    random: mulberry(9),
    scheduler: { concurrency: 4 },
  });
  const requesters = endUserIds(sim).slice(0, options.tickets);
  if (requesters.length < options.tickets) throw new Error('not enough end-users in the demo account');
  const tickets: NewTicket[] = requesters.map((id) => ({
    subject: 'Your plan renews soon',
    requester_id: id,
    comment: { body: 'Hello! Your plan renews next month.', public: true },
    tags: ['proactive_bench'],
    external_id: `proactive_bench:${id}`,
  }));
  const before = sim.stats.accepted;
  const start = clock.now();
  await clock.run(async () => {
    if (method === 'one_post_per_ticket') {
      await Promise.all(tickets.map((ticket) => createTicket(client, ticket)));
      return;
    }
    const jobIds: string[] = [];
    for (let i = 0; i < tickets.length; i += CREATE_MANY_LIMIT) {
      jobIds.push((await createManyTickets(client, tickets.slice(i, i + CREATE_MANY_LIMIT))).id);
    }
    let pending = jobIds;
    while (pending.length > 0) {
      await clock.sleep(POLL_INTERVAL_MS);
      const statuses = await showManyJobStatuses(client, pending);
      pending = statuses.filter((s) => s.status === 'queued' || s.status === 'working').map((s) => s.id);
    }
  });
  const minutes = (clock.now() - start) / 60_000;
  const apiRequests = sim.stats.accepted - before;
  const batches = Math.ceil(options.tickets / CREATE_MANY_LIMIT);
  const fewestRequests = method === 'create_many' ? batches + Math.ceil(batches / 100) : options.tickets;
  const floorMinutes = fixedWindowFloorMinutes(fewestRequests, options.rpm);
  const created = countTicketsTagged(sim, 'proactive_bench');
  return {
    label: `${method} @ ${options.rpm}/min`,
    tickets: options.tickets,
    rpm: options.rpm,
    virtualMinutes: round(minutes),
    ticketsPerMinute: round(options.tickets / minutes),
    apiRequests,
    requestsPerTicket: round(apiRequests / options.tickets),
    floorMinutes: round(floorMinutes),
    ratioToFloor: floorMinutes >= 1 ? round(minutes / floorMinutes) : null,
    ticketsCreated: created,
    maxAcceptedInAMinute: Math.max(0, ...sim.stats.perMinute.values()),
  };
}

/**
 * 1,000 tickets through create_many and one POST per ticket, at 200 and 100 requests a minute;
 * each create_many line also says how many times faster it was than one POST per ticket.
 */
export async function ticketCreationBench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const rpm of [200, 100]) {
    const batched = await runCreation('create_many', { tickets: 1000, rpm });
    const naive = await runCreation('one_post_per_ticket', { tickets: 1000, rpm });
    const speedup = round(naive.virtualMinutes / batched.virtualMinutes);
    lines.push(
      benchLine('ticket_creation', { method: 'create_many', ...batched, speedupOverOnePostPerTicket: speedup }),
      benchLine('ticket_creation', { method: 'one_post_per_ticket', ...naive }),
    );
  }
  return lines;
}

type Sim = ReturnType<typeof createSimulator>;

function endUserIds(sim: Sim): number[] {
  return sim.account.users.filter((u) => u.role === 'end-user' && !u.suspended && u.email).map((u) => u.id);
}

function countTicketsTagged(sim: Sim, tag: string): number {
  let n = 0;
  for (const { ticket } of sim.account.tickets) if (ticket.tags.includes(tag)) n++;
  return n;
}
