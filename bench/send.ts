import { DEFAULT_JOB_TIMING, expectedBatchesDurationMs } from '../sandbox/simulator/job-timing.ts';
import { createSimulator } from '../sandbox/simulator/index.ts';
import { simulatorTransport } from '../sandbox/simulator/transport.ts';
import { VirtualClock } from '../sandbox/virtual-clock.ts';
import { countOutcomes } from '../src/domain/send/send-run.ts';
import { createTicket, SupportApiClient, ZAF_APP_RPM } from '../src/zendesk/index.ts';
import { mulberry, sendWorld } from '../tests/support/send-world.ts';
import type { BenchLine } from './line.ts';

/** The app's share of the account's per-minute limit (the `api_budget_share` setting's default). */
const BUDGET_SHARE = 0.5;
const LATENCY_MS = 150;

/**
 * The send engine against the simulator in virtual time, with the simulator's realistic job
 * timing (≈250 ms a ticket, a 2 s queue start, 30 jobs at once: sandbox/simulator/job-timing.ts),
 * and the naive sender (one POST /tickets per customer, as the app we replace does) beside it.
 *
 * The floor is what the documented limits allow any client, whichever binds first:
 * - requests: the fewest a client needs (one create_many per 100 tickets and one show_many per
 *   100 jobs to read their results) at the rate it may send: ZAF's 100 requests a minute per app
 *   user, or the app's share of the plan's limit if lower;
 * - jobs: 100-ticket jobs, at most 30 in flight, each taking the job time, all submitted the
 *   moment a slot is free (the simulator's expectedBatchesDurationMs).
 */
async function sendCase(tickets: number, planRpm: number): Promise<BenchLine> {
  const world = sendWorld({ customers: tickets, simulator: { rpm: planRpm }, latencyMs: LATENCY_MS });
  const { sim, clock } = world;
  const before = { accepted: sim.stats.accepted, rejected: sim.stats.rejected429 };
  const start = clock.now();
  const run = await clock.run(() => world.runner(world.newRun()).start());
  const minutes = (clock.now() - start) / 60_000;
  const requests = sim.stats.accepted - before.accepted;

  const allowedRpm = Math.min(ZAF_APP_RPM, Math.floor(planRpm * BUDGET_SHARE));
  const jobs = Math.ceil(tickets / 100);
  const requestFloor = jobs + Math.ceil(jobs / 100);
  const floorMinutes = Math.max(
    requestFloor / allowedRpm,
    (expectedBatchesDurationMs(tickets, 100, DEFAULT_JOB_TIMING) + LATENCY_MS) / 60_000,
  );
  const perCustomer = world.ticketsPerCustomer();
  const duplicates = [...perCustomer.values()].filter((n) => n > 1).length;
  const lost = world.customers.filter((c) => !perCustomer.has(c.id)).length;
  const counts = countOutcomes(run);
  const naive = await naiveSend(tickets, planRpm);
  // Keys spelled out: the names have digits (`http_429_seen`) a camelCase conversion would lose.
  return {
    bench: 'send',
    tickets,
    plan_rpm: planRpm,
    requests,
    requests_per_1000_tickets: round((requests / tickets) * 1000),
    minutes: round(minutes),
    floor_minutes: round(floorMinutes),
    time_vs_floor: round(minutes / floorMinutes),
    tickets_per_minute: Math.round(tickets / minutes),
    naive_requests: naive.requests,
    naive_minutes: round(naive.minutes),
    naive_time_vs_ours: round(naive.minutes / minutes),
    naive_requests_vs_ours: round(naive.requests / requests),
    http_429_seen: sim.stats.rejected429 - before.rejected,
    budget_share_used: round(Math.max(0, ...sim.stats.perMinute.values()) / planRpm),
    budget_share_allowed: BUDGET_SHARE,
    created: counts.created,
    failed: counts.failed,
    duplicates,
    lost,
  };
}

/**
 * One POST /api/v2/tickets per customer, as fast as the plan's full limit allows (more than our
 * engine takes: the baseline is given every advantage), same job-free path, same latency.
 */
async function naiveSend(tickets: number, planRpm: number): Promise<{ requests: number; minutes: number }> {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 5, users: Math.ceil(tickets * 1.15) + 200, rpm: planRpm, clock });
  const api = new SupportApiClient({
    transport: simulatorTransport(sim, { latencyMs: LATENCY_MS }),
    clock,
    random: mulberry(9),
    scheduler: { rpm: planRpm, concurrency: 8 },
  });
  const customers = sim.account.users
    .filter((u) => u.role === 'end-user' && !u.suspended && u.email !== null && u.active)
    .slice(0, tickets);
  const before = sim.stats.accepted;
  const start = clock.now();
  await clock.run(() =>
    Promise.all(
      customers.map((c) =>
        createTicket(api, {
          subject: 'Your plan renews soon',
          requester_id: c.id,
          comment: { body: 'Your plan renews next month.', public: true },
          tags: ['proactive_naive'],
        }),
      ),
    ),
  );
  return { requests: sim.stats.accepted - before, minutes: (clock.now() - start) / 60_000 };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function sendBench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const tickets of [1000, 10_000]) for (const planRpm of [200, 700]) lines.push(await sendCase(tickets, planRpm));
  return lines;
}
