import type { DemoAccount } from './account.ts';
import type { CustomField } from './types.ts';

/**
 * GET /triggers/definitions: per account, the conditions and actions a trigger may use, with
 * titles, types, operators and allowed values (DOC-TRIG; shape from the OpenAPI example:
 * `subject`, `title`, `type`, `group`, `nullable`, `repeatable`, `operators[{value,title,terminal}]`,
 * `values[{value,title,enabled}]`). Which subjects Zendesk lists is wider than this; the simulator
 * lists the ones support-api.md §8 names and refuses the rest on create (stricter). Titles of
 * values and operators follow Zendesk's UI where known, otherwise (unverified).
 */
export interface DefinitionOperator {
  value: string;
  title: string;
  terminal: boolean;
}

export interface DefinitionValue {
  value: string;
  title: string;
  enabled: boolean;
}

export interface ConditionDefinition {
  subject: string;
  title: string;
  type: 'list' | 'text' | 'tags' | 'autocomplete' | 'checkbox' | 'date' | 'number';
  group: 'ticket' | 'requester' | 'organization' | 'other';
  nullable: boolean;
  repeatable: boolean;
  operators: DefinitionOperator[];
  values?: DefinitionValue[];
}

export type ActionDefinition = Omit<ConditionDefinition, 'operators' | 'type'> & {
  type: ConditionDefinition['type'] | 'notification';
};

export interface TriggerDefinitions {
  conditions_all: ConditionDefinition[];
  conditions_any: ConditionDefinition[];
  actions: ActionDefinition[];
}

const op = (value: string, title: string, terminal = false): DefinitionOperator => ({ value, title, terminal });
const val = (value: string, title: string): DefinitionValue => ({ value, title, enabled: true });

const IS = [op('is', 'Is'), op('is_not', 'Is not')];
/** The change operators, spelled as the OpenAPI example spells them. */
const CHANGES = [
  op('changed', 'Changed', true),
  op('value', 'Changed to'),
  op('value_previous', 'Changed from'),
  op('not_changed', 'Not changed', true),
  op('not_value', 'Not changed to'),
  op('not_value_previous', 'Not changed from'),
];
const ORDERED = [...IS, op('less_than', 'Less than'), op('greater_than', 'Greater than'), ...CHANGES];
const PRESENCE = [op('present', 'Present', true), op('not_present', 'Not present', true)];

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const TYPES = ['question', 'incident', 'problem', 'task'];
const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** "-" is the empty choice of a nullable list (`priority is ""`, as the seeded triggers use it). */
const NONE = val('', '-');

/** Channel ids for `via_id`: API = 5 per support-api.md §8, the rest (unverified), as trigger-conditions.ts. */
const CHANNELS = [val('0', 'Web form'), val('4', 'Email'), val('5', 'Web service (API)'), val('29', 'Chat')];

function list(
  subject: string,
  label: string,
  operators: DefinitionOperator[],
  values: DefinitionValue[],
  extra: Partial<ConditionDefinition> = {},
): ConditionDefinition {
  return {
    subject,
    title: label,
    type: 'list',
    group: 'ticket',
    nullable: false,
    repeatable: false,
    operators,
    values,
    ...extra,
  };
}

