import type { RuleAction } from '../../zendesk/index.ts';

/**
 * What a trigger does, as kinds the UI says in plain words ("emails the customer"), most
 * important first: what customers receive matters more than what changes on the ticket.
 */
export type ActionSummary =
  | { kind: 'emails_requester' }
  | { kind: 'emails_assignee' }
  | { kind: 'emails_all_agents' }
  | { kind: 'emails_you' }
  | { kind: 'emails_someone' }
  | { kind: 'emails_group'; groupId: number | null }
  | { kind: 'calls_webhook' }
  | { kind: 'sets'; field: 'status' | 'priority' | 'type' | 'group' | 'assignee'; value: string }
  | { kind: 'changes_tags' }
  | { kind: 'adds_comment' }
  | { kind: 'other'; field: string };

const RANK: Record<ActionSummary['kind'], number> = {
  emails_requester: 0,
  emails_all_agents: 1,
  emails_group: 2,
  emails_assignee: 3,
  emails_you: 4,
  emails_someone: 5,
  calls_webhook: 6,
  adds_comment: 7,
  sets: 8,
  changes_tags: 9,
  other: 10,
};

function recipient(value: unknown): ActionSummary {
  const who = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
  if (who === 'requester_id' || who === 'requester_and_ccs') return { kind: 'emails_requester' };
  if (who === 'assignee_id') return { kind: 'emails_assignee' };
  if (who === 'all_agents') return { kind: 'emails_all_agents' };
  if (who === 'current_user') return { kind: 'emails_you' };
  return { kind: 'emails_someone' };
}

const SETS: Record<string, 'status' | 'priority' | 'type' | 'group' | 'assignee'> = {
  status: 'status',
  priority: 'priority',
  type: 'type',
  group_id: 'group',
  assignee_id: 'assignee',
};

export function summariseActions(actions: readonly RuleAction[]): ActionSummary[] {
  const out: ActionSummary[] = [];
  for (const { field, value } of actions) {
    if (field === 'notification_user') out.push(recipient(value));
    else if (field === 'notification_group') {
      const group = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
      out.push({ kind: 'emails_group', groupId: /^\d+$/.test(group) ? Number(group) : null });
    } else if (field === 'notification_webhook' || field === 'notification_target') out.push({ kind: 'calls_webhook' });
    else if (SETS[field]) out.push({ kind: 'sets', field: SETS[field], value: String(value ?? '') });
    else if (field === 'set_tags' || field === 'current_tags' || field === 'remove_tags') {
      if (!out.some((a) => a.kind === 'changes_tags')) out.push({ kind: 'changes_tags' });
    } else if (field.startsWith('comment_value')) out.push({ kind: 'adds_comment' });
    else if (field !== 'comment_mode_is_public') out.push({ kind: 'other', field });
  }
  return out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

/** Whether the trigger sends customers something: the checks panel lists these first. */
export function reachesCustomers(actions: readonly ActionSummary[]): boolean {
  return actions.some((a) => a.kind === 'emails_requester');
}
