import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../sandbox/virtual-clock.ts';
import {
  listUserFields,
  searchUsers,
  SupportApiClient,
  toZendeskPath,
  withQuery,
  ZendeskError,
} from '../../../src/zendesk/index.ts';
import { json, ScriptedTransport } from './support/scripted-transport.ts';
import type { TransportRequest } from '../../../src/zendesk/transport.ts';

describe('toZendeskPath', () => {
  it('turns an absolute next link into a Zendesk-relative path the ZAF transport can send', () => {
    expect(toZendeskPath('https://acme.zendesk.com/api/v2/users.json?page%5Bafter%5D=abc&page%5Bsize%5D=100')).toBe(
      '/api/v2/users.json?page%5Bafter%5D=abc&page%5Bsize%5D=100',
    );
    expect(toZendeskPath('http://127.0.0.1:4599/api/v2/search?page=2')).toBe('/api/v2/search?page=2');
    expect(toZendeskPath('/api/v2/users?page=2')).toBe('/api/v2/users?page=2');
  });

  it('withQuery keeps bracketed names readable and encodes values', () => {
    expect(withQuery('/api/v2/search', { query: 'type:user tags:"a b"', 'page[size]': 10, skip: undefined })).toBe(
      '/api/v2/search?query=type%3Auser%20tags%3A%22a%20b%22&page[size]=10',
    );
  });
});

const field = (id: number) => ({ id, key: `f${id}`, title: `Field ${id}`, type: 'text', active: id % 2 === 0 });

function clientFor(answer: (request: TransportRequest, index: number) => ReturnType<typeof json>) {
  const clock = new VirtualClock();
  const transport = new ScriptedTransport(clock, answer);
  return { clock, transport, client: new SupportApiClient({ transport, clock }) };
}

describe('listAll over cursor and offset pages', () => {
  it('follows absolute links.next while meta.has_more, sending relative paths', async () => {
    const { clock, transport, client } = clientFor((_req, i) =>
      json(200, {
        user_fields: [field(i * 2), field(i * 2 + 1)],
        meta: { has_more: i < 2, after_cursor: `c${i}`, before_cursor: null },
        links: {
          next: i < 2 ? `https://acme.zendesk.com/api/v2/user_fields.json?page%5Bafter%5D=c${i}` : null,
          prev: null,
        },
      }),
    );
    const fields = await clock.run(listUserFields(client));
    expect(fields.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fields.filter((f) => !f.active)).toHaveLength(3);
    expect(transport.sent.map((s) => s.request.url)).toEqual([
      '/api/v2/user_fields?page[size]=100',
      '/api/v2/user_fields.json?page%5Bafter%5D=c0',
      '/api/v2/user_fields.json?page%5Bafter%5D=c1',
    ]);
  });

  it('follows next_page when the endpoint answers with offset paging', async () => {
    const { clock, client } = clientFor((_req, i) =>
      json(200, {
        user_fields: [field(i)],
        next_page: i === 0 ? 'https://acme.zendesk.com/api/v2/user_fields?page=2' : null,
        count: 2,
      }),
    );
    expect((await clock.run(listUserFields(client))).map((f) => f.id)).toEqual([0, 1]);
  });

  it('refuses to loop forever on a next link that repeats', async () => {
    const { clock, client } = clientFor(() =>
      json(200, {
        user_fields: [],
        meta: { has_more: true },
        links: { next: 'https://acme.zendesk.com/api/v2/user_fields?page[size]=100' },
      }),
    );
    const error = await clock.run(listUserFields(client)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect((error as ZendeskError).kind).toBe('invalid_response');
  });
});

describe('searchUsers and the 1,000-result cap', () => {
  it('stops at 1,000 results and never asks for page 11', async () => {
    const user = (id: number) => ({
      id,
      name: `U${id}`,
      email: null,
      role: 'end-user',
      organization_id: null,
      user_fields: {},
      locale: 'en-US',
      suspended: false,
      external_id: null,
      created_at: '2026-01-01T00:00:00Z',
      result_type: 'user',
    });
    const { clock, transport, client } = clientFor((req) => {
      const page = Number(new URL(req.url, 'https://x').searchParams.get('page'));
      return json(200, {
        results: Array.from({ length: 100 }, (_, i) => user((page - 1) * 100 + i + 1)),
        count: 2500,
        next_page: `https://acme.zendesk.com/api/v2/search.json?page=${page + 1}&per_page=100&query=type%3Auser`,
        previous_page: null,
        facets: null,
      });
    });
    const result = await clock.run(searchUsers(client, 'role:end-user'));
    expect(result.count).toBe(2500);
    expect(result.users).toHaveLength(1000);
    expect(result.truncated).toBe(true);
    expect(transport.sent).toHaveLength(10);
    expect(transport.sent[0]?.request.url).toContain('query=type%3Auser%20role%3Aend-user');
  });
});
