import { Button } from '@zendeskgarden/react-buttons';
import { MD } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { countOutcomes, type SendRun } from '../../domain/send/send-run.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { CampaignRecordNote } from '../shared/CampaignRecordNote.tsx';
import { useCampaign } from '../store/campaign-store.ts';
import { CampaignViewPanel } from './CampaignViewPanel.tsx';
import { TriggerPanel } from './TriggerPanel.tsx';
import { useFollowUp } from './use-follow-up.ts';

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

/**
 * Flow step 5, the confirmation after a send: what happened, the campaign's view, a trigger for
 * the replies (admins), whether the campaign is recorded in Zendesk, and what to do next. The
 * per-customer results and their CSV export are right below (SendResults).
 */
export function CampaignDone({ run }: { run: SendRun }) {
  const { t, locale } = useI18n();
  const { sends, store, user } = useEnvironment();
  const goTo = useCampaign(store, (s) => s.goTo);
  const startNew = useCampaign(store, (s) => s.startNewCampaign);
  const { record } = useFollowUp(run.campaign.tag).state;
  const counts = countOutcomes(run);
  const number = (n: number) => n.toLocaleString(locale);
  const moreWaves = run.campaign.wave < run.campaign.waves;
  return (
    <Card title={t('send.finished_title')}>
      <Stack>
        <MD>
          {moreWaves
            ? t('send.finished_wave', { wave: run.campaign.wave, waves: run.campaign.waves })
            : t('send.finished_all')}{' '}
          {t('done.summary', {
            created: number(counts.created),
            failed: number(counts.failed),
            skipped: number(counts.skipped + counts.cancelled),
          })}
        </MD>
        <CampaignViewPanel run={run} />
        {user.role.kind === 'admin' && <TriggerPanel run={run} />}
        {record.status !== 'waiting' && (
          <CampaignRecordNote availability={record.status === 'done' ? record.availability : 'working'} />
        )}
        <div>
          {moreWaves && (
            <Button isPrimary onClick={() => sends.clear()}>
              {t('send.next_wave', { wave: run.campaign.wave + 1 })}
            </Button>
          )}{' '}
          <Button
            onClick={() => {
              sends.clear();
              startNew();
            }}
          >
            {t('send.new_campaign')}
          </Button>{' '}
          <Button isBasic onClick={() => goTo('history')}>
            {t('send.to_history')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
