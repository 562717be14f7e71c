import type { DemoAccount } from './account.ts';
import { isRecord } from './body.ts';
import { htmlToText } from './comment-text.ts';
import { blank, invalidValue, type DetailItem, type Details } from './errors.ts';
import {
  normaliseTags,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type CommentInput,
  type TicketInput,
} from './ticket-model.ts';
import type { ZendeskUser } from './types.ts';

/** Reading a ticket as POST /tickets and create_many items send it (support-api.md §5.1). */

/** `comment: {html_body | body, public}`; html_body wins when both are sent. */
export function readComment(raw: unknown, add: (field: string, item: DetailItem) => void): CommentInput | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.html_body !== undefined && typeof raw.html_body !== 'string')
    add('comment', invalidValue('Comment html_body'));
  if (raw.body !== undefined && typeof raw.body !== 'string') add('comment', invalidValue('Comment body'));
  if (raw.public !== undefined && typeof raw.public !== 'boolean') add('comment', invalidValue('Comment public'));
  const html = typeof raw.html_body === 'string' ? raw.html_body : null;
  const text = html === null && typeof raw.body === 'string' ? raw.body : null;
  if ((html === null ? (text ?? '').trim() : htmlToText(html)) === '') return undefined;
  return { html, text, isPublic: raw.public !== false };
}

/**
 * `custom_status_id` decides `status`: the status becomes the custom status's category
 * (support-api.md §5.1). Refused when custom statuses are off (Zendesk may ignore it instead:
 * the stricter reading, (unverified)), when unknown or inactive, and when a `status` sent with it
 * names another category (stricter, (unverified)).
 */
export function readCustomStatus(
  account: DemoAccount,
  raw: unknown,
  status: unknown,
  add: (field: string, item: DetailItem) => void,
): { id: number; category: string } | null {
  if (raw === undefined || raw === null) return null;
  if (!account.customStatusesEnabled) {
    add('custom_status_id', invalidValue('Custom status', 'cannot be set: custom ticket statuses are not enabled'));
    return null;
  }
  const custom = account.customStatuses.find((s) => s.id === raw);
  if (!custom) add('custom_status_id', invalidValue('Custom status'));
  else if (!custom.active) add('custom_status_id', invalidValue('Custom status', 'is inactive'));
  else if (typeof status === 'string' && status !== custom.status_category)
    add('status', invalidValue('Status', `does not match the custom status's category (${custom.status_category})`));
  else return { id: custom.id, category: custom.status_category };
  return null;
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
  const add = (field: string, item: DetailItem) => (details[field] ??= []).push(item);
  if (!isRecord(raw)) return { details: { ticket: [invalidValue('Ticket', 'must be an object')] } };

  const comment = readComment(raw.comment, add);
  if (!comment) add('description', blank('Description'));

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
  const groupId = readGroup(account, raw.group_id, assigneeId, add);

  const enumValue = (key: string, allowed: readonly string[], label: string): string | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      add(key, invalidValue(label, `${JSON.stringify(value)} is not a valid value`));
      return null;
    }
    return value;
  };
  const custom = readCustomStatus(account, raw.custom_status_id, raw.status, add);
  let status = enumValue('status', TICKET_STATUSES, 'Status') ?? custom?.category ?? 'new';
  let customStatusId = custom?.id ?? null;
  const priority = enumValue('priority', TICKET_PRIORITIES, 'Priority');
  const type = enumValue('type', TICKET_TYPES, 'Type');
  // Zendesk moves a new ticket that already has an assignee to open.
  if (status === 'new' && assigneeId !== null) {
    status = 'open';
    customStatusId = null;
  }

  let subject = '';
  if (raw.subject !== undefined && raw.subject !== null) {
    if (typeof raw.subject !== 'string') add('subject', invalidValue('Subject'));
    else subject = raw.subject;
  }

  const tags = readTags(raw.tags, add) ?? [];

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

  if (Object.keys(details).length > 0 || !requester || !comment) return { details };
  return {
    input: {
      subject,
      comment,
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

/** A group that exists; with an assignee, one the assignee belongs to. */
export function readGroup(
  account: DemoAccount,
  raw: unknown,
  assigneeId: number | null,
  add: (field: string, item: DetailItem) => void,
): number | null {
  if (raw === undefined || raw === null) return null;
  const group = account.groups.find((g) => g.id === raw);
  if (!group) {
    add('group', invalidValue('Group'));
    return null;
  }
  if (assigneeId !== null && !account.groupMemberships.some((m) => m.group_id === group.id && m.user_id === assigneeId))
    add('assignee', invalidValue('Assignee', 'is not a member of the group'));
  return group.id;
}

/** `tags` as an array of strings or one space-separated string; undefined when absent. */
export function readTags(raw: unknown, add: (field: string, item: DetailItem) => void): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return normaliseTags([raw]);
  if (Array.isArray(raw) && raw.every((t) => typeof t === 'string')) return normaliseTags(raw);
  add('tags', invalidValue('Tags'));
  return undefined;
}
