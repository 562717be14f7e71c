import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type FrameLocator, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.ts';
import { startSandbox } from './sandbox-server.ts';

/**
 * The campaign flow, step by step, as an admin walks it in the local sandbox: one screenshot per
 * step into assets/screenshots/ (1280×900), for the README and the Marketplace listing.
 * `npm run screenshots` (builds the app first); `-- ko` or `-- ja` shoots that language.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const locale = process.argv[2] ?? 'en-US';
const suffix = locale === 'en-US' ? '' : `-${locale}`;
const folder = join(repoRoot, 'assets', 'screenshots');

/** The app's own words in the language shot, so the tour clicks what a person there would read. */
const messages = JSON.parse(
  readFileSync(join(repoRoot, 'translations', `${locale === 'en-US' ? 'en' : locale}.json`), 'utf8'),
) as Record<string, unknown>;
function t(key: string, vars: Record<string, string | number> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof found !== 'string') throw new Error(`no message ${key} in ${locale}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
/** A message with its numbers left open, to find "Send 90 tickets" without knowing the 90. */
function pattern(key: string): RegExp {
  const escaped = t(key, { count: '@@' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('@@', '[\\d,.]+')}$`);
}
const step = (index: number, id: string) => `${index}. ${t(`steps.${id}`)}`;

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');

const sandbox = await startSandbox({
  hostPort: 0,
  appPort: 0,
  simulatorPort: 0,
  // Jobs slow enough to catch the progress screen half way.
  simulator: { seed: 11, users: 600, jobTiming: { perTicketMs: 120, perTicketJitterMs: 20, startDelayMs: 1_000 } },
});
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const shot = async (page: Page, name: string) => {
  const path = join(folder, `${name}${suffix}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.waitForTimeout(300); // let transitions settle
  await page.screenshot({ path, fullPage: false });
  console.log(`Wrote ${path}`);
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(sandbox.hostUrl);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByLabel('Language').selectOption(locale);
  await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
  const app: FrameLocator = page.frameLocator('iframe[title="Proactive Campaigns"]');
  await app.getByRole('table').nth(1).waitFor();
  await shot(page, 'home');

  // Audience: gold or platinum customers (the simulator's field titles are the account's, in English).
  await app.getByRole('button', { name: step(1, 'audience') }).click();
  await app.getByRole('button', { name: t('audience.add_condition') }).click();
  const condition = app.getByRole('group', { name: t('audience.condition_n', { n: 1 }) });
  await condition.getByLabel(t('audience.field_label'), { exact: true }).selectOption({ label: 'Service level' });
  await condition
    .getByLabel(t('audience.operator_label'), { exact: true })
    .selectOption({ label: t('audience.operator.is_any_of') });
  for (const value of ['Gold', 'Platinum']) await condition.getByText(value, { exact: true }).click();
  await app
    .getByRole('table', { name: t('audience.customers_title'), exact: true })
    .getByRole('row')
    .nth(3)
    .waitFor();
  await shot(page, 'audience');

  await app.getByRole('button', { name: step(2, 'compose') }).click();
  await app.getByLabel(t('compose.name_label'), { exact: true }).fill('Spring renewal 2027');
  await app
    .getByLabel(t('compose.subject_label'), { exact: true })
    .fill('Your {{user.user_fields.service_level}} plan renews soon');
  await app
    .getByLabel(t('compose.body_label'), { exact: true })
    .fill(
      'Hi {{user.first_name}},\n\nYour plan renews next month. Reply to this email with any question.\n\nThe support team',
    );
  await shot(page, 'compose');

  await app.getByRole('button', { name: step(3, 'preview') }).click();
  await app.getByText(t('preview.workflow_title')).waitFor();
  await app.getByText(t('preview.capacity_loading')).waitFor({ state: 'detached' });
  await shot(page, 'preview');

  await app.getByRole('button', { name: step(4, 'send') }).click();
  await app.getByRole('button', { name: pattern('send.send_button') }).click();
  await app.getByRole('dialog').waitFor();
  await shot(page, 'send-confirm');
  await app
    .getByRole('dialog')
    .getByRole('button', { name: pattern('send.confirm_yes') })
    .click();
  await app.getByRole('progressbar').waitFor();
  await page.waitForTimeout(4_000);
  await shot(page, 'send-progress');
  await app.getByText(t('send.status.finished')).waitFor({ timeout: 120_000 });
  await shot(page, 'send-done');

  await app.getByRole('button', { name: step(5, 'history') }).click();
  await page.waitForTimeout(1_500);
  await shot(page, 'history');
} finally {
  await browser.close();
  await sandbox.close();
}
