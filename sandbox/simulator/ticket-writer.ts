import type { DemoAccount } from './account.ts';
import { invalidValue, type Details } from './errors.ts';
import type { SearchIndex } from './search-index.ts';
import {
  addComment,
  buildTicket,
  nextEventId,
  normaliseTags,
  setTicketStatus,
  type TicketInput,
} from './ticket-model.ts';
import type { TicketChanges } from './ticket-update.ts';
import { runTriggers, type TriggerOutcome } from './trigger-engine.ts';
import { isoTime } from './time.ts';
import type { JsonObject, StoredTicket, TicketComment, ZendeskTicket, ZendeskUser } from './types.ts';

const API_VIA = { channel: 'api', source: { from: {}, to: {}, rel: null } };

function commentEvent(comment: TicketComment): JsonObject {
  const { id, type, author_id, body, html_body, plain_body, public: isPublic, attachments, audit_id } = comment;
  return { id, type, author_id, body, html_body, plain_body, public: isPublic, attachments, audit_id };
}

/**
 * Every write to a ticket goes through here, so each one does what Zendesk does around it: the
 * comment, the audit, the triggers (trigger-engine.ts) and the search index (search-index.ts).
 */
export class TicketWriter {
  constructor(
    readonly account: DemoAccount,
    readonly searchIndex: SearchIndex,
  ) {}

  /** POST /tickets and each create_many item. `metadata` lands in the audit's `metadata.custom`. */
  create(
    input: TicketInput,
    currentUser: ZendeskUser,
    at: number,
    metadata: JsonObject = {},
  ): { stored: StoredTicket; audit: JsonObject; triggers: TriggerOutcome } {
    const { account } = this;
    const stored = buildTicket(account, input, at, currentUser);
    const { ticket } = stored;
    const comment = stored.comments?.[0] ?? null;
    const auditId = comment?.audit_id ?? nextEventId(stored);
    const created = (field: string, value: unknown): JsonObject => ({
      id: nextEventId(stored),
      type: 'Create',
      field_name: field,
      value,
    });
    const events: JsonObject[] = comment ? [commentEvent(comment)] : [];
    events.push(created('subject', ticket.subject), created('requester_id', ticket.requester_id));
    events.push(created('status', ticket.status), created('custom_status_id', ticket.custom_status_id));
    for (const field of ['priority', 'type', 'group_id', 'assignee_id', 'organization_id'] as const)
      if (ticket[field] !== null) events.push(created(field, ticket[field]));
    if (ticket.tags.length > 0) events.push(created('tags', ticket.tags));
    const triggers = runTriggers(account, stored, { type: 'Create', previous: null, currentUser, comment }, at, () =>
      nextEventId(stored),
    );
    events.push(...triggers.events);
    this.searchIndex.ticketWritten(stored, at);
    const audit = {
      id: auditId,
      ticket_id: ticket.id,
      created_at: isoTime(at),
      author_id: currentUser.id,
      metadata: { system: {}, custom: metadata },
      events,
      via: ticket.via,
    };
    return { stored, audit, triggers };
  }

  /**
   * PUT tickets/{id} and each update_many ticket. A closed ticket cannot be updated ("Status:
   * closed prevents ticket update", the message Zendesk is commonly reported to give;
   * support-api.md §9: closed tickets cannot be changed).
   */
  update(
    stored: StoredTicket,
    changes: TicketChanges,
    currentUser: ZendeskUser,
    at: number,
  ): { audit: JsonObject; triggers: TriggerOutcome } | { details: Details } {
    const { account } = this;
    const { ticket } = stored;
    if (ticket.status === 'closed')
      return { details: { status: [invalidValue('Status', 'closed prevents ticket update')] } };
    const assigneeId = changes.assigneeId !== undefined ? changes.assigneeId : ticket.assignee_id;
    const groupId = changes.groupId !== undefined ? changes.groupId : ticket.group_id;
    if (
      assigneeId !== null &&
      groupId !== null &&
      (changes.assigneeId !== undefined || changes.groupId !== undefined) &&
      !account.groupMemberships.some((m) => m.group_id === groupId && m.user_id === assigneeId)
    )
      return { details: { assignee: [invalidValue('Assignee', 'is not a member of the group')] } };
    // "A ticket's status can't be set to Solved … without an assignee" (About system ticket
    // rules). With "auto assign tickets upon solve" on, Zendesk assigns the solving agent instead;
    // the simulator takes the setting as off (stricter), so the caller must name an assignee.
    if (changes.status === 'solved' && ticket.status !== 'solved' && assigneeId === null)
      return { details: { assignee: [invalidValue('Assignee', 'is required to solve a ticket')] } };

    const previous: ZendeskTicket = structuredClone(ticket);
    const auditId = nextEventId(stored);
    const events: JsonObject[] = [];
    const changed = (field: string, before: unknown, value: unknown) => {
      if (JSON.stringify(before) !== JSON.stringify(value))
        events.push({ id: nextEventId(stored), type: 'Change', field_name: field, value, previous_value: before });
    };

    if (changes.subject !== undefined) {
      changed('subject', ticket.subject, changes.subject);
      ticket.subject = changes.subject;
      ticket.raw_subject = changes.subject;
    }
    for (const [field, value] of [
      ['priority', changes.priority],
      ['type', changes.type],
    ] as const) {
      if (value === undefined) continue;
      changed(field, ticket[field], value);
      ticket[field] = value;
    }
    if (changes.groupId !== undefined) {
      changed('group_id', ticket.group_id, changes.groupId);
      ticket.group_id = changes.groupId;
    }
    if (changes.assigneeId !== undefined) {
      changed('assignee_id', ticket.assignee_id, changes.assigneeId);
      ticket.assignee_id = changes.assigneeId;
    }
    // Zendesk moves a new ticket with an assignee to open.
    const status = changes.status ?? (ticket.status === 'new' && ticket.assignee_id !== null ? 'open' : undefined);
    if (status !== undefined && (status !== ticket.status || changes.customStatusId !== undefined)) {
      changed('status', ticket.status, status);
      setTicketStatus(stored, status, account, at, changes.customStatusId ?? null);
      changed('custom_status_id', previous.custom_status_id, ticket.custom_status_id);
    }
    const before = ticket.tags;
    const removing = new Set(changes.removeTags);
    ticket.tags = normaliseTags([...(changes.tags ?? ticket.tags), ...changes.addTags]).filter((t) => !removing.has(t));
    changed('tags', before, ticket.tags);

    let comment: TicketComment | null = null;
    if (changes.comment) {
      const author =
        (changes.comment.authorId === null ? undefined : account.usersById.get(changes.comment.authorId)) ??
        currentUser;
      const firstPublic = stored.comments?.[0]?.public ?? true;
      const input = {
        ...changes.comment.input,
        isPublic: changes.comment.publicGiven ? changes.comment.input.isPublic : firstPublic,
      };
      comment = addComment(account, stored, input, author, currentUser, auditId, at);
      events.push(commentEvent(comment));
    }
    ticket.updated_at = isoTime(at);
    ticket.generated_timestamp = Math.floor(at / 1000);
    const triggers = runTriggers(account, stored, { type: 'Change', previous, currentUser, comment }, at, () =>
      nextEventId(stored),
    );
    events.push(...triggers.events);
    this.searchIndex.ticketWritten(stored, at);
    const audit = {
      id: auditId,
      ticket_id: ticket.id,
      created_at: isoTime(at),
      author_id: currentUser.id,
      metadata: { system: {}, custom: {} },
      events,
      via: API_VIA,
    };
    return { audit, triggers };
  }
}
