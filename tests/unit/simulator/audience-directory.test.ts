/**
 * The lookups an audience builder makes beside search: identities, organization memberships,
 * show_many, and deleted users, against the seeded account (independent filters in each test).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { collectCursor, collectOffset, idsOf, testZendesk } from './support/api.ts';
import { cursorMetaSchema, offsetMetaSchema, organizationMembershipSchema, userSchema } from './support/schemas.ts';

const identitySchema = z.strictObject({
  id: z.number().int().positive(),
  url: z.string().url(),
  user_id: z.number().int(),
  type: z.literal('email'),
  value: z.string().email(),
  verified: z.boolean(),
  primary: z.boolean(),
  deliverable_state: z.string(),
  undeliverable_count: z.number().int(),
  created_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  updated_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
});
const identities = (items: unknown[]) => z.array(identitySchema).parse(items);
const memberships = (items: unknown[]) => z.array(organizationMembershipSchema.passthrough()).parse(items);

describe('GET users/{id}/identities', () => {
  it('lists the primary email (user.email) first, then the secondary ones, cursor or offset paged', () => {
    const api = testZendesk({ users: 1000 });
    const { account } = api.sim;
    const user = account.users.find((u) => u.role === 'end-user' && account.secondaryIdentitiesOf(u.id).length > 0);
    if (!user) throw new Error('the seed has no customer with a second email');
    const offset = api.get(`/api/v2/users/${user.id}/identities`);
    expect(offset.status).toBe(200);
    const page = offsetMetaSchema.extend({ identities: z.array(identitySchema) }).parse(offset.json);
    const [primary, ...others] = page.identities;
    expect(primary).toMatchObject({ primary: true, value: user.email, user_id: user.id });
    expect(others.map((i) => i.value)).toEqual(account.secondaryIdentitiesOf(user.id).map((i) => i.value));
    expect(others.every((i) => !i.primary && i.value !== user.email)).toBe(true);
    const byCursor = identities(collectCursor(api, `/api/v2/users/${user.id}/identities?page[size]=1`, 'identities'));
    expect(byCursor).toEqual(page.identities);
    const first = cursorMetaSchema.parse(api.get(`/api/v2/users/${user.id}/identities?page[size]=1`).json);
    expect(first.meta.has_more).toBe(true);
  });

  it('is empty for a customer without email, 404 for an unknown user, refused to end users', () => {
    const api = testZendesk({ users: 1000 });
    const { account } = api.sim;
    const noEmail = account.users.find((u) => u.role === 'end-user' && u.email === null);
    const none = api.get(`/api/v2/users/${noEmail?.id}/identities`).json as { identities: unknown[] };
    expect(none.identities).toEqual([]);
    expect(api.get('/api/v2/users/999/identities').status).toBe(404);
    const customer = account.users.find((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
    expect(api.get(`/api/v2/users/${customer?.id}/identities`, { as: customer?.email ?? '' }).status).toBe(403);
    expect(api.get(`/api/v2/users/${customer?.id}/identities`, { as: DEMO_IDENTITIES.agent }).status).toBe(200);
  });
});

describe('organization memberships', () => {
  it('GET organizations/{id}/organization_memberships lists every member, cursor and offset alike', () => {
    const api = testZendesk({ users: 1000 });
    const { account } = api.sim;
    const multi = account.users.find((u) => account.organizationIdsOf(u.id).length > 1);
    const orgId = account.organizationIdsOf(multi?.id ?? 0).find((id) => id !== multi?.organization_id) ?? 0;
    const expected = account.organizationMemberships.filter((m) => m.organization_id === orgId);
    const url = `/api/v2/organizations/${orgId}/organization_memberships`;
    const byCursor = memberships(collectCursor(api, `${url}?page[size]=2`, 'organization_memberships'));
    const byOffset = memberships(collectOffset(api, `${url}?per_page=2`, 'organization_memberships'));
    expect(idsOf(byCursor)).toEqual(expected.map((m) => m.id));
    expect(idsOf(byOffset)).toEqual(idsOf(byCursor));
    expect(byCursor.every((m) => m.organization_id === orgId)).toBe(true);
    expect(byCursor.some((m) => m.user_id === multi?.id && m.default === false)).toBe(true);
    expect(api.get('/api/v2/organizations/1/organization_memberships').status).toBe(404);
  });

  it("a user's memberships come default first, then by organization name", () => {
    const api = testZendesk({ users: 3000 });
    const { account } = api.sim;
    const threeOrgs = account.users.find((u) => account.organizationIdsOf(u.id).length > 2);
    if (!threeOrgs) throw new Error('the seed has no customer in three organizations');
    for (const url of [
      `/api/v2/users/${threeOrgs.id}/organization_memberships`,
      `/api/v2/organization_memberships?user_id=${threeOrgs.id}`,
    ]) {
      const listed = (api.get(url).json as { organization_memberships: Array<Record<string, unknown>> })
        .organization_memberships;
      const [first, ...rest] = memberships(listed);
      expect(first?.organization_id).toBe(threeOrgs.organization_id);
      const names = rest.map((m) => account.organizationsById.get(m.organization_id)?.name ?? '');
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    }
  });

  it('account settings say customers may belong to several organizations', () => {
    const api = testZendesk();
    const settings = z
      .object({ settings: z.object({ user: z.object({ multiple_organizations: z.boolean() }).passthrough() }) })
      .parse(api.get('/api/v2/account/settings').json);
    expect(settings.settings.user.multiple_organizations).toBe(true);
  });
});

describe('deleted users', () => {
  it('show_many leaves them out unless include_deleted=true; users/{id} shows them with active: false', () => {
    const api = testZendesk({ users: 1000 });
    const { account } = api.sim;
    const deleted = account.deletedUsers.filter((u) => u.external_id !== null).slice(0, 3);
    expect(deleted.length).toBeGreaterThan(0);
    const live = account.users.filter((u) => u.role === 'end-user').slice(0, 3);
    const ids = [...live, ...deleted].map((u) => u.id).join(',');
    const plain = z.object({ users: z.array(userSchema) }).parse(api.get(`/api/v2/users/show_many?ids=${ids}`).json);
    expect(idsOf(plain.users)).toEqual(live.map((u) => u.id));
    const all = z
      .object({ users: z.array(userSchema) })
      .parse(api.get(`/api/v2/users/show_many?ids=${ids}&include_deleted=true`).json);
    expect(idsOf(all.users)).toEqual([...live, ...deleted].map((u) => u.id));
    expect(all.users.filter((u) => !u.active).map((u) => u.id)).toEqual(deleted.map((u) => u.id));
    const externalIds = deleted.map((u) => u.external_id).join(',');
    expect((api.get(`/api/v2/users/show_many?external_ids=${externalIds}`).json as { users: unknown[] }).users).toEqual(
      [],
    );
    const byExternal = api.get(`/api/v2/users/show_many?external_ids=${externalIds}&include_deleted=true`).json as {
      users: unknown[];
    };
    expect(idsOf(byExternal.users).sort()).toEqual(deleted.map((u) => u.id).sort());
    const one = z.object({ user: userSchema }).parse(api.get(`/api/v2/users/${deleted[0]?.id}`).json);
    expect(one.user.active).toBe(false);
  });

  it('are not listed by GET users nor by organizations/{id}/users, though their memberships remain', () => {
    const api = testZendesk({ users: 1000 });
    const { account } = api.sim;
    const listed = new Set(idsOf(collectCursor(api, '/api/v2/users?role=end-user&page[size]=100', 'users')));
    expect(listed.size).toBe(1000);
    for (const u of account.deletedUsers) expect(listed.has(u.id)).toBe(false);
    const member = account.deletedUsers.find((u) => u.organization_id !== null);
    if (!member) throw new Error('the seed has no deleted member');
    const orgUsers = idsOf(
      collectCursor(api, `/api/v2/organizations/${member.organization_id}/users?page[size]=100`, 'users'),
    );
    expect(orgUsers).not.toContain(member.id);
    const orgMemberships = memberships(
      collectCursor(
        api,
        `/api/v2/organizations/${member.organization_id}/organization_memberships?page[size]=100`,
        'organization_memberships',
      ),
    );
    expect(orgMemberships.map((m) => m.user_id)).toContain(member.id);
  });
});
