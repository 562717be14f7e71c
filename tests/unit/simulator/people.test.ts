import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { collectCursor, collectOffset, idsOf, testZendesk } from './support/api.ts';
import {
  cursorMetaSchema,
  customFieldSchema,
  errorSchema,
  offsetMetaSchema,
  organizationMembershipSchema,
  organizationSchema,
  userSchema,
} from './support/schemas.ts';

describe('users', () => {
  it('GET users/me is the acting user (the owner when no Authorization header is sent)', () => {
    const api = testZendesk();
    const owner = z.object({ user: userSchema }).parse(api.get('/api/v2/users/me.json').json).user;
    expect(owner.email).toBe(DEMO_IDENTITIES.owner);
    expect(owner.role).toBe('admin');
    const agent = z
      .object({ user: userSchema })
      .parse(api.get('/api/v2/users/me', { as: DEMO_IDENTITIES.agent }).json).user;
    expect(agent.role).toBe('agent');
  });

  it('pages every user with cursors (page[size] ≤ 100) and with offsets, same users in the same order', () => {
    const api = testZendesk();
    const first = api.get('/api/v2/users?page[size]=100');
    expect(first.status).toBe(200);
    const page = cursorMetaSchema.extend({ users: z.array(userSchema) }).parse(first.json);
    expect(page.users).toHaveLength(100);
    expect(page.meta.has_more).toBe(true);
    const byCursor = collectCursor(api, '/api/v2/users?page[size]=100', 'users');
    const byOffset = collectOffset(api, '/api/v2/users.json?per_page=100', 'users');
    expect(byCursor).toHaveLength(api.sim.account.users.length);
    expect(idsOf(byOffset)).toEqual(idsOf(byCursor));
    const offset = offsetMetaSchema
      .extend({ users: z.array(userSchema) })
      .parse(api.get('/api/v2/users?page=2&per_page=50').json);
    expect(offset.count).toBe(api.sim.account.users.length);
    expect(offset.previous_page).toContain('page=1');
  });

  it('refuses page[size] over 100 with 400', () => {
    const api = testZendesk();
    const answer = api.get('/api/v2/users?page[size]=101');
    expect(answer.status).toBe(400);
    errorSchema.parse(answer.json);
  });

  it('follows page[before] back to the previous page', () => {
    const api = testZendesk();
    const first = api.get('/api/v2/users?page[size]=10').json as { users: unknown[]; meta: { after_cursor: string } };
    const second = api.get(`/api/v2/users?page[size]=10&page[after]=${first.meta.after_cursor}`).json as {
      links: { prev: string };
    };
    const back = api.get(second.links.prev).json as { users: unknown[] };
    expect(idsOf(back.users)).toEqual(idsOf(first.users));
  });

  it('filters by role=end-user and by role[]=agent&role[]=admin', () => {
    const api = testZendesk();
    const staff = collectCursor(api, '/api/v2/users?role[]=agent&role[]=admin&page[size]=100', 'users') as Array<{
      role: string;
    }>;
    expect(staff.length).toBe(8);
    expect(staff.every((u) => u.role !== 'end-user')).toBe(true);
    const customers = collectCursor(api, '/api/v2/users?role=end-user&page[size]=100', 'users') as Array<{
      role: string;
    }>;
    expect(customers).toHaveLength(300);
    expect(api.get('/api/v2/users?role=superhero').status).toBe(400);
    const count = z.object({ count: z.object({ value: z.number(), refreshed_at: z.string() }) });
    expect(count.parse(api.get('/api/v2/users/count?role=end-user').json).count.value).toBe(300);
  });

  it('GET users/{id} answers the user, or 404 RecordNotFound', () => {
    const api = testZendesk();
    const someone = api.sim.account.users[20];
    expect(someone).toBeDefined();
    const found = api.get(`/api/v2/users/${someone?.id}.json`);
    expect(z.object({ user: userSchema }).parse(found.json).user.id).toBe(someone?.id);
    const missing = api.get('/api/v2/users/999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('show_many takes up to 100 ids or external ids; 101 is refused', () => {
    const api = testZendesk();
    const users = api.sim.account.users.slice(0, 101);
    const ids = users.map((u) => u.id);
    const ok = z
      .object({ users: z.array(userSchema) })
      .parse(api.get(`/api/v2/users/show_many?ids=${ids.slice(0, 100).join(',')}`).json);
    expect(ok.users).toHaveLength(100);
    const tooMany = api.get(`/api/v2/users/show_many?ids=${ids.join(',')}`);
    expect(tooMany.status).toBe(400);
    errorSchema.parse(tooMany.json);
    const withExternal = api.sim.account.users.filter((u) => u.external_id !== null).slice(0, 3);
    const byExternal = api.get(
      `/api/v2/users/show_many?external_ids=${withExternal.map((u) => u.external_id?.toLowerCase()).join(',')}`,
    );
    expect(idsOf((byExternal.json as { users: unknown[] }).users).sort()).toEqual(withExternal.map((u) => u.id).sort());
  });

  it('users/search finds by query and by external_id, offset-paged', () => {
    const api = testZendesk();
    const gold = api.sim.account.users.filter((u) => u.user_fields.service_level === 'gold');
    const found = collectOffset(api, '/api/v2/users/search?query=service_level:gold&per_page=25', 'users');
    expect(idsOf(found).sort()).toEqual(gold.map((u) => u.id).sort());
    const target = api.sim.account.users.find((u) => u.external_id !== null);
    const byExternal = api.get(`/api/v2/users/search?external_id=${target?.external_id}`).json as { users: unknown[] };
    expect(idsOf(byExternal.users)).toEqual([target?.id]);
    expect(api.get('/api/v2/users/search?query=&per_page=1').status).toBe(400);
  });

  it('users/search stops at 10,000 records', () => {
    const api = testZendesk({ users: 10_100 });
    const answer = api.get('/api/v2/users/search?query=role:end-user&page=101&per_page=100');
    expect(answer.status).toBe(400);
    const last = api.get('/api/v2/users/search?query=role:end-user&page=100&per_page=100').json as {
      users: unknown[];
      next_page: string | null;
    };
    expect(last.users).toHaveLength(100);
    expect(last.next_page).toBeNull();
  });
});

describe('organizations and memberships', () => {
  it('lists every organization (cursor and offset), shows one, show_many ≤ 100', () => {
    const api = testZendesk();
    const all = collectCursor(api, '/api/v2/organizations?page[size]=7', 'organizations');
    expect(all).toHaveLength(30);
    for (const o of all) organizationSchema.parse(o);
    expect(idsOf(collectOffset(api, '/api/v2/organizations.json?per_page=13', 'organizations'))).toEqual(idsOf(all));
    const org = api.sim.account.organizations[3];
    expect(
      z.object({ organization: organizationSchema }).parse(api.get(`/api/v2/organizations/${org?.id}`).json)
        .organization.name,
    ).toBe(org?.name);
    expect(api.get('/api/v2/organizations/1').status).toBe(404);
    const many = api.get(`/api/v2/organizations/show_many?ids=${idsOf(all.slice(0, 5)).join(',')}`).json as {
      organizations: unknown[];
    };
    expect(many.organizations).toHaveLength(5);
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect(api.get(`/api/v2/organizations/show_many?ids=${tooMany}`).status).toBe(400);
  });

  it('lists the users of an organization, including members for whom it is not the default', () => {
    const api = testZendesk({ users: 3000 });
    const { account } = api.sim;
    const multi = account.users.find((u) => account.organizationIdsOf(u.id).length > 1);
    expect(multi).toBeDefined();
    const secondOrg = account.organizationIdsOf(multi?.id ?? 0).find((id) => id !== multi?.organization_id);
    const users = collectCursor(api, `/api/v2/organizations/${secondOrg}/users?page[size]=100`, 'users');
    expect(idsOf(users)).toContain(multi?.id);
    const memberships = api.get(`/api/v2/organization_memberships?user_id=${multi?.id}`).json as {
      organization_memberships: unknown[];
    };
    const parsed = z.array(organizationMembershipSchema).parse(memberships.organization_memberships);
    expect(parsed.map((m) => m.organization_id).sort()).toEqual(account.organizationIdsOf(multi?.id ?? 0).sort());
    expect(parsed.filter((m) => m.default)).toHaveLength(1);
  });
});

describe('custom fields', () => {
  it('lists user and organization fields (offset and cursor) and shows one by id or key', () => {
    const api = testZendesk();
    const userFields = z
      .object({ user_fields: z.array(customFieldSchema) })
      .parse(api.get('/api/v2/user_fields.json').json);
    expect(userFields.user_fields.map((f) => f.key)).toContain('plan_renewal_date');
    expect(collectCursor(api, '/api/v2/user_fields?page[size]=4', 'user_fields')).toHaveLength(
      userFields.user_fields.length,
    );
    const orgFields = z
      .object({ organization_fields: z.array(customFieldSchema) })
      .parse(api.get('/api/v2/organization_fields').json);
    expect(orgFields.organization_fields.map((f) => f.key)).toEqual([
      'account_type',
      'monthly_spend',
      'reference_customer',
      'contract',
      'org_service_level',
    ]);
    const byKey = api.get('/api/v2/user_fields/service_level').json as { user_field: { id: number } };
    const byId = api.get(`/api/v2/user_fields/${byKey.user_field.id}`).json as { user_field: { key: string } };
    expect(byId.user_field.key).toBe('service_level');
    expect(api.get('/api/v2/user_fields/no_such_field').status).toBe(404);
  });
});

describe('routing', () => {
  it('answers unknown routes with 404 InvalidEndpoint, with or without .json', () => {
    const api = testZendesk();
    for (const url of ['/api/v2/nothing_here', '/api/v2/nothing_here.json', '/api/v1/users', '/somewhere']) {
      const answer = api.get(url);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
    }
    expect(api.call('DELETE', '/api/v2/users/me').status).toBe(404);
  });

  it('accepts absolute URLs and builds pagination links on the same origin', () => {
    const api = testZendesk();
    const answer = api.get('http://127.0.0.1:4599/api/v2/users?page[size]=5').json as { links: { next: string } };
    expect(answer.links.next.startsWith('http://127.0.0.1:4599/api/v2/users?')).toBe(true);
  });
});
