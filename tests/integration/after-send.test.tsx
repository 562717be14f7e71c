import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDENTITIES, type Simulator } from '../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../sandbox/simulator/msw.ts';
import { emptyTicket } from '../../src/domain/campaign/draft.ts';
import { newSendRun } from '../../src/domain/send/send-run.ts';
import { memorySendLock, memoryStore, SendJournal, type KeyValueStore } from '../../src/storage/index.ts';
import { App } from '../../src/ui/App.tsx';
import { connectToZendesk, type ZendeskSession } from '../../src/zaf/connect.ts';
import { SupportApiClient } from '../../src/zendesk/client.ts';
import { DEMO_ORIGIN, fakeZafClient } from './fake-zaf-client.ts';
import { instantClock } from './simulator-support.ts';

/**
 * Flow steps 5 and 6 on screen, against the simulated Support API through the ZAF client: a
 * send resumed from the journal runs to its end, then the confirmation page, the view, a preset
 * trigger, the history seen by another agent in another browser, and "close remaining".
 */

const clock = instantClock();
const sim: Simulator = createSimulator({
  seed: 3,
  users: 300,
  clock,
  searchIndexLagMs: 0,
  jobTiming: { startDelayMs: 100, perTicketMs: 5, perTicketJitterMs: 0 },
});
const server = setupServer(...simulatorHandlers(sim, DEMO_ORIGIN));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function staff(email: string) {
  const user = sim.account.usersByEmail.get(email);
  if (!user) throw new Error(`no ${email}`);
  return user;
}

function customers(count: number, skip: number) {
  return sim.account.users
    .filter((u) => u.role === 'end-user' && u.active && !u.suspended && u.email)
    .slice(skip, skip + count)
    .map((u) => u.id);
}

/** A send of `tag` that stopped before its first batch (a closed tab): the journal offers to resume it. */
function interruptedSend(storage: KeyValueStore, agentId: number, tag: string, name: string, skip: number) {
  const run = newSendRun({
    id: `run-${tag}`,
    now: clock.now(),
    agentId,
    customers: customers(5, skip),
    campaign: {
      draftId: 'draft-1',
      name,
      tag,
      markerTag: 'proactive_campaign',
      waveTag: null,
      wave: 1,
      waves: 1,
      ticket: { ...emptyTicket({ groupId: null }), name, subject: 'Your plan renews soon', body: 'Hello!' },
    },
  });
  new SendJournal(storage, { subdomain: 'proactive-demo', userId: agentId }).save(run);
}

function renderAs(email: string, storage: KeyValueStore, role?: string | number) {
  const user = staff(email);
  const fake = fakeZafClient({
    currentUser: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: role ?? user.role,
      locale: 'en-US',
      timeZone: { ianaName: 'Europe/London' },
    },
  });
  const createServices = (session: ZendeskSession) => ({
    api: new SupportApiClient({ transport: session.transport, clock, scheduler: { maxAttempts: 2 } }),
    storage,
    lock: memorySendLock(),
    now: () => clock.now(),
    newId: () => 'draft-1',
  });
  render(<App connect={() => connectToZendesk({ init: () => fake.client })} createServices={createServices} />);
  return fake;
}

async function resumeAndFinish(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '4. Send' }));
  await user.click(await screen.findByRole('button', { name: 'Resume the send' }, { timeout: 10_000 }));
  return screen.findByRole('region', { name: 'Sent' }, { timeout: 20_000 });
}

const campaignViews = (tag: string) => sim.account.views.filter((v) => v.conditions.all.some((c) => c.value === tag));

