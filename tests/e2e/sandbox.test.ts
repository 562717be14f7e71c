import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/sandbox-server.ts';
import { useSandbox } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';

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
  const e2e = useSandbox(chromiumPath, { simulator: { seed: 11, users: 600 } });

  it('opens from the nav bar and shows the agent and the customer count from the simulator', async () => {
    const { page, app, frame } = await e2e.openApp();
    expect(await app.getByRole('heading', { name: 'Proactive Campaigns', level: 1 }).isVisible()).toBe(true);
    const agentCard = app.getByRole('region', { name: 'Signed in as' });
    await agentCard.getByText(staffName(e2e.sandbox, 'admin')).waitFor();
    await agentCard.getByText('Admin', { exact: true }).waitFor();

    const count = customerCount(e2e.sandbox).toLocaleString('en');
    const customers = app.getByRole('region', { name: 'Customers' });
    await customers.getByText(count, { exact: true }).waitFor();
    await app.getByRole('table', { name: 'Customer fields' }).getByText('Plan renewal date').waitFor();

    // The handshake, registration and request messages crossed the real postMessage boundary.
    await expect.poll(() => page.locator('#traffic-log li', { hasText: 'zaf.app.registered' }).count()).toBe(1);
    await expect.poll(() => page.locator('#traffic-log li', { hasText: 'zaf.request:' }).count()).toBeGreaterThan(0);

    // The loaded home screen, every card filled in, meets WCAG 2.1 AA.
    await app.getByRole('table', { name: 'Organization fields' }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('speaks Korean to an agent whose Zendesk locale is ko, and switches back to English', async () => {
    const { page, app, frame } = await e2e.openApp({ locale: 'ko' });
    await app.getByRole('heading', { name: '개요', level: 2 }).waitFor();
    await app.getByRole('region', { name: '로그인 사용자' }).getByText('관리자', { exact: true }).waitFor();
    expect(await app.locator('html').getAttribute('lang')).toBe('ko');
    expect(await axeViolations(frame)).toEqual([]);

    // A new language is a new session: the host reloads the app, as Zendesk does.
    await page.getByLabel('Language').selectOption('en-US');
    await app.getByRole('heading', { name: 'Overview', level: 2 }).waitFor();
  });

  it('acts as an agent, and routeTo opens the Zendesk page', async () => {
    const { page, app } = await e2e.openApp({ role: 'agent' });
    const agentCard = app.getByRole('region', { name: 'Signed in as' });
    const name = staffName(e2e.sandbox, 'agent');
    await agentCard.getByText(name).waitFor();
    await agentCard.getByText('Agent', { exact: true }).waitFor();

    await agentCard.getByRole('button', { name: 'Open my profile in Zendesk' }).click();
    await page.getByRole('heading', { name: `User: ${name}` }).waitFor();
    expect(await page.locator('iframe[title="Proactive Campaigns"]').isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Back to Proactive Campaigns' }).click();
    await agentCard.getByText(name).waitFor();
  });

  it('shows a translated error for a Zendesk 5xx, and Retry works once Zendesk recovers', async () => {
    const { app, problems } = await e2e.openApp({ faults: { serverErrorRate: 1 }, failedLoads: /status of 5\d\d/ });
    const customers = app.getByRole('region', { name: 'Customers' });
    const alert = customers.getByRole('alert');
    await alert.getByText('Zendesk had a problem answering', { exact: false }).waitFor({ timeout: 20_000 });
    // The alert came from real 5xx answers crossing the host page, not from a broken app.
    expect(problems.failedLoads.length).toBeGreaterThan(0);

    e2e.simulator.setFaults({});
    await alert.getByRole('button', { name: 'Retry' }).click();
    await customers
      .getByText(customerCount(e2e.sandbox).toLocaleString('en'), { exact: true })
      .waitFor({ timeout: 20_000 });
    expect(await customers.getByRole('alert').count()).toBe(0);
  });

  it('opens the Audience step from the step bar', async () => {
    const { app, frame } = await e2e.openApp();
    await app.getByRole('button', { name: '1. Audience' }).click();
    await expect.poll(() => app.getByRole('button', { name: '1. Audience' }).getAttribute('aria-current')).toBe('page');
    await app.getByRole('heading', { name: 'Audience', level: 2 }).waitFor();
    // Settled: the audience fetched and counted. (While a fetch runs, the last count is dimmed.)
    const summary = app.getByRole('region', { name: 'Customers in this campaign' });
    await summary.getByLabel(/customers in this campaign/).waitFor();
    await expect.poll(() => summary.getByRole('status').count()).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('opened directly (not inside Zendesk), explains how to open it', async () => {
    const { page } = await e2e.openDirect();
    await page.getByRole('heading', { name: 'Open Proactive Campaigns from Zendesk' }).waitFor();
    expect(await page.getByText('npm start', { exact: true }).isVisible()).toBe(true);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });
});
