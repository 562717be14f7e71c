import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../sandbox/simulator/index.ts';
import { useSandbox, type OpenedApp } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { QUICK_SEND_ACCOUNT, reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();

/** Customers who can get a campaign, `skip` further down the simulator's list for each test. */
function someCustomers(sim: Simulator, count: number, skip = 0) {
  return reachableCustomers(sim).slice(skip, skip + count);
}

/** A campaign to five customers from a CSV list, sent from the Send step as a person would. */
async function sendCampaign(opened: OpenedApp, sim: Simulator, name: string) {
  const { app } = opened;
  const customers = someCustomers(sim, 5);
  await app.getByRole('button', { name: '1. Audience' }).click();
  await app.getByText('A list of customers (CSV file)').click();
  await app.getByLabel('Customer list (CSV)').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Email', ...customers.map((u) => u.email ?? '')].join('\r\n')),
  });
  await app
    .getByRole('region', { name: 'Customers in this campaign' })
    .getByLabel('5 customers in this campaign')
    .waitFor();
  await app.getByRole('button', { name: '2. Compose' }).click();
  await app.getByLabel('Campaign name', { exact: true }).fill(name);
  await app.getByLabel('Subject', { exact: true }).fill('Your plan renews soon, {{user.first_name}}');
  await app.getByLabel('Description', { exact: true }).fill('Hi {{user.first_name}},\n\nYour plan renews next month.');
  await app.getByRole('button', { name: '4. Send' }).click();
  await app.getByRole('button', { name: 'Send 5 tickets' }).click();
  await app
    .getByRole('dialog', { name: 'Send the campaign?' })
    .getByRole('button', { name: 'Yes, send 5 tickets' })
    .click();
  const done = app.getByRole('region', { name: 'Sent', exact: true });
  await done.waitFor({ timeout: 45_000 });
  return { done, customers };
}

const viewsOf = (sim: Simulator, tag: string) =>
  sim.account.views.filter((v) => v.conditions.all.some((c) => c.field === 'current_tags' && c.value === tag));

