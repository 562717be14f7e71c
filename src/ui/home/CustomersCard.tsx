import { Skeleton } from '@zendeskgarden/react-loaders';
import { XXXL } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/provider.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Facts } from '../shared/Facts.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { HomeData } from './home-data.ts';

export function CustomersCard({ data }: { data: HomeData }) {
  const { t, locale } = useI18n();
  const loadCounts = useCallback(() => Promise.all([data.countCustomers(), data.countOrganizations()]), [data]);
  const { state, retry } = useLoad(loadCounts);
  return (
    <Card title={t('home.customers_title')} hint={t('home.customers_hint')}>
      {state.status === 'loading' && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton height="48px" width="60%" />
        </div>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          <XXXL
            tag="p"
            isBold
            aria-label={`${t('home.customers_count_label')}: ${state.value[0].toLocaleString(locale)}`}
          >
            {state.value[0].toLocaleString(locale)}
          </XXXL>
          <Facts items={[{ label: t('home.organizations_label'), value: state.value[1].toLocaleString(locale) }]} />
        </>
      )}
    </Card>
  );
}
