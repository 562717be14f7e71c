import { recordUrl, type DemoAccount } from './account.ts';
import { htmlToText, textToHtml, truncateBytes, wrapCommentHtml } from './comment-text.ts';
import { placeholderValues, renderPlaceholders } from './placeholders.ts';
import { isoTime } from './time.ts';
import type { StoredTicket, TicketComment, ZendeskTicket, ZendeskUser } from './types.ts';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;

/** Comment bodies over 64 kB are silently truncated (support-api.md §5.1). */
const MAX_COMMENT_BYTES = 64 * 1024;

/** A comment as written: HTML (`html_body`) or plain text (`body`). */
export interface CommentInput {
  html: string | null;
  text: string | null;
  isPublic: boolean;
}

export interface TicketInput {
  subject: string;
  comment: CommentInput;
  requester: ZendeskUser;
  submitterId: number;
  assigneeId: number | null;
  groupId: number | null;
  organizationId: number | null;
  status: string;
  priority: string | null;
  type: string | null;
  tags: string[];
  externalId: string | null;
  customStatusId: number | null;
}

/** Tags are stored lower-case and a value with spaces becomes several tags (support-api.md §9). */
export function normaliseTags(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values)
    for (const tag of value.toLowerCase().split(/\s+/)) if (tag !== '' && !out.includes(tag)) out.push(tag);
  return out;
}

/** The next id for one of this ticket's audits, events or comments (unique account-wide). */
export function nextEventId(stored: StoredTicket): number {
  stored.eventSeq = (stored.eventSeq ?? 0) + 1;
  return stored.ticket.id * 100_000 + stored.eventSeq;
}

/**
 * Adds a comment by `author` to the ticket. Placeholders are rendered only when an agent writes
 * it (support-api.md §5.1); `current_user` is `currentUser`, the one making the request.
 */
export function addComment(
  account: DemoAccount,
  stored: StoredTicket,
  input: CommentInput,
  author: ZendeskUser,
  currentUser: ZendeskUser,
  auditId: number,
  at: number,
): TicketComment {
  const comments = (stored.comments ??= []);
  const render = author.role !== 'end-user';
  const source = input.html ?? input.text ?? '';
  const values =
    render && source.includes('{{')
      ? placeholderValues({ account, ticket: stored.ticket, currentUser, comments })
      : new Map<string, string>();
  let html: string;
  let plain: string;
  if (input.html !== null) {
    const rendered = truncateBytes(
      render ? renderPlaceholders(input.html, values, 'html') : input.html,
      MAX_COMMENT_BYTES,
    );
    html = wrapCommentHtml(rendered);
    plain = htmlToText(rendered);
  } else {
    plain = truncateBytes(
      render ? renderPlaceholders(input.text ?? '', values, 'text') : (input.text ?? ''),
      MAX_COMMENT_BYTES,
    );
    html = textToHtml(plain);
  }
  const comment: TicketComment = {
    id: nextEventId(stored),
    type: 'Comment',
    author_id: author.id,
    body: plain,
    html_body: html,
    plain_body: plain,
    public: input.isPublic,
    attachments: [],
    audit_id: auditId,
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    metadata: { system: {}, custom: {} },
    created_at: isoTime(at),
  };
  comments.push(comment);
  // A ticket is public once it has a public comment.
  if (input.isPublic) stored.ticket.is_public = true;
  return comment;
}

/** Creates the ticket and its first comment (authored by the submitter, support-api.md §5.1). */
export function buildTicket(
  account: DemoAccount,
  input: TicketInput,
  at: number,
  currentUser: ZendeskUser,
): StoredTicket {
  const id = account.nextId('ticket');
  // A requester's tags and their organization's tags are copied onto the ticket (support-api.md §3.4).
  const organization = input.organizationId === null ? undefined : account.organizationsById.get(input.organizationId);
  const tags = normaliseTags([...input.tags, ...input.requester.tags, ...(organization?.tags ?? [])]);
  const iso = isoTime(at);
  const ticket: ZendeskTicket = {
    id,
    url: recordUrl(`tickets/${id}`),
    external_id: input.externalId,
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    created_at: iso,
    updated_at: iso,
    generated_timestamp: Math.floor(at / 1000),
    type: input.type,
    subject: input.subject,
    raw_subject: input.subject,
    description: '',
    priority: input.priority,
    status: input.status,
    custom_status_id: input.customStatusId ?? account.defaultCustomStatusId(input.status),
    recipient: null,
    requester_id: input.requester.id,
    submitter_id: input.submitterId,
    assignee_id: input.assigneeId,
    organization_id: input.organizationId,
    group_id: input.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: false,
    due_at: null,
    tags,
    custom_fields: [],
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    fields: [],
    followup_ids: [],
    ticket_form_id: 360_000_001,
    brand_id: 360_000_002,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
  const solved = input.status === 'solved' || input.status === 'closed';
  const stored: StoredTicket = {
    ticket,
    solvedAtMs: solved ? at : null,
    createdAtMs: at,
    comments: [],
    triggerRuns: [],
  };
  const author = account.usersById.get(input.submitterId) ?? currentUser;
  const auditId = nextEventId(stored);
  const first = addComment(account, stored, input.comment, author, currentUser, auditId, at);
  ticket.description = first.plain_body;
  if (ticket.subject === '') {
    // Without a subject Zendesk shows the start of the description (length (unverified)).
    ticket.subject = first.plain_body.slice(0, 80);
    ticket.raw_subject = ticket.subject;
  }
  account.addTicket(stored);
  return stored;
}

/** Status changes keep `solvedAtMs` right for `solved>7days` searches. */
export function setTicketStatus(
  stored: StoredTicket,
  status: string,
  account: DemoAccount,
  now: number,
  customStatusId: number | null = null,
): void {
  stored.ticket.status = status;
  stored.ticket.custom_status_id = customStatusId ?? account.defaultCustomStatusId(status);
  if ((status === 'solved' || status === 'closed') && stored.solvedAtMs === null) stored.solvedAtMs = now;
  if (status !== 'solved' && status !== 'closed') stored.solvedAtMs = null;
  stored.ticket.updated_at = isoTime(now);
}
