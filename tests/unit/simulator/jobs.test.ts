import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_JOB_TIMING,
  expectedBatchesDurationMs,
  expectedJobDurationMs,
  type JobTiming,
} from '../../../sandbox/simulator/job-timing.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';
import { jobStatusSchema } from './support/schemas.ts';

const jobAnswer = z.object({ job_status: jobStatusSchema });
type Job = z.infer<typeof jobStatusSchema>;

function customers(api: TestZendesk, count: number) {
  return api.sim.account.users.filter((u) => u.role === 'end-user' && u.email !== null && !u.suspended).slice(0, count);
}

function submit(api: TestZendesk, requesterIds: number[], tag = 'pc_jobs'): string {
  const answer = api.call('POST', '/api/v2/tickets/create_many', {
    tickets: requesterIds.map((id) => ({
      requester_id: id,
      comment: { html_body: '<p>Hello</p>', public: true },
      tags: [tag, 'proactive_campaign'],
      external_id: `pc1:${tag}:${id}`,
    })),
  });
  expect(answer.status).toBe(200);
  return jobAnswer.parse(answer.json).job_status.id;
}

function job(api: TestZendesk, id: string): Job {
  return jobAnswer.parse(api.get(`/api/v2/job_statuses/${id}`).json).job_status;
}

/** Steps the clock in `stepMs` until the job is done; returns the elapsed time. */
async function timeToFinish(api: TestZendesk, id: string, stepMs = 250): Promise<number> {
  const start = api.clock.now();
  while (['queued', 'working'].includes(job(api, id).status)) await api.clock.advance(stepMs);
  return api.clock.now() - start;
}

