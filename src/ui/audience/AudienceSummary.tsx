import { Progress, Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import { MD, SM, XXXL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { EXCLUSION_REASONS, type SortedAudience } from '../../domain/audience/exclusions.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import type { FetchState } from './use-fetched-audience.ts';

const Reasons = styled.ul`
  margin: ${({ theme }) => theme.space.sm} 0 0;
  padding: 0;
  list-style: none;
`;

const Stale = styled.div<{ $stale: boolean }>`
  opacity: ${({ $stale }) => ($stale ? 0.5 : 1)};
`;

const Subtle = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

/** The live count: who gets the campaign, who is left out and why, and how far a long fetch is. */
export function AudienceSummary({
  state,
  sorted,
  expected,
  onRetry,
}: {
  state: FetchState;
  sorted: SortedAudience | null;
  /** How many customers search said the fetch will bring, for the progress bar. */
  expected: number | null;
  onRetry: () => void;
}) {
  const { t, locale } = useI18n();
  const { session } = useEnvironment();
  const cap = session.settings.campaignSizeCap;
  const number = (n: number) => n.toLocaleString(locale);
  const loading = state.status === 'loading';
  const received = loading && state.progress?.phase === 'customers' ? state.progress.received : 0;
  return (
    <Card title={t('audience.summary_title')}>
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={onRetry} />}
      {loading && (
        <div role="status" aria-live="polite">
          {expected !== null && expected > 0 ? (
            <>
              <Progress value={Math.min(100, (received / expected) * 100)} aria-label={t('audience.fetch_progress')} />
              <Subtle>{t('audience.fetching_of', { received: number(received), expected: number(expected) })}</Subtle>
            </>
          ) : (
            <>
              <Dots aria-hidden />
              <Subtle>{t('audience.fetching', { received: number(received) })}</Subtle>
            </>
          )}
        </div>
      )}
      {sorted && (
        <Stale $stale={loading}>
          <XXXL tag="p" isBold aria-label={t('audience.count_label', { count: number(sorted.included.length) })}>
            {number(sorted.included.length)}
          </XXXL>
          <MD>{t('audience.count_caption', { matched: number(sorted.included.length + sorted.excluded.length) })}</MD>
          <Reasons aria-label={t('audience.left_out_label')}>
            {EXCLUSION_REASONS.filter((reason) => sorted.counts[reason] > 0).map((reason) => (
              <li key={reason}>
                <SM>{t(`audience.reason.${reason}`, { count: number(sorted.counts[reason]) })}</SM>
              </li>
            ))}
            {sorted.excluded.length === 0 && (
              <li>
                <SM>{t('audience.nobody_left_out')}</SM>
              </li>
            )}
          </Reasons>
          {/* Said here, where the count is, and again before sending (Preview's checks). */}
          {!loading && sorted.included.length === 0 && (
            <Alert type="warning" style={{ marginTop: 12 }}>
              <Alert.Paragraph>{t('audience.empty_here')}</Alert.Paragraph>
            </Alert>
          )}
          {sorted.included.length > cap && (
            <Alert type="info" style={{ marginTop: 12 }}>
              <Alert.Paragraph>
                {t('audience.over_cap_here', { size: number(sorted.included.length), cap: number(cap) })}
              </Alert.Paragraph>
            </Alert>
          )}
        </Stale>
      )}
    </Card>
  );
}
