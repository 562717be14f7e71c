import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { OffsetPagination } from '@zendeskgarden/react-pagination';
import { Table } from '@zendeskgarden/react-tables';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { outcomeOf, type CustomerOutcome, type SendRun } from '../../domain/send/send-run.ts';
import { toCsv } from '../../domain/send/results-csv.ts';
import type { User } from '../../zendesk/index.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { downloadText } from '../shared/download.ts';

const PAGE = 25;
const FILTERS = ['all', 'created', 'failed', 'skipped', 'pending'] as const;
type Filter = (typeof FILTERS)[number];

const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.md};
  align-items: flex-end;
  margin-bottom: ${({ theme }) => theme.space.md};
`;

function reason(outcome: CustomerOutcome, t: Translate): string {
  if (outcome.state === 'created' || outcome.state === 'pending') return '';
  if (outcome.state === 'cancelled') return t('send.reason.cancelled');
  if (outcome.code === 'customer_unavailable') return t('send.reason.customer_unavailable');
  if (outcome.code === 'already_has_ticket') return t('send.reason.already_has_ticket', { id: outcome.ticketId ?? '' });
  return outcome.details ? `${outcome.code}: ${outcome.details}` : outcome.code;
}

/** Every customer of the send with what happened, filterable, exportable, failures retryable. */
export function SendResults({
  run,
  users,
  onRetryFailed,
  canRetry,
}: {
  run: SendRun;
  users: ReadonlyMap<number, User>;
  onRetryFailed: () => void;
  canRetry: boolean;
}) {
  const { t, locale } = useI18n();
  const { session } = useEnvironment();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const rows = useMemo(
    () =>
      run.customers.map((userId, position) => ({ userId, user: users.get(userId), outcome: outcomeOf(run, position) })),
    [run, users],
  );
  const shown = rows.filter(({ outcome }) =>
    filter === 'all'
      ? true
      : filter === 'skipped'
        ? outcome.state === 'skipped' || outcome.state === 'cancelled'
        : outcome.state === filter,
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages);
  const failed = rows.filter((r) => r.outcome.state === 'failed').length;

  const exportCsv = () => {
    const csv = toCsv(
      [
        t('send.csv.email'),
        t('send.csv.name'),
        t('send.csv.user_id'),
        t('send.csv.outcome'),
        t('send.csv.ticket'),
        t('send.csv.reason'),
      ],
      rows.map(({ userId, user, outcome }) => [
        user?.email ?? '',
        user?.name ?? '',
        userId,
        t(`send.outcome.${outcome.state}`),
        outcome.state === 'created' ? outcome.ticketId : '',
        reason(outcome, t),
      ]),
    );
    downloadText(`${run.campaign.tag}-results.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <Card title={t('send.results_title')}>
      <Toolbar>
        <Field>
          <Field.Label>{t('send.filter_label')}</Field.Label>
          <Select
            value={filter}
            onChange={(e) => {
              setFilter(FILTERS.find((f) => f === e.target.value) ?? 'all');
              setPage(1);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`send.filter.${f}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={exportCsv}>
          {t('send.export')}
        </Button>
        {failed > 0 && canRetry && (
          <Button size="small" isPrimary onClick={onRetryFailed}>
            {t('send.retry_failed', { count: failed.toLocaleString(locale) })}
          </Button>
        )}
      </Toolbar>
      <Table size="small" aria-label={t('send.results_title')}>
        <Table.Head>
          <Table.HeaderRow>
            <Table.HeaderCell>{t('send.column_customer')}</Table.HeaderCell>
            <Table.HeaderCell>{t('send.column_outcome')}</Table.HeaderCell>
            <Table.HeaderCell>{t('send.column_reason')}</Table.HeaderCell>
          </Table.HeaderRow>
        </Table.Head>
        <Table.Body>
          {shown.slice((current - 1) * PAGE, current * PAGE).map(({ userId, user, outcome }) => (
            <Table.Row key={userId}>
              <Table.Cell isTruncated>
                {user ? `${user.name}${user.email ? ` <${user.email}>` : ''}` : t('send.customer_n', { id: userId })}
              </Table.Cell>
              <Table.Cell>
                {outcome.state === 'created' ? (
                  <Button isLink onClick={() => void session.routeTo('ticket', outcome.ticketId)}>
                    {t('send.outcome_created', { id: outcome.ticketId })}
                  </Button>
                ) : (
                  t(`send.outcome.${outcome.state}`)
                )}
              </Table.Cell>
              <Table.Cell isTruncated>{reason(outcome, t)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {pages > 1 && (
        <OffsetPagination
          totalPages={pages}
          currentPage={current}
          onChange={setPage}
          aria-label={t('audience.pages_label', { caption: t('send.results_title') })}
          labels={{
            previous: t('audience.page_previous'),
            next: t('audience.page_next'),
            gap: t('audience.page_gap'),
            renderPage: (n) => t('audience.page_n', { n }),
          }}
        />
      )}
    </Card>
  );
}
