import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../sandbox/simulator/msw.ts';
import { connectToZendesk, type ZendeskSession } from '../../src/zaf/connect.ts';
import { SupportApiClient } from '../../src/zendesk/client.ts';
import { App } from '../../src/ui/App.tsx';
import { CUSTOMER_QUERY } from '../../src/ui/home/support-api-home-data.ts';
import { memorySendLock, memoryStore } from '../../src/storage/index.ts';
import { DEMO_ORIGIN, fakeZafClient, type FakeZafOptions } from './fake-zaf-client.ts';
import { instantClock, simulatorCount } from './simulator-support.ts';

const sim: Simulator = createSimulator({ seed: 3, users: 400 });
const server = setupServer(...simulatorHandlers(sim, DEMO_ORIGIN));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function staff(role: 'admin' | 'agent') {
  const user = sim.account.users.find((candidate) => candidate.role === role && !candidate.custom_role_id);
  if (!user) throw new Error(`no ${role} in the demo account`);
  return user;
}

function renderApp(options: Partial<FakeZafOptions> & { currentUser: Record<string, unknown> }) {
  const fake = fakeZafClient(options);
  const connect = () => connectToZendesk({ init: () => fake.client });
  // random 0 = no backoff wait between retries, so failures show at once in tests.
  const createServices = (session: ZendeskSession) => ({
    api: new SupportApiClient({
      transport: session.transport,
      clock: instantClock(Date.now()),
      scheduler: { maxAttempts: 2 },
    }),
    storage: memoryStore(),
    lock: memorySendLock(),
    now: () => Date.now(),
    newId: () => 'draft-1',
  });
  render(<App connect={connect} createServices={createServices} />);
  return fake;
}

function zafUser(user: { id: number; name: string; email?: string | null; role: string }, locale: string) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale,
    timeZone: { ianaName: 'Europe/London' },
  };
}

