import { createSimulator, type Faults } from '../sandbox/simulator/index.ts';
import { simulatorTransport } from '../sandbox/simulator/transport.ts';
import { VirtualClock } from '../sandbox/virtual-clock.ts';
import { SupportApiClient, listUserFields, countSearch } from '../src/zendesk/index.ts';
import { z } from 'zod';
import { benchLine, type BenchLine } from './line.ts';

export interface BudgetRun {
  label: string;
  requests: number;
  rpm: number;
  virtualMinutes: number;
  /**
   * The fastest the budget allows. Zendesk counts per fixed minute window, so starting at a
   * window's start, the last of n requests can go out at minute ceil(n / rpm) - 1.
   */
  floorMinutes: number;
  /** virtualMinutes / floorMinutes: 1.0 is perfect pacing. */
  ratioToFloor: number;
  maxAcceptedInAMinute: number;
  rejected429: number;
  failedRequests: number;
}

const userPage = z.object({ users: z.array(z.object({ id: z.number() })) });

/**
 * A fixed read workload (the kind the audience builder and history screens send) through the
 * client's scheduler against the simulator's per-minute limit, in virtual time: how close to the
 * budget's floor it finishes, and whether it ever went over.
 */
export async function runBudget(
  label: string,
  options: { requests: number; rpm: number; faults?: Faults },
): Promise<BudgetRun> {
  const clock = new VirtualClock();
  const sim = createSimulator({
    seed: 11,
    users: 3000,
    rpm: options.rpm,
    clock,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const client = new SupportApiClient({
    transport: simulatorTransport(sim, { latencyMs: 150 }),
    clock,
    random: mulberry(3),
    scheduler: { concurrency: 8 },
  });
  const start = clock.now();
  let failed = 0;
  await clock.run(async () => {
    const work = Array.from({ length: options.requests }, (_, i) => {
      const call =
        i % 3 === 0
          ? listUserFields(client)
          : i % 3 === 1
            ? countSearch(client, `type:user role:end-user tags:vip_${i % 7}`)
            : client.request({ method: 'GET', url: `/api/v2/users?page=${(i % 30) + 1}&per_page=100` }, userPage);
      return call.catch(() => {
        failed++;
      });
    });
    await Promise.all(work);
  });
  const virtualMinutes = (clock.now() - start) / 60_000;
  const floorMinutes = fixedWindowFloorMinutes(options.requests, options.rpm);
  return {
    label,
    requests: options.requests,
    rpm: options.rpm,
    virtualMinutes: round(virtualMinutes),
    floorMinutes: round(floorMinutes),
    ratioToFloor: round(virtualMinutes / floorMinutes),
    maxAcceptedInAMinute: Math.max(0, ...sim.stats.perMinute.values()),
    rejected429: sim.stats.rejected429,
    failedRequests: failed,
  };
}

/** Read pacing against a 200/min budget, healthy and under 429 bursts + 5% 5xx. */
export async function schedulerBudgetBench(): Promise<BenchLine[]> {
  const runs = [
    await runBudget('reads @ 200/min, no faults', { requests: 600, rpm: 200 }),
    await runBudget('reads @ 200/min, 429 bursts + 5% 5xx', {
      requests: 600,
      rpm: 200,
      faults: { burst429: { every: 40, length: 3, retryAfterSeconds: 7 }, serverErrorRate: 0.05 },
    }),
  ];
  return runs.map((run) => benchLine('scheduler_budget', run));
}

/** See BudgetRun.floorMinutes. */
export function fixedWindowFloorMinutes(requests: number, rpm: number): number {
  return Math.max(Math.ceil(requests / rpm) - 1, 0);
}

export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;
