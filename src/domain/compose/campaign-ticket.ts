import type { NewTicket } from '../../zendesk/index.ts';
import type { TicketDraft } from '../campaign/draft.ts';
import { extraTags } from '../campaign/tags.ts';
import type { RenderedTicket } from './campaign-template.ts';

/** Who and what a campaign ticket is for, beyond its text. */
export interface TicketIdentity {
  campaignTag: string;
  markerTag: string;
  /** Extra tag of the wave this ticket belongs to, when the campaign goes in parts. */
  waveTag?: string;
  /** The agent sending: submitter, and author of the first comment. */
  agentId: number;
}

/**
 * `pc1:<campaign tag>:<user id>`: the same for a customer and campaign whichever browser or
 * attempt sends it, so the send engine can ask Zendesk whether that ticket already exists
 * (List Tickets by external_id reads the database, not the lagging search index).
 */
export function campaignExternalId(campaignTag: string, userId: number): string {
  return `pc1:${campaignTag}:${userId}`;
}

/** The exact ticket Zendesk is asked to create for one customer (create_many item). */
export function campaignTicket(
  draft: TicketDraft,
  rendered: RenderedTicket,
  requesterId: number,
  identity: TicketIdentity,
): NewTicket {
  const tags = [identity.campaignTag, identity.markerTag, ...(identity.waveTag ? [identity.waveTag] : [])];
  for (const tag of extraTags(draft.extraTags)) if (!tags.includes(tag)) tags.push(tag);
  const ticket: NewTicket = {
    subject: rendered.subject,
    requester_id: requesterId,
    submitter_id: identity.agentId,
    comment: { html_body: rendered.bodyHtml, public: draft.visibility === 'public', author_id: identity.agentId },
    status: draft.status,
    tags,
    external_id: campaignExternalId(identity.campaignTag, requesterId),
  };
  if (draft.customStatusId !== null) ticket.custom_status_id = draft.customStatusId;
  if (draft.priority !== null) ticket.priority = draft.priority;
  if (draft.type !== null) ticket.type = draft.type;
  if (draft.groupId !== null) ticket.group_id = draft.groupId;
  if (draft.assigneeId !== null) ticket.assignee_id = draft.assigneeId;
  if (draft.macro) ticket.macro_ids = [draft.macro.id];
  return ticket;
}
