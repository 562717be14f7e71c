import { Field, Select } from '@zendeskgarden/react-forms';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { useT } from '../../i18n/provider.tsx';

export interface PlaceholderChoice {
  path: string;
  label: string;
  group: 'customer' | 'customer_fields' | 'organization' | 'organization_fields' | 'zendesk';
}

/** The placeholders the account really has: built-ins, then every active custom field by its title. */
export function placeholderChoices(facts: AccountFacts, t: (key: string) => string): PlaceholderChoice[] {
  return [
    { path: 'user.name', label: t('compose.placeholder.user_name'), group: 'customer' },
    { path: 'user.first_name', label: t('compose.placeholder.user_first_name'), group: 'customer' },
    { path: 'user.last_name', label: t('compose.placeholder.user_last_name'), group: 'customer' },
    { path: 'user.email', label: t('compose.placeholder.user_email'), group: 'customer' },
    ...facts.userFields
      .filter((f) => f.active)
      .map((f) => ({ path: `user.user_fields.${f.key}`, label: f.title, group: 'customer_fields' as const })),
    { path: 'organization.name', label: t('compose.placeholder.organization_name'), group: 'organization' },
    ...facts.organizationFields
      .filter((f) => f.active)
      .map((f) => ({
        path: `organization.organization_fields.${f.key}`,
        label: f.title,
        group: 'organization_fields' as const,
      })),
    { path: 'ticket.id', label: t('compose.placeholder.ticket_id'), group: 'zendesk' },
  ];
}

const GROUPS = ['customer', 'customer_fields', 'organization', 'organization_fields', 'zendesk'] as const;

/** "Insert a placeholder": puts `{{path}}` where the cursor was in the subject or the description. */
export function PlaceholderMenu({
  facts,
  onInsert,
  label,
}: {
  facts: AccountFacts;
  onInsert: (placeholder: string) => void;
  label: string;
}) {
  const t = useT();
  const choices = placeholderChoices(facts, t);
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Select
        value=""
        onChange={(e) => {
          if (e.target.value) onInsert(`{{${e.target.value}}}`);
        }}
      >
        <option value="">{t('compose.placeholder.choose')}</option>
        {GROUPS.map((group) => (
          <optgroup key={group} label={t(`compose.placeholder.group_${group}`)}>
            {choices
              .filter((c) => c.group === group)
              .map((c) => (
                <option key={c.path} value={c.path}>
                  {c.label}
                </option>
              ))}
          </optgroup>
        ))}
      </Select>
    </Field>
  );
}