describe('job throughput (default timing)', () => {
  it('a 100-ticket create_many job waits ~2 s, then runs at ~250 ms a ticket: ~27 s in all', async () => {
    const api = testZendesk();
    const people = customers(api, 100);
    const before = api.sim.account.tickets.length;
    const submittedAt = api.clock.now();
    const id = submit(
      api,
      people.map((p) => p.id),
    );
    expect(job(api, id)).toMatchObject({ status: 'queued', progress: null, results: null });
    await api.clock.advance(DEFAULT_JOB_TIMING.startDelayMs + 10 * DEFAULT_JOB_TIMING.perTicketMs);
    const early = job(api, id);
    expect(early.status).toBe('working');
    expect(early.progress).toBeGreaterThan(5);
    expect(early.progress).toBeLessThan(15);
    expect(api.sim.account.tickets.length - before).toBe(early.progress);

    await timeToFinish(api, id);
    const elapsed = api.clock.now() - submittedAt;
    const expected = expectedJobDurationMs(100);
    expect(expected).toBe(27_000);
    // The jitter (±50 ms a ticket) averages out over 100 tickets.
    expect(Math.abs(elapsed - expected)).toBeLessThan(1500);
    const done = job(api, id);
    expect(done.status).toBe('completed');
    expect(done.message).toMatch(/^Completed at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(api.sim.account.tickets.length - before).toBe(100);
  });

  it('runs every in-flight job at once by default: 30 jobs of 100 finish together, in about one job’s time', async () => {
    const api = testZendesk({ users: 3100 });
    const people = customers(api, 3000);
    const ids = Array.from({ length: 30 }, (_, j) =>
      submit(
        api,
        people.slice(j * 100, j * 100 + 100).map((p) => p.id),
      ),
    );
    await api.clock.advance(DEFAULT_JOB_TIMING.startDelayMs + 1);
    expect(ids.map((id) => job(api, id).status).every((s) => s === 'working')).toBe(true);
    await api.clock.advance(expectedJobDurationMs(100) + 5000);
    expect(ids.map((id) => job(api, id).status).every((s) => s === 'completed')).toBe(true);
    expect(expectedBatchesDurationMs(3000)).toBe(expectedJobDurationMs(100));
  });
});

describe('a configurable job queue', () => {
  const timing: JobTiming = { perTicketMs: 100, perTicketJitterMs: 0, startDelayMs: 1000, concurrency: 2 };

  it('runs `concurrency` jobs at once; the rest wait their turn in the queue, first come first served', async () => {
    const api = testZendesk({ jobTiming: timing });
    const people = customers(api, 30);
    const ids = [0, 1, 2].map((j) =>
      submit(
        api,
        people.slice(j * 10, j * 10 + 10).map((p) => p.id),
      ),
    );
    await api.clock.advance(1000);
    expect(ids.map((id) => job(api, id).status)).toEqual(['working', 'working', 'queued']);
    await api.clock.advance(1000); // the first two finish (1 s start + 10 × 100 ms)
    expect(ids.map((id) => job(api, id).status)).toEqual(['completed', 'completed', 'working']);
    await api.clock.advance(999);
    expect(job(api, ids[2] ?? '').status).toBe('working');
    await api.clock.advance(1);
    expect(job(api, ids[2] ?? '').status).toBe('completed');
    // The benchmark floor comes from the same parameters: 3 jobs of 10 on 2 slots end at 3 s.
    expect(expectedBatchesDurationMs(30, 10, timing)).toBe(3000);
    expect(expectedJobDurationMs(10, timing)).toBe(2000);
  });

  it('interleaves the tickets of jobs running together, as their ids show', async () => {
    const api = testZendesk({ jobTiming: { ...timing, concurrency: 30 } });
    const people = customers(api, 10);
    const a = submit(
      api,
      people.slice(0, 5).map((p) => p.id),
    );
    const b = submit(
      api,
      people.slice(5).map((p) => p.id),
    );
    await api.clock.advance(5000);
    const idsOf = (id: string) => (job(api, id).results ?? []).map((r) => ('id' in r ? r.id : 0));
    const [first, second] = [idsOf(a), idsOf(b)];
    expect(first).toHaveLength(5);
    expect(second.map((id, i) => id - (first[i] ?? 0))).toEqual([1, 1, 1, 1, 1]);
    // Each result maps back to the requester at its index.
    for (const [i, id] of first.entries())
      expect(api.sim.account.ticketsById.get(id)?.ticket.requester_id).toBe(people[i]?.id);
  });

  it('keeps the older jobLatency option: a fixed start and per-ticket time', async () => {
    const api = testZendesk({ jobLatency: { startMs: 500, perTicketMs: 40 } });
    const id = submit(
      api,
      customers(api, 10).map((p) => p.id),
    );
    expect(await timeToFinish(api, id, 10)).toBe(500 + 10 * 40);
  });
});

describe('per-ticket job results', () => {
  it('jobItemFailureRate 1: every item fails as {index, error: TicketCreateFailed, details}, the job is failed, ids have gaps', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 }, faults: { jobItemFailureRate: 1 } });
    const people = customers(api, 5);
    const before = api.sim.account.tickets.length;
    const lastId = Math.max(...api.sim.account.tickets.map((t) => t.ticket.id));
    const id = submit(
      api,
      people.map((p) => p.id),
    );
    await api.clock.advance(1000);
    const done = job(api, id);
    expect(done.status).toBe('failed');
    expect(done.results).toHaveLength(5);
    done.results?.forEach((result, index) => {
      expect(result).toEqual({ index, error: 'TicketCreateFailed', details: expect.stringMatching(/^\w+: \S/) });
    });
    expect(api.sim.account.tickets).toHaveLength(before);
    api.sim.setFaults({});
    const next = api.call('POST', '/api/v2/tickets', {
      ticket: { requester_id: people[0]?.id, comment: { body: 'x' } },
    });
    // The failed items used up ticket numbers.
    expect((next.json as { ticket: { id: number } }).ticket.id).toBe(lastId + 6);
  });

  it('a partly failed job completes; each success is {index, id} of a ticket for that index’s requester', async () => {
    const api = testZendesk({ jobTiming: { startDelayMs: 0, perTicketMs: 10 }, faults: { jobItemFailureRate: 0.4 } });
    const people = customers(api, 50);
    const id = submit(
      api,
      people.map((p) => p.id),
    );
    await api.clock.advance(2000);
    const done = job(api, id);
    expect(done.status).toBe('completed');
    const results = done.results ?? [];
    const created = results.filter((r): r is { index: number; id: number } => 'id' in r);
    const failed = results.filter((r) => 'error' in r);
    expect(created.length).toBeGreaterThan(15);
    expect(failed.length).toBeGreaterThan(8);
    expect(created.length + failed.length).toBe(50);
    for (const r of created) {
      const stored = api.sim.account.ticketsById.get(r.id);
      expect(stored?.ticket.requester_id).toBe(people[r.index]?.id);
      expect(stored?.ticket.external_id).toBe(`pc1:pc_jobs:${people[r.index]?.id}`);
    }
  });
});
