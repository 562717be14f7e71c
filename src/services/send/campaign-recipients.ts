import { exportSearch, type SupportApiClient } from '../../zendesk/index.ts';

/**
 * Customers who already have a ticket with the campaign tag, whoever sent it (another wave,
 * another browser, a colleague): they are left out of the next send. Search lags new tickets by
 * a minute or two, which the send journal covers for this browser's own sends.
 */
export async function customersWithCampaignTicket(
  api: SupportApiClient,
  campaignTag: string,
  options: { signal?: AbortSignal } = {},
): Promise<Set<number>> {
  const found = new Set<number>();
  for await (const page of exportSearch(
    api,
    { query: `tags:${campaignTag}`, type: 'ticket', pageSize: 1000 },
    options,
  )) {
    for (const ticket of page) found.add(ticket.requester_id);
  }
  return found;
}