/** The value next to a label in a Facts list. */
function fact(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('after the send, on screen', () => {
  it('an admin: counts, the shared view ("Go to ticket view" routes to it), a preset trigger found in Zendesk', async () => {
    const user = userEvent.setup();
    const admin = staff(DEMO_IDENTITIES.admin);
    const storage = memoryStore();
    interruptedSend(storage, admin.id, 'proactive_spring_renewal', 'Spring renewal', 0);
    const fake = renderAs(DEMO_IDENTITIES.admin, storage);
    const done = await resumeAndFinish(user);
    expect(done).toHaveTextContent('5 created, 0 failed, 0 skipped or cancelled.');

    const viewPanel = within(done).getByRole('region', { name: 'Ticket view' });
    const go = await within(viewPanel).findByRole('button', { name: 'Go to ticket view' }, { timeout: 10_000 });
    const [view, ...more] = campaignViews('proactive_spring_renewal');
    expect(more).toEqual([]);
    expect(view).toMatchObject({ title: 'Campaign: Spring renewal', restriction: null });
    expect(viewPanel).toHaveTextContent('Shared view "Campaign: Spring renewal"');
    await user.click(go);
    expect(fake.invoked).toContainEqual(['routeTo', 'views', String(view?.id)]);

    const triggers = within(done).getByRole('region', { name: 'Trigger for customer replies (optional)' });
    await user.click(await within(triggers).findByRole('radio', { name: 'Raise the priority' }));
    expect(triggers).toHaveTextContent('The ticket has the tag proactive_spring_renewal');
    expect(triggers).toHaveTextContent('Set the priority to High');
    await user.click(within(triggers).getByRole('button', { name: 'Create trigger' }));
    const title = 'Proactive campaign "Spring renewal": high priority on reply';
    await within(triggers).findByRole('link', { name: new RegExp(title) });
    expect(within(triggers).getByRole('button', { name: 'Trigger created' })).toBeDisabled();
    const trigger = sim.account.triggers.find((t) => t.title === title);
    expect(trigger?.actions).toEqual([{ field: 'priority', value: 'high' }]);
    expect(sim.account.triggerCategories.find((c) => c.id === trigger?.category_id)?.name).toBe('Proactive campaigns');

    await within(done).findByText(/Campaigns are recorded in Zendesk/, {}, { timeout: 10_000 });
  }, 60_000);

  it('an agent: no trigger step, a personal view with the reason on screen', async () => {
    const user = userEvent.setup();
    const agent = staff(DEMO_IDENTITIES.agent);
    const storage = memoryStore();
    interruptedSend(storage, agent.id, 'proactive_agent_notice', 'Agent notice', 10);
    renderAs(DEMO_IDENTITIES.agent, storage);
    const done = await resumeAndFinish(user);
    const viewPanel = within(done).getByRole('region', { name: 'Ticket view' });
    await within(viewPanel).findByRole('button', { name: 'Go to ticket view' }, { timeout: 10_000 });
    expect(viewPanel).toHaveTextContent('Personal view "Campaign: Agent notice": only you see it.');
    expect(viewPanel).toHaveTextContent('Your role can create personal views only.');
    expect(campaignViews('proactive_agent_notice')).toEqual([
      expect.objectContaining({ restriction: { type: 'User', id: agent.id } }),
    ]);
    expect(within(done).queryByRole('region', { name: /Trigger/ })).not.toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: 'Create trigger' })).not.toBeInTheDocument();
  }, 60_000);

  it('another agent in another browser sees the campaign in history; counts follow Zendesk; close remaining solves exactly the rest', async () => {
    const user = userEvent.setup();
    const admin = staff(DEMO_IDENTITIES.admin);
    const adminStorage = memoryStore();
    const tag = 'proactive_autumn_offer';
    interruptedSend(adminStorage, admin.id, tag, 'Autumn offer', 20);
    renderAs(DEMO_IDENTITIES.admin, adminStorage);
    await resumeAndFinish(user);
    await screen.findByText(/Campaigns are recorded in Zendesk/, {}, { timeout: 10_000 });
    cleanup();

    // Another agent, another browser: nothing of the send in their storage.
    renderAs('maria.garcia@proactive-demo.test', memoryStore());
    await user.click(await screen.findByRole('button', { name: '5. History' }));
    const card = await screen.findByRole('region', { name: 'Autumn offer' }, { timeout: 20_000 });
    expect(card).toHaveTextContent(`Tag ${tag}`);
    expect(fact(card, 'Sent by')).toBe(admin.name);
    const counts = within(card).getByRole('group', { name: 'Tickets by status' });
    await within(counts).findByText('Open', { selector: 'dt' }, { timeout: 10_000 });
    expect(fact(counts, 'Open')).toBe('5');
    expect(fact(card, 'Tickets')).toBe('5');

    const tickets = sim.account.tickets.filter((t) => t.ticket.tags.includes(tag)).map((t) => t.ticket.id);
    expect(tickets).toHaveLength(5);
    for (const id of tickets.slice(0, 2)) {
      const stored = sim.account.ticketsById.get(id);
      if (stored) {
        stored.ticket.assignee_id = admin.id;
        stored.ticket.status = 'solved';
      }
    }
    await user.click(screen.getByRole('button', { name: 'Refresh counts' }));
    await within(counts).findByText('2', { selector: 'dd' }, { timeout: 10_000 });
    expect(fact(counts, 'Solved or closed')).toBe('2');
    expect(fact(counts, 'Open')).toBe('3');

    const others = new Map(
      sim.account.tickets.filter((t) => !tickets.includes(t.ticket.id)).map((t) => [t.ticket.id, t.ticket.status]),
    );
    await user.click(within(card).getByRole('button', { name: 'Close remaining tickets' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the remaining tickets?' }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent('3 tickets of "Autumn offer" are not solved yet');
    expect(dialog).toHaveTextContent('3 have no assignee');
    await user.click(within(dialog).getByRole('button', { name: 'Solve 3 tickets' }));
    await within(card).findByText('3 tickets solved.', {}, { timeout: 30_000 });
    for (const id of tickets) expect(sim.account.ticketsById.get(id)?.ticket.status).toBe('solved');
    for (const [id, status] of others) expect(sim.account.ticketsById.get(id)?.ticket.status).toBe(status);
    const maria = staff('maria.garcia@proactive-demo.test');
    for (const id of tickets.slice(2)) expect(sim.account.ticketsById.get(id)?.ticket.assignee_id).toBe(maria.id);
  }, 90_000);
});
