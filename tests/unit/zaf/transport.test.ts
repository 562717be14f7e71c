import { describe, expect, it } from 'vitest';
import { NetworkFailure } from '../../../src/zendesk/transport.ts';
import type { ZafRequestOptions } from '../../../src/zaf/client.ts';
import { zafTransport } from '../../../src/zaf/transport.ts';

/** A ZAF client whose `request` answers like Zendesk's host would, and records what it was asked. */
function fakeClient(answer: (options: ZafRequestOptions) => Promise<unknown>) {
  const sent: ZafRequestOptions[] = [];
  return {
    sent,
    client: {
      request(options: ZafRequestOptions) {
        sent.push(options);
        return answer(options);
      },
    },
  };
}

describe('zafTransport', () => {
  it('sends JSON bodies as ZAF expects and opts out of ZAF retries', async () => {
    const { client, sent } = fakeClient(async () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'X-Rate-Limit-Remaining': '399' },
      responseText: '{"job_status":{"id":"abc"}}',
      responseJSON: { job_status: { id: 'abc' } },
    }));
    const response = await zafTransport(client).request({
      method: 'POST',
      url: '/api/v2/tickets/create_many',
      body: { tickets: [{ subject: 'Hi' }] },
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(sent).toEqual([
      {
        url: '/api/v2/tickets/create_many',
        type: 'POST',
        contentType: 'application/json',
        dataType: 'json',
        httpCompleteResponse: true,
        autoRetry: false,
        headers: { 'Idempotency-Key': 'k1' },
        data: '{"tickets":[{"subject":"Hi"}]}',
      },
    ]);
    expect(response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-rate-limit-remaining': '399' },
      body: { job_status: { id: 'abc' } },
    });
  });

  it('turns a rejected XHR-like object (the usual ZAF failure) into a normal response', async () => {
    const { client } = fakeClient(() =>
      Promise.reject({
        status: 429,
        statusText: 'Too Many Requests',
        responseText: '{"error":"APIRateLimitExceeded"}',
        headers: 'Retry-After: 17\r\nContent-Type: application/json\r\n',
      }),
    );
    const response = await zafTransport(client).request({ method: 'GET', url: '/api/v2/users' });
    expect(response).toEqual({
      status: 429,
      headers: { 'retry-after': '17', 'content-type': 'application/json' },
      body: { error: 'APIRateLimitExceeded' },
    });
  });

  it('passes a resolved non-2xx through, and keeps a text body as text', async () => {
    const { client } = fakeClient(async () => ({ status: 503, headers: {}, responseText: 'Service Unavailable' }));
    const response = await zafTransport(client).request({ method: 'GET', url: '/api/v2/groups' });
    expect(response).toEqual({ status: 503, headers: {}, body: 'Service Unavailable' });
  });

  it('reports status 0 (no answer at all) as a NetworkFailure', async () => {
    const { client } = fakeClient(() => Promise.reject({ status: 0, statusText: 'error', responseText: '' }));
    await expect(zafTransport(client).request({ method: 'GET', url: '/api/v2/users/me' })).rejects.toBeInstanceOf(
      NetworkFailure,
    );
  });

  it('reports a rejection that is not an XHR at all as a NetworkFailure', async () => {
    const { client } = fakeClient(() => Promise.reject(new Error('host went away')));
    await expect(zafTransport(client).request({ method: 'GET', url: '/api/v2/users/me' })).rejects.toThrow(
      /no response from Zendesk/,
    );
  });

  it('does not send a body for a GET', async () => {
    const { client, sent } = fakeClient(async () => ({ status: 204, headers: {}, responseText: '' }));
    const response = await zafTransport(client).request({ method: 'GET', url: '/api/v2/users/count' });
    expect(sent[0]).not.toHaveProperty('data');
    expect(response.body).toBeUndefined();
  });
});
