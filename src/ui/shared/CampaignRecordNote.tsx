import { SM } from '@zendeskgarden/react-typography';
import type { RecordsAvailability } from '../../services/after-send/campaign-records.ts';
import { useT } from '../../i18n/provider.tsx';
import { errorMessage } from './error-message.ts';

/**
 * Whether campaigns are kept as records in Zendesk (custom objects), and when not, why and
 * what the team still gets: the history always finds campaigns from the tags on their tickets.
 */
export function CampaignRecordNote({ availability }: { availability: RecordsAvailability | 'working' }) {
  const t = useT();
  if (availability === 'working') return <SM role="status">{t('campaign_record.working')}</SM>;
  if (availability.kind === 'ready') return <SM>{t('campaign_record.ready')}</SM>;
  const reason = availability.reason;
  return (
    <SM>
      {reason === 'failed'
        ? t('campaign_record.unavailable.failed', { reason: errorMessage(availability.error, t) })
        : t(`campaign_record.unavailable.${reason}`)}{' '}
      {t('campaign_record.fallback')}
    </SM>
  );
}
