import { recordUrl, type DemoAccount } from '../account.ts';
import { DEMO_IDENTITIES } from './people.ts';
import { DAY_MS, isoTime } from '../time.ts';
import type { ZendeskGroup, ZendeskMacro } from '../types.ts';

type Action = { field: string; value: unknown };
interface MacroSeed {
  title: string;
  description: string;
  actions: Action[];
  restriction?: ZendeskMacro['restriction'];
  active?: boolean;
}

/**
 * Shared macros the compose step can start from, one for each thing a macro sets (subject,
 * comment, internal note, status, priority, type, group, assignee, tags), plus a group macro, a
 * personal macro for the demo agent and one for the owner, and an inactive one.
 */
function macroSeeds(account: DemoAccount): MacroSeed[] {
  const [, success, billing] = account.groups;
  const group = (g: ZendeskGroup | undefined) => String(g?.id ?? '');
  const agent = account.usersByEmail.get(DEMO_IDENTITIES.agent);
  const personal = (id: number | undefined) => (id === undefined ? null : { type: 'User', id });
  return [
    {
      title: 'Renewal reminder',
      description: 'Friendly reminder ahead of a plan renewal',
      actions: [
        {
          field: 'comment_value_html',
          value:
            '<p>Hi {{ticket.requester.first_name}},</p><p>Your plan renews soon. Reply to this email if you have any questions.</p>',
        },
        { field: 'status', value: 'pending' },
      ],
    },
    {
      title: 'Welcome aboard',
      description: 'Onboarding welcome',
      actions: [
        { field: 'comment_value', value: 'Welcome {{ticket.requester.first_name}}! Here is how to get started.' },
        { field: 'group_id', value: group(success) },
      ],
    },
    {
      title: 'Planned maintenance notice',
      description: 'Outage / maintenance heads-up',
      actions: [
        { field: 'subject', value: 'Planned maintenance this weekend' },
        { field: 'comment_value', value: 'We will perform planned maintenance this weekend.' },
        { field: 'priority', value: 'normal' },
        { field: 'type', value: 'task' },
      ],
    },
    {
      title: 'Invoice follow-up',
      description: 'Billing follow-up',
      actions: [
        { field: 'comment_value', value: 'We noticed an open invoice on your account.' },
        { field: 'group_id', value: group(billing) },
        { field: 'set_tags', value: 'billing_follow_up' },
      ],
    },
    {
      title: 'Close and thank',
      description: 'Close the ticket politely',
      actions: [
        { field: 'comment_value', value: 'Thanks for reaching out! We are closing this ticket.' },
        { field: 'status', value: 'solved' },
      ],
    },
    {
      title: 'Internal note: proactive outreach',
      description: 'Leaves a private note for the team, not the customer',
      actions: [
        { field: 'comment_value', value: 'Proactive outreach: no reply expected unless the customer writes back.' },
        { field: 'comment_mode_is_public', value: 'false' },
      ],
    },
    {
      title: 'Tag as proactive outreach',
      description: 'Adds the outreach tag and clears the triage one',
      actions: [
        { field: 'current_tags', value: 'proactive_outreach' },
        { field: 'remove_tags', value: 'needs_triage' },
      ],
    },
    {
      title: 'Take it',
      description: 'Assign to yourself and open',
      actions: [
        { field: 'assignee_id', value: 'current_user' },
        { field: 'status', value: 'open' },
      ],
    },
    {
      title: 'Escalate to Billing',
      description: 'Billing team only',
      restriction: billing ? { type: 'Group', id: billing.id, ids: [billing.id] } : null,
      actions: [
        { field: 'group_id', value: group(billing) },
        { field: 'priority', value: 'high' },
        { field: 'comment_value', value: 'Escalated to Billing; we will get back to you within a day.' },
      ],
    },
    {
      title: 'My check-in reply',
      description: "Jordan's personal check-in",
      restriction: personal(agent?.id),
      actions: [{ field: 'comment_value', value: 'Hi {{ticket.requester.first_name}}, just checking in. Jordan' }],
    },
    {
      title: 'Quarterly business review invite',
      description: "The owner's personal macro",
      restriction: personal(account.owner.id),
      actions: [
        { field: 'comment_value', value: 'Shall we book our quarterly business review?' },
        { field: 'group_id', value: group(success) },
      ],
    },
    {
      title: 'Holiday opening hours (retired)',
      description: 'Last year’s notice, kept for reference',
      active: false,
      actions: [{ field: 'comment_value', value: 'We are closed over the holidays.' }],
    },
  ];
}

export function seedMacros(account: DemoAccount, now: number): void {
  const at = isoTime(now - 300 * DAY_MS);
  macroSeeds(account).forEach((seed, index) => {
    const id = 360_400 + index + 1;
    account.macros.push({
      id,
      url: recordUrl(`macros/${id}`),
      title: seed.title,
      raw_title: seed.title,
      description: seed.description,
      active: seed.active ?? true,
      position: index + 1,
      default: false,
      restriction: seed.restriction ?? null,
      actions: seed.actions,
      created_at: at,
      updated_at: at,
    });
  });
}
