import { Button } from '@zendeskgarden/react-buttons';
import { Progress } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM, XXL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { countOutcomes, type SendRun } from '../../domain/send/send-run.ts';
import type { SendSnapshot } from '../../services/send/send-controller.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Facts } from '../shared/Facts.tsx';

const Buttons = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.sm};
  margin-top: ${({ theme }) => theme.space.md};
`;

/** Minutes and seconds left, from the pace of the last minute. */
function timeLeft(run: SendRun, createdLastMinute: number): number | null {
  const { pending } = countOutcomes(run);
  if (pending === 0) return 0;
  if (createdLastMinute === 0) return null;
  return Math.ceil((pending / createdLastMinute) * 60);
}

/** How the send is going: counts, pace, what it waits for, and the controls. */
export function SendProgress({
  snapshot,
  now,
  onPause,
  onResume,
  onCancel,
}: {
  snapshot: SendSnapshot;
  now: number;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const number = (n: number) => n.toLocaleString(locale);
  const run = snapshot.run;
  if (!run) return null;
  const counts = countOutcomes(run);
  const done = counts.total - counts.pending;
  const live = snapshot.live;
  const seconds = live ? timeLeft(run, live.createdLastMinute) : null;
  const waitSeconds = live?.waiting ? Math.max(1, Math.ceil((live.waiting.untilMs - now) / 1000)) : null;
  const status = snapshot.phase === 'finished' ? 'finished' : run.status === 'cancelling' ? 'cancelling' : run.status;
  return (
    <Card
      title={t(status === 'finished' ? 'send.progress_title_done' : 'send.progress_title', { name: run.campaign.name })}
    >
      <XXL tag="p" isBold aria-live="polite">
        {t('send.progress_headline', { done: number(done), total: number(counts.total) })}
      </XXL>
      <Progress value={counts.total === 0 ? 100 : (done / counts.total) * 100} aria-label={t('send.progress_label')} />
      <Facts
        items={[
          { label: t('send.created'), value: number(counts.created) },
          { label: t('send.failed'), value: number(counts.failed) },
          { label: t('send.skipped'), value: number(counts.skipped + counts.cancelled) },
          { label: t('send.remaining'), value: number(counts.pending) },
          {
            label: t('send.rate'),
            value: live ? t('send.rate_value', { count: number(live.createdLastMinute) }) : '—',
          },
          {
            label: t('send.time_left'),
            value:
              counts.pending === 0
                ? t('send.time_left_none')
                : seconds === null
                  ? '—'
                  : t('send.time_left_value', {
                      minutes: number(Math.floor(seconds / 60)),
                      seconds: number(seconds % 60),
                    }),
          },
        ]}
      />
      <MD role="status" style={{ marginTop: 12 }}>
        {t(`send.status.${status}`, { jobs: number(live?.jobsInFlight ?? 0) })}
      </MD>
      {waitSeconds !== null && live?.waiting && (
        <SM role="status">
          {t(
            live.waiting.reason === 'rate_limited' || live.waiting.reason === 'retry_after'
              ? 'send.waiting_rate_limit'
              : live.waiting.reason === 'budget'
                ? 'send.waiting_budget'
                : 'send.waiting_retry',
            { seconds: number(waitSeconds) },
          )}
        </SM>
      )}
      {snapshot.error !== null && snapshot.error !== undefined && <ErrorAlert error={snapshot.error} />}
      {run.duplicates.length > 0 && (
        <Alert type="warning" style={{ marginTop: 12 }}>
          <Alert.Title>{t('send.duplicates_title')}</Alert.Title>
          <Alert.Paragraph>
            {run.duplicates.every((d) => d.removed)
              ? t('send.duplicates_removed', { count: number(run.duplicates.length) })
              : t('send.duplicates_left', {
                  count: number(run.duplicates.filter((d) => !d.removed).length),
                  tickets: run.duplicates
                    .filter((d) => !d.removed)
                    .map((d) => `#${d.ticketId}`)
                    .join(', '),
                })}
          </Alert.Paragraph>
        </Alert>
      )}
      {status !== 'finished' && (
        <Buttons>
          {run.status === 'sending' && <Button onClick={onPause}>{t('send.pause')}</Button>}
          {run.status === 'paused' && (
            <Button isPrimary onClick={onResume}>
              {t('send.resume')}
            </Button>
          )}
          {run.status !== 'cancelling' && (
            <Button isDanger onClick={onCancel}>
              {t('send.cancel')}
            </Button>
          )}
        </Buttons>
      )}
    </Card>
  );
}
