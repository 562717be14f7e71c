import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../sandbox/simulator/index.ts';
import { APP_FRAME, useSandbox, type OpenedApp } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();
const TAG = 'proactive_silver_and_gold_check_in';

/** The campaign's tickets per customer, as Zendesk holds them. */
function ticketsPerCustomer(sim: Simulator): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { ticket } of sim.account.tickets) {
    if (!ticket.tags.includes(TAG)) continue;
    counts.set(ticket.requester_id, (counts.get(ticket.requester_id) ?? 0) + 1);
  }
  return counts;
}

async function prepareCampaign({ app }: OpenedApp, count: number, levels = ['Silver', 'Gold']) {
  await app.getByRole('button', { name: '1. Audience' }).click();
  await app.getByRole('button', { name: 'Add condition' }).click();
  const condition = app.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('Field', { exact: true }).selectOption('user:service_level');
  await condition.getByLabel('Condition', { exact: true }).selectOption('is_any_of');
  for (const level of levels) await condition.getByText(level, { exact: true }).click();
  await app.getByLabel(`${count} customers in this campaign`).waitFor();
  await app.getByRole('button', { name: '2. Compose' }).click();
  await app.getByLabel('Campaign name', { exact: true }).fill('Silver and gold check-in');
  await app.getByLabel('Subject', { exact: true }).fill('A quick check-in, {{user.first_name}}');
  await app.getByLabel('Description', { exact: true }).fill('Hi {{user.first_name}},\n\nHow is it going?');
  await app.getByRole('button', { name: '4. Send' }).click();
}

async function send({ app }: OpenedApp, count: number) {
  await app.getByRole('button', { name: `Send ${count} tickets` }).click();
  await app
    .getByRole('dialog')
    .getByRole('button', { name: `Yes, send ${count} tickets` })
    .click();
}

