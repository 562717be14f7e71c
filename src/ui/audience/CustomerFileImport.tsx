import { Field, Input } from '@zendeskgarden/react-forms';
import { getColor } from '@zendeskgarden/react-theming';
import { Progress } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Table } from '@zendeskgarden/react-tables';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useRef, useState, type DragEvent } from 'react';
import styled from 'styled-components';
import type { Customer } from '../../domain/audience/customer.ts';
import type { CsvAudience, CsvReport } from '../../domain/campaign/draft.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { matchCustomerFile } from '../../services/audience/match-customer-file.ts';
import { readCustomerFile, type FileProblem } from '../../services/audience/read-customer-file.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

/**
 * A drop zone around a plain file input. Not Garden's FileUpload: that renders a button role
 * around the input, an interactive control inside another (axe nested-interactive), so screen
 * readers announce one and keyboards reach two.
 */
const Drop = styled.div`
  padding: ${({ theme }) => theme.space.md};
  border: ${({ theme }) => theme.borderWidths.sm} dashed
    ${({ theme }) => getColor({ theme, variable: 'border.emphasis' })};
  border-radius: ${({ theme }) => theme.borderRadii.md};
`;

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; fraction: number }
  | { status: 'matching'; done: number; total: number }
  | { status: 'problem'; problem: FileProblem; row?: number }
  | { status: 'failed'; error: unknown };

const SAMPLE_LIMIT = 50;

/**
 * A list of customers from a file: read in the browser, matched to Zendesk users, reported row
 * by row (matched, matched nothing, duplicates, invalid emails). The customers become the audience.
 */
export function CustomerFileImport({
  csv,
  onImported,
}: {
  csv: CsvAudience | null;
  onImported: (csv: CsvAudience, customers: Customer[]) => void;
}) {
  const { t, locale } = useI18n();
  const { api, now } = useEnvironment();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  const number = (n: number) => n.toLocaleString(locale);

  const importFile = async (file: File) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'reading', fraction: 0 });
    try {
      const reading = await readCustomerFile(file, {
        signal: controller.signal,
        onProgress: (fraction) => setState({ status: 'reading', fraction }),
      });
      if (!reading.ok) {
        setState({
          status: 'problem',
          problem: reading.problem,
          ...(reading.row !== undefined ? { row: reading.row } : {}),
        });
        return;
      }
      const { reader } = reading;
      setState({ status: 'matching', done: 0, total: reader.identifiers.length });
      const match = await matchCustomerFile(api, reader.identifiers, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ status: 'matching', done, total }),
      });
      const samples: CsvReport['samples'] = [
        ...reader.issues.map((issue) => ({ row: issue.row, value: issue.value, problem: issue.problem })),
        ...match.unmatched.map((i) => ({ row: i.row, value: i.value, problem: 'unmatched' })),
        ...match.sameCustomer.map((i) => ({ row: i.row, value: i.value, problem: 'same_customer' })),
      ]
        .sort((a, b) => a.row - b.row)
        .slice(0, SAMPLE_LIMIT);
      const report: CsvReport = {
        rows: reader.dataRows,
        matched: match.matched.length,
        unmatched: match.unmatched.length,
        duplicates: reader.issues.filter((i) => i.problem === 'duplicate').length + match.sameCustomer.length,
        invalid: reader.issues.filter((i) => i.problem === 'invalid_email').length,
        samples,
      };
      const customers = match.matched.map(({ user }) => ({ user, organizations: [] }));
      onImported(
        { fileName: file.name, importedAt: now(), userIds: customers.map((c) => c.user.id), report },
        customers,
      );
      setState({ status: 'idle' });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: 'failed', error });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <Card title={t('audience.file.title')} hint={t('audience.file.hint')}>
      <Drop onDragOver={(e: DragEvent) => e.preventDefault()} onDrop={onDrop}>
        <Field>
          <Field.Label>{t('audience.file.label')}</Field.Label>
          <Field.Hint>{t('audience.file.drop')}</Field.Hint>
          <Input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </Field>
      </Drop>
      {state.status === 'reading' && (
        <div role="status">
          <Progress value={state.fraction * 100} aria-label={t('audience.file.reading')} />
          <SM>{t('audience.file.reading')}</SM>
        </div>
      )}
      {state.status === 'matching' && (
        <div role="status">
          <Progress
            value={state.total === 0 ? 0 : (state.done / state.total) * 100}
            aria-label={t('audience.file.matching_label')}
          />
          <SM>{t('audience.file.matching', { done: number(state.done), total: number(state.total) })}</SM>
        </div>
      )}
      {state.status === 'problem' && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('audience.file.problem_title')}</Alert.Title>
          <Alert.Paragraph>
            {t(`audience.file.problem.${state.problem}`, { row: number(state.row ?? 1) })}
          </Alert.Paragraph>
        </Alert>
      )}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
      {csv && <FileReport csv={csv} />}
    </Card>
  );
}

function FileReport({ csv }: { csv: CsvAudience }) {
  const { t, locale } = useI18n();
  const number = (n: number) => n.toLocaleString(locale);
  const { report } = csv;
  return (
    <section aria-label={t('audience.file.report_label')} style={{ marginTop: 16 }}>
      <MD isBold>{t('audience.file.report_title', { file: csv.fileName })}</MD>
      <ul>
        <li>{t('audience.file.rows', { count: number(report.rows) })}</li>
        <li>{t('audience.file.matched', { count: number(report.matched) })}</li>
        <li>{t('audience.file.unmatched', { count: number(report.unmatched) })}</li>
        <li>{t('audience.file.duplicates', { count: number(report.duplicates) })}</li>
        <li>{t('audience.file.invalid', { count: number(report.invalid) })}</li>
      </ul>
      {report.samples.length > 0 && (
        <Table size="small" aria-label={t('audience.file.samples_label')}>
          <Table.Head>
            <Table.HeaderRow>
              <Table.HeaderCell>{t('audience.file.column_row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audience.file.column_value')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audience.file.column_problem')}</Table.HeaderCell>
            </Table.HeaderRow>
          </Table.Head>
          <Table.Body>
            {report.samples.map((sample) => (
              <Table.Row key={`${sample.row}:${sample.problem}`}>
                <Table.Cell>{number(sample.row)}</Table.Cell>
                <Table.Cell isTruncated>{sample.value}</Table.Cell>
                <Table.Cell>{t(`audience.file.sample.${sample.problem}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
