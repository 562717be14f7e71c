import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import type { Customer } from '../../domain/audience/customer.ts';
import { useI18n } from '../../i18n/provider.tsx';

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.sm};
  align-items: flex-end;
  margin-bottom: ${({ theme }) => theme.space.md};
`;

const Matches = styled.ul`
  margin: 0;
  padding: 0;
  list-style: none;
`;

/** A found customer: Garden buttons keep to one line, a customer's name may not fit one. */
const Match = styled(Button)`
  height: auto;
  white-space: normal;
  text-align: start;
`;

/** Step through the customers one by one, or find one by name or email. */
export function CustomerStepper({
  customers,
  index,
  onIndex,
}: {
  customers: readonly Customer[];
  index: number;
  onIndex: (index: number) => void;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    const out: Array<{ customer: Customer; at: number }> = [];
    customers.forEach((customer, at) => {
      if (
        out.length < 8 &&
        (customer.user.name.toLowerCase().includes(q) || customer.user.email?.toLowerCase().includes(q))
      )
        out.push({ customer, at });
    });
    return out;
  }, [customers, query]);
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <>
      <Bar>
        <Button size="small" disabled={index <= 0} onClick={() => onIndex(index - 1)}>
          {t('preview.previous')}
        </Button>
        <SM role="status" aria-live="polite">
          {t('preview.position', { n: number(index + 1), total: number(customers.length) })}
        </SM>
        <Button size="small" disabled={index >= customers.length - 1} onClick={() => onIndex(index + 1)}>
          {t('preview.next')}
        </Button>
        <Field>
          <Field.Label>{t('preview.find_label')}</Field.Label>
          <Input value={query} placeholder={t('preview.find_placeholder')} onChange={(e) => setQuery(e.target.value)} />
        </Field>
      </Bar>
      {matches.length > 0 && (
        <Matches aria-label={t('preview.matches_label')}>
          {matches.map(({ customer, at }) => (
            <li key={customer.user.id}>
              <Match
                size="small"
                isBasic
                onClick={() => {
                  onIndex(at);
                  setQuery('');
                }}
              >
                {customer.user.name} {customer.user.email ? `<${customer.user.email}>` : ''}
              </Match>
            </li>
          ))}
        </Matches>
      )}
    </>
  );
}
