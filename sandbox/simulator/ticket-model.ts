import { recordUrl, type DemoAccount } from './account.ts';
import { blank, invalidValue, type Details } from './errors.ts';
import { isoTime } from './time.ts';
import type { StoredTicket, ZendeskTicket, ZendeskUser } from './types.ts';
import { isRecord } from './body.ts';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;

/** Comment bodies over 64 kB are silently truncated (support-api.md §5.1). */
const MAX_COMMENT_BYTES = 64 * 1024;

export interface TicketInput {
  subject: string;
  body: string;
  isPublic: boolean;
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

function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

/**
 * Validates one ticket object the way POST /tickets and each create_many item are validated.
 * Returns the normalised input or 422-style details.
 */
export function readTicketInput(
  account: DemoAccount,
  raw: unknown,
  actor: ZendeskUser,
): { input: TicketInput } | { details: Details } {
  const details: Details = {};
  const add = (field: string, item: ReturnType<typeof blank>) => (details[field] ??= []).push(item);
  if (!isRecord(raw)) return { details: { ticket: [invalidValue('Ticket', 'must be an object')] } };

  let body = '';
  let isPublic = true;
  const comment = raw.comment;
  if (!isRecord(comment)) add('description', blank('Description'));
  else {
    const text = comment.html_body ?? comment.body;
    if (comment.html_body !== undefined && typeof comment.html_body !== 'string')
      add('comment', invalidValue('Comment html_body'));
    if (comment.body !== undefined && typeof comment.body !== 'string') add('comment', invalidValue('Comment body'));
    if (typeof text !== 'string' || stripHtml(text) === '') add('description', blank('Description'));
    else body = typeof comment.html_body === 'string' ? stripHtml(text) : text;
    if (comment.public !== undefined && typeof comment.public !== 'boolean')
      add('comment', invalidValue('Comment public'));
    else if (comment.public === false) isPublic = false;
  }

  let requester: ZendeskUser | undefined = actor;
  if (raw.requester_id !== undefined) {
    requester = typeof raw.requester_id === 'number' ? account.usersById.get(raw.requester_id) : undefined;
    if (!requester) add('requester', invalidValue('Requester'));
  } else if (isRecord(raw.requester) && typeof raw.requester.email === 'string') {
    requester = account.usersByEmail.get(raw.requester.email.toLowerCase());
    if (!requester) add('requester', invalidValue('Requester', 'is not a known user in the simulator'));
  }

  const staffId = (key: string, label: string): number | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    const user = typeof value === 'number' ? account.usersById.get(value) : undefined;
    if (!user || user.role === 'end-user') {
      add(key.replace(/_id$/, ''), invalidValue(label));
      return null;
    }
    return user.id;
  };
  const submitterId = staffId('submitter_id', 'Submitter') ?? actor.id;
  const assigneeId = staffId('assignee_id', 'Assignee');

  let groupId: number | null = null;
  if (raw.group_id !== undefined && raw.group_id !== null) {
    const group = account.groups.find((g) => g.id === raw.group_id);
    if (!group) add('group', invalidValue('Group'));
    else groupId = group.id;
  }
  if (groupId !== null && assigneeId !== null) {
    const member = account.groupMemberships.some((m) => m.group_id === groupId && m.user_id === assigneeId);
    if (!member) add('assignee', invalidValue('Assignee', 'is not a member of the group'));
  }

