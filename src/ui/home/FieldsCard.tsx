import { Skeleton } from '@zendeskgarden/react-loaders';
import { Table } from '@zendeskgarden/react-tables';
import { Tag } from '@zendeskgarden/react-tags';
import { Code, MD } from '@zendeskgarden/react-typography';
import type { Translate } from '../../i18n/translate.ts';
import { useT } from '../../i18n/provider.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useLoad } from '../shared/use-load.ts';
import { customFieldTypes, type CustomField } from '../../zendesk/index.ts';

const KNOWN_TYPES: ReadonlySet<string> = new Set(customFieldTypes);

export function fieldTypeLabel(type: string, t: Translate): string {
  return KNOWN_TYPES.has(type) ? t(`field_type.${type}`) : t('field_type.other', { type });
}

/** The custom fields an audience can use: active ones first, in Zendesk's order. */
export function FieldsCard({ title, load }: { title: string; load: () => Promise<CustomField[]> }) {
  const t = useT();
  const { state, retry } = useLoad(load);
  return (
    <Card title={title} hint={t('home.fields_hint')}>
      {state.status === 'loading' && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton />
          <Skeleton />
          <Skeleton />
        </div>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.value.length === 0 && <MD>{t('home.fields_empty')}</MD>}
      {state.status === 'ready' && state.value.length > 0 && (
        <Table size="small" aria-label={title}>
          <Table.Head>
            <Table.HeaderRow>
              <Table.HeaderCell>{t('home.column_field')}</Table.HeaderCell>
              <Table.HeaderCell>{t('home.column_key')}</Table.HeaderCell>
              <Table.HeaderCell>{t('home.column_type')}</Table.HeaderCell>
              <Table.HeaderCell>{t('home.column_status')}</Table.HeaderCell>
            </Table.HeaderRow>
          </Table.Head>
          <Table.Body>
            {[...state.value]
              .sort((a, b) => Number(b.active) - Number(a.active))
              .map((field) => (
                <Table.Row key={field.id}>
                  <Table.Cell>{field.title}</Table.Cell>
                  <Table.Cell>
                    <Code size="small">{field.key}</Code>
                  </Table.Cell>
                  <Table.Cell>{fieldTypeLabel(field.type, t)}</Table.Cell>
                  <Table.Cell>
                    <Tag size="small" hue={field.active ? 'green' : 'grey'}>
                      {field.active ? t('home.field_active') : t('home.field_inactive')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
          </Table.Body>
        </Table>
      )}
    </Card>
  );
}
