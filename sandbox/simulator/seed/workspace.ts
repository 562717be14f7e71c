import { recordUrl, type DemoAccount } from '../account.ts';
import { DAY_MS, isoTime } from '../time.ts';
import type { CustomStatus, RuleCondition } from '../types.ts';

const GROUPS = [
  ['Support', 'Front-line support', true],
  ['Customer Success', 'Renewals and onboarding', false],
  ['Billing', 'Invoices and payments', false],
] as const;

export function seedGroups(account: DemoAccount, now: number): void {
  const at = isoTime(now - 800 * DAY_MS);
  GROUPS.forEach(([name, description, isDefault], index) => {
    const id = 360_200 + index + 1;
    account.groups.push({
      id,
      url: recordUrl(`groups/${id}`),
      name,
      description,
      default: isDefault,
      deleted: false,
      is_public: true,
      created_at: at,
      updated_at: at,
    });
  });
  const staff = account.users.filter((u) => u.role !== 'end-user');
  let membershipId = 360_300;
  staff.forEach((user, index) => {
    // Everyone is in Support; the rest spread over the other two groups; admins are in all.
    const groups = user.role === 'admin' ? account.groups : [account.groups[0], account.groups[1 + (index % 2)]];
    groups.forEach((group, position) => {
      if (!group) return;
      const id = ++membershipId;
      account.groupMemberships.push({
        id,
        url: recordUrl(`group_memberships/${id}`),
        user_id: user.id,
        group_id: group.id,
        default: position === 0,
        created_at: at,
        updated_at: at,
      });
    });
    user.default_group_id = account.groups[0]?.id ?? null;
  });
}

/** The standard triggers of support-api.md §8.1, as an account created today has them. */
export function seedTriggers(account: DemoAccount, now: number): void {
  const at = isoTime(now - 800 * DAY_MS);
  const categoryId = String(account.nextId('category'));
  account.triggerCategories.push({
    id: categoryId,
    name: 'Notifications',
    position: 0,
    created_at: at,
    updated_at: at,
  });
  const c = (field: string, operator: string, value: unknown): RuleCondition => ({ field, operator, value });
  const triggers: Array<[string, boolean, RuleCondition[], RuleCondition[], Array<{ field: string; value: unknown }>]> =
    [
      [
        'Notify requester of new proactive ticket',
        true,
        [c('update_type', 'is', 'Create'), c('comment_is_public', 'is', 'true'), c('role', 'is', 'agent')],
        [],
        [
          {
            field: 'notification_user',
            value: ['requester_and_ccs', '{{ticket.title}}', '{{ticket.latest_public_comment_html}}'],
          },
        ],
      ],
      [
        'Notify requester and CCs of received request',
        true,
        [c('update_type', 'is', 'Create'), c('role', 'is', 'end_user')],
        [],
        [
          {
            field: 'notification_user',
            value: [
              'requester_and_ccs',
              '[{{ticket.account}}] Re: {{ticket.title}}',
              'Your request ({{ticket.id}}) has been received.',
            ],
          },
        ],
      ],
      [
        'Notify all agents of received request',
        true,
        [c('update_type', 'is', 'Create')],
        [],
        [
          {
            field: 'notification_user',
            value: [
              'all_agents',
              '[{{ticket.account}}] {{ticket.title}}',
              'A ticket (#{{ticket.id}}) by {{ticket.requester.name}} has been received.',
            ],
          },
        ],
      ],
      [
        'Notify assignee of assignment',
        true,
        [c('assignee_id', 'changed', null), c('assignee_id', 'is_not', 'current_user')],
        [],
        [
          {
            field: 'notification_user',
            value: ['assignee_id', 'Assignment: {{ticket.title}}', 'You have been assigned ticket #{{ticket.id}}.'],
          },
        ],
      ],
      [
        'Notify group of assignment',
        true,
        [c('group_id', 'changed', null), c('assignee_id', 'is', '')],
        [],
        [
          {
            field: 'notification_group',
            value: [
              'group_id',
              'Group assignment: {{ticket.title}}',
              'Ticket #{{ticket.id}} is assigned to your group.',
            ],
          },
        ],
      ],
      [
        'Set tickets with no priority to normal',
        true,
        [c('update_type', 'is', 'Create'), c('priority', 'is', '')],
        [],
        [{ field: 'priority', value: 'normal' }],
      ],
      [
        'Auto-reply with articles (legacy)',
        false,
        [c('update_type', 'is', 'Create'), c('role', 'is', 'end_user')],
        [],
        [{ field: 'notification_user', value: ['requester_id', 'Re: {{ticket.title}}', 'Maybe these articles help.'] }],
      ],
    ];
  for (const [title, active, all, any, actions] of triggers) {
    account.addTrigger(
      { title, description: null, active, category_id: categoryId, conditions: { all, any }, actions },
      at,
    );
  }
}

export function seedCustomStatuses(account: DemoAccount, now: number): void {
  const at = isoTime(now - 800 * DAY_MS);
  // The last one is inactive: Zendesk refuses it on a ticket (ticket-model.ts readCustomStatus).
  const statuses: Array<[CustomStatus['status_category'], string, string, boolean, boolean]> = [
    ['new', 'New', 'Open', true, true],
    ['open', 'Open', 'Open', true, true],
    ['pending', 'Pending', 'Awaiting your reply', true, true],
    ['pending', 'Waiting on customer renewal', 'Awaiting your reply', false, true],
    ['hold', 'On-hold', 'Open', true, true],
    ['solved', 'Solved', 'Solved', true, true],
    ['open', 'Escalated to legal (retired)', 'Open', false, false],
  ];
  statuses.forEach(([category, agentLabel, endUserLabel, isDefault, active], index) => {
    const id = 360_500 + index + 1;
    account.customStatuses.push({
      id,
      url: recordUrl(`custom_statuses/${id}`),
      status_category: category,
      agent_label: agentLabel,
      raw_agent_label: agentLabel,
      end_user_label: endUserLabel,
      raw_end_user_label: endUserLabel,
      description: '',
      raw_description: '',
      end_user_description: '',
      raw_end_user_description: '',
      active,
      default: isDefault,
      created_at: at,
      updated_at: at,
    });
  });
}
