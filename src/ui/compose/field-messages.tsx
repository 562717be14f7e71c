import { Field } from '@zendeskgarden/react-forms';
import type { CampaignCheck, CheckField } from '../../domain/checks/campaign-checks.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { checkMessage } from './check-message.ts';

/** The checks of one field, under it, where the agent is looking. */
export function FieldMessages({
  checks,
  field,
  locale = null,
}: {
  checks: readonly CampaignCheck[];
  field: CheckField | readonly CheckField[];
  locale?: string | null;
}) {
  const { t, locale: ui } = useI18n();
  const fields: readonly CheckField[] = typeof field === 'string' ? [field] : field;
  const mine = checks.filter((c) => fields.includes(c.field) && (!('locale' in c) || (c.locale ?? null) === locale));
  const number = (n: number) => n.toLocaleString(ui);
  return (
    <>
      {mine.map((check, i) => (
        <Field.Message key={`${check.code}:${i}`} validation={check.severity === 'error' ? 'error' : 'warning'}>
          {checkMessage(check, t, number)}
        </Field.Message>
      ))}
    </>
  );
}

export function hasError(checks: readonly CampaignCheck[], field: CheckField, locale: string | null = null) {
  return checks.some(
    (c) => c.field === field && c.severity === 'error' && (!('locale' in c) || (c.locale ?? null) === locale),
  );
}
