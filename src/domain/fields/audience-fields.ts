import type { CustomField } from '../../zendesk/index.ts';

/**
 * What an audience condition can look at: built-in user attributes and every active custom user
 * or organization field of the account. The kind decides the operators and the input the screen
 * shows; the search keyword is what Zendesk search calls it (a custom field's key).
 */
export type FieldKind =
  | 'choice'
  | 'multichoice'
  | 'checkbox'
  | 'date'
  | 'timestamp'
  | 'number'
  | 'text'
  | 'tags'
  | 'role'
  | 'organization'
  | 'email_domain'
  | 'locale'
  | 'time_zone';

export const BUILT_IN_ATTRIBUTES = [
  'role',
  'tags',
  'organization',
  'email_domain',
  'locale',
  'time_zone',
  'created_at',
] as const;
export type BuiltInAttribute = (typeof BUILT_IN_ATTRIBUTES)[number];

export type FieldRef =
  { scope: 'builtin'; key: BuiltInAttribute } | { scope: 'user'; key: string } | { scope: 'organization'; key: string };

export interface FieldOption {
  /** What Zendesk stores and search matches (a drop-down option's tag). */
  value: string;
  /** What agents see. */
  label: string;
}

export interface AudienceField {
  ref: FieldRef;
  /** `user:plan_renewal_date`, `organization:account_type`, `builtin:role`: unique, stable across reloads. */
  id: string;
  kind: FieldKind;
  /** The account's own title for custom fields; built-ins are named by the UI in the agent's language. */
  title: string | null;
  options: readonly FieldOption[];
  /** Integer fields take whole numbers only. */
  integer: boolean;
}

export function fieldId(ref: FieldRef): string {
  return `${ref.scope}:${ref.key}`;
}

const BUILT_IN_KINDS: Record<BuiltInAttribute, FieldKind> = {
  role: 'role',
  tags: 'tags',
  organization: 'organization',
  email_domain: 'email_domain',
  locale: 'locale',
  time_zone: 'time_zone',
  created_at: 'timestamp',
};

export const ROLE_OPTIONS: readonly FieldOption[] = [
  { value: 'end-user', label: 'end-user' },
  { value: 'agent', label: 'agent' },
  { value: 'admin', label: 'admin' },
];

/** Zendesk field types and the kind of condition they allow; lookup fields are not searchable or comparable. */
const CUSTOM_KINDS: Record<string, FieldKind | undefined> = {
  dropdown: 'choice',
  tagger: 'choice',
  multiselect: 'multichoice',
  checkbox: 'checkbox',
  date: 'date',
  integer: 'number',
  decimal: 'number',
  text: 'text',
  textarea: 'text',
  regexp: 'text',
};

function customField(scope: 'user' | 'organization', field: CustomField): AudienceField | undefined {
  const kind = CUSTOM_KINDS[field.type];
  if (kind === undefined || !field.active) return undefined;
  const ref: FieldRef = { scope, key: field.key };
  return {
    ref,
    id: fieldId(ref),
    kind,
    title: field.title,
    options: (field.custom_field_options ?? []).map((option) => ({ value: option.value, label: option.name })),
    integer: field.type === 'integer',
  };
}

/** Every field an audience may use in this account, built-ins first, then Zendesk's own field order. */
export class FieldCatalog {
  readonly fields: readonly AudienceField[];
  private readonly byId: ReadonlyMap<string, AudienceField>;

  constructor(userFields: readonly CustomField[], organizationFields: readonly CustomField[]) {
    const builtIns = BUILT_IN_ATTRIBUTES.map((key): AudienceField => {
      const ref: FieldRef = { scope: 'builtin', key };
      return {
        ref,
        id: fieldId(ref),
        kind: BUILT_IN_KINDS[key],
        title: null,
        options: key === 'role' ? ROLE_OPTIONS : [],
        integer: false,
      };
    });
    const custom = [
      ...userFields.flatMap((field) => customField('user', field) ?? []),
      ...organizationFields.flatMap((field) => customField('organization', field) ?? []),
    ];
    this.fields = [...builtIns, ...custom];
    this.byId = new Map(this.fields.map((field) => [field.id, field]));
  }

  get(ref: FieldRef): AudienceField | undefined {
    return this.byId.get(fieldId(ref));
  }

  /** The label of an option value, or the value itself for an option the account removed. */
  optionLabel(ref: FieldRef, value: string): string {
    return this.get(ref)?.options.find((option) => option.value === value)?.label ?? value;
  }
}