describe.skipIf(!chromiumPath)('sending a campaign in the sandbox', () => {
  // Jobs of ~6 s for 100 tickets: slow enough to reload half way, fast enough for a test.
  const e2e = useSandbox(chromiumPath, {
    simulator: { seed: 11, users: 600, jobTiming: { perTicketMs: 60, perTicketJitterMs: 10, startDelayMs: 500 } },
  });

  it('gives every customer exactly one ticket, even when the page is reloaded half way', async () => {
    const opened = await e2e.openApp();
    const { page, app, frame } = opened;
    const customers = reachableCustomers(e2e.simulator, ['silver', 'gold']);
    expect(customers.length).toBeGreaterThan(200);
    await prepareCampaign(opened, customers.length);
    await send(opened, customers.length);
    await app.getByRole('progressbar').waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // Reload once Zendesk has made the first batch and while it works on the rest.
    await expect.poll(() => ticketsPerCustomer(e2e.simulator).size, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
    await app.getByRole('button', { name: '4. Send' }).click();

    // This browser keeps nothing for the app, so the page forgot the send: it asks Zendesk, waits for
    // the batches still running, and offers only the customers who have no ticket yet. The draft the
    // send was made from came back from Zendesk (it is written at the click on Send).
    await app.getByText(/customers of the audience already got this campaign and are left out\.$/).waitFor({
      timeout: 60_000,
    });
    const reached = ticketsPerCustomer(e2e.simulator).size;
    const rest = customers.length - reached;
    expect(reached).toBeGreaterThan(0);
    await app.getByText(`${reached} customers of the audience already got this campaign and are left out.`).waitFor();
    if (rest > 0) {
      await send(opened, rest);
      await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 90_000 });
    } else {
      // Every batch was already with Zendesk when the page went: nothing is offered twice.
      await app
        .getByText('Everyone in the audience of "Silver and gold check-in" already has its ticket', { exact: false })
        .waitFor();
      expect(await app.getByRole('button', { name: 'Send 0 tickets' }).isDisabled()).toBe(true);
    }

    const counts = ticketsPerCustomer(e2e.simulator);
    expect(counts.size).toBe(customers.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sample = e2e.simulator.account.tickets.find((t) => t.ticket.tags.includes(TAG))?.ticket;
    expect(sample?.tags).toContain('proactive_campaign');
    expect(sample?.external_id).toBe(`pc1:${TAG}:${sample?.requester_id ?? ''}`);
    // The reload made a new app frame: axe looks at that one.
    const reloaded = await (await page.locator(APP_FRAME).elementHandle())?.contentFrame();
    if (!reloaded) throw new Error('the app iframe has no frame');
    expect(await axeViolations(reloaded)).toEqual([]);
  }, 240_000);

  it('reports the customers whose ticket failed, with the reason, and a retry gives each exactly one', async () => {
    const opened = await e2e.openApp({ faults: { jobItemFailureRate: 0.1 } });
    const { app } = opened;
    const customers = reachableCustomers(e2e.simulator, ['silver', 'gold']);
    await prepareCampaign(opened, customers.length);
    await send(opened, customers.length);
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 90_000 });

    const created = ticketsPerCustomer(e2e.simulator).size;
    const failed = customers.length - created;
    expect(failed).toBeGreaterThan(0);
    const results = app.getByRole('region', { name: 'Customers' });
    await results.getByLabel('Show').selectOption('failed');
    // A page of 25 customers at a time, each with Zendesk's reason.
    await expect.poll(() => results.getByRole('row').count()).toBe(Math.min(failed, 25) + 1);
    await expect
      .poll(() => results.getByRole('row').filter({ hasText: 'TicketCreateFailed' }).count())
      .toBe(Math.min(failed, 25));

    e2e.simulator.setFaults({});
    await app.getByRole('button', { name: `Retry the ${failed} failed` }).click();
    await expect.poll(() => ticketsPerCustomer(e2e.simulator).size, { timeout: 60_000 }).toBe(customers.length);
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 60_000 });
    expect([...ticketsPerCustomer(e2e.simulator).values()].every((n) => n === 1)).toBe(true);
  }, 180_000);

  it('pauses, resumes and cancels as a person would on a busy account, then retries the failed', async () => {
    // Other apps hold 28 of the account's 30 job slots: two batches at a time, the rest wait for a
    // slot, so there is something left to pause and to cancel. One item in ten fails inside its job.
    const opened = await e2e.openApp({ faults: { otherJobsInFlight: 28, jobItemFailureRate: 0.1 } });
    const { app, frame } = opened;
    const levels = ['platinum', 'gold', 'silver', 'bronze'];
    const customers = reachableCustomers(e2e.simulator, levels);
    expect(customers.length).toBeGreaterThan(400);
    await prepareCampaign(opened, customers.length, ['Platinum', 'Gold', 'Silver', 'Bronze']);
    await send(opened, customers.length);

    await app.getByRole('button', { name: 'Pause' }).click();
    await app.getByText('Paused: no new batches are sent.', { exact: false }).waitFor();
    // The two batches Zendesk already had complete; nothing more is sent while paused.
    const settled = async () => {
      const before = tickets();
      await sleep(3_000);
      return before > 150 && tickets() === before;
    };
    await expect.poll(settled, { timeout: 40_000, interval: 0 }).toBe(true);
    const whilePaused = tickets();
    expect(whilePaused).toBeLessThanOrEqual(200);
    await sleep(3_000);
    expect(tickets()).toBe(whilePaused);
    expect(await axeViolations(frame)).toEqual([]);

    await app.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => tickets(), { timeout: 30_000 }).toBeGreaterThan(whilePaused);
    await app.getByRole('button', { name: 'Cancel the rest' }).click();
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 60_000 });

    // What was cancelled is said per customer; the cancelled got no ticket.
    const results = app.getByRole('region', { name: 'Customers' });
    await results.getByLabel('Show').selectOption('skipped');
    await results.getByRole('cell', { name: 'Cancelled', exact: true }).first().waitFor();
    const reached = ticketsPerCustomer(e2e.simulator);

    // The failed are retried: each ends with exactly one ticket, the cancelled still none.
    e2e.simulator.setFaults({});
    const retry = app.getByRole('button', { name: /^Retry the \d+ failed$/ });
    const failed = Number((await retry.textContent())?.match(/\d+/)?.[0]);
    expect(failed).toBeGreaterThan(0);
    await retry.click();
    await expect.poll(() => ticketsPerCustomer(e2e.simulator).size, { timeout: 60_000 }).toBe(reached.size + failed);
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 60_000 });
    expect([...ticketsPerCustomer(e2e.simulator).values()].every((n) => n === 1)).toBe(true);
    // The customers without a ticket are the cancelled ones: at least the batch never sent.
    expect(customers.length - ticketsPerCustomer(e2e.simulator).size).toBeGreaterThanOrEqual(100);
    const skipped = await results.getByRole('row').filter({ hasText: 'Cancelled' }).count();
    expect(skipped).toBeGreaterThan(0);

    function sleep(ms: number) {
      return new Promise((resolve) => setTimeout(resolve, ms));
    }
    function tickets() {
      return [...ticketsPerCustomer(e2e.simulator).values()].reduce((a, b) => a + b, 0);
    }
  }, 180_000);
});
