import { Button } from '@zendeskgarden/react-buttons';
import { OffsetPagination } from '@zendeskgarden/react-pagination';
import { Table } from '@zendeskgarden/react-tables';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useMemo, useState } from 'react';
import type { Customer } from '../../domain/audience/customer.ts';
import type { AudienceField } from '../../domain/fields/audience-fields.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { showManyOrganizations } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';
import { fieldLabel, optionLabel } from './labels.ts';

export const PAGE_SIZE = 25;

type SortKey = 'name' | 'email' | 'organization' | string;

function fieldValue(field: AudienceField, customer: Customer, t: Translate): string {
  const { ref } = field;
  const raw =
    ref.scope === 'user'
      ? customer.user.user_fields[ref.key]
      : ref.scope === 'organization'
        ? customer.organizations.map((o) => o.organization_fields[ref.key]).find((v) => v !== null && v !== undefined)
        : undefined;
  if (raw === null || raw === undefined || raw === '') return '';
  if (Array.isArray(raw)) return raw.map((v) => optionLabel(field, v, t)).join(', ');
  if (typeof raw === 'boolean') return raw ? t('audience.checked') : t('audience.unchecked');
  if (field.kind === 'date' && typeof raw === 'string') return raw.slice(0, 10);
  return field.options.length > 0 ? optionLabel(field, String(raw), t) : String(raw);
}

/**
 * The customers, a page at a time, sortable by any column. Organization names come from the
 * organization records the audience fetched, else are looked up for the rows on screen only.
 */
export function CustomerTable({
  caption,
  customers,
  fields,
  note,
  action,
}: {
  caption: string;
  customers: readonly Customer[];
  /** Custom fields the conditions use, shown as extra columns. */
  fields: readonly AudienceField[];
  /** An extra last column, e.g. why a customer is left out. */
  note?: { title: string; value: (customer: Customer) => string };
  action?: { label: (customer: Customer) => string; text: string; onClick: (customer: Customer) => void };
}) {
  const { t, locale } = useI18n();
  const { api } = useEnvironment();
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());

  const organizationName = (customer: Customer): string => {
    const id = customer.user.organization_id;
    if (id === null) return '';
    return customer.organizations.find((o) => o.id === id)?.name ?? names.get(id) ?? '';
  };

  const columns: Array<{ key: SortKey; title: string; value: (c: Customer) => string }> = [
    { key: 'name', title: t('audience.column_name'), value: (c) => c.user.name },
    { key: 'email', title: t('audience.column_email'), value: (c) => c.user.email ?? '' },
    { key: 'organization', title: t('audience.column_organization'), value: organizationName },
    ...fields.map((f) => ({ key: f.id, title: fieldLabel(f, t), value: (c: Customer) => fieldValue(f, c, t) })),
    ...(note ? [{ key: 'note', title: note.title, value: note.value }] : []),
  ];
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    if (!column) return customers;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...customers].sort((a, b) => sign * collator.compare(column.value(a), column.value(b)));
    // columns is rebuilt each render from the same inputs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customers, sort, collator, names]);
  const totalPages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = Math.min(page, totalPages);
  const rows = sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  useEffect(() => {
    const missing = [
      ...new Set(
        rows
          .map((c) => c.user.organization_id)
          .filter((id): id is number => id !== null && !names.has(id))
          .filter((id) => !rows.some((c) => c.organizations.some((o) => o.id === id))),
      ),
    ];
    if (missing.length === 0) return;
    let live = true;
    showManyOrganizations(api, missing).then(
      (found) => live && setNames((n) => new Map([...n, ...found.map((o) => [o.id, o.name] as const)])),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, rows, names]);

  if (customers.length === 0) return <MD>{t('audience.table_empty')}</MD>;
  return (
    <>
      <Table size="small" aria-label={caption}>
        <Table.Head>
          <Table.HeaderRow>
            {columns.map((column) => (
              <Table.SortableCell
                key={column.key}
                sort={sort.key === column.key ? sort.direction : undefined}
                onClick={() =>
                  setSort((s) => ({
                    key: column.key,
                    direction: s.key === column.key && s.direction === 'asc' ? 'desc' : 'asc',
                  }))
                }
              >
                {column.title}
              </Table.SortableCell>
            ))}
            {action && <Table.HeaderCell>{t('audience.column_actions')}</Table.HeaderCell>}
          </Table.HeaderRow>
        </Table.Head>
        <Table.Body>
          {rows.map((customer) => (
            <Table.Row key={customer.user.id}>
              {columns.map((column) => (
                <Table.Cell key={column.key} isTruncated>
                  {column.value(customer)}
                </Table.Cell>
              ))}
              {action && (
                <Table.Cell>
                  <Button
                    size="small"
                    isBasic
                    aria-label={action.label(customer)}
                    onClick={() => action.onClick(customer)}
                  >
                    {action.text}
                  </Button>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {totalPages > 1 && (
        <OffsetPagination
          totalPages={totalPages}
          currentPage={current}
          onChange={setPage}
          aria-label={t('audience.pages_label', { caption })}
          labels={{
            previous: t('audience.page_previous'),
            next: t('audience.page_next'),
            gap: t('audience.page_gap'),
            renderPage: (n) => t('audience.page_n', { n }),
          }}
        />
      )}
    </>
  );
}
