import { describe, expect, it } from 'vitest';
import { createFetchTransport, NetworkFailure } from '../../../src/zendesk/index.ts';

function recordingFetch(respond: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond();
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe('createFetchTransport', () => {
  it('joins relative paths to the base URL, keeps absolute ones, and sends JSON bodies as application/json', async () => {
    const { calls, fetchFn } = recordingFetch(
      () => new Response('{"ok":true}', { status: 201, headers: { 'X-Zendesk-Request-Id': 'r1' } }),
    );
    const transport = createFetchTransport({
      baseUrl: 'https://acme.zendesk.com/',
      fetch: fetchFn,
      headers: { authorization: 'Basic x' },
    });
    const response = await transport.request({
      method: 'POST',
      url: '/api/v2/tickets',
      body: { ticket: { subject: 'a' } },
    });
    await transport.request({ method: 'GET', url: 'https://acme.zendesk.com/api/v2/users.json?page%5Bafter%5D=c' });
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'x-zendesk-request-id': 'r1' }),
      body: { ok: true },
    });
    expect(calls.map((c) => c.url)).toEqual([
      'https://acme.zendesk.com/api/v2/tickets',
      'https://acme.zendesk.com/api/v2/users.json?page%5Bafter%5D=c',
    ]);
    expect(calls[0]?.init?.body).toBe('{"ticket":{"subject":"a"}}');
    expect(calls[0]?.init?.headers).toEqual(
      expect.objectContaining({ 'content-type': 'application/json', authorization: 'Basic x' }),
    );
    expect(calls[1]?.init?.headers).not.toHaveProperty('content-type');
  });

  it('returns text bodies as text and empty bodies as undefined', async () => {
    const bodies = ['Service Unavailable', ''];
    const { fetchFn } = recordingFetch(() => new Response(bodies.shift() ?? '', { status: 503 }));
    const transport = createFetchTransport({ baseUrl: 'https://acme.zendesk.com', fetch: fetchFn });
    expect((await transport.request({ method: 'GET', url: '/api/v2/x' })).body).toBe('Service Unavailable');
    expect((await transport.request({ method: 'GET', url: '/api/v2/x' })).body).toBeUndefined();
  });

  it('rejects with NetworkFailure when no response arrives', async () => {
    const { fetchFn } = recordingFetch(() => Promise.reject(new TypeError('fetch failed')));
    const transport = createFetchTransport({ baseUrl: 'https://acme.zendesk.com', fetch: fetchFn });
    await expect(transport.request({ method: 'GET', url: '/api/v2/x' })).rejects.toBeInstanceOf(NetworkFailure);
  });
});
