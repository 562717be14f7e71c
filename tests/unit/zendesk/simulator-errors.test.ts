import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createManyTickets,
  createTicket,
  createTrigger,
  createTriggerCategory,
  createView,
  exportSearch,
  getView,
  ZendeskError,
  type NewTicket,
} from '../../../src/zendesk/index.ts';
import { simulatedZendesk } from './support/simulated-zendesk.ts';

async function rejection(promise: Promise<unknown>): Promise<ZendeskError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome instanceof ZendeskError) return outcome;
  throw new Error(`expected a ZendeskError, got ${String(outcome)}`);
}

function endUserAndAgent(sim: ReturnType<typeof simulatedZendesk>['sim']) {
  const customer = sim.account.users.find((u) => u.role === 'end-user' && u.email !== null);
  const agent = sim.account.users.find((u) => u.role === 'agent' && u.custom_role_id === null && u.email !== null);
  if (customer === undefined || agent?.email == null) throw new Error('the demo account lacks a customer or an agent');
  return { customer, agent, agentEmail: agent.email };
}

const statusCondition = { field: 'status', operator: 'less_than', value: 'closed' };

describe("error mapping with the simulator's real bodies", () => {
  it('404 unknown record', async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(clock.run(client.request({ method: 'GET', url: '/api/v2/users/1' }, z.unknown())));
    expect([error.kind, error.status, error.code]).toEqual(['not_found', 404, 'RecordNotFound']);
    expect(error.requestId).toBeTruthy();
  });

  it('404 unknown endpoint', async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(
      clock.run(client.request({ method: 'GET', url: '/api/v2/no_such_thing' }, z.unknown())),
    );
    expect([error.kind, error.code]).toEqual(['not_found', 'InvalidEndpoint']);
  });

  it('422 RecordInvalid with details for a view without a status-like condition', async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(
      clock.run(
        createView(client, { title: 'x', all: [{ field: 'current_tags', operator: 'includes', value: 'pc_x' }] }),
      ),
    );
    expect([error.kind, error.status]).toEqual(['validation', 422]);
    expect(error.code).toBe('RecordInvalid');
  });

  it('422 RecordInvalid with per-field details for a ticket without a comment', async () => {
    const { clock, client, sim } = simulatedZendesk();
    const { customer } = endUserAndAgent(sim);
    const error = await rejection(
      clock.run(createTicket(client, { requester_id: customer.id } as unknown as NewTicket)),
    );
    expect(error.kind).toBe('validation');
    expect(error.details).toBeDefined();
    expect(Object.values(error.details ?? {}).flat().length).toBeGreaterThan(0);
  });

  it('403 when an agent creates a trigger', async () => {
    const { clock, sim, as } = simulatedZendesk();
    const { agentEmail } = endUserAndAgent(sim);
    const error = await rejection(
      clock.run(
        createTrigger(as(agentEmail), {
          title: 'x',
          conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }] },
          actions: [{ field: 'status', value: 'open' }],
        }),
      ),
    );
    expect([error.kind, error.status]).toEqual(['permission', 403]);
  });

  it('403 when an agent creates a shared view', async () => {
    const { clock, sim, as } = simulatedZendesk();
    const { agentEmail } = endUserAndAgent(sim);
    const error = await rejection(clock.run(createView(as(agentEmail), { title: 'shared', all: [statusCondition] })));
    expect(error.kind).toBe('permission');
  });

  it('401 for an unknown user', async () => {
    const { clock, as } = simulatedZendesk();
    const error = await rejection(clock.run(getView(as('nobody@example.invalid'), 1)));
    expect([error.kind, error.status]).toEqual(['auth', 401]);
  });

  it('400 IdempotentRequestError: same key, different body', async () => {
    const { clock, client, sim } = simulatedZendesk();
    const { customer } = endUserAndAgent(sim);
    const ticket = (body: string): NewTicket => ({ requester_id: customer.id, subject: 's', comment: { body } });
    const first = await clock.run(createTicket(client, ticket('a'), { key: 'k-1' }));
    const again = await clock.run(createTicket(client, ticket('a'), { key: 'k-1' }));
    expect(again.id).toBe(first.id);
    const error = await rejection(clock.run(createTicket(client, ticket('b'), { key: 'k-1' })));
    expect([error.kind, error.code]).toEqual(['bad_request', 'IdempotentRequestError']);
  });

  it('400 for a type: keyword inside an export query', async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(
      clock.run(async () => {
        for await (const page of exportSearch(client, { query: 'type:user role:end-user', type: 'user' })) void page;
      }),
    );
    expect(error.kind).toBe('bad_request');
  });

  it('422 for a /search page past the 1,000-result cap', async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(
      clock.run(
        client.request({ method: 'GET', url: '/api/v2/search?query=type%3Auser&page=11&per_page=100' }, z.unknown()),
      ),
    );
    expect([error.kind, error.status]).toEqual(['validation', 422]);
  });

  it("trigger categories' {errors:[{code,title}]} shape", async () => {
    const { clock, client } = simulatedZendesk();
    const error = await rejection(clock.run(createTriggerCategory(client, { name: '' })));
    expect([error.status, error.code, error.description]).toEqual([
      400,
      'InvalidTriggerCategory',
      'Name cannot be blank',
    ]);
  });

  it('429 TooManyJobs past 30 jobs in flight, reported after the retries run out', async () => {
    const { clock, client, sim } = simulatedZendesk({
      simulator: { jobLatency: { startMs: 600_000, perTicketMs: 1000 } },
      scheduler: { maxRateLimitRetries: 0, concurrency: 8 },
    });
    const { customer } = endUserAndAgent(sim);
    const batch: NewTicket[] = [{ requester_id: customer.id, subject: 's', comment: { body: 'b' } }];
    const outcomes = await clock.run(
      Promise.allSettled(Array.from({ length: 31 }, () => createManyTickets(client, batch))),
    );
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason: unknown = rejected[0]?.status === 'rejected' ? rejected[0].reason : undefined;
    expect(reason).toBeInstanceOf(ZendeskError);
    expect((reason as ZendeskError).kind).toBe('rate_limited');
    expect((reason as ZendeskError).code).toBe('TooManyJobs');
  });

  it('429 APIRateLimitExceeded with Retry-After, reported when no retries are allowed', async () => {
    const { clock, client } = simulatedZendesk({
      simulator: { faults: { burst429: { every: 1, length: 5, retryAfterSeconds: 9 } } },
      scheduler: { maxRateLimitRetries: 0 },
    });
    await clock.run(client.request({ method: 'GET', url: '/api/v2/groups' }, z.unknown()));
    const error = await rejection(clock.run(client.request({ method: 'GET', url: '/api/v2/groups' }, z.unknown())));
    expect([error.kind, error.status, error.code, error.retryAfterSeconds]).toEqual([
      'rate_limited',
      429,
      'APIRateLimitExceeded',
      9,
    ]);
  });

  it('5xx: a GET is retried until maxAttempts, then reported as a server error', async () => {
    const { clock, client, sim } = simulatedZendesk({
      simulator: { faults: { serverErrorRate: 1 } },
      scheduler: { maxAttempts: 3 },
    });
    const before = sim.stats.requests;
    const error = await rejection(clock.run(client.request({ method: 'GET', url: '/api/v2/groups' }, z.unknown())));
    expect(error.kind).toBe('server');
    expect([500, 503]).toContain(error.status);
    expect(sim.stats.requests - before).toBe(3);
  });
});
