import { getJson } from './support-api.ts';

/**
 * The Zendesk pages `routeTo` leads to. Zendesk would leave the app and open the real page; the
 * sandbox shows a small stand-in built from the simulated API, so a developer (and the e2e
 * tests) can see where the app sent the agent.
 */
export async function renderRoutePage(target: HTMLElement, args: string[], actingEmail: string): Promise<void> {
  const [kind = '', id = ''] = args;
  const safeId = encodeURIComponent(id);
  target.replaceChildren();
  const heading = document.createElement('h1');
  target.append(heading);
  try {
    if (kind === 'views') {
      const view = (await getJson(`/api/v2/views/${safeId}`, actingEmail)) as { view?: { title?: string } };
      const tickets = (await getJson(`/api/v2/views/${safeId}/tickets`, actingEmail)) as {
        tickets?: Array<{ id: number; subject?: string; status?: string }>;
      };
      heading.textContent = `View #${id}: ${view.view?.title ?? ''}`;
      target.append(ticketTable(tickets.tickets ?? []));
    } else if (kind === 'ticket') {
      const body = (await getJson(`/api/v2/tickets/${safeId}`, actingEmail)) as {
        ticket?: { subject?: string; status?: string; tags?: string[] };
      };
      heading.textContent = `Ticket #${id}: ${body.ticket?.subject ?? ''}`;
      target.append(paragraph(`Status: ${body.ticket?.status ?? '?'} · Tags: ${(body.ticket?.tags ?? []).join(', ')}`));
    } else if (kind === 'user') {
      const body = (await getJson(`/api/v2/users/${safeId}`, actingEmail)) as {
        user?: { name?: string; email?: string | null; role?: string };
      };
      heading.textContent = `User: ${body.user?.name ?? id}`;
      target.append(paragraph(`${body.user?.email ?? 'no email'} · ${body.user?.role ?? ''}`));
    } else if (kind === 'organization') {
      const body = (await getJson(`/api/v2/organizations/${safeId}`, actingEmail)) as {
        organization?: { name?: string };
      };
      heading.textContent = `Organization: ${body.organization?.name ?? id}`;
    } else {
      heading.textContent = `Zendesk page: ${args.join(' / ')}`;
    }
  } catch (error) {
    heading.textContent = `Zendesk page: ${args.join(' / ')}`;
    target.append(paragraph(`Could not load it from the simulator: ${String(error)}`));
  }
}

function ticketTable(tickets: Array<{ id: number; subject?: string; status?: string }>): HTMLElement {
  if (tickets.length === 0) return paragraph('No tickets in this view.');
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of ['ID', 'Subject', 'Status']) {
    const cell = document.createElement('th');
    cell.textContent = title;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const ticket of tickets) {
    const row = body.insertRow();
    for (const value of [`#${ticket.id}`, ticket.subject ?? '', ticket.status ?? ''])
      row.insertCell().textContent = value;
  }
  return table;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
