import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRoutePage } from '../../sandbox/host/pages.ts';
import { createSimulator } from '../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../sandbox/simulator/msw.ts';

// "Go to ticket view" (the Done screen) will call routeTo('views', id); the sandbox must show
// that view's tickets from the simulated account, as Zendesk would open the view.
const sim = createSimulator({ seed: 9, users: 200 });
const server = setupServer(...simulatorHandlers(sim, window.location.origin));
const admin = sim.account.owner;
const adminEmail = admin.email ?? '';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function post(url: string, body: unknown): Record<string, unknown> {
  const response = sim.handle({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if ('dropped' in response || response.status >= 300) throw new Error(`POST ${url} failed`);
  return JSON.parse(response.body) as Record<string, unknown>;
}

describe('the sandbox pages routeTo opens', () => {
  it("shows a campaign view with the tickets that carry the campaign's tag", async () => {
    const customer = sim.account.users.find((u) => u.role === 'end-user' && u.email && !u.suspended);
    if (!customer) throw new Error('no customer in the demo account');
    const { ticket } = post('/api/v2/tickets', {
      ticket: {
        subject: 'Your plan renews in March',
        requester_id: customer.id,
        comment: { body: 'Hello', public: true },
        tags: ['proactive_route_test'],
      },
    }) as { ticket: { id: number } };
    const { view } = post('/api/v2/views', {
      view: {
        title: 'Campaign: route test',
        all: [
          { field: 'status', operator: 'less_than', value: 'closed' },
          { field: 'current_tags', operator: 'includes', value: 'proactive_route_test' },
        ],
      },
    }) as { view: { id: number } };

    const page = document.createElement('section');
    await renderRoutePage(page, ['views', String(view.id)], adminEmail);

    expect(page.querySelector('h1')?.textContent).toBe(`View #${view.id}: Campaign: route test`);
    const rows = [...page.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([expect.stringContaining(`#${ticket.id}Your plan renews in March`)]);
  });

  it('says so when the view does not exist, instead of a blank page', async () => {
    const page = document.createElement('section');
    await renderRoutePage(page, ['views', '999'], adminEmail);
    expect(page.querySelector('h1')?.textContent).toBe('Zendesk page: views / 999');
    expect(page.textContent).toContain('Could not load it from the simulator: Error: GET /api/v2/views/999: HTTP 404');
  });
});
