import type { DemoAccount } from './account.ts';
import { escapeHtml } from './comment-text.ts';
import type { Plan, TicketComment, ZendeskTicket, ZendeskUser } from './types.ts';

/**
 * Zendesk placeholders (Help Center "Zendesk placeholders reference"): rendered in a comment an
 * agent writes and in trigger notifications; an unknown one is stripped, `\{{` escapes
 * (support-api.md §5.1). Display forms (capitalised status, "Web Service", the date format, the
 * URL shapes) follow that reference's descriptions; their exact text is (unverified).
 */

/** "The Zendesk account name" (not the subdomain). */
export const DEMO_ACCOUNT_NAME = 'Proactive Demo';

/** What a placeholder can read: the ticket as it stands, who is writing, the comments so far. */
export interface PlaceholderScope {
  account: DemoAccount;
  ticket: ZendeskTicket;
  currentUser: ZendeskUser;
  /** The ticket's comments before the one being written (empty while the first is written). */
  comments: readonly TicketComment[];
}

const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
};
const VIA_LABELS: Record<string, string> = {
  api: 'Web Service',
  email: 'Email',
  web: 'Web Form',
  chat: 'Chat',
};
/** Satisfaction ratings come with Professional and Enterprise (and Suite Growth up); (unverified) per plan. */
const CSAT_PLANS: readonly Plan[] = ['growth', 'professional', 'enterprise', 'high_volume'];

function capitalise(value: string | null): string {
  return value ? value.charAt(0).toUpperCase() + value.slice(1) : '';
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "May 18, 2014", as the reference shows dates. */
function longDate(iso: string | null): string {
  return iso ? DATE_FORMAT.format(new Date(iso)) : '';
}

function language(locale: string): string {
  const code = locale.split('-')[0] ?? locale;
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

function userValues(prefix: string, user: ZendeskUser | undefined, out: Map<string, string>): void {
  const words = (user?.name ?? '').trim().split(/\s+/).filter(Boolean);
  const set = (key: string, value: string | null | undefined) => out.set(`${prefix}.${key}`, value ?? '');
  set('name', user?.name);
  set('first_name', words[0]);
  set('last_name', words.length > 1 ? words[words.length - 1] : '');
  set('email', user?.email);
  set('phone', user?.phone);
  set('language', user ? language(user.locale) : '');
  set('external_id', user?.external_id);
  set('details', user?.details);
  set('notes', user?.notes);
  set('id', user ? String(user.id) : '');
}

function commentValues(comments: readonly TicketComment[], out: Map<string, string>): void {
  const latest = comments[comments.length - 1];
  const latestPublic = [...comments].reverse().find((c) => c.public);
  out.set('ticket.latest_comment', latest?.plain_body ?? '');
  out.set('ticket.latest_comment_html', latest?.html_body ?? '');
  out.set('ticket.latest_public_comment', latestPublic?.plain_body ?? '');
  out.set('ticket.latest_public_comment_html', latestPublic?.html_body ?? '');
}

function satisfactionValues(scope: PlaceholderScope, link: string, out: Map<string, string>): void {
  if (!CSAT_PLANS.includes(scope.account.plan)) return;
  const rating = `${link}/satisfaction`;
  out.set('satisfaction.rating_url', rating);
  out.set('satisfaction.positive_rating_url', `${rating}/good`);
  out.set('satisfaction.negative_rating_url', `${rating}/bad`);
  out.set('satisfaction.current_rating', 'Unoffered');
  out.set('satisfaction.current_comment', '');
  out.set(
    'satisfaction.rating_section',
    `How would you rate the support you received?\n\nGood, I'm satisfied\n${rating}/good\n\nBad, I'm unsatisfied\n${rating}/bad`,
  );
}

/** Every placeholder this ticket has a value for (HTML-safe escaping happens when rendering). */
export function placeholderValues(scope: PlaceholderScope): Map<string, string> {
  const { account, ticket } = scope;
  const out = new Map<string, string>();
  const host = `${account.subdomain}.zendesk.com`;
  const link = `https://${host}/agent/tickets/${ticket.id}`;
  const organization =
    ticket.organization_id === null ? undefined : account.organizationsById.get(ticket.organization_id);
  const group = ticket.group_id === null ? undefined : account.groups.find((g) => g.id === ticket.group_id);
  const first = scope.comments[0];
  const entries: Array<[string, string | null | undefined]> = [
    ['ticket.id', String(ticket.id)],
    ['ticket.title', ticket.subject],
    ['ticket.description', first?.plain_body],
    ['ticket.url', `${host}/agent/tickets/${ticket.id}`],
    ['ticket.link', link],
    ['ticket.status', STATUS_LABELS[ticket.status]],
    ['ticket.priority', capitalise(ticket.priority)],
    ['ticket.ticket_type', capitalise(ticket.type)],
    ['ticket.via', VIA_LABELS[ticket.via.channel] ?? capitalise(ticket.via.channel)],
    ['ticket.tags', ticket.tags.join(' ')],
    ['ticket.due_date', longDate(ticket.due_at)],
    ['ticket.created_at', longDate(ticket.created_at)],
    ['ticket.updated_at', longDate(ticket.updated_at)],
    ['ticket.created_at_with_timestamp', ticket.created_at],
    ['ticket.updated_at_with_timestamp', ticket.updated_at],
    ['ticket.external_id', ticket.external_id],
    ['ticket.account', DEMO_ACCOUNT_NAME],
    ['ticket.brand.name', DEMO_ACCOUNT_NAME],
    ['ticket.group.name', group?.name],
    ['ticket.organization.name', organization?.name],
    ['ticket.organization.details', organization?.details],
    ['ticket.organization.notes', organization?.notes],
    ['ticket.organization.external_id', organization?.external_id],
  ];
  for (const [key, value] of entries) out.set(key, value ?? '');
  const user = (id: number | null) => (id === null ? undefined : account.usersById.get(id));
  userValues('ticket.requester', user(ticket.requester_id), out);
  userValues('ticket.assignee', user(ticket.assignee_id), out);
  userValues('ticket.submitter', user(ticket.submitter_id), out);
  userValues('current_user', scope.currentUser, out);
  commentValues(scope.comments, out);
  satisfactionValues(scope, link, out);
  return out;
}

const PLACEHOLDER = /(\\)?\{\{\s*([^{}]+?)\s*\}\}/g;

/**
 * Replaces `{{name}}` in `text`. In HTML, values are escaped (a requester called `<b>` stays
 * text), except the `_html` comment placeholders, which are HTML already.
 */
export function renderPlaceholders(text: string, values: Map<string, string>, format: 'text' | 'html'): string {
  return text.replace(PLACEHOLDER, (whole, escaped: string | undefined, name: string) => {
    if (escaped) return whole.slice(1);
    const value = values.get(name) ?? '';
    return format === 'html' && !name.endsWith('_html') ? escapeHtml(value) : value;
  });
}
