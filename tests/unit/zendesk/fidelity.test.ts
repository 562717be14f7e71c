import { describe, expect, it } from 'vitest';
import * as api from '../../../src/zendesk/index.ts';
import { simulatedZendesk } from './support/simulated-zendesk.ts';

/**
 * The app's own zod schemas against the simulator's responses, endpoint by endpoint: if the
 * simulator (written from the same Zendesk docs) and the app disagree on a shape, one is wrong.
 */
describe("the app's schemas parse the simulator's response for every wrapped endpoint", () => {
  const { clock, sim, client } = simulatedZendesk({ simulator: { users: 300 } });
  const run = <T>(work: () => Promise<T>) => clock.run(work);
  const customer = () => {
    const user = sim.account.users.find((u) => u.role === 'end-user' && u.email !== null && !u.suspended);
    if (user === undefined) throw new Error('no customer in the demo account');
    return user;
  };
  const ticket = (externalId: string): api.NewTicket => ({
    requester_id: customer().id,
    subject: 'Spring renewal',
    comment: { body: 'Hello {{ticket.requester.first_name}}', public: true },
    tags: ['pc_fidelity'],
    external_id: externalId,
  });

  it('users/me', async () => expect((await run(() => api.getCurrentUser(client))).role).toBe('admin'));
  it('users (cursor) and users/show_many', async () => {
    const first = await run(async () => {
      for await (const page of api.userPages(client, { roles: ['end-user'] })) return page;
      return [];
    });
    expect(first.length).toBeGreaterThan(0);
    const shown = await run(() =>
      api.showManyUsers(
        client,
        first.slice(0, 5).map((u) => u.id),
      ),
    );
    expect(shown.map((u) => u.id)).toEqual(first.slice(0, 5).map((u) => u.id));
  });
  it('user_fields', async () => {
    const fields = await run(() => api.listUserFields(client));
    expect(fields.map((f) => f.key)).toEqual(expect.arrayContaining(['plan_renewal_date', 'service_level']));
  });
  it('organization_fields', async () => {
    const fields = await run(() => api.listOrganizationFields(client));
    expect(fields.map((f) => f.key)).toEqual(expect.arrayContaining(['account_type', 'monthly_spend']));
  });
  it('organization_memberships and organizations/show_many', async () => {
    const memberships = await run(() => api.listOrganizationMemberships(client));
    expect(memberships.length).toBeGreaterThan(0);
    const first = memberships[0];
    if (first === undefined) throw new Error('no membership');
    expect(
      (await run(() => api.listOrganizationMemberships(client, { userId: first.user_id }))).every(
        (m) => m.user_id === first.user_id,
      ),
    ).toBe(true);
    expect(await run(() => api.showManyOrganizations(client, [first.organization_id]))).toHaveLength(1);
  });
  it('search/count and search', async () => {
    expect(await run(() => api.countSearch(client, 'type:user role:end-user'))).toBe(300);
    const found = await run(() => api.searchUsers(client, 'role:end-user', { maxResults: 150 }));
    expect(found.users).toHaveLength(150);
  });
  it.each(['user', 'organization', 'ticket', 'group'] as const)('search/export of %s', async (type) => {
    const page = await run(async () => {
      for await (const results of api.exportSearch(client, {
        query: 'created>2000-01-01',
        type,
        pageSize: 50,
      }))
        return results;
      return [];
    });
    expect(page.length).toBeGreaterThan(0);
  });
  it('tickets/create_many, job_statuses, tickets?external_id, tickets/update_many', async () => {
    const job = await run(() => api.createManyTickets(client, [ticket('pc:fidelity:1'), ticket('pc:fidelity:2')]));
    const done = await run(async () => {
      for (;;) {
        const [status] = await api.showManyJobStatuses(client, [job.id]);
        if (status !== undefined && (status.status === 'completed' || status.status === 'failed')) return status;
        await clock.sleep(1000);
      }
    });
    expect(done.results?.map((r) => r.index)).toEqual([0, 1]);
    expect((await run(() => api.getJobStatus(client, job.id))).status).toBe('completed');
    const [created] = await run(() => api.listTicketsByExternalId(client, 'pc:fidelity:1'));
    expect(created?.tags).toContain('pc_fidelity');
    if (created === undefined) throw new Error('ticket not found by external_id');
    const update = await run(() => api.updateManyTickets(client, [created.id], { additional_tags: ['pc_more'] }));
    const updated = await run(async () => {
      for (;;) {
        const [status] = await api.showManyJobStatuses(client, [update.id]);
        if (status !== undefined && (status.status === 'completed' || status.status === 'failed')) return status;
        await clock.sleep(1000);
      }
    });
    expect(updated.status).toBe('completed');
    const [after] = await run(() => api.listTicketsByExternalId(client, 'pc:fidelity:1'));
    expect(after?.tags).toEqual(expect.arrayContaining(['pc_fidelity', 'pc_more']));
  });
  it('tickets (single, with Idempotency-Key)', async () => {
    const created = await run(() => api.createTicket(client, ticket('pc:fidelity:3'), { key: 'fidelity-3' }));
    expect(created.external_id).toBe('pc:fidelity:3');
  });
  it('views: create, get, count, list', async () => {
    const view = await run(() =>
      api.createView(client, {
        title: 'Campaign: fidelity',
        all: [
          { field: 'status', operator: 'less_than', value: 'closed' },
          { field: 'current_tags', operator: 'includes', value: 'pc_fidelity' },
        ],
        output: { columns: ['nice_id', 'description', 'requester', 'status'] },
      }),
    );
    expect(view.conditions.all).toHaveLength(2);
    expect((await run(() => api.getView(client, view.id))).title).toBe('Campaign: fidelity');
    expect((await run(() => api.countView(client, view.id))).view_id).toBe(view.id);
    expect((await run(() => api.listViews(client))).map((v) => v.id)).toContain(view.id);
  });
  it('triggers and trigger categories', async () => {
    const categories = await run(() => api.listTriggerCategories(client));
    expect(categories.length).toBeGreaterThan(0);
    const category = await run(() => api.createTriggerCategory(client, { name: 'Proactive campaigns' }));
    const trigger = await run(() =>
      api.createTrigger(client, {
        title: 'Campaign tag → group',
        category_id: category.id,
        conditions: { all: [{ field: 'current_tags', operator: 'includes', value: 'pc_fidelity' }] },
        actions: [{ field: 'status', value: 'open' }],
      }),
    );
    expect(trigger.category_id).toBe(category.id);
    const active = await run(() => api.listActiveTriggers(client));
    expect(active.map((t) => t.title)).toEqual(expect.arrayContaining(['Notify all agents of received request']));
  });
  it('groups and group memberships (plain and assignable)', async () => {
    expect((await run(() => api.listGroups(client))).length).toBe(3);
    expect((await run(() => api.listGroups(client, { assignable: true }))).length).toBeGreaterThan(0);
    const memberships = await run(() => api.listGroupMemberships(client));
    expect(memberships.length).toBeGreaterThan(0);
    expect((await run(() => api.listGroupMemberships(client, { assignable: true }))).length).toBeGreaterThan(0);
  });
  it('macros/active and macros/{id}/apply', async () => {
    const macros = await run(() => api.listActiveMacros(client));
    expect(macros.length).toBeGreaterThanOrEqual(5);
    const setsStatus = macros.find((m) => m.actions.some((a) => a.field === 'status'));
    if (setsStatus === undefined) throw new Error('no macro that sets a status');
    const status = setsStatus.actions.find((a) => a.field === 'status')?.value;
    const applied = await run(() => api.applyMacro(client, setsStatus.id));
    expect(applied.ticket.status).toBe(status);
  });
  it('custom_statuses', async () =>
    expect((await run(() => api.listCustomStatuses(client))).length).toBeGreaterThan(0));
  it('autocomplete/tags', async () => {
    const tags = await run(() => api.autocompleteTags(client, 'pro'));
    expect(tags.every((t) => t.startsWith('pro'))).toBe(true);
  });
  it('account/settings', async () => {
    // What the app reads: the account's time zone (audience dates) and whether tags are on.
    const settings = await run(() => api.getAccountSettings(client));
    expect(settings.localization?.iana_time_zone).toBe('America/New_York');
    expect(settings.tickets?.tagging).toBe(true);
  });
});
