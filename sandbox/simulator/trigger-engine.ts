import type { DemoAccount } from './account.ts';
import { placeholderValues, renderPlaceholders } from './placeholders.ts';
import { conditionsHold } from './trigger-conditions.ts';
import { normaliseTags, setTicketStatus, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './ticket-model.ts';
import { isoTime } from './time.ts';
import type {
  JsonObject,
  StoredTicket,
  TicketComment,
  TriggerNotification,
  TriggerRun,
  ZendeskTicket,
  ZendeskTrigger,
  ZendeskUser,
} from './types.ts';

/**
 * Runs the account's triggers on a ticket that was just created or updated, as Zendesk does
 * (DOC-TRIG; HC-STDTRIG): active triggers in order (category position, then trigger position);
 * when one fires its actions change the ticket and the pass starts again from the top against the
 * changed ticket; each trigger fires at most once per update; it ends when a pass fires nothing.
 * Notifications are rendered once the ticket has settled, as the emails go out after the update.
 */
export interface TriggerUpdate {
  type: 'Create' | 'Change';
  /** The ticket before the update; null for a create. */
  previous: ZendeskTicket | null;
  currentUser: ZendeskUser;
  /** The comment the update added, if any. */
  comment: TicketComment | null;
}

export interface TriggerOutcome {
  run: TriggerRun;
  /** Audit events: a Change per field a trigger set, a Notification per email it sends. */
  events: JsonObject[];
  notifications: TriggerNotification[];
}

interface PendingNotification {
  trigger: ZendeskTrigger;
  action: string;
  value: unknown;
}

function ordered(account: DemoAccount): ZendeskTrigger[] {
  const categoryPosition = new Map(account.triggerCategories.map((c) => [c.id, c.position]));
  return account.triggers
    .filter((t) => t.active)
    .sort(
      (a, b) =>
        (categoryPosition.get(a.category_id) ?? Infinity) - (categoryPosition.get(b.category_id) ?? Infinity) ||
        a.position - b.position ||
        a.id - b.id,
    );
}

function ruleVia(trigger: ZendeskTrigger): JsonObject {
  return {
    channel: 'rule',
    source: { to: {}, from: { id: trigger.id, title: trigger.title, deleted: false, revision_id: 1 }, rel: 'trigger' },
  };
}

function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return normaliseTags(value.map(String));
  return typeof value === 'string' ? normaliseTags([value]) : [];
}

function idOrNull(value: unknown, currentUser: ZendeskUser): number | null | undefined {
  if (value === '' || value === null) return null;
  if (value === 'current_user') return currentUser.id;
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

export function runTriggers(
  account: DemoAccount,
  stored: StoredTicket,
  update: TriggerUpdate,
  at: number,
  nextEventId: () => number,
): TriggerOutcome {
  const { ticket } = stored;
  const fired: number[] = [];
  const undecidable = new Set<number>();
  const events: JsonObject[] = [];
  const pending: PendingNotification[] = [];
  const triggers = ordered(account);

  const change = (trigger: ZendeskTrigger, field: string, previous: unknown, value: unknown) => {
    if (JSON.stringify(previous) === JSON.stringify(value)) return;
    events.push({
      id: nextEventId(),
      type: 'Change',
      field_name: field,
      value,
      previous_value: previous,
      via: ruleVia(trigger),
    });
  };

  const apply = (trigger: ZendeskTrigger) => {
    for (const { field, value } of trigger.actions) {
      const before = ticket.tags;
      switch (field) {
        case 'status':
          if (typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value)) {
            change(trigger, 'status', ticket.status, value);
            setTicketStatus(stored, value, account, at);
          }
          break;
        case 'priority':
        case 'type': {
          const allowed: readonly string[] = field === 'priority' ? TICKET_PRIORITIES : TICKET_TYPES;
          const next =
            value === '' || value === null
              ? null
              : typeof value === 'string' && allowed.includes(value)
                ? value
                : undefined;
          if (next === undefined) break;
          change(trigger, field, ticket[field], next);
          ticket[field] = next;
          break;
        }
        case 'group_id': {
          const id = idOrNull(value, update.currentUser);
          if (id === undefined || (id !== null && !account.groups.some((g) => g.id === id))) break;
          change(trigger, 'group_id', ticket.group_id, id);
          ticket.group_id = id;
          break;
        }
        case 'assignee_id': {
          const id = idOrNull(value, update.currentUser);
          const user = id === null || id === undefined ? undefined : account.usersById.get(id);
          if (id === undefined || (id !== null && (!user || user.role === 'end-user'))) break;
          change(trigger, 'assignee_id', ticket.assignee_id, id);
          ticket.assignee_id = id;
          if (id !== null && ticket.status === 'new') setTicketStatus(stored, 'open', account, at);
          break;
        }
        case 'custom_status_id': {
          const custom = account.customStatuses.find((s) => s.id === Number(value) && s.active);
          if (!custom || !account.customStatusesEnabled) break;
          change(trigger, 'custom_status_id', ticket.custom_status_id, custom.id);
          setTicketStatus(stored, custom.status_category, account, at, custom.id);
          break;
        }
        case 'subject':
          if (typeof value === 'string') {
            change(trigger, 'subject', ticket.subject, value);
            ticket.subject = value;
            ticket.raw_subject = value;
          }
          break;
        case 'set_tags':
          ticket.tags = tagList(value);
          change(trigger, 'tags', before, ticket.tags);
          break;
        case 'current_tags':
          ticket.tags = normaliseTags([...ticket.tags, ...tagList(value)]);
          change(trigger, 'tags', before, ticket.tags);
          break;
        case 'remove_tags': {
          const removing = new Set(tagList(value));
          ticket.tags = ticket.tags.filter((t) => !removing.has(t));
          change(trigger, 'tags', before, ticket.tags);
          break;
        }
        case 'notification_user':
        case 'notification_group':
        case 'notification_webhook':
        case 'notification_target':
          pending.push({ trigger, action: field, value });
          break;
        // Other actions (comments, CCs, forms, satisfaction…) are not modelled; the trigger still fires.
      }
    }
  };

  const context = () => ({
    account,
    ticket,
    previous: update.previous,
    updateType: update.type,
    currentUser: update.currentUser,
    comment: update.comment,
  });
  for (let pass = 0; pass <= triggers.length; pass++) {
    const next = triggers.find((trigger) => {
      if (fired.includes(trigger.id)) return false;
      const holds = conditionsHold(trigger.conditions, context());
      if (holds === 'unknown') undecidable.add(trigger.id);
      return holds === true;
    });
    if (!next) break;
    fired.push(next.id);
    apply(next);
  }
  if (fired.length > 0) ticket.updated_at = isoTime(at);

  const notifications = pending.map((p, i) =>
    notify(account, stored, p, update.currentUser, at, account.notifications.length + i + 1),
  );
  notifications.forEach((n, i) => {
    const trigger = pending[i]?.trigger;
    if (!trigger) return;
    events.push({
      id: nextEventId(),
      type: 'Notification',
      subject: n.subject,
      body: n.body,
      recipients: n.recipients.map((r) => r.id),
      via: ruleVia(trigger),
    });
  });
  account.notifications.push(...notifications);
  const run: TriggerRun = { at: isoTime(at), update_type: update.type, fired, undecidable: [...undecidable] };
  (stored.triggerRuns ??= []).push(run);
  return { run, events, notifications };
}

