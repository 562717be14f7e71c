import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox-server.ts';
import { chromiumOrSkip, collectErrors, launch } from './browser.ts';

const chromiumPath = chromiumOrSkip();

/** The simulator's own count, asked in-process, to compare with what the app shows. */
function customerCount(sandbox: Sandbox): number {
  const response = sandbox.simulator.handle({
    method: 'GET',
    url: `/api/v2/search/count?query=${encodeURIComponent('type:user role:end-user')}`,
    headers: {},
  });
  if ('dropped' in response) throw new Error('dropped');
  return (JSON.parse(response.body) as { count: number }).count;
}

function staffName(sandbox: Sandbox, role: 'admin' | 'agent'): string {
  const user = sandbox.simulator.account.users.find((u) => u.role === role && !u.custom_role_id);
  if (!user) throw new Error(`no ${role}`);
  return user.name;
}

describe.skipIf(!chromiumPath)('the app in the local Zendesk sandbox, in headless Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof collectErrors>;
  const app = (): FrameLocator => page.frameLocator('iframe[title="Proactive Campaigns"]');

  beforeAll(async () => {
    sandbox = await startSandbox({
      hostPort: 0,
      appPort: 0,
      simulatorPort: 0,
      distDir: inject('distDir'),
      simulator: { seed: 11, users: 600 },
    });
    browser = await launch(chromiumPath ?? '');
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    seen = collectErrors(page);
    await page.goto(sandbox.hostUrl);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('opens from the nav bar and shows the agent and the customer count from the simulator', async () => {
    await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
    await expect
      .poll(() => app().getByRole('heading', { name: 'Proactive Campaigns', level: 1 }).isVisible())
      .toBe(true);
    const agentCard = app().getByRole('region', { name: 'Signed in as' });
    await agentCard.getByText(staffName(sandbox, 'admin')).waitFor();
    await expect.poll(() => agentCard.getByText('Admin', { exact: true }).isVisible()).toBe(true);

    const count = customerCount(sandbox).toLocaleString('en');
    const customers = app().getByRole('region', { name: 'Customers' });
    await customers.getByText(count, { exact: true }).waitFor();
    await app().getByRole('table', { name: 'Customer fields' }).getByText('Plan renewal date').waitFor();

    // The handshake, registration and request messages crossed the real postMessage boundary.
    await expect.poll(() => page.locator('#traffic-log li', { hasText: 'zaf.app.registered' }).count()).toBe(1);
    await expect.poll(() => page.locator('#traffic-log li', { hasText: 'zaf.request:' }).count()).toBeGreaterThan(0);
  });

  it('switches to Korean when the agent locale changes', async () => {
    await page.getByLabel('Language').selectOption('ko');
    await app().getByRole('heading', { name: '개요', level: 2 }).waitFor();
    await app().getByRole('region', { name: '로그인 사용자' }).getByText('관리자', { exact: true }).waitFor();
    await page.getByLabel('Language').selectOption('en-US');
    await app().getByRole('heading', { name: 'Overview', level: 2 }).waitFor();
  });

  it('acts as an agent after the role switch, and routeTo opens the Zendesk page', async () => {
    await page.getByLabel('Signed in as').selectOption('agent');
    const agentCard = app().getByRole('region', { name: 'Signed in as' });
    const name = staffName(sandbox, 'agent');
    await agentCard.getByText(name).waitFor();
    await agentCard.getByText('Agent', { exact: true }).waitFor();

    await agentCard.getByRole('button', { name: 'Open my profile in Zendesk' }).click();
    await page.getByRole('heading', { name: `User: ${name}` }).waitFor();
    expect(await page.locator('iframe[title="Proactive Campaigns"]').isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Back to Proactive Campaigns' }).click();
    await agentCard.getByText(name).waitFor();
  });

  it('shows a translated error for a Zendesk 5xx, and Retry works once Zendesk recovers', async () => {
    await page.locator('#faults-menu summary').click();
    await page.getByLabel('5xx errors').check();
    // A new session (as after a reload in Zendesk) meets the failing API.
    await page.getByLabel('Signed in as').selectOption('admin');
    const customers = app().getByRole('region', { name: 'Customers' });
    const alert = customers.getByRole('alert');
    await alert.getByText('Zendesk had a problem answering', { exact: false }).waitFor({ timeout: 20_000 });

    await page.getByLabel('5xx errors').uncheck();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await customers
      .getByText(customerCount(sandbox).toLocaleString('en'), { exact: true })
      .waitFor({ timeout: 20_000 });
    expect(seen.failedLoads.length).toBeGreaterThan(0);
  });

  it('opened directly (not inside Zendesk), explains how to open it', async () => {
    const direct = await browser.newPage();
    const directSeen = collectErrors(direct);
    await direct.goto(sandbox.appUrl);
    await direct.getByRole('heading', { name: 'Open Proactive Campaigns from Zendesk' }).waitFor();
    expect(await direct.getByText('npm start', { exact: true }).isVisible()).toBe(true);
    await direct.close();
    expect(directSeen.errors).toEqual([]);
  });

  it('raised no page errors and no console errors along the way', () => {
    expect(seen.errors).toEqual([]);
    // The only failed loads are the injected 5xx answers: no 404s, no missing assets.
    expect(seen.failedLoads.filter((text) => !/status of 5\d\d/.test(text))).toEqual([]);
  });
});