describe('Home, against the simulated Support API through the ZAF client', () => {
  it("shows the signed-in admin, the account and the simulator's customer count", async () => {
    const admin = staff('admin');
    const fake = renderApp({ currentUser: zafUser(admin, 'en-US') });

    expect(await screen.findByRole('heading', { name: 'Proactive Campaigns', level: 1 })).toBeInTheDocument();
    const agentCard = screen.getByRole('region', { name: 'Signed in as' });
    expect(within(agentCard).getByText(admin.name)).toBeInTheDocument();
    expect(within(agentCard).getByText('Admin')).toBeInTheDocument();
    expect(within(agentCard).getByText('proactive-demo')).toBeInTheDocument();

    const expected = simulatorCount(sim, CUSTOMER_QUERY);
    expect(expected).toBeGreaterThan(0);
    const customers = screen.getByRole('region', { name: 'Customers' });
    expect(await within(customers).findByText(expected.toLocaleString('en'))).toBeInTheDocument();
    expect(
      within(customers).getByText(simulatorCount(sim, 'type:organization').toLocaleString('en')),
    ).toBeInTheDocument();

    // Every call went through client.request with our own retry policy in charge.
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((request) => request.autoRetry === false && request.httpCompleteResponse)).toBe(true);
  });

  it('an agent profile with no locale and no time zone breaks nothing: English, and every step opens', async () => {
    const agent = staff('agent');
    renderApp({ currentUser: { id: agent.id, name: agent.name, email: agent.email, role: agent.role } });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Proactive Campaigns', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Signed in as' })).getByText(agent.name)).toBeInTheDocument();
    for (const [tab, heading] of [
      ['1. Audience', 'Audience'],
      ['2. Compose', 'Compose'],
      ['3. Preview', 'Preview'],
      ['4. Send', 'Send'],
      ['5. History', 'History'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: tab }));
      expect(await screen.findByRole('heading', { name: heading, level: 2 }, { timeout: 10_000 })).toBeInTheDocument();
      expect(screen.queryByText('Something went wrong', { exact: false }), tab).toBeNull();
    }
    // Relative dates use the account's time zone, not the agent's: the audience step lists its fields.
    await user.click(screen.getByRole('button', { name: '1. Audience' }));
    await user.click(await screen.findByRole('button', { name: 'Add condition' }, { timeout: 10_000 }));
    expect(screen.getByRole('group', { name: 'Condition 1' })).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong', { exact: false })).toBeNull();
  }, 30_000);

  it('lists the custom user and organization fields an audience can use, with their types', async () => {
    renderApp({ currentUser: zafUser(staff('admin'), 'en-US') });
    const userFields = await screen.findByRole('table', { name: 'Customer fields' });
    for (const field of sim.account.userFields) {
      const row = within(userFields).getByText(field.title).closest('tr');
      if (!row) throw new Error(`no row for ${field.title}`);
      expect(within(row).getByText(field.key)).toBeInTheDocument();
      expect(within(row).getByText(field.active ? 'Active' : 'Inactive')).toBeInTheDocument();
    }
    const renewal = within(userFields).getByText('Plan renewal date').closest('tr');
    expect(renewal && within(renewal).getByText('Date')).toBeInTheDocument();

    const orgFields = await screen.findByRole('table', { name: 'Organization fields' });
    const accountType = within(orgFields).getByText('Account type').closest('tr');
    expect(accountType && within(accountType).getByText('Drop-down')).toBeInTheDocument();
  });

  it('shows the effective settings, and warns about a setting Zendesk delivered in an unusable form', async () => {
    renderApp({
      currentUser: zafUser(staff('admin'), 'en-US'),
      settings: {
        campaign_size_cap: '250',
        frequency_cap_days: 'soon',
        agents_can_send: 'false',
        tag_prefix: 'promo_',
      },
    });
    const settings = await screen.findByRole('region', { name: 'Campaign settings' });
    expect(within(settings).getByText('250 customers')).toBeInTheDocument();
    expect(within(settings).getByText('promo_')).toBeInTheDocument();
    expect(within(settings).getByText('No')).toBeInTheDocument();
    expect(within(settings).getByText('Off')).toBeInTheDocument();
    expect(within(settings).getByRole('alert')).toHaveTextContent('Days between campaigns for one customer');
    expect(within(settings).getByRole('alert')).toHaveTextContent('(soon)');
  });

  it('speaks Korean to an agent whose Zendesk locale is ko', async () => {
    const agent = staff('agent');
    renderApp({ currentUser: zafUser(agent, 'ko') });
    const agentCard = await screen.findByRole('region', { name: '로그인 사용자' });
    expect(within(agentCard).getByText('상담원')).toBeInTheDocument();
    expect(within(agentCard).getByText('한국어 (ko)')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '개요', level: 2 })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: '고객 필드' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '캠페인 단계' })).toBeInTheDocument();
  });

  it('names a custom role by its id (ZAF reports the custom role id instead of "agent")', async () => {
    const custom = sim.account.users.find((user) => user.role === 'agent' && user.custom_role_id);
    if (!custom?.custom_role_id) throw new Error('the demo account has no custom-role agent');
    renderApp({ currentUser: { ...zafUser(custom, 'en-US'), role: custom.custom_role_id } });
    const agentCard = await screen.findByRole('region', { name: 'Signed in as' });
    expect(within(agentCard).getByText(`Agent (custom role ${custom.custom_role_id})`)).toBeInTheDocument();
  });

  it('asks Zendesk to open the agent profile when the agent clicks the button (routeTo)', async () => {
    const user = userEvent.setup();
    const admin = staff('admin');
    const fake = renderApp({ currentUser: zafUser(admin, 'en-US') });
    await user.click(await screen.findByRole('button', { name: 'Open my profile in Zendesk' }));
    expect(fake.invoked).toEqual([['routeTo', 'user', String(admin.id)]]);
  });

  it('explains a Zendesk 5xx in the agent language and recovers with Retry', async () => {
    const user = userEvent.setup();
    sim.setFaults({ serverErrorRate: 1 });
    try {
      renderApp({ currentUser: zafUser(staff('admin'), 'ja') });
      const customers = await screen.findByRole('region', { name: '顧客' });
      const alert = await within(customers).findByRole('alert', {}, { timeout: 5000 });
      expect(alert).toHaveTextContent('Zendeskの応答中に問題が発生しました');
      expect(alert).not.toHaveTextContent('500');

      sim.setFaults({});
      await user.click(within(alert).getByRole('button', { name: '再試行' }));
      const expected = simulatorCount(sim, CUSTOMER_QUERY);
      expect(await within(customers).findByText(expected.toLocaleString('ja'))).toBeInTheDocument();
      expect(within(customers).queryByRole('alert')).not.toBeInTheDocument();
    } finally {
      sim.setFaults({});
    }
  });
});

describe('Opened outside Zendesk', () => {
  it('explains what the page is and how to open it, instead of a blank page', async () => {
    render(
      <App
        connect={() => connectToZendesk({ init: () => false })}
        createServices={() => {
          throw new Error('no Zendesk, no services');
        }}
        browserLocale="en-US"
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Open Proactive Campaigns from Zendesk' })).toBeInTheDocument();
    expect(screen.getByText('npm start')).toBeInTheDocument();
  });

  it('in Japanese when the browser is Japanese', async () => {
    render(
      <App
        connect={() => connectToZendesk({ init: () => false })}
        createServices={() => {
          throw new Error('no Zendesk, no services');
        }}
        browserLocale="ja-JP"
      />,
    );
    expect(
      await screen.findByRole('heading', { name: 'Proactive CampaignsはZendeskから開いてください' }),
    ).toBeInTheDocument();
  });
});
