import type { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import { campaignTicket } from '../../domain/compose/campaign-ticket.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { extraTags, testTag } from '../../domain/campaign/tags.ts';
import { createTicket, getCurrentUser, type SupportApiClient, type Ticket } from '../../zendesk/index.ts';

/**
 * One ticket to the sending agent, exactly as customers will get it (their own name filled in,
 * Zendesk's notifications and triggers included), tagged as a test and never counted in the
 * campaign: it has neither the campaign tag nor the marker tag. The Idempotency-Key makes a
 * double click or a retried request create it once (POST /tickets honours it, support-api.md §5.4).
 */
export async function sendTestTicket(
  api: SupportApiClient,
  input: { ticket: TicketDraft; template: CampaignTemplate; tagPrefix: string; attemptKey: string },
): Promise<Ticket> {
  const agent = await getCurrentUser(api);
  const rendered = input.template.render(agent, null);
  const payload = campaignTicket(input.ticket, rendered, agent.id, {
    campaignTag: testTag(input.tagPrefix),
    markerTag: testTag(input.tagPrefix),
    agentId: agent.id,
  });
  payload.tags = [testTag(input.tagPrefix), ...extraTags(input.ticket.extraTags)];
  delete payload.external_id;
  return createTicket(api, payload, { key: `pc1-test:${input.attemptKey}` });
}
