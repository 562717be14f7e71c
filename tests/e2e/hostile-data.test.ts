import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../sandbox/simulator/index.ts';
import { useSandbox, type OpenedApp } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { QUICK_SEND_ACCOUNT, reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();

/** What customers can type into their own profile, and what the app must show and send as text. */
const MARKUP_NAME = '<img src=x onerror="window.top.__pwned=1">Zoë {{current_user.email}}';
const SCRIPT_NOTES = '<script>window.__pwned=1</script>{{current_user.email}} & {% raw %}';
const RTL_NAME = 'ملاك \u202Egnp.exe\u202C Haddad';
const FORMULA_NAME = `=HYPERLINK("http://evil.example","click") ${'Long name '.repeat(30)}`;
const ORGANIZATION_NAME = '<b>Bold & Co</b> {{ticket.id}}';

/** Three customers of the seeded account, their names and fields as a hostile customer wrote them. */
function plantHostileCustomers(sim: Simulator) {
  const [markup, rtl, formula] = reachableCustomers(sim).filter((u) => u.organization_id !== null);
  if (!markup || !rtl || !formula) throw new Error('not enough customers');
  markup.name = MARKUP_NAME;
  markup.user_fields.account_manager_notes = SCRIPT_NOTES;
  rtl.name = RTL_NAME;
  rtl.user_fields.account_manager_notes = null;
  formula.name = FORMULA_NAME;
  formula.user_fields.account_manager_notes = null;
  const organization = sim.account.organizations.find((o) => o.id === markup.organization_id);
  if (!organization) throw new Error('no organization');
  organization.name = ORGANIZATION_NAME;
  return { markup, rtl, formula, all: [markup, rtl, formula] };
}

/** Nothing the customers wrote became markup or ran in the app's frame. */
async function expectNoInjection({ page, frame }: OpenedApp) {
  // The app cannot reach the host page's window (another origin): its handler would have thrown.
  expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  expect(
    await frame.evaluate(() => ({
      pwned: '__pwned' in window,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'Bold & Co').length,
    })),
  ).toEqual({ pwned: false, images: 0, scripts: 0, bold: 0 });
}

