import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { createSimulator } from '../../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../../sandbox/simulator/transport.ts';
import { SupportApiClient, type Transport } from '../../../src/zendesk/index.ts';

function recorded(inner: Transport, clock: VirtualClock) {
  const sends: number[] = [];
  const limited: Array<{ at: number; retryAfter: number }> = [];
  const transport: Transport = {
    async request(request) {
      sends.push(clock.now());
      const response = await inner.request(request);
      if (response.status === 429)
        limited.push({ at: clock.now(), retryAfter: Number(response.headers['retry-after']) });
      return response;
    },
  };
  return { transport, sends, limited };
}

const anything = z.unknown();

describe('rate limits of the simulated Zendesk', () => {
  it("obeys a 429's Retry-After: no request goes out until it has passed, then all succeed", async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({
      seed: 5,
      users: 100,
      clock,
      faults: { burst429: { every: 4, length: 1, retryAfterSeconds: 20 } },
    });
    const { transport, sends, limited } = recorded(simulatorTransport(sim), clock);
    const client = new SupportApiClient({ transport, clock, scheduler: { concurrency: 3 } });
    const start = clock.now();
    const results = await clock.run(
      Promise.all(
        Array.from({ length: 12 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/groups?n=${i}` }, anything)),
      ),
    );
    expect(results).toHaveLength(12);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    for (const { at, retryAfter } of limited) {
      expect(retryAfter).toBe(20);
      expect(sends.filter((t) => t > at && t < at + retryAfter * 1000)).toEqual([]);
    }
    expect(clock.now() - start).toBeGreaterThanOrEqual(limited.length * 20_000);
  });

  it("learns the plan's limit from the headers and paces itself: no budget 429s on the Essential plan (10/min)", async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({ seed: 5, users: 100, plan: 'essential', clock });
    const { transport, sends, limited } = recorded(simulatorTransport(sim), clock);
    const client = new SupportApiClient({ transport, clock, scheduler: { concurrency: 1 } });
    const waits: number[] = [];
    client.onWait((w) => {
      if (w.reason === 'budget') waits.push(w.untilMs);
    });
    await clock.run(
      Promise.all(
        Array.from({ length: 25 }, (_, i) => client.request({ method: 'GET', url: `/api/v2/groups?n=${i}` }, anything)),
      ),
    );
    expect(client.rpm).toBe(10);
    expect(limited).toEqual([]);
    expect(sends).toHaveLength(25);
    expect(Math.max(...sim.stats.perMinute.values())).toBe(10);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('a configured rpm lower than the plan wins (ZAF: 100 per app user)', async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({ seed: 5, users: 100, clock });
    const client = new SupportApiClient({
      transport: simulatorTransport(sim),
      clock,
      scheduler: { concurrency: 8, rpm: 100 },
    });
    await clock.run(
      Promise.all(
        Array.from({ length: 250 }, (_, i) =>
          client.request({ method: 'GET', url: `/api/v2/groups?n=${i}` }, anything),
        ),
      ),
    );
    expect(client.rpm).toBe(100);
    expect(Math.max(...sim.stats.perMinute.values())).toBeLessThanOrEqual(100);
    expect(sim.stats.rejected429).toBe(0);
  });
});
