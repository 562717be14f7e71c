import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { createSimulator } from '../../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../../sandbox/simulator/transport.ts';
import {
  countSearch,
  createManyTickets,
  listCustomStatuses,
  listGroups,
  listUserFields,
  showManyJobStatuses,
  SupportApiClient,
  ZendeskError,
  type JobStatus,
  type Transport,
} from '../../../src/zendesk/index.ts';
import { currentUserResponseSchema } from '../../../src/zendesk/schemas/users.ts';
import { z } from 'zod';
import { organizationSchema } from '../../../src/zendesk/schemas/organizations.ts';

const RPM = 200;

describe('a mixed workload through a faulty, rate-limited Zendesk', () => {
  it('answers every request exactly once, creates no duplicate tickets, and never exceeds the per-minute budget', async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({
      seed: 11,
      users: 600,
      plan: 'team',
      clock,
      jobLatency: { startMs: 1500, perTicketMs: 30 },
      faults: {
        burst429: { every: 60, length: 3, retryAfterSeconds: 10 },
        serverErrorRate: 0.05,
        // The hazards for creates: the work is done but the answer is lost or a 502/504.
        dropRate: 0.03,
        timeoutAfterProcessingRate: 0.03,
      },
    });
    expect(sim.account.rpm).toBe(RPM);
    const inner = simulatorTransport(sim, { latencyMs: 40 });
    let sends = 0;
    let budget429s = 0;
    const transport: Transport = {
      request: async (request) => {
        sends += 1;
        const response = await inner.request(request);
        // Zendesk's own count at 0: a 429 for the account budget, not an injected burst.
        if (response.status === 429 && response.headers['ratelimit-remaining'] === '0') budget429s += 1;
        return response;
      },
    };
    // No rpm configured: the client learns the plan's limit from Zendesk's headers.
    const client = new SupportApiClient({ transport, clock, scheduler: { concurrency: 6 }, random: () => 0.5 });
    const waits = new Set<string>();
    client.onWait((w) => waits.add(w.reason));

    const customers = sim.account.users.filter((u) => u.role === 'end-user');
    const organizations = sim.account.organizations;
    const userById = z.looseObject({ user: currentUserResponseSchema.shape.user });
    const orgById = z.looseObject({ organization: organizationSchema });

    type Work = { label: string; run: () => Promise<unknown>; check?: (value: unknown) => void };
    const work: Work[] = [];
    for (let i = 0; i < 150; i++) {
      const user = customers[i % customers.length];
      if (user === undefined) throw new Error('too few customers');
      work.push({
        label: `user ${user.id}`,
        run: () => client.request({ method: 'GET', url: `/api/v2/users/${user.id}` }, userById),
        check: (value) => expect((value as z.infer<typeof userById>).user.id).toBe(user.id),
      });
    }
    for (let i = 0; i < 100; i++) {
      const org = organizations[i % organizations.length];
      if (org === undefined) throw new Error('too few organizations');
      work.push({
        label: `organization ${org.id}`,
        run: () => client.request({ method: 'GET', url: `/api/v2/organizations/${org.id}` }, orgById),
        check: (value) => expect((value as z.infer<typeof orgById>).organization.id).toBe(org.id),
      });
    }
    for (let i = 0; i < 50; i++)
      work.push({ label: `count ${i}`, run: () => countSearch(client, `type:user role:end-user tags:t${i}`) });
    for (let i = 0; i < 25; i++) {
      work.push({ label: `user fields ${i}`, run: () => listUserFields(client) });
      work.push({ label: `groups ${i}`, run: () => listGroups(client) });
      work.push({ label: `custom statuses ${i}`, run: () => listCustomStatuses(client) });
      work.push({
        label: `account settings ${i}`,
        run: () =>
          client.request(
            { method: 'GET', url: '/api/v2/account/settings' },
            z.looseObject({ settings: z.looseObject({}) }),
          ),
      });
    }
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 50 }, (_, i) => {
        const customer = customers[(b * 50 + i) % customers.length];
        if (customer === undefined) throw new Error('too few customers');
        return {
          requester_id: customer.id,
          subject: 'Renewal',
          comment: { body: 'Hi' },
          external_id: `pc:fault:${b}:${i}`,
        };
      }),
    );
    const createIndex = new Map<number, number>();
    batches.forEach((batch, b) => {
      createIndex.set(work.length, b);
      work.push({ label: `create_many ${b}`, run: () => createManyTickets(client, batch) });
    });
    expect(work).toHaveLength(420);

    const answers = new Map<number, { ok: true; value: unknown } | { ok: false; error: unknown }>();
    const settle = (i: number, answer: { ok: true; value: unknown } | { ok: false; error: unknown }) => {
      if (answers.has(i)) throw new Error(`request ${i} answered twice`);
      answers.set(i, answer);
    };
    const startedAt = clock.now();
    await clock.run(
      Promise.all(
        work.map((w, i) =>
          w.run().then(
            (value) => settle(i, { ok: true, value }),
            (error: unknown) => settle(i, { ok: false, error }),
          ),
        ),
      ),
    );
    expect(answers.size).toBe(420);

    // Every GET came back right (5xx retried with backoff, 429s waited out), with its own answer.
    work.forEach((w, i) => {
      if (createIndex.has(i)) return;
      const answer = answers.get(i);
      if (answer?.ok !== true)
        throw new Error(`${w.label} failed: ${String(answer?.ok === false ? answer.error : 'no answer')}`);
      w.check?.(answer.value);
    });

    // A create_many that failed (5xx, lost answer) is reported, never repeated; the others each
    // queued one job. A failed one may still have created its tickets: the send flow reconciles.
    const jobs = new Map<number, JobStatus>();
    for (const [i, b] of createIndex) {
      const answer = answers.get(i);
      if (answer?.ok === true) jobs.set(b, answer.value as JobStatus);
      else {
        expect(answer?.error).toBeInstanceOf(ZendeskError);
        expect(['server', 'network']).toContain((answer?.error as ZendeskError).kind);
      }
    }
    expect(jobs.size).toBeGreaterThan(0);
    await clock.run(async () => {
      for (;;) {
        const statuses = await showManyJobStatuses(
          client,
          [...jobs.values()].map((j) => j.id),
        );
        if (statuses.every((s) => s.status === 'completed')) return;
        await clock.sleep(2000);
      }
    });
    // Let any job of a batch whose answer was lost finish too (jobs advance when Zendesk is asked).
    await clock.advance(120_000);
    await clock.run(() => listGroups(client));
    const created = sim.account.tickets
      .map((t) => t.ticket.external_id)
      .filter((id): id is string => id?.startsWith('pc:fault:') === true);
    expect(new Set(created).size).toBe(created.length);
    let failedButCreated = 0;
    for (let b = 0; b < 20; b++) {
      const ofBatch = created.filter((id) => id.startsWith(`pc:fault:${b}:`));
      if (jobs.has(b)) expect(ofBatch).toHaveLength(50);
      else {
        expect([0, 50]).toContain(ofBatch.length);
        if (ofBatch.length === 50) failedButCreated += 1;
      }
    }
    // This seed really produces the hazard: a create reported as failed whose tickets exist.
    expect(failedButCreated).toBeGreaterThan(0);

    // The faults really happened, and the budget held in every minute window.
    expect(sim.stats.rejected429).toBeGreaterThan(0);
    expect(sends).toBeGreaterThan(420);
    expect([...waits]).toEqual(expect.arrayContaining(['rate_limited', 'backoff', 'budget']));
    expect(budget429s).toBe(0);
    const perMinute = [...sim.stats.perMinute.values()];
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(RPM);
    expect(perMinute.filter((n) => n > RPM * 0.8).length).toBeGreaterThan(0);
    // Virtual time: minutes of rate-limited traffic, not a real wait.
    expect(clock.now() - startedAt).toBeGreaterThan(120_000);
  });
});
