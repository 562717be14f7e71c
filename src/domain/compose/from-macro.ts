import type { MacroApplication } from '../../zendesk/index.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type TicketDraft } from '../campaign/draft.ts';

/**
 * A macro's placeholders are Zendesk's, about the ticket's requester; ours say the same about the
 * customer. Known ones are rewritten so a macro's text renders per customer in the preview;
 * anything else stays as written, and the checks name it if it is unknown.
 */
const ZENDESK_TO_OURS: Record<string, string> = {
  'ticket.requester.name': 'user.name',
  'ticket.requester.first_name': 'user.first_name',
  'ticket.requester.last_name': 'user.last_name',
  'ticket.requester.email': 'user.email',
  'ticket.organization.name': 'organization.name',
};

export function translatePlaceholders(text: string): string {
  return text.replace(/\{\{\s*([a-z_.]+)\s*(\|[^}]*)?\}\}/g, (whole, path: string, filters: string | undefined) => {
    const ours = ZENDESK_TO_OURS[path];
    return ours ? `{{${ours}${filters ? ` ${filters.trim()}` : ''}}}` : whole;
  });
}

export type MacroPart =
  'subject' | 'body' | 'visibility' | 'status' | 'priority' | 'type' | 'group' | 'assignee' | 'tags';

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => item === value);

/** The draft after starting from a macro: what it sets replaces what was there; the rest stays. */
export function applyMacro(
  ticket: TicketDraft,
  macro: { id: number; title: string },
  result: MacroApplication['result'],
): TicketDraft {
  const changes = result.ticket;
  const filled: MacroPart[] = [];
  let next: TicketDraft = { ...ticket };
  if (typeof changes.subject === 'string' && changes.subject.trim() !== '') {
    next.subject = translatePlaceholders(changes.subject);
    filled.push('subject');
  }
  const comment = changes.comment;
  if (comment?.body !== undefined && comment.body.trim() !== '') {
    next.body = translatePlaceholders(comment.body);
    filled.push('body');
    if (comment.public !== undefined) {
      next.visibility = comment.public ? 'public' : 'internal';
      filled.push('visibility');
    }
  }
  const status = oneOf(TICKET_STATUSES, changes.status);
  if (status) {
    next = { ...next, status, customStatusId: null };
    filled.push('status');
  }
  const priority = oneOf(TICKET_PRIORITIES, changes.priority);
  if (priority) {
    next = { ...next, priority };
    filled.push('priority');
  }
  const type = oneOf(TICKET_TYPES, changes.type);
  if (type) {
    next = { ...next, type };
    filled.push('type');
  }
  if (typeof changes.group_id === 'number') {
    next = { ...next, groupId: changes.group_id, assigneeId: null };
    filled.push('group');
  }
  if (typeof changes.assignee_id === 'number') {
    next = { ...next, assigneeId: changes.assignee_id };
    filled.push('assignee');
  }
  const tags = changes.tags ?? changes.additional_tags;
  if (tags && tags.length > 0) {
    const removed = new Set(changes.remove_tags ?? []);
    next.extraTags = [...new Set([...(changes.tags ? [] : next.extraTags), ...tags])].filter((t) => !removed.has(t));
    filled.push('tags');
  }
  return { ...next, macro: { id: macro.id, title: macro.title, filled } };
}
