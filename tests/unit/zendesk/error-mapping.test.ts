import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import { SupportApiClient, ZendeskError } from '../../../src/zendesk/index.ts';
import { json, ScriptedTransport } from './support/scripted-transport.ts';
import type { TransportResponse } from '../../../src/zendesk/transport.ts';

async function errorFor(response: TransportResponse, method: 'GET' | 'POST' = 'POST'): Promise<ZendeskError> {
  const clock = new VirtualClock();
  const client = new SupportApiClient({
    transport: new ScriptedTransport(clock, () => response),
    clock,
    scheduler: { maxAttempts: 1, maxRateLimitRetries: 0 },
  });
  try {
    await clock.run(
      client.request({ method, url: '/api/v2/tickets?x=1', body: method === 'POST' ? {} : undefined }, z.unknown()),
    );
  } catch (error) {
    if (error instanceof ZendeskError) return error;
    throw error;
  }
  throw new Error('expected a ZendeskError');
}

describe('error mapping (bodies as Zendesk documents them)', () => {
  it('422 RecordInvalid keeps the per-field details, reading description or error of each item', async () => {
    const error = await errorFor(
      json(422, {
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details: {
          value: [{ type: 'blank', description: "can't be blank" }],
          requester: [{ error: 'InvalidValue' }],
          status: [{ description: 'Status: closed is not valid', error: 'InvalidValue' }],
        },
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('RecordInvalid');
    expect(error.details).toEqual({
      value: ["can't be blank"],
      requester: ['InvalidValue'],
      status: ['Status: closed is not valid'],
    });
    expect(error.message).toContain("value: can't be blank");
    expect(error.message).toContain('POST /api/v2/tickets');
  });

  it('400 IdempotentRequestError', async () => {
    const error = await errorFor(
      json(400, {
        error: 'IdempotentRequestError',
        description: "Request parameters don't match the given idempotency key",
      }),
    );
    expect([error.kind, error.status, error.code]).toEqual(['bad_request', 400, 'IdempotentRequestError']);
    expect(error.description).toMatch(/idempotency key/);
  });

  it('trigger categories use {"errors":[{code,title}]}', async () => {
    const error = await errorFor(
      json(400, { errors: [{ code: 'InvalidTriggerCategory', title: 'Name cannot be blank' }] }),
    );
    expect(error.code).toBe('InvalidTriggerCategory');
    expect(error.description).toBe('Name cannot be blank');
  });

  it('a 403 with {error:{title,message}}', async () => {
    const error = await errorFor(
      json(403, { error: { title: 'Forbidden', message: 'You do not have access to this page.' } }),
      'GET',
    );
    expect([error.kind, error.code, error.description]).toEqual([
      'permission',
      'Forbidden',
      'You do not have access to this page.',
    ]);
  });

  it('a text/plain body becomes the description', async () => {
    const error = await errorFor(
      { status: 401, headers: { 'content-type': 'text/plain' }, body: "Couldn't authenticate you" },
      'GET',
    );
    expect([error.kind, error.description]).toEqual(['auth', "Couldn't authenticate you"]);
  });

  it.each([
    [404, 'not_found'],
    [409, 'conflict'],
    [418, 'bad_request'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('%i maps to %s', async (status, kind) => {
    const error = await errorFor(json(status, { error: 'X', description: 'y' }), 'POST');
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });

  it('429 TooManyJobs is rate_limited with its Retry-After', async () => {
    const error = await errorFor(
      json(
        429,
        { error: 'TooManyJobs', description: 'Too many jobs', current_job_ids: ['j1'] },
        { 'retry-after': '15' },
      ),
    );
    expect([error.kind, error.code, error.retryAfterSeconds]).toEqual(['rate_limited', 'TooManyJobs', 15]);
  });
});

describe('malformed responses', () => {
  const usersSchema = z.looseObject({ users: z.array(z.looseObject({ id: z.number(), name: z.string() })) });

  async function parseFailure(body: unknown): Promise<ZendeskError> {
    const clock = new VirtualClock();
    const client = new SupportApiClient({ transport: new ScriptedTransport(clock, [json(200, body)]), clock });
    try {
      await clock.run(client.request({ method: 'GET', url: '/api/v2/users?page[size]=100' }, usersSchema));
    } catch (error) {
      if (error instanceof ZendeskError) return error;
      throw error;
    }
    throw new Error('expected invalid_response');
  }

  it('names the endpoint and the first failing path', async () => {
    const users = [0, 1, 2].map((id) => ({ id, name: `u${id}` }));
    const error = await parseFailure({ users: [...users, { id: '3', name: 'u3' }] });
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toBe('GET /api/v2/users: users[3].id expected number, got string');
  });

  it('reports a missing field as missing', async () => {
    const error = await parseFailure({ users: [{ id: 1 }] });
    expect(error.message).toBe('GET /api/v2/users: users[0].name expected string, got nothing (missing)');
  });

  it('accepts extra fields Zendesk adds', async () => {
    const clock = new VirtualClock();
    const client = new SupportApiClient({
      transport: new ScriptedTransport(clock, [
        json(200, { users: [{ id: 1, name: 'a', shiny_new: true }], meta: {} }),
      ]),
      clock,
    });
    const result = await clock.run(client.request({ method: 'GET', url: '/api/v2/users' }, usersSchema));
    expect(result.users[0]?.name).toBe('a');
  });

  it('a 2xx with a non-JSON body is invalid_response', async () => {
    const error = await parseFailure('<html>maintenance</html>');
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('expected JSON');
  });
});
