import { Skeleton } from '@zendeskgarden/react-loaders';
import { XXXL } from '@zendeskgarden/react-typography';
import { useI18n } from '../../i18n/provider.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { HomeData } from './home-data.ts';

export function CustomersCard({ countCustomers }: { countCustomers: HomeData['countCustomers'] }) {
  const { t, locale } = useI18n();
  const { state, retry } = useLoad(countCustomers);
  return (
    <Card title={t('home.customers_title')} hint={t('home.customers_hint')}>
      {state.status === 'loading' && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton height="48px" width="60%" />
        </div>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <XXXL tag="p" isBold aria-label={`${t('home.customers_count_label')}: ${state.value.toLocaleString(locale)}`}>
          {state.value.toLocaleString(locale)}
        </XXXL>
      )}
    </Card>
  );
}
