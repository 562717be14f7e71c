import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../sandbox/simulator/index.ts';
import { useSandbox, type OpenedApp } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();

/** The app's Platinum customers who can get a campaign, from the simulator's own records. */
function platinum(sim: Simulator) {
  return reachableCustomers(sim, ['platinum']);
}

async function platinumAudience(
  { app }: OpenedApp,
  words = { step: '1. Audience', add: 'Add condition', condition: 'Condition 1' },
) {
  await app.getByRole('button', { name: words.step }).click();
  await app.getByRole('button', { name: words.add }).click();
  const condition = app.getByRole('group', { name: words.condition });
  // By option value, so the same steps work in every language.
  await condition.locator('select').nth(0).selectOption('user:service_level');
  await condition.locator('select').nth(1).selectOption('is_any_of');
  await condition.getByText('Platinum', { exact: true }).click();
}

async function write({ app }: OpenedApp, ticket: { name: string; subject: string; body: string }) {
  await app.getByRole('button', { name: '2. Compose' }).click();
  await app.getByLabel('Campaign name', { exact: true }).fill(ticket.name);
  await app.getByLabel('Subject', { exact: true }).fill(ticket.subject);
  await app.getByLabel('Description', { exact: true }).fill(ticket.body);
}

describe.skipIf(!chromiumPath)('composing and previewing a campaign in the sandbox', () => {
  const e2e = useSandbox(chromiumPath, { simulator: { seed: 11, users: 600 } });

  it("previews each customer's own ticket, lists the trigger that emails them, and sends a test ticket to the agent", async () => {
    const opened = await e2e.openApp();
    const { app, frame } = opened;
    const customers = platinum(e2e.simulator);
    expect(customers.length).toBeGreaterThan(5);
    await platinumAudience(opened);
    await app.getByLabel(`${customers.length} customers in this campaign`).waitFor();
    await write(opened, {
      name: 'Platinum check-in',
      subject: 'Your {{user.user_fields.service_level}} plan, {{user.first_name}}',
      body: 'Hi {{user.first_name}},\n\nYou are one of our {{user.user_fields.service_level}} customers.',
    });
    await app.getByText('proactive_platinum_check_in', { exact: true }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    await app.getByRole('button', { name: '3. Preview' }).click();
    await app.getByText(`Customer 1 of ${customers.length}`).waitFor();
    // Two customers in turn: each ticket carries that customer's own values, as Zendesk holds them.
    const seen: string[] = [];
    for (const _ of [1, 2]) {
      const ticket = app.getByRole('article', { name: /^Ticket for / });
      const name = ((await ticket.getAttribute('aria-label')) ?? '').replace(/^Ticket for /, '');
      const customer = customers.find((u) => u.name === name);
      if (!customer) throw new Error(`the preview shows ${name}, who is not a platinum customer`);
      const first = customer.name.split(' ')[0] ?? '';
      await ticket.getByText(`Your Platinum plan, ${first}`, { exact: true }).waitFor();
      await ticket.getByLabel('Description').getByText(`Hi ${first},`, { exact: false }).waitFor();
      await ticket.getByText(customer.email ?? '', { exact: false }).waitFor();
      seen.push(name);
      await app.getByRole('button', { name: 'Next customer' }).click();
    }
    expect(new Set(seen).size).toBe(2);

    // The account's "notify requester" trigger fires on every campaign ticket and emails the customer.
    const triggers = app.getByRole('list', { name: 'Triggers that will run' });
    const notify = e2e.simulator.account.triggers.find((t) => t.active && /notify requester/i.test(t.title));
    if (!notify) throw new Error('the seeded account has no notify-requester trigger');
    const item = triggers.getByRole('listitem').filter({ hasText: notify.title });
    await item.getByText('Emails customers').waitFor();
    await item.getByText('Fires for every customer', { exact: false }).waitFor();
    await app.getByText(/solved [\d.,]+ tickets a day over the last four weeks/).waitFor();
    await app.getByText(`${customers.length} customers. A campaign may send at most 1,000 at once.`).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // A test ticket goes to the agent, with the agent's own values, tagged as a test.
    await app.getByRole('button', { name: 'Send me a test ticket' }).click();
    const created = app.getByText(/Test ticket #\d+ created\./);
    await created.waitFor();
    const id = Number(/#(\d+)/.exec((await created.textContent()) ?? '')?.[1]);
    const stored = e2e.simulator.account.tickets.find((t) => t.ticket.id === id)?.ticket;
    const owner = e2e.simulator.account.owner;
    expect(stored?.requester_id).toBe(owner.id);
    expect(stored?.tags).toContain('proactive_test_send');
    expect(stored?.tags).not.toContain('proactive_platinum_check_in');
    expect(stored?.subject).toContain(`plan, ${owner.name.split(' ')[0] ?? ''}`);
    expect(stored?.subject).not.toContain('{{');
  });

  it("says what is wrong under the field and before sending, in the agent's language, and keeps the text after a reload", async () => {
    const opened = await e2e.openApp({ locale: 'ko' });
    const { page, app, frame } = opened;
    await platinumAudience(opened, { step: '1. 대상 고객', add: '조건 추가', condition: '조건 1' });
    await app.getByRole('button', { name: '2. 작성' }).click();
    await app.getByLabel('캠페인 이름', { exact: true }).fill('플래티넘 안내');
    await app.getByLabel('캠페인 태그', { exact: true }).fill('platinum notice');
    await app.getByLabel('제목', { exact: true }).fill('{{user.favourite_colour}} 안내');
    await app.getByLabel('설명', { exact: true }).fill('안녕하세요 {{user.name');
    await app
      .getByText('{{user.favourite_colour}}은(는) 앱이 알 수 없는 플레이스홀더입니다', { exact: false })
      .waitFor();
    await app.getByText('{{user.name이(가) 닫히지 않았습니다(1행)', { exact: false }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    await app.getByRole('button', { name: '3. 미리 보기' }).click();
    const blocking = app.getByRole('alert').filter({ hasText: '발송 전에 고칠 항목(2개)' });
    await blocking.waitFor();
    await blocking.getByRole('button', { name: '작성 단계에서 고치기' }).first().click();
    await app.getByLabel('제목', { exact: true }).waitFor();

    // Nothing typed is lost: a reload brings the same text back, problems and all.
    await expect
      .poll(
        () => {
          const [record] = e2e.simulator.account.customObjects.records('proactive_draft');
          return String(record?.custom_object_fields.content ?? '');
        },
        { timeout: 10_000 },
      )
      .toContain('favourite_colour');
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByLabel('Language').selectOption('ko');
    await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
    await app.getByRole('button', { name: '2. 작성' }).click();
    expect(await app.getByLabel('제목', { exact: true }).inputValue()).toBe('{{user.favourite_colour}} 안내');
    expect(await app.getByLabel('설명', { exact: true }).inputValue()).toBe('안녕하세요 {{user.name');
  });
});