/** `requester.custom_fields.<key>` / `organization.custom_fields.<key>` conditions (GO-ZD), by field type. */
function customFieldCondition(scope: 'requester' | 'organization', field: CustomField): ConditionDefinition {
  const subject = `${scope}.custom_fields.${field.key}`;
  const base = { subject, title: field.title, group: scope, nullable: true, repeatable: false } as const;
  const options = (field.custom_field_options ?? []).map((o) => val(o.value, o.name));
  const byType: Record<CustomField['type'], Pick<ConditionDefinition, 'type' | 'operators' | 'values'>> = {
    dropdown: { type: 'list', operators: [...IS, ...PRESENCE], values: options },
    multiselect: {
      type: 'list',
      operators: [op('includes', 'Includes'), op('not_includes', 'Does not include'), ...PRESENCE],
      values: options,
    },
    checkbox: {
      type: 'checkbox',
      operators: [op('is', 'Is')],
      values: [val('true', 'Checked'), val('false', 'Unchecked')],
    },
    text: { type: 'text', operators: [...IS, ...PRESENCE] },
    textarea: { type: 'text', operators: [...IS, ...PRESENCE] },
    regexp: { type: 'text', operators: [...IS, ...PRESENCE] },
    integer: {
      type: 'number',
      operators: [...IS, op('less_than', 'Less than'), op('greater_than', 'Greater than'), ...PRESENCE],
    },
    decimal: {
      type: 'number',
      operators: [...IS, op('less_than', 'Less than'), op('greater_than', 'Greater than'), ...PRESENCE],
    },
    date: { type: 'date', operators: [...IS, op('less_than', 'Before'), op('greater_than', 'After'), ...PRESENCE] },
  };
  return { ...base, ...byType[field.type] };
}

function conditions(account: DemoAccount): ConditionDefinition[] {
  const agents = account.users.filter((u) => u.role !== 'end-user' && u.active);
  const agentValues = agents.map((u) => val(String(u.id), u.name));
  const groupValues = account.groups.filter((g) => !g.deleted).map((g) => val(String(g.id), g.name));
  const activeStatuses = account.customStatuses.filter((s) => s.active).map((s) => val(String(s.id), s.agent_label));
  const words = [
    op('includes', 'Contains at least one of the following words'),
    op('not_includes', 'Contains none of the following words'),
    op('is', 'Contains the following string'),
    op('is_not', 'Does not contain the following string'),
  ];
  return [
    list('update_type', 'Ticket', [op('is', 'Is')], [val('Create', 'Created'), val('Change', 'Updated')]),
    list(
      'status',
      'Status',
      ORDERED,
      STATUSES.map((s) => val(s, title(s))),
    ),
    list(
      'custom_status_id',
      'Ticket status',
      [op('includes', 'Includes'), op('not_includes', 'Does not include'), ...CHANGES],
      activeStatuses,
    ),
    list('priority', 'Priority', ORDERED, [NONE, ...PRIORITIES.map((p) => val(p, title(p)))], { nullable: true }),
    list('type', 'Type', [...IS, ...CHANGES], [NONE, ...TYPES.map((t) => val(t, title(t)))], { nullable: true }),
    list('group_id', 'Group', [...IS, ...CHANGES], [NONE, ...groupValues], { nullable: true }),
    list(
      'assignee_id',
      'Assignee',
      [...IS, ...CHANGES],
      [NONE, val('current_user', '(current user)'), val('requester_id', '(requester)'), ...agentValues],
      { nullable: true },
    ),
    // Any user or organization may be named, so these are autocompletes without a value list (unverified).
    {
      subject: 'requester_id',
      title: 'Requester',
      type: 'autocomplete',
      group: 'ticket',
      nullable: false,
      repeatable: false,
      operators: [...IS, ...CHANGES],
    },
    {
      subject: 'organization_id',
      title: 'Organization',
      type: 'autocomplete',
      group: 'ticket',
      nullable: true,
      repeatable: false,
      operators: [...IS, ...CHANGES],
    },
    {
      subject: 'current_tags',
      title: 'Tags',
      type: 'tags',
      group: 'ticket',
      nullable: false,
      repeatable: true,
      operators: [
        op('includes', 'Contains at least one of the following'),
        op('not_includes', 'Contains none of the following'),
      ],
    },
    list(
      'comment_is_public',
      'Comment',
      [op('is', 'Is')],
      [
        val('true', 'Public'),
        val('false', 'Private'),
        val('not_relevant', 'Present (public or private)'),
        val('requester_can_see_comment', 'Present, and requester can see comment'),
      ],
    ),
    list(
      'ticket_is_public',
      'Privacy',
      [op('is', 'Is')],
      [val('public', 'Ticket has public comments'), val('private', 'Ticket has no public comments')],
    ),
    list('role', 'Current user', IS, [val('end_user', '(end user)'), val('agent', '(agent)')], { group: 'other' }),
    list(
      'requester_role',
      'Requester role',
      IS,
      [val('end_user', 'End user'), val('agent', 'Agent'), val('admin', 'Admin')],
      { group: 'requester' },
    ),
    list('via_id', 'Channel', IS, CHANNELS),
    list('current_via_id', 'Update via', IS, CHANNELS),
    {
      subject: 'subject_includes_word',
      title: 'Subject text',
      type: 'text',
      group: 'ticket',
      nullable: false,
      repeatable: true,
      operators: words,
    },
    {
      subject: 'comment_includes_word',
      title: 'Comment text',
      type: 'text',
      group: 'ticket',
      nullable: false,
      repeatable: true,
      operators: words,
    },
    ...account.userFields.filter((f) => f.active).map((f) => customFieldCondition('requester', f)),
    ...account.organizationFields.filter((f) => f.active).map((f) => customFieldCondition('organization', f)),
  ];
}

