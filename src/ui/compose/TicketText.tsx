import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Radio, Select, Textarea } from '@zendeskgarden/react-forms';
import { useRef } from 'react';
import styled from 'styled-components';
import type { CampaignCheck } from '../../domain/checks/campaign-checks.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { useT } from '../../i18n/provider.tsx';
import { FieldMessages, hasError } from './field-messages.tsx';
import { PlaceholderMenu } from './PlaceholderMenu.tsx';

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

const Inline = styled.div`
  display: flex;
  gap: ${({ theme }) => theme.space.lg};
`;

type Target = { part: 'subject' | 'body'; locale: string | null };

/** The languages a translation can be written in (the customer's Zendesk language picks it). */
export const TRANSLATION_LOCALES = ['en', 'ko', 'ja', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl', 'zh-cn'] as const;

/** Subject and description (and their translations), with the placeholder menu and reply type. */
export function TicketText({
  ticket,
  facts,
  checks,
  onChange,
}: {
  ticket: TicketDraft;
  facts: AccountFacts;
  checks: readonly CampaignCheck[];
  onChange: (ticket: TicketDraft) => void;
}) {
  const t = useT();
  const target = useRef<Target>({ part: 'body', locale: null });
  const caret = useRef<{ start: number; end: number } | null>(null);
  const remember = (next: Target) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    target.current = next;
    caret.current = { start: event.currentTarget.selectionStart ?? 0, end: event.currentTarget.selectionEnd ?? 0 };
  };

  const textOf = ({ part, locale }: Target) => {
    if (locale === null) return ticket[part];
    return ticket.translations.find((tr) => tr.locale === locale)?.[part] ?? '';
  };
  const setText = ({ part, locale }: Target, value: string) => {
    if (locale === null) onChange({ ...ticket, [part]: value });
    else
      onChange({
        ...ticket,
        translations: ticket.translations.map((tr) => (tr.locale === locale ? { ...tr, [part]: value } : tr)),
      });
  };
  const insert = (placeholder: string) => {
    const where = target.current;
    const text = textOf(where);
    const at = caret.current ?? { start: text.length, end: text.length };
    setText(where, text.slice(0, at.start) + placeholder + text.slice(at.end));
    caret.current = { start: at.start + placeholder.length, end: at.start + placeholder.length };
  };
  const unused = TRANSLATION_LOCALES.filter((l) => !ticket.translations.some((tr) => tr.locale === l));

  const editor = (locale: string | null) => (
    <Stack key={locale ?? 'default'}>
      <Field>
        <Field.Label>{locale === null ? t('compose.subject_label') : t('compose.subject_in', { locale })}</Field.Label>
        <Input
          value={textOf({ part: 'subject', locale })}
          validation={hasError(checks, 'subject', locale) ? 'error' : undefined}
          onChange={(e) => setText({ part: 'subject', locale }, e.target.value)}
          onSelect={remember({ part: 'subject', locale })}
          onFocus={remember({ part: 'subject', locale })}
        />
        <FieldMessages checks={checks} field="subject" locale={locale} />
      </Field>
      <Field>
        <Field.Label>{locale === null ? t('compose.body_label') : t('compose.body_in', { locale })}</Field.Label>
        {locale === null && (
          <Field.Hint>{t('compose.body_hint', { example: '{{user.first_name | default: "there"}}' })}</Field.Hint>
        )}
        <Textarea
          minRows={8}
          maxRows={24}
          value={textOf({ part: 'body', locale })}
          validation={hasError(checks, 'body', locale) ? 'error' : undefined}
          onChange={(e) => setText({ part: 'body', locale }, e.target.value)}
          onSelect={remember({ part: 'body', locale })}
          onFocus={remember({ part: 'body', locale })}
        />
        <FieldMessages checks={checks} field="body" locale={locale} />
      </Field>
    </Stack>
  );

  return (
    <Stack>
      <PlaceholderMenu facts={facts} onInsert={insert} label={t('compose.placeholder.label')} />
      {editor(null)}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('compose.visibility_label')}</legend>
        <Inline>
          {(['public', 'internal'] as const).map((visibility) => (
            <Field key={visibility}>
              <Radio
                name="visibility"
                checked={ticket.visibility === visibility}
                onChange={() => onChange({ ...ticket, visibility })}
              >
                <Field.Label>{t(`compose.visibility_${visibility}`)}</Field.Label>
                <Field.Hint>{t(`compose.visibility_${visibility}_hint`)}</Field.Hint>
              </Radio>
            </Field>
          ))}
        </Inline>
      </fieldset>
      {ticket.translations.map((tr) => (
        <section key={tr.locale} aria-label={t('compose.translation_label', { locale: tr.locale })}>
          {editor(tr.locale)}
          <Button
            size="small"
            isBasic
            isDanger
            onClick={() =>
              onChange({ ...ticket, translations: ticket.translations.filter((x) => x.locale !== tr.locale) })
            }
          >
            {t('compose.translation_remove', { locale: tr.locale })}
          </Button>
        </section>
      ))}
      {unused.length > 0 && (
        <Field>
          <Field.Label>{t('compose.translation_add')}</Field.Label>
          <Field.Hint>{t('compose.translation_hint')}</Field.Hint>
          <Select
            value=""
            onChange={(e) =>
              e.target.value &&
              onChange({
                ...ticket,
                translations: [...ticket.translations, { locale: e.target.value, subject: '', body: '' }],
              })
            }
          >
            <option value="">{t('compose.translation_choose')}</option>
            {unused.map((locale) => (
              <option key={locale} value={locale}>
                {locale}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </Stack>
  );
}
