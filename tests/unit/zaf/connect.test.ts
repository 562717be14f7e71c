import { describe, expect, it } from 'vitest';
import type { ZafClient, ZafRequestOptions } from '../../../src/zaf/client.ts';
import { connectToZendesk } from '../../../src/zaf/connect.ts';
import { parseCurrentUser } from '../../../src/zaf/current-user.ts';

/** Behaves like the SDK client: nothing resolves before the host's `app.registered`. */
function fakeSdkClient(currentUser: unknown) {
  const invoked: unknown[][] = [];
  let register: (() => void) | undefined;
  const registration = {
    metadata: {
      appId: 7,
      installationId: 9,
      name: 'Proactive Campaigns',
      version: '0.1.0',
      settings: { campaign_size_cap: '300' },
    },
    context: { instanceGuid: 'guid-1', product: 'support', location: 'nav_bar', account: { subdomain: 'acme' } },
  };
  const client: ZafClient = {
    get: async (path) => (path === 'currentUser' ? { currentUser, errors: {} } : { errors: {} }),
    request: async (_options: ZafRequestOptions) => ({ status: 200, headers: {}, responseJSON: {} }),
    invoke: async (...args) => {
      invoked.push(args);
      return {};
    },
    on: (event, handler) => {
      if (event === 'app.registered') register = () => handler(registration);
    },
    metadata: async () => registration.metadata,
    context: async () => registration.context,
  };
  return { client, invoked, registerNow: () => register?.() };
}

describe('connectToZendesk', () => {
  it('says "outside" when the SDK finds no origin/app_guid', async () => {
    expect(await connectToZendesk({ init: () => false })).toEqual({ kind: 'outside' });
  });

  it('waits for app.registered, then exposes context, metadata and parsed settings', async () => {
    const fake = fakeSdkClient({ id: 1, name: 'Ada', email: 'ada@acme.test', role: 'admin', locale: 'ko' });
    let settled = false;
    const connecting = connectToZendesk({ init: () => fake.client }).then((connection) => {
      settled = true;
      return connection;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    fake.registerNow();
    const connection = await connecting;
    if (connection.kind !== 'inside') throw new Error('expected to be inside Zendesk');
    expect(connection.session.context).toEqual({
      instanceGuid: 'guid-1',
      product: 'support',
      location: 'nav_bar',
      subdomain: 'acme',
    });
    expect(connection.session.metadata).toEqual({
      appId: 7,
      installationId: 9,
      name: 'Proactive Campaigns',
      version: '0.1.0',
    });
    expect(connection.session.settings.campaignSizeCap).toBe(300);
    expect(await connection.session.currentUser()).toMatchObject({
      name: 'Ada',
      role: { kind: 'admin' },
      locale: 'ko',
    });

    await connection.session.routeTo('views', 123);
    expect(fake.invoked).toEqual([['routeTo', 'views', '123']]);
  });

  it('gives up with an error when Zendesk never registers the app', async () => {
    const fake = fakeSdkClient({});
    await expect(connectToZendesk({ init: () => fake.client, registrationTimeoutMs: 5 })).rejects.toThrow(
      /did not register/,
    );
  });
});

describe('parseCurrentUser', () => {
  it('reads a custom role id (number or numeric string) as a custom role', () => {
    const base = { id: 5, name: 'Bo', email: 'bo@acme.test', locale: 'ja-JP', timeZone: { ianaName: 'Asia/Tokyo' } };
    expect(parseCurrentUser({ ...base, role: 360012 }).role).toEqual({ kind: 'custom', customRoleId: 360012 });
    expect(parseCurrentUser({ ...base, role: '360012' }).role).toEqual({ kind: 'custom', customRoleId: 360012 });
    expect(parseCurrentUser({ ...base, role: 'agent' })).toMatchObject({
      role: { kind: 'agent' },
      timeZone: 'Asia/Tokyo',
    });
  });

  it('rejects a user without an id or with an unknown role, naming the path', () => {
    expect(() => parseCurrentUser({ name: 'x', role: 'agent' })).toThrow(/id/);
    expect(() => parseCurrentUser({ id: 1, name: 'x', role: 'boss' })).toThrow(/unknown role/);
  });
});
