import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NetworkFailure } from '../../../src/zendesk/transport.ts';
import { basicAuthFor, createSimulator, DEMO_IDENTITIES, DEMO_ORIGIN } from '../../../sandbox/simulator/index.ts';
import { startSimulatorServer, type SimulatorServer } from '../../../sandbox/simulator/http.ts';
import { simulatorHandlers } from '../../../sandbox/simulator/msw.ts';
import { simulatorTransport } from '../../../sandbox/simulator/transport.ts';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { userSchema } from './support/schemas.ts';

const meAnswer = z.object({ user: userSchema });

describe('simulatorTransport (in-process)', () => {
  it('sends JSON bodies and parses JSON answers, acting as the chosen user', async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({ users: 100, clock });
    const transport = simulatorTransport(sim, { actAs: DEMO_IDENTITIES.agent });
    const me = await transport.request({ method: 'GET', url: '/api/v2/users/me.json' });
    expect(me.status).toBe(200);
    expect(me.headers['x-rate-limit']).toBe('400');
    expect(meAnswer.parse(me.body).user.email).toBe(DEMO_IDENTITIES.agent);
    const customer = sim.account.users.find((u) => u.role === 'end-user');
    const created = await transport.request({
      method: 'POST',
      url: '/api/v2/tickets',
      body: { ticket: { requester_id: customer?.id, comment: { body: 'hi' } } },
    });
    expect(created.status).toBe(201);
    // The answer is a fresh parse, not the simulator's own object.
    (created.body as { ticket: { subject: string } }).ticket.subject = 'mutated';
    expect(sim.account.tickets.at(-1)?.ticket.subject).not.toBe('mutated');
  });

  it('spends the round-trip latency on the clock, half before the simulator sees the request', async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({ users: 100, clock });
    const transport = simulatorTransport(sim, { latencyMs: 200 });
    const start = clock.now();
    await clock.run(() => transport.request({ method: 'GET', url: '/api/v2/users/me' }));
    expect(clock.now() - start).toBe(200);
    expect(sim.stats.requests).toBe(1);
  });

  it('rejects with NetworkFailure when the connection drops (after processing)', async () => {
    const sim = createSimulator({ users: 100, clock: new VirtualClock(), faults: { dropRate: 1 } });
    const transport = simulatorTransport(sim);
    await expect(transport.request({ method: 'GET', url: '/api/v2/users/me' })).rejects.toBeInstanceOf(NetworkFailure);
    expect(sim.stats.accepted).toBe(1);
  });
});

describe('simulatorHandlers (msw)', () => {
  const sim = createSimulator({ users: 100, clock: new VirtualClock() });
  const server = setupServer(...simulatorHandlers(sim));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sim.setFaults({}));
  afterAll(() => server.close());

  it('answers fetch on the demo origin like Zendesk, headers and all', async () => {
    const response = await fetch(`${DEMO_ORIGIN}/api/v2/users/me.json`, {
      headers: { authorization: basicAuthFor(DEMO_IDENTITIES.admin) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-zendesk-request-id')).toBeTruthy();
    expect(meAnswer.parse(await response.json()).user.email).toBe(DEMO_IDENTITIES.admin);
    const notFound = await fetch(`${DEMO_ORIGIN}/api/v2/users/1`);
    expect(notFound.status).toBe(404);
  });

  it('posts JSON bodies', async () => {
    const customer = sim.account.users.find((u) => u.role === 'end-user');
    const response = await fetch(`${DEMO_ORIGIN}/api/v2/tickets.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { requester_id: customer?.id, comment: { body: 'hi' } } }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/\/api\/v2\/tickets\/\d+\.json$/);
  });

  it('turns a dropped connection into a network error', async () => {
    sim.setFaults({ dropRate: 1 });
    await expect(fetch(`${DEMO_ORIGIN}/api/v2/users/me`)).rejects.toThrow();
  });
});

describe('startSimulatorServer (HTTP)', () => {
  let server: SimulatorServer;
  const sim = createSimulator({ users: 200 });
  beforeAll(async () => {
    server = await startSimulatorServer({ port: 0, simulator: sim });
  });
  afterEach(() => sim.setFaults({}));
  afterAll(() => server.close());

  it('serves /api/v2 over real HTTP with CORS and links that point back at itself', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/api/v2/users?page[size]=5`, {
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    const body = (await response.json()) as { links: { next: string } };
    expect(body.links.next.startsWith(`${server.url}/api/v2/users?`)).toBe(true);
    const next = await fetch(body.links.next);
    expect(next.status).toBe(200);
    const preflight = await fetch(`${server.url}/api/v2/tickets`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });

  it('drops the socket when the dropped-connection fault fires', async () => {
    sim.setFaults({ dropRate: 1 });
    await expect(fetch(`${server.url}/api/v2/users/me`)).rejects.toThrow();
  });

  it('offers the sandbox control surface: state, faults, notifications, reset', async () => {
    const faults = await fetch(`${server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ serverErrorRate: 0.25, burst429: { every: 10, length: 1, retryAfterSeconds: 2 } }),
    });
    expect(faults.status).toBe(200);
    const state = z
      .object({
        plan: z.string(),
        rpm: z.number(),
        faults: z.object({ serverErrorRate: z.number() }).passthrough(),
        counts: z.object({ users: z.number(), tickets: z.number() }),
      })
      .parse(await (await fetch(`${server.url}/__sandbox/state`)).json());
    expect(state).toMatchObject({ plan: 'professional', rpm: 400, faults: { serverErrorRate: 0.25 } });
    expect(state.counts.users).toBe(208);
    sim.setFaults({});
    const customer = sim.account.users.find((u) => u.role === 'end-user');
    await fetch(`${server.url}/api/v2/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { requester_id: customer?.id, comment: { body: 'x' } } }),
    });
    expect(sim.account.tickets).toHaveLength(301);
    const notified = z
      .object({ notifications: z.array(z.object({ ticket_id: z.number(), recipient: z.string() })) })
      .parse(await (await fetch(`${server.url}/__sandbox/notifications`)).json());
    const ticketId = sim.account.tickets[300]?.ticket.id;
    expect(notified.notifications.filter((n) => n.ticket_id === ticketId).map((n) => n.recipient)).toContain(
      'requester_and_ccs',
    );
    expect((await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect(sim.account.tickets).toHaveLength(300);
    expect(sim.stats.requests).toBe(0);
    expect((await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: 'nope' })).status).toBe(400);
  });

  it('closes cleanly, even with a keep-alive connection open', async () => {
    const other = await startSimulatorServer({ port: 0, simulator: sim });
    await fetch(`${other.url}/api/v2/users/me`);
    await other.close();
    await expect(fetch(`${other.url}/api/v2/users/me`)).rejects.toThrow();
  });
});