  const enumValue = (key: string, allowed: readonly string[], label: string): string | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      add(key, invalidValue(label, `${JSON.stringify(value)} is not a valid value`));
      return null;
    }
    return value;
  };
  let status = enumValue('status', TICKET_STATUSES, 'Status') ?? 'new';
  const priority = enumValue('priority', TICKET_PRIORITIES, 'Priority');
  const type = enumValue('type', TICKET_TYPES, 'Type');
  // Zendesk moves a new ticket that already has an assignee to open.
  if (status === 'new' && assigneeId !== null) status = 'open';

  let subject = '';
  if (raw.subject !== undefined && raw.subject !== null) {
    if (typeof raw.subject !== 'string') add('subject', invalidValue('Subject'));
    else subject = raw.subject;
  }

  let tags: string[] = [];
  if (raw.tags !== undefined && raw.tags !== null) {
    if (typeof raw.tags === 'string') tags = normaliseTags([raw.tags]);
    else if (Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string')) tags = normaliseTags(raw.tags);
    else add('tags', invalidValue('Tags'));
  }

  let externalId: string | null = null;
  if (raw.external_id !== undefined && raw.external_id !== null) {
    if (typeof raw.external_id !== 'string' && typeof raw.external_id !== 'number')
      add('external_id', invalidValue('External ID'));
    else externalId = String(raw.external_id);
  }

  let organizationId = requester?.organization_id ?? null;
  if (raw.organization_id !== undefined && raw.organization_id !== null) {
    const allowed = requester ? account.organizationIdsOf(requester.id) : [];
    if (typeof raw.organization_id !== 'number' || !allowed.includes(raw.organization_id)) {
      add('organization_id', invalidValue('Organization', "is not one of the requester's organizations"));
    } else organizationId = raw.organization_id;
  }

  let customStatusId: number | null = null;
  if (raw.custom_status_id !== undefined && raw.custom_status_id !== null) {
    const custom = account.customStatuses.find((s) => s.id === raw.custom_status_id);
    if (!custom) add('custom_status_id', invalidValue('Custom status'));
    else customStatusId = custom.id;
  }

  if (Object.keys(details).length > 0 || !requester) return { details };
  return {
    input: {
      subject,
      body,
      isPublic,
      requester,
      submitterId,
      assigneeId,
      groupId,
      organizationId,
      status,
      priority,
      type,
      tags,
      externalId,
      customStatusId,
    },
  };
}

/**
 * Ticket placeholders are rendered when an agent writes the comment; unknown ones are stripped
 * (support-api.md §5.1).
 */
export function renderPlaceholders(text: string, ticketId: number, input: TicketInput, account: DemoAccount): string {
  const requester = input.requester;
  const organization = input.organizationId === null ? undefined : account.organizationsById.get(input.organizationId);
  const values: Record<string, string> = {
    'ticket.id': String(ticketId),
    'ticket.title': input.subject,
    'ticket.requester.name': requester.name,
    'ticket.requester.first_name': requester.name.split(' ')[0] ?? requester.name,
    'ticket.requester.email': requester.email ?? '',
    'ticket.organization.name': organization?.name ?? '',
    'ticket.account': account.subdomain,
  };
  return text.replace(/(\\)?\{\{\s*([^}]+?)\s*\}\}/g, (whole, escaped: string | undefined, name: string) =>
    escaped ? whole.slice(1) : (values[name] ?? ''),
  );
}

export function buildTicket(account: DemoAccount, input: TicketInput, now: number, createdAtMs = now): StoredTicket {
  const id = account.nextId('ticket');
  let body = renderPlaceholders(input.body, id, input, account);
  if (new TextEncoder().encode(body).length > MAX_COMMENT_BYTES) body = body.slice(0, MAX_COMMENT_BYTES / 4);
  // A requester's tags and their organization's tags are copied onto the ticket (support-api.md §3.4).
  const organization = input.organizationId === null ? undefined : account.organizationsById.get(input.organizationId);
  const tags = normaliseTags([...input.tags, ...input.requester.tags, ...(organization?.tags ?? [])]);
  const at = isoTime(createdAtMs);
  const subject = input.subject || body.slice(0, 80);
  const ticket: ZendeskTicket = {
    id,
    url: recordUrl(`tickets/${id}`),
    external_id: input.externalId,
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    created_at: at,
    updated_at: at,
    generated_timestamp: Math.floor(createdAtMs / 1000),
    type: input.type,
    subject,
    raw_subject: subject,
    description: body,
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
    is_public: input.isPublic,
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
  const stored: StoredTicket = { ticket, solvedAtMs: solved ? createdAtMs : null, createdAtMs };
  account.addTicket(stored);
  return stored;
}

/** Status changes keep `solvedAtMs` right for `solved>7days` searches. */
export function setTicketStatus(stored: StoredTicket, status: string, account: DemoAccount, now: number): void {
  stored.ticket.status = status;
  stored.ticket.custom_status_id = account.defaultCustomStatusId(status);
  if ((status === 'solved' || status === 'closed') && stored.solvedAtMs === null) stored.solvedAtMs = now;
  if (status !== 'solved' && status !== 'closed') stored.solvedAtMs = null;
  stored.ticket.updated_at = isoTime(now);
}
