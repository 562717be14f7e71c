import type { DemoAccount } from './account.ts';
import { isRecord } from './body.ts';
import { blank, invalidValue, type DetailItem, type Details } from './errors.ts';
import { readComment, readCustomStatus, readGroup, readTags } from './ticket-input.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type CommentInput } from './ticket-model.ts';

/**
 * What one update asks for (PUT tickets/{id}, each update_many ticket): the fields it names,
 * `tags` (replace), `additional_tags` / `remove_tags` (support-api.md §5.1), and a comment.
 * Shapes are checked when the request comes in; what depends on the ticket (closed, group
 * membership) is checked when the update is applied.
 */
export interface TicketChanges {
  status?: string;
  customStatusId?: number;
  priority?: string | null;
  type?: string | null;
  subject?: string;
  groupId?: number | null;
  assigneeId?: number | null;
  tags?: string[];
  addTags: string[];
  removeTags: string[];
  comment?: {
    input: CommentInput;
    /** Without `public`, a comment is as public as the ticket's first one (OAS TicketCommentObject.public). */
    publicGiven: boolean;
    authorId: number | null;
  };
}

export function readTicketChanges(
  account: DemoAccount,
  raw: unknown,
): { changes: TicketChanges } | { details: Details } {
  const details: Details = {};
  const add = (field: string, item: DetailItem) => (details[field] ??= []).push(item);
  if (!isRecord(raw)) return { details: { ticket: [invalidValue('Ticket', 'must be an object')] } };
  const changes: TicketChanges = { addTags: [], removeTags: [] };

  const enumValue = (key: string, allowed: readonly string[], label: string, nullable: boolean) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (value === null && nullable) return null;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      add(key, invalidValue(label, `${JSON.stringify(value)} is not a valid value`));
      return undefined;
    }
    return value;
  };
  const status = enumValue('status', TICKET_STATUSES, 'Status', false);
  if (typeof status === 'string') changes.status = status;
  const custom = readCustomStatus(account, raw.custom_status_id, raw.status, add);
  if (custom) {
    changes.customStatusId = custom.id;
    changes.status = custom.category;
  }
  const priority = enumValue('priority', TICKET_PRIORITIES, 'Priority', true);
  if (priority !== undefined) changes.priority = priority;
  const type = enumValue('type', TICKET_TYPES, 'Type', true);
  if (type !== undefined) changes.type = type;

  if (raw.subject !== undefined) {
    if (typeof raw.subject !== 'string') add('subject', invalidValue('Subject'));
    else changes.subject = raw.subject;
  }
  if (raw.assignee_id !== undefined) {
    const user = typeof raw.assignee_id === 'number' ? account.usersById.get(raw.assignee_id) : undefined;
    if (raw.assignee_id === null) changes.assigneeId = null;
    else if (!user || user.role === 'end-user') add('assignee', invalidValue('Assignee'));
    else changes.assigneeId = user.id;
  }
  if (raw.group_id !== undefined) {
    // Membership is checked against the assignee the ticket ends up with, when applied.
    changes.groupId = raw.group_id === null ? null : readGroup(account, raw.group_id, null, add);
  }
  const tags = readTags(raw.tags, add);
  if (tags) changes.tags = tags;
  changes.addTags = readTags(raw.additional_tags, add) ?? [];
  changes.removeTags = readTags(raw.remove_tags, add) ?? [];

  if (raw.comment !== undefined) {
    const comment = readComment(raw.comment, add);
    if (!comment) add('comment', blank('Comment'));
    else {
      const rawComment = isRecord(raw.comment) ? raw.comment : {};
      let authorId: number | null = null;
      if (rawComment.author_id !== undefined) {
        const author =
          typeof rawComment.author_id === 'number' ? account.usersById.get(rawComment.author_id) : undefined;
        if (!author) add('comment', invalidValue('Comment author'));
        else authorId = author.id;
      }
      changes.comment = { input: comment, publicGiven: typeof rawComment.public === 'boolean', authorId };
    }
  }
  return Object.keys(details).length > 0 ? { details } : { changes };
}