/** Who an action's recipient value names; only users an email could reach are kept. */
function recipientsOf(
  account: DemoAccount,
  ticket: ZendeskTicket,
  action: string,
  target: string,
  currentUser: ZendeskUser,
): ZendeskUser[] {
  const user = (id: number | null) => (id === null ? undefined : account.usersById.get(id));
  let users: Array<ZendeskUser | undefined> = [];
  if (action === 'notification_user') {
    const byTarget: Record<string, () => Array<ZendeskUser | undefined>> = {
      requester_id: () => [user(ticket.requester_id)],
      requester_and_ccs: () => [user(ticket.requester_id), ...ticket.email_cc_ids.map(user)],
      assignee_id: () => [user(ticket.assignee_id)],
      current_user: () => [currentUser],
      // "All non-restricted agents" (HC-STDTRIG).
      all_agents: () => account.users.filter((u) => u.role !== 'end-user' && !u.restricted_agent),
    };
    users = byTarget[target]?.() ?? [user(Number(target))];
  } else if (action === 'notification_group') {
    const groupId = target === 'group_id' ? ticket.group_id : Number(target);
    users = account.groupMemberships.filter((m) => m.group_id === groupId).map((m) => user(m.user_id));
  }
  const seen = new Set<number>();
  return users.filter((u): u is ZendeskUser => {
    if (!u || !u.active || u.suspended || !u.email || seen.has(u.id)) return false;
    seen.add(u.id);
    return true;
  });
}

function notify(
  account: DemoAccount,
  stored: StoredTicket,
  pending: PendingNotification,
  currentUser: ZendeskUser,
  at: number,
  id: number,
): TriggerNotification {
  const parts = Array.isArray(pending.value)
    ? pending.value.map((v) => (v === null ? '' : String(v)))
    : [String(pending.value ?? '')];
  const email = pending.action === 'notification_user' || pending.action === 'notification_group';
  const [target = '', first = '', second = ''] = parts;
  const values = parts.some((p) => p.includes('{{'))
    ? placeholderValues({ account, ticket: stored.ticket, currentUser, comments: stored.comments ?? [] })
    : new Map<string, string>();
  const render = (text: string) => renderPlaceholders(text, values, 'text');
  return {
    id,
    created_at: isoTime(at),
    ticket_id: stored.ticket.id,
    trigger_id: pending.trigger.id,
    trigger_title: pending.trigger.title,
    action: pending.action,
    recipient: target,
    recipients: recipientsOf(account, stored.ticket, pending.action, target, currentUser).map((u) => ({
      id: u.id,
      email: u.email ?? '',
      role: u.role,
    })),
    // Webhooks and targets take [id, body]; emails [recipient, subject, body].
    subject: email ? render(first) : '',
    body: render(email ? second : first),
  };
}
