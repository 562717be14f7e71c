import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../sandbox/simulator/index.ts';
import { useSandbox, type OpenedApp } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();

/** Gold or platinum customers who can get a campaign, counted straight from the simulator's records. */
function goldOrPlatinum(sim: Simulator) {
  return reachableCustomers(sim, ['gold', 'platinum']);
}

/** The agent's draft as Zendesk keeps it (custom object record), or '' before the first save. */
function draftRecord(sim: Simulator): string {
  const [record] = sim.account.customObjects.records('proactive_draft');
  return String(record?.custom_object_fields.content ?? '');
}

async function buildGoldOrPlatinum({ app }: OpenedApp): Promise<void> {
  await app.getByRole('button', { name: '1. Audience' }).click();
  await app.getByRole('button', { name: 'Add condition' }).click();
  const condition = app.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('Field').selectOption({ label: 'Service level' });
  await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'is any of' });
  await condition.getByText('Gold', { exact: true }).click();
  await condition.getByText('Platinum', { exact: true }).click();
}

describe.skipIf(!chromiumPath)('building an audience in the sandbox', () => {
  const e2e = useSandbox(chromiumPath, { simulator: { seed: 11, users: 600 } });

  it('shows the expected count and rows, excludes one customer, and finds the audience as it was after a reload', async () => {
    const opened = await e2e.openApp();
    const { page, app, frame } = opened;
    await buildGoldOrPlatinum(opened);
    const expected = goldOrPlatinum(e2e.simulator);
    expect(expected.length).toBeGreaterThan(30);

    const summary = app.getByRole('region', { name: 'Customers in this campaign' });
    await summary.getByLabel(`${expected.length} customers in this campaign`).waitFor();
    const table = app.getByRole('table', { name: 'Customers', exact: true });
    const first = [...expected].sort((a, b) =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }),
    )[0];
    if (!first) throw new Error('no customer');
    await table
      .getByRole('row', { name: new RegExp(first.name) })
      .first()
      .waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // Exclude the first customer by hand; the count follows and the customer can be restored.
    await table
      .getByRole('button', { name: `Exclude ${first.name}` })
      .first()
      .click();
    await summary.getByLabel(`${expected.length - 1} customers in this campaign`).waitFor();
    const excluded = app.getByRole('table', { name: 'Excluded by you' });
    await excluded.getByRole('button', { name: `Restore ${first.name}` }).waitFor();

    // This browser blocks storage in the cross-site app frame, as Chrome does with third-party
    // cookies blocked: the draft is kept in a Zendesk custom object record instead.
    await expect.poll(() => draftRecord(e2e.simulator), { timeout: 10_000 }).toContain(String(first.id));
    await app.getByText('Your changes are not being saved').waitFor({ state: 'detached' });

    // A reload (Zendesk reloading the app) keeps the conditions and the exclusion.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
    await app.getByRole('button', { name: '1. Audience' }).click();
    const condition = app.getByRole('group', { name: 'Condition 1' });
    expect(await condition.getByLabel('Field').inputValue()).toBe('user:service_level');
    expect(await condition.getByLabel('Gold').isChecked()).toBe(true);
    await app
      .getByRole('region', { name: 'Customers in this campaign' })
      .getByLabel(`${expected.length - 1} customers in this campaign`)
      .waitFor();
    await app
      .getByRole('table', { name: 'Excluded by you' })
      .getByRole('button', { name: `Restore ${first.name}` })
      .click();
    await app
      .getByRole('region', { name: 'Customers in this campaign' })
      .getByLabel(`${expected.length} customers in this campaign`)
      .waitFor();
  });

  it('reads a customer list from a CSV file and reports the rows that matched nobody', async () => {
    const opened = await e2e.openApp();
    const { app, frame } = opened;
    await app.getByRole('button', { name: '1. Audience' }).click();
    await app.getByText('A list of customers (CSV file)').click();
    const customers = e2e.simulator.account.users
      .filter((u) => u.role === 'end-user' && u.email && !u.suspended)
      .slice(0, 5);
    const rows = [
      'Email;Name',
      ...customers.map((u) => `${u.email ?? ''};${u.name}`),
      'nobody@nowhere.example;Ghost',
      'not-an-email@;X',
      '',
    ];
    await app.getByLabel('Customer list (CSV)').setInputFiles({
      name: 'renewals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}`),
    });
    const report = app.getByRole('region', { name: 'Import report' });
    await report.getByText('5 matched a customer').waitFor();
    await report.getByText('1 matched nobody').waitFor();
    await report.getByText('1 invalid email addresses').waitFor();
    await app
      .getByRole('region', { name: 'Customers in this campaign' })
      .getByLabel('5 customers in this campaign')
      .waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('refuses a spreadsheet workbook with a message saying what to do', async () => {
    const { app } = await e2e.openApp({ locale: 'ko' });
    await app.getByRole('button', { name: '1. 대상 고객' }).click();
    await app.getByText('고객 목록(CSV 파일)').click();
    await app.getByLabel('고객 목록(CSV)').setInputFiles({
      name: 'customers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    await app.getByRole('alert').getByText('CSV(쉼표로 분리)', { exact: false }).waitFor();
  });
});