describe.skipIf(!chromiumPath)('customer data with markup, placeholders, right-to-left text and long strings', () => {
  const e2e = useSandbox(chromiumPath, { simulator: QUICK_SEND_ACCOUNT });

  it('is shown as text on every screen, sent to Zendesk inert, and exported formula-safe', async () => {
    const sim = e2e.simulator;
    const hostile = plantHostileCustomers(sim);
    const opened = await e2e.openApp();
    const { page, app, frame } = opened;

    // Audience from a CSV of their addresses: the table shows the names as written.
    await app.getByRole('button', { name: '1. Audience' }).click();
    await app.getByText('A list of customers (CSV file)').click();
    await app.getByLabel('Customer list (CSV)').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Email', ...hostile.all.map((u) => u.email ?? '')].join('\r\n')),
    });
    await app
      .getByRole('region', { name: 'Customers in this campaign' })
      .getByLabel('3 customers in this campaign')
      .waitFor();
    const table = app.getByRole('table', { name: 'Customers', exact: true });
    await table.getByText(MARKUP_NAME, { exact: true }).waitFor();
    await table.getByText(RTL_NAME, { exact: true }).waitFor();
    await expectNoInjection(opened);
    expect(await axeViolations(frame)).toEqual([]);

    // Compose with the placeholders that carry their data.
    await app.getByRole('button', { name: '2. Compose' }).click();
    await app.getByLabel('Campaign name', { exact: true }).fill('Profile check');
    await app.getByLabel('Subject', { exact: true }).fill('A note for {{user.name}}');
    await app
      .getByLabel('Description', { exact: true })
      .fill('Hi {{user.name}},\n\nYour notes: {{user.user_fields.account_manager_notes}}\n\n{{organization.name}}');

    // The preview of the first customer: every value as text.
    await app.getByRole('button', { name: '3. Preview' }).click();
    const search = app.getByLabel('Find a customer');
    await search.fill('Zoë');
    await app.getByText(`A note for ${MARKUP_NAME}`, { exact: true }).waitFor();
    const body = await app
      .getByRole('article', { name: `Ticket for ${MARKUP_NAME}` })
      .getByLabel('Description')
      .textContent();
    expect(body).toContain(`Hi ${MARKUP_NAME},`);
    expect(body).toContain(`Your notes: ${SCRIPT_NOTES}`);
    expect(body).toContain(ORGANIZATION_NAME);
    // Only the notes are empty (for the two customers without any); the organization is not.
    await app.getByText('{{user.user_fields.account_manager_notes}} is empty for 2 customers:').waitFor();
    expect(await app.getByText('{{organization.name}} is empty', { exact: false }).count()).toBe(0);
    // Long values wrap inside their card: the ticket stays left of the checks.
    const ticketBox = await app.getByRole('region', { name: 'The ticket, customer by customer' }).boundingBox();
    const checksBox = await app.getByRole('region', { name: 'Before you send' }).boundingBox();
    expect((ticketBox?.x ?? 0) + (ticketBox?.width ?? 0)).toBeLessThanOrEqual(checksBox?.x ?? 0);
    await expectNoInjection(opened);
    expect(await axeViolations(frame)).toEqual([]);

    // Sent: the tickets hold the values as text, and Zendesk fills in none of their placeholders.
    await app.getByRole('button', { name: '4. Send' }).click();
    await app.getByRole('button', { name: 'Send 3 tickets' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Yes, send 3 tickets' }).click();
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 45_000 });
    const ticketOf = (id: number) =>
      sim.account.tickets.find(
        (t) => t.ticket.requester_id === id && t.ticket.tags.includes('proactive_profile_check'),
      );
    const sent = ticketOf(hostile.markup.id);
    const comment = sent?.comments?.[0];
    // A subject is plain text: its braces are kept apart by a zero-width space, so Zendesk sees no placeholder.
    expect(sent?.ticket.subject).not.toContain('{{');
    expect(sent?.ticket.subject.replaceAll('\u200B', '')).toBe(`A note for ${MARKUP_NAME}`);
    expect(comment?.plain_body).toContain(`Hi ${MARKUP_NAME},`);
    expect(comment?.plain_body).toContain(`Your notes: ${SCRIPT_NOTES}`);
    expect(comment?.plain_body).toContain(ORGANIZATION_NAME);
    expect(comment?.plain_body).not.toContain(sim.account.owner.email ?? 'no owner email');
    expect(comment?.html_body).not.toMatch(/<img|<script|<b>/i);
    expect(ticketOf(hostile.rtl.id)?.comments?.[0]?.plain_body).toContain(`Hi ${RTL_NAME},`);

    // The results on screen and in the export: names as text, the formula one neutralised.
    const results = app.getByRole('region', { name: 'Customers' });
    await results.getByText(MARKUP_NAME, { exact: false }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      results.getByRole('button', { name: 'Export results (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const formulaLine = csv.split('\r\n').find((line) => line.includes('HYPERLINK'));
    expect(formulaLine).toBeDefined();
    // The name cell starts with an apostrophe: a spreadsheet shows it, never runs it.
    expect(formulaLine).toMatch(/(^|,)"?'=HYPERLINK/);
    expect(csv.split('\r\n').some((line) => /(^|,)"?=/.test(line))).toBe(false);
    await expectNoInjection(opened);

    // The history lists the campaign among the others, text and all.
    await app.getByRole('button', { name: '5. History' }).click();
    await app.getByRole('region', { name: 'Profile check' }).waitFor({ timeout: 30_000 });
    await expectNoInjection(opened);
    expect(await axeViolations(frame)).toEqual([]);
  });
});
