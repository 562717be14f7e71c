import type { DemoAccount } from './account.ts';
import { htmlToText } from './comment-text.ts';
import type { JsonObject, ZendeskMacro, ZendeskTicket, ZendeskUser } from './types.ts';

/**
 * What applying a macro does, without saving anything (DOC-MACROS "Show Changes to Ticket",
 * "Show Ticket After Changes"). Actions run in order, a later one winning. Placeholders stay as
 * written: Zendesk renders them when the comment is saved (support-api.md §5.1); whether apply
 * renders them is (unverified).
 */
export interface MacroComment {
  body: string;
  /** Only when the macro writes HTML (`comment_value_html`); for plain text (unverified). */
  html_body?: string;
  public: boolean;
  scoped_body: Array<[string, string]>;
}

export interface MacroChanges {
  /** Ticket fields the macro sets (`tags` for set_tags; `additional_tags`/`remove_tags` for add/remove). */
  ticket: JsonObject;
  comment: MacroComment | null;
}

const words = (value: unknown) =>
  String(value ?? '')
    .split(/\s+/)
    .filter(Boolean);

/** A comment value is a string or `[channel, text]` (e.g. `["channel:all", "…"]`). */
function commentText(value: unknown): string {
  if (Array.isArray(value)) return String(value[value.length - 1] ?? '');
  return String(value ?? '');
}

/** `current_user` is the agent applying it; `current_groups` their default group (unverified). */
function resolveId(value: unknown, actor: ZendeskUser): number | null {
  if (value === 'current_user') return actor.id;
  if (value === 'current_groups') return actor.default_group_id;
  if (value === '' || value === null || value === undefined) return null;
  const id = Number(value);
  return Number.isFinite(id) ? id : null;
}

export function macroChanges(account: DemoAccount, macro: ZendeskMacro, actor: ZendeskUser): MacroChanges {
  const ticket: JsonObject = {};
  // Comments are public unless the macro says otherwise, as the account's default (workspace.ts settings).
  let isPublic = true;
  let text: string | null = null;
  let html: string | null = null;
  const tags = { set: null as string[] | null, add: [] as string[], remove: [] as string[] };
  for (const { field, value } of macro.actions) {
    if (field === 'comment_mode_is_public') isPublic = value === true || value === 'true';
    else if (field === 'comment_value') [text, html] = [commentText(value), null];
    else if (field === 'comment_value_html') [text, html] = [htmlToText(commentText(value)), commentText(value)];
    else if (field === 'set_tags') [tags.set, tags.add, tags.remove] = [words(value), [], []];
    else if (field === 'current_tags') tags.add.push(...words(value));
    else if (field === 'remove_tags') tags.remove.push(...words(value));
    else if (field === 'group_id' || field === 'assignee_id') ticket[field] = resolveId(value, actor);
    else if (field === 'status' || field === 'priority' || field === 'type')
      ticket[field] = value === '' ? null : value;
    else if (field === 'subject') ticket.subject = String(value);
  }
  if (tags.set) ticket.tags = tags.set.filter((t) => !tags.remove.includes(t)).concat(tags.add);
  else {
    if (tags.add.length > 0) ticket.additional_tags = tags.add;
    if (tags.remove.length > 0) ticket.remove_tags = tags.remove;
  }
  if (typeof ticket.assignee_id === 'number' && !account.usersById.has(ticket.assignee_id)) ticket.assignee_id = null;
  const comment =
    text === null
      ? null
      : {
          body: text,
          ...(html === null ? {} : { html_body: html }),
          public: isPublic,
          scoped_body: [['channel:all', text] as [string, string]],
        };
  return { ticket, comment };
}

/**
 * The ticket as it would be after the macro: its own fields with the macro's changes laid over;
 * a new status brings that category's default custom status, as an update does.
 */
export function ticketAfter(account: DemoAccount, ticket: ZendeskTicket, changes: MacroChanges): ZendeskTicket {
  const c = changes.ticket;
  const after: ZendeskTicket = { ...ticket, tags: Array.isArray(c.tags) ? c.tags.map(String) : [...ticket.tags] };
  if (Array.isArray(c.additional_tags)) {
    for (const tag of c.additional_tags.map(String)) if (!after.tags.includes(tag)) after.tags.push(tag);
  }
  if (Array.isArray(c.remove_tags)) {
    const remove = c.remove_tags.map(String);
    after.tags = after.tags.filter((t) => !remove.includes(t));
  }
  if (typeof c.subject === 'string') [after.subject, after.raw_subject] = [c.subject, c.subject];
  if (typeof c.status === 'string' && c.status !== ticket.status) {
    after.status = c.status;
    after.custom_status_id = account.defaultCustomStatusId(c.status);
  }
  if (c.priority !== undefined) after.priority = typeof c.priority === 'string' ? c.priority : null;
  if (c.type !== undefined) after.type = typeof c.type === 'string' ? c.type : null;
  if (c.group_id !== undefined) after.group_id = typeof c.group_id === 'number' ? c.group_id : null;
  if (c.assignee_id !== undefined) after.assignee_id = typeof c.assignee_id === 'number' ? c.assignee_id : null;
  return after;
}
