import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { createSimulator } from '../../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../../sandbox/simulator/msw.ts';
import {
  countSearch,
  createFetchTransport,
  createManyTickets,
  getCurrentUser,
  listUserFields,
  NetworkFailure,
  SupportApiClient,
  userPages,
  ZendeskError,
} from '../../../src/zendesk/index.ts';

const BASE = 'https://proactive-demo.zendesk.com';
const clock = new VirtualClock();
const sim = createSimulator({ seed: 3, users: 250, clock });
const server = setupServer(...simulatorHandlers(sim, BASE));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.setFaults({}));
afterAll(() => server.close());

function client(headers?: Record<string, string>) {
  const transport = createFetchTransport(headers === undefined ? { baseUrl: `${BASE}/` } : { baseUrl: BASE, headers });
  return new SupportApiClient({ transport, clock, random: () => 0 });
}

describe('the fetch transport against the simulator over msw', () => {
  it('reads the current user and the user fields over real fetch', async () => {
    const api = client();
    const me = await clock.run(getCurrentUser(api));
    expect(me.id).toBe(sim.account.owner.id);
    const fields = await clock.run(listUserFields(api));
    expect(fields.length).toBe(sim.account.userFields.length);
  });

  it('follows absolute links.next (made relative) through every page', async () => {
    const api = client();
    const ids = await clock.run(async () => {
      const out: number[] = [];
      for await (const page of userPages(api, { roles: ['end-user'], pageSize: 100 }))
        out.push(...page.map((u) => u.id));
      return out;
    });
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
  });

  it('sends JSON bodies with content-type and reads a job status back', async () => {
    const api = client();
    const requester = sim.account.users.find((u) => u.role === 'end-user');
    if (requester === undefined) throw new Error('no customer');
    const job = await clock.run(
      createManyTickets(api, [
        { requester_id: requester.id, subject: 's', comment: { body: 'b' }, external_id: 'pc:fetch:1' },
      ]),
    );
    expect(typeof job.id).toBe('string');
  });

  it('sends the configured Authorization header (the simulator answers 401 for an unknown user)', async () => {
    const api = client({ authorization: `Basic ${Buffer.from('nobody@example.invalid/token:x').toString('base64')}` });
    const error = await clock.run(countSearch(api, 'type:user')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect((error as ZendeskError).kind).toBe('auth');
  });

  it('turns a dropped connection into NetworkFailure, and the client into a network error for a POST', async () => {
    sim.setFaults({ dropRate: 1 });
    const transport = createFetchTransport({ baseUrl: BASE });
    await expect(transport.request({ method: 'GET', url: '/api/v2/users/me' })).rejects.toBeInstanceOf(NetworkFailure);
    const api = new SupportApiClient({ transport, clock });
    const error = await clock.run(createManyTickets(api, [{ comment: { body: 'b' } }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect((error as ZendeskError).kind).toBe('network');
  });
});
