import { Field, Input } from '@zendeskgarden/react-forms';
import { Code } from '@zendeskgarden/react-typography';
import type { CampaignCheck } from '../../domain/checks/campaign-checks.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { markerTag } from '../../domain/campaign/tags.ts';
import { useT } from '../../i18n/provider.tsx';
import { FieldMessages, hasError } from './field-messages.tsx';

/** The campaign's name and the exact tag it becomes on every ticket. */
export function NameAndTag({
  ticket,
  tag,
  prefix,
  checks,
  onChange,
}: {
  ticket: TicketDraft;
  tag: string;
  prefix: string;
  checks: readonly CampaignCheck[];
  onChange: (ticket: TicketDraft) => void;
}) {
  const t = useT();
  const needsTag = ticket.tagSource !== null || checks.some((c) => c.code === 'tag_empty');
  return (
    <>
      <Field>
        <Field.Label>{t('compose.name_label')}</Field.Label>
        <Field.Hint>{t('compose.name_hint')}</Field.Hint>
        <Input
          value={ticket.name}
          maxLength={200}
          validation={hasError(checks, 'name') || (!needsTag && hasError(checks, 'tag')) ? 'error' : undefined}
          onChange={(e) => onChange({ ...ticket, name: e.target.value })}
        />
        <FieldMessages checks={checks} field={needsTag ? 'name' : ['name', 'tag']} />
      </Field>
      {needsTag && (
        <Field style={{ marginTop: 12 }}>
          <Field.Label>{t('compose.tag_label')}</Field.Label>
          <Field.Hint>{t('compose.tag_hint')}</Field.Hint>
          <Input
            value={ticket.tagSource ?? ''}
            validation={hasError(checks, 'tag') ? 'error' : undefined}
            onChange={(e) => onChange({ ...ticket, tagSource: e.target.value === '' ? null : e.target.value })}
          />
          <FieldMessages checks={checks} field="tag" />
        </Field>
      )}
      <p style={{ marginTop: 8 }} aria-live="polite">
        {t('compose.tags_preview_before')} <Code>{tag}</Code> {t('compose.tags_preview_and')}{' '}
        <Code>{markerTag(prefix)}</Code>
      </p>
    </>
  );
}