function actions(account: DemoAccount): ActionDefinition[] {
  const agentValues = account.users
    .filter((u) => u.role !== 'end-user' && u.active)
    .map((u) => val(String(u.id), u.name));
  const groupValues = account.groups.filter((g) => !g.deleted).map((g) => val(String(g.id), g.name));
  const action = (
    subject: string,
    label: string,
    type: ActionDefinition['type'],
    values?: DefinitionValue[],
    extra: Partial<ActionDefinition> = {},
  ): ActionDefinition => ({
    subject,
    title: label,
    type,
    group: 'ticket',
    nullable: false,
    repeatable: false,
    ...(values ? { values } : {}),
    ...extra,
  });
  return [
    // A trigger cannot set a ticket back to New (the OpenAPI example lists open…closed).
    action(
      'status',
      'Status',
      'list',
      STATUSES.filter((s) => s !== 'new').map((s) => val(s, title(s))),
    ),
    action(
      'priority',
      'Priority',
      'list',
      PRIORITIES.map((p) => val(p, title(p))),
    ),
    action(
      'type',
      'Type',
      'list',
      TYPES.map((t) => val(t, title(t))),
    ),
    action('group_id', 'Group', 'list', [NONE, ...groupValues], { nullable: true }),
    action('assignee_id', 'Assignee', 'list', [NONE, val('current_user', '(current user)'), ...agentValues], {
      nullable: true,
    }),
    action('set_tags', 'Set tags', 'tags'),
    action('current_tags', 'Add tags', 'tags', undefined, { repeatable: true }),
    action('remove_tags', 'Remove tags', 'tags', undefined, { repeatable: true }),
    // [recipient, subject, body] (support-api.md §8).
    action(
      'notification_user',
      'Email user',
      'notification',
      [
        val('requester_id', '(requester)'),
        val('requester_and_ccs', '(requester and CCs)'),
        val('assignee_id', '(assignee)'),
        val('current_user', '(current user)'),
        val('all_agents', '(all non-restricted agents)'),
        ...agentValues,
      ],
      { group: 'other', repeatable: true },
    ),
    action('notification_group', 'Email group', 'notification', [val('group_id', '(assigned group)'), ...groupValues], {
      group: 'other',
      repeatable: true,
    }),
    // [webhook id, body]; which webhooks exist is not modelled, so any id passes (unverified).
    action('notification_webhook', 'Notify by webhook', 'notification', undefined, {
      group: 'other',
      repeatable: true,
    }),
  ];
}

export function triggerDefinitions(account: DemoAccount): TriggerDefinitions {
  const all = conditions(account);
  // Zendesk offers the same conditions under "any" (unverified); the OpenAPI example's any list is a subset.
  return { conditions_all: all, conditions_any: all, actions: actions(account) };
}
