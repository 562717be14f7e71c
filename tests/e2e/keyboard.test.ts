import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';
import { QUICK_SEND_ACCOUNT, reachableCustomers } from './demo-account.ts';

const chromiumPath = chromiumOrSkip();

interface Focused {
  tag: string;
  name: string;
  value: string;
}

/** What has the keyboard focus in the app's frame: its tag, accessible name as a person reads it, and value. */
function focusedIn(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || !document.hasFocus()) return null;
    const labelled = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    return {
      tag: element.tagName.toLowerCase(),
      name: name.replace(/\s+/g, ' ').trim(),
      value: (element as HTMLInputElement).value ?? '',
    };
  });
}

/**
 * A person with a keyboard: Tab (or Shift+Tab) until the control named `name` has the focus.
 * Fails with the path it took when the control cannot be reached.
 */
async function tabTo(page: Page, frame: Frame, name: string | RegExp, options: { back?: boolean } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < 250; i++) {
    const focused = await focusedIn(frame);
    if (focused && (typeof name === 'string' ? focused.name === name : name.test(focused.name))) return focused;
    seen.push(focused ? `${focused.tag}:${focused.name.slice(0, 40)}` : '(outside the app)');
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`cannot reach "${String(name)}" with the keyboard; went through:\n${seen.join('\n')}`);
}

/** A native select changed from the keyboard: arrow down until the wanted option is chosen. */
async function chooseWithArrows(page: Page, frame: Frame, value: string) {
  for (let i = 0; i < 60; i++) {
    if ((await focusedIn(frame))?.value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${value} cannot be reached with the arrow keys`);
}

describe.skipIf(!chromiumPath)('the whole flow with the keyboard only', () => {
  const e2e = useSandbox(chromiumPath, { simulator: QUICK_SEND_ACCOUNT });

  it('builds an audience, composes, previews, sends and finds the campaign in history without a mouse', async () => {
    const sim = e2e.simulator;
    const expected = reachableCustomers(sim, ['gold', 'platinum']).length;
    // Zendesk opens the app from its nav bar; from there on, only keys.
    const { page, app, frame } = await e2e.openApp();
    const press = (key: string) => page.keyboard.press(key);

    await tabTo(page, frame, '1. Audience');
    await press('Enter');
    await tabTo(page, frame, 'Add condition');
    await press('Enter');
    await tabTo(page, frame, 'Field');
    await chooseWithArrows(page, frame, 'user:service_level');
    await tabTo(page, frame, 'Condition');
    await chooseWithArrows(page, frame, 'is_any_of');
    await tabTo(page, frame, 'Gold');
    await press('Space');
    await tabTo(page, frame, 'Platinum');
    await press('Space');
    await app.getByLabel(`${expected} customers in this campaign`).waitFor();

    await tabTo(page, frame, 'Continue to compose');
    await press('Enter');
    await tabTo(page, frame, 'Campaign name');
    await page.keyboard.type('Keyboard check-in');
    await tabTo(page, frame, 'Subject');
    await page.keyboard.type('Hello {{user.first_name}}');
    await tabTo(page, frame, 'Description');
    await page.keyboard.type('Hi {{user.first_name}},');
    await press('Enter');
    await press('Enter');
    await page.keyboard.type('A quick check-in from your support team.');
    expect(await app.getByLabel('Description', { exact: true }).inputValue()).toBe(
      'Hi {{user.first_name}},\n\nA quick check-in from your support team.',
    );

    await tabTo(page, frame, 'Continue to preview');
    await press('Enter');
    await tabTo(page, frame, 'Next customer');
    await press('Enter');
    await app.getByText(`Customer 2 of ${expected}`).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    await tabTo(page, frame, 'Continue to send');
    await press('Enter');
    await tabTo(page, frame, `Send ${expected} tickets`);
    await press('Enter');
    await app.getByRole('dialog').waitFor();
    // The confirmation is a dialog: its buttons are reached from where the focus is.
    await tabTo(page, frame, `Yes, send ${expected} tickets`);
    await press('Enter');
    await app.getByText('Finished.', { exact: true }).waitFor({ timeout: 60_000 });
    const created = sim.account.tickets.filter((t) => t.ticket.tags.includes('proactive_keyboard_check_in'));
    expect(created).toHaveLength(expected);

    await tabTo(page, frame, '5. History', { back: true });
    await press('Enter');
    await app.getByRole('region', { name: 'Keyboard check-in' }).waitFor({ timeout: 30_000 });
    expect(await axeViolations(frame)).toEqual([]);
  }, 120_000);
});
