import type { Simulator } from '../../sandbox/simulator/index.ts';
import type { Clock } from '../../src/zendesk/clock.ts';

/**
 * Time that passes only when someone waits: retries, Retry-After and the simulator's jobs cost no
 * real time, and the app's sleeps and the simulator's jobs share it.
 */
export function instantClock(start: number = Date.UTC(2026, 11, 2, 9)): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
    },
  };
}

/** The simulator's own answer to a search count, asked directly (not through the app). */
export function simulatorCount(sim: Simulator, query: string): number {
  const response = sim.handle({
    method: 'GET',
    url: `/api/v2/search/count?query=${encodeURIComponent(query)}`,
    headers: {},
  });
  if ('dropped' in response) throw new Error('dropped');
  return (JSON.parse(response.body) as { count: number }).count;
}
