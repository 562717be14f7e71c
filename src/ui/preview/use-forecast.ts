import { useEffect, useState } from 'react';
import type { Customer } from '../../domain/audience/customer.ts';
import { addToForecast, ticketAtCreation, type TriggerForecast } from '../../domain/checks/forecast.ts';
import type { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import { campaignTicket, type TicketIdentity } from '../../domain/compose/campaign-ticket.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import type { Trigger } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';

const BATCH = 300;

/** Which active triggers fire on the campaign's tickets, customer by customer, a batch per turn. */
export function useTriggerForecast(
  triggers: readonly Trigger[] | null,
  ticket: TicketDraft,
  template: CampaignTemplate,
  customers: readonly Customer[],
  identity: TicketIdentity,
): { forecast: TriggerForecast[]; checked: number } {
  const { organizations, user } = useEnvironment();
  const [state, setState] = useState<{ forecast: TriggerForecast[]; checked: number }>({ forecast: [], checked: 0 });
  const role = user.role.kind === 'admin' ? 'admin' : 'agent';
  const identityKey = JSON.stringify(identity);

  useEffect(() => {
    if (!triggers) return;
    let live = true;
    const counts = new Map<number, TriggerForecast>();
    const id = JSON.parse(identityKey) as TicketIdentity;
    // With nobody yet, forecast for a customer with no tags or fields: what any ticket triggers.
    const sample: readonly Customer[] = customers.length > 0 ? customers : [];
    void (async () => {
      for (let start = 0; start < Math.max(1, sample.length) && live; start += BATCH) {
        for (const customer of sample.slice(start, start + BATCH)) {
          const organization = organizations.get(customer.user.organization_id);
          const rendered = template.render(customer.user, organization);
          const payload = campaignTicket(ticket, rendered, customer.user.id, id);
          addToForecast(
            counts,
            triggers,
            ticketAtCreation(payload, customer.user, organization, { id: user.id, role }, rendered.bodyText),
          );
        }
        if (live) setState({ forecast: [...counts.values()], checked: Math.min(sample.length, start + BATCH) });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    return () => {
      live = false;
    };
  }, [triggers, ticket, template, customers, identityKey, organizations, user.id, role]);
  return state;
}