describe.skipIf(!chromiumPath)('after the send, in the sandbox', () => {
  const e2e = useSandbox(chromiumPath, { simulator: QUICK_SEND_ACCOUNT });

  it('an admin gets the shared campaign view ("Go to ticket view" opens it in Zendesk) and creates a preset trigger', async () => {
    const opened = await e2e.openApp();
    const { page, app, frame } = opened;
    const sim = e2e.simulator;
    const { done } = await sendCampaign(opened, sim, 'Renewal notice');
    await done.getByText('5 created, 0 failed, 0 skipped or cancelled.', { exact: false }).waitFor();

    const viewPanel = done.getByRole('region', { name: 'Ticket view' });
    const go = viewPanel.getByRole('button', { name: 'Go to ticket view' });
    await go.waitFor({ timeout: 20_000 });
    const [view, ...more] = viewsOf(sim, 'proactive_renewal_notice');
    expect(more).toEqual([]);
    expect(view).toMatchObject({
      title: 'Campaign: Renewal notice',
      restriction: null,
      conditions: {
        all: [
          { field: 'status', operator: 'less_than', value: 'closed' },
          { field: 'current_tags', operator: 'includes', value: 'proactive_renewal_notice' },
        ],
      },
    });
    expect((view?.execution.columns as Array<{ id: string }>).map((c) => c.id)).toEqual([
      'nice_id',
      'description',
      'requester',
      'status',
      'assignee',
      'updated',
    ]);

    // The preset in plain words, then created, then found in Zendesk.
    const triggers = done.getByRole('region', { name: 'Trigger for customer replies (optional)' });
    await triggers.getByText('Raise the priority').click();
    await triggers.getByText('Set the priority to High').waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await triggers.getByRole('button', { name: 'Create trigger' }).click();
    await triggers.getByRole('button', { name: 'Trigger created' }).waitFor();
    const trigger = sim.account.triggers.find((t) => t.title.includes('"Renewal notice": high priority on reply'));
    expect(trigger?.conditions.all).toContainEqual({
      field: 'current_tags',
      operator: 'includes',
      value: 'proactive_renewal_notice',
    });
    expect(trigger?.actions).toEqual([{ field: 'priority', value: 'high' }]);

    await go.click();
    await page.getByRole('heading', { name: `View #${view?.id}: Campaign: Renewal notice` }).waitFor();
    expect(await page.locator('main table tbody tr').count()).toBe(5);
    await page.getByRole('button', { name: 'Back to Proactive Campaigns' }).click();
    await app.getByRole('region', { name: 'Sent', exact: true }).waitFor();
  });

  it('an agent sees no trigger step and gets a personal view, with the reason on screen', async () => {
    const opened = await e2e.openApp({ role: 'agent' });
    const { app, frame } = opened;
    const sim = e2e.simulator;
    const { done } = await sendCampaign(opened, sim, 'Agent follow up');
    const viewPanel = done.getByRole('region', { name: 'Ticket view' });
    await viewPanel.getByRole('button', { name: 'Go to ticket view' }).waitFor({ timeout: 20_000 });
    await viewPanel.getByText('Your role can create personal views only.', { exact: false }).waitFor();
    const agent = sim.account.users.find((u) => u.role === 'agent' && !u.custom_role_id);
    expect(viewsOf(sim, 'proactive_agent_follow_up')).toEqual([
      expect.objectContaining({ restriction: { type: 'User', id: agent?.id } }),
    ]);
    expect(await app.getByRole('region', { name: /Trigger for customer replies/ }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Create trigger' }).count()).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('another agent in another browser sees the campaign in history (in Korean); counts follow Zendesk; close remaining solves exactly the rest', async () => {
    const sim = e2e.simulator;
    const adminPage = await e2e.openApp();
    await sendCampaign(adminPage, sim, 'Spring check up');
    const tag = 'proactive_spring_check_up';
    await adminPage.app.getByText(/Campaigns are recorded in Zendesk/).waitFor({ timeout: 20_000 });

    // A fresh browser context: nothing of the send in this browser.
    const { app, frame } = await e2e.openApp({ role: 'agent', locale: 'ko' });
    await app.getByRole('button', { name: '5. 기록' }).click();
    const card = app.getByRole('region', { name: 'Spring check up' });
    await card.waitFor({ timeout: 30_000 });
    const counts = card.getByRole('group', { name: '상태별 티켓 수' });
    const value = (label: string) => counts.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => value('처리 중').textContent(), { timeout: 20_000 }).toBe('5');
    expect(await axeViolations(frame)).toEqual([]);

    // Two tickets solved in Zendesk by someone else: the counts follow.
    const tickets = sim.account.tickets.filter((t) => t.ticket.tags.includes(tag)).map((t) => t.ticket.id);
    expect(tickets).toHaveLength(5);
    const owner = sim.account.owner;
    for (const id of tickets.slice(0, 2)) {
      const answer = sim.handle({
        method: 'PUT',
        url: `/api/v2/tickets/${id}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticket: { status: 'solved', assignee_id: owner.id } }),
      });
      expect('status' in answer && answer.status).toBe(200);
    }
    await app.getByRole('button', { name: '티켓 수 새로 고침' }).click();
    await expect.poll(() => value('해결됨 또는 종료됨').textContent(), { timeout: 20_000 }).toBe('2');
    expect(await value('처리 중').textContent()).toBe('3');

    const others = new Map(
      sim.account.tickets.filter((t) => !tickets.includes(t.ticket.id)).map((t) => [t.ticket.id, t.ticket.status]),
    );
    await card.getByRole('button', { name: '남은 티켓 종료하기' }).click();
    const dialog = app.getByRole('dialog', { name: '남은 티켓을 종료할까요?' });
    await dialog.getByText('"Spring check up"의 티켓 3개가 아직 해결되지 않았으며', { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await dialog.getByRole('button', { name: '티켓 3개 해결하기' }).click();
    await card.getByText('티켓 3개를 해결했습니다.').waitFor({ timeout: 45_000 });
    for (const id of tickets) expect(sim.account.ticketsById.get(id)?.ticket.status).toBe('solved');
    for (const [id, status] of others)
      expect(sim.account.ticketsById.get(id)?.ticket.status, `ticket ${id}`).toBe(status);
  });
});
