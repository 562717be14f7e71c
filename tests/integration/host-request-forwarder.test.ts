import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forwardRequest } from '../../sandbox/host/request-forwarder.ts';
import { createSimulator } from '../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../sandbox/simulator/msw.ts';

// The host page calls the API on its own origin (the sandbox server proxies it to the simulator).
const sim = createSimulator({ seed: 5, users: 200 });
const server = setupServer(...simulatorHandlers(sim, window.location.origin));
const admin = sim.account.users.find((user) => user.role === 'admin');
const adminEmail = admin?.email ?? '';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sim.setFaults({});
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('the sandbox host answering client.request like Zendesk', () => {
  it('resolves with the complete response when the app asks for httpCompleteResponse', async () => {
    const outcome = await forwardRequest(
      { url: '/api/v2/users/me', type: 'GET', httpCompleteResponse: true, autoRetry: false },
      adminEmail,
    );
    expect(outcome.settled).toBe('done');
    const [data, textStatus] = outcome.responseArgs;
    expect(textStatus).toBe('success');
    expect(data).toMatchObject({ status: 200, responseJSON: { user: { email: adminEmail } } });
    // The plan's per-minute limit, which the app's scheduler reads.
    expect((data as { headers: Record<string, string> }).headers['x-rate-limit']).toBe('400');
  });

  it('resolves with just the body without httpCompleteResponse, as plain ZAF does', async () => {
    const outcome = await forwardRequest({ url: '/api/v2/users/me' }, adminEmail);
    expect(outcome.responseArgs[0]).toMatchObject({ user: { id: admin?.id } });
  });

  it('acts as the chosen agent (Basic auth by email) and rejects an unknown one with 401', async () => {
    const outcome = await forwardRequest({ url: '/api/v2/users/me' }, 'nobody@example.test');
    expect(outcome.settled).toBe('fail');
    expect(outcome.responseArgs[0]).toMatchObject({ status: 401, statusText: 'Unauthorized' });
  });

  it('rejects a non-2xx with a jqXHR-like object carrying the Zendesk error body', async () => {
    const outcome = await forwardRequest({ url: '/api/v2/users/999999999', autoRetry: false }, adminEmail);
    expect(outcome).toMatchObject({
      settled: 'fail',
      responseArgs: [{ status: 404, responseJSON: { error: 'RecordNotFound' } }, 'error', 'Not Found'],
    });
  });

  it('sends a JSON body the app stringified, with its content type', async () => {
    const outcome = await forwardRequest(
      {
        url: '/api/v2/tickets',
        type: 'POST',
        contentType: 'application/json',
        data: JSON.stringify({ ticket: { subject: 'Hello', comment: { body: 'Hi there' } } }),
        httpCompleteResponse: true,
      },
      adminEmail,
    );
    expect(outcome.responseArgs[0]).toMatchObject({ status: 201, responseJSON: { ticket: { subject: 'Hello' } } });
  });

  it('hands a 429 straight back when the app passed autoRetry: false', async () => {
    sim.setFaults({ burst429: { every: 1, length: 1, retryAfterSeconds: 2 } });
    sim.handle({ method: 'GET', url: '/api/v2/users/me', headers: {} }); // the burst starts after one request
    const outcome = await forwardRequest({ url: '/api/v2/users/me', autoRetry: false }, adminEmail);
    expect(outcome.responseArgs[0]).toMatchObject({ status: 429, headers: { 'retry-after': '2' } });
  });

  it('retries a 429 itself after Retry-After when the app left autoRetry on (ZAF default)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    sim.setFaults({ burst429: { every: 1, length: 1, retryAfterSeconds: 2 } });
    sim.handle({ method: 'GET', url: '/api/v2/users/me', headers: {} });
    const waits: number[] = [];
    const pending = forwardRequest({ url: '/api/v2/users/me' }, adminEmail, (seconds) => waits.push(seconds));
    await vi.waitFor(() => expect(waits).toEqual([2]));
    await vi.advanceTimersByTimeAsync(2_000);
    const outcome = await pending;
    expect(outcome.settled).toBe('done');
  });

  it('reports a dropped connection as status 0, as jQuery does', async () => {
    sim.setFaults({ dropRate: 1 });
    const outcome = await forwardRequest({ url: '/api/v2/users/me', autoRetry: false }, adminEmail);
    expect(outcome.settled).toBe('fail');
    expect(outcome.responseArgs[0]).toMatchObject({ status: 0, responseText: '' });
  });
});
