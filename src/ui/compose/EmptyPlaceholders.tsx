import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { withFallback } from '../../domain/compose/fallback.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { PlaceholderReport } from './use-placeholder-report.ts';

const Item = styled.li`
  margin-bottom: ${({ theme }) => theme.space.md};
`;

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.sm};
  align-items: flex-end;
`;

const NAMES_SHOWN = 5;

/** Placeholders that come out empty for some customers: how many, who, and a fallback to set. */
export function EmptyPlaceholders({
  report,
  ticket,
  onChange,
}: {
  report: PlaceholderReport;
  ticket: TicketDraft;
  onChange: (ticket: TicketDraft) => void;
}) {
  const { t, locale } = useI18n();
  const [fallbacks, setFallbacks] = useState<Record<string, string>>({});
  const number = (n: number) => n.toLocaleString(locale);
  const entries = [...report.empty.entries()];
  const apply = (path: string) => {
    const fallback = fallbacks[path] ?? '';
    onChange({
      ...ticket,
      subject: withFallback(ticket.subject, path, fallback),
      body: withFallback(ticket.body, path, fallback),
      translations: ticket.translations.map((tr) => ({
        ...tr,
        subject: withFallback(tr.subject, path, fallback),
        body: withFallback(tr.body, path, fallback),
      })),
    });
  };
  return (
    <section aria-label={t('compose.empty_title')}>
      {!report.done && (
        <SM role="status">
          <Dots aria-hidden /> {t('compose.empty_checking', { checked: number(report.checked) })}
        </SM>
      )}
      {report.done && entries.length === 0 && <MD>{t('compose.empty_none')}</MD>}
      <ul style={{ padding: 0, listStyle: 'none' }}>
        {entries.map(([path, customers]) => (
          <Item key={path}>
            <MD>
              {t('compose.empty_for', { placeholder: `{{${path}}}`, count: number(customers.length) })}{' '}
              {customers
                .slice(0, NAMES_SHOWN)
                .map((c) => c.user.name)
                .join(', ')}
              {customers.length > NAMES_SHOWN
                ? t('compose.empty_more', { count: number(customers.length - NAMES_SHOWN) })
                : ''}
            </MD>
            <Row>
              <Field>
                <Field.Label>{t('compose.fallback_label', { placeholder: `{{${path}}}` })}</Field.Label>
                <Input
                  value={fallbacks[path] ?? ''}
                  onChange={(e) => setFallbacks((f) => ({ ...f, [path]: e.target.value }))}
                />
              </Field>
              <Button size="small" onClick={() => apply(path)}>
                {t('compose.fallback_apply')}
              </Button>
            </Row>
          </Item>
        ))}
      </ul>
    </section>
  );
}
