import { Button } from '@zendeskgarden/react-buttons';
import { MD } from '@zendeskgarden/react-typography';
import type { SendRun } from '../../domain/send/send-run.ts';
import type { ViewState } from '../../services/after-send/campaign-follow-up.ts';
import { useT } from '../../i18n/provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { useEnvironment } from '../environment.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Section } from './Section.tsx';
import { useFollowUp } from './use-follow-up.ts';

/** Which view the campaign got, why it is personal when it is, and the way into it. */
export function CampaignViewPanel({ run }: { run: SendRun }) {
  const t = useT();
  const { session } = useEnvironment();
  const { state: followed, followUp } = useFollowUp(run.campaign.tag);
  const state: ViewState = followed.view;
  const nothingSent = run.status === 'finished' && !run.created.some((id) => id > 0);
  return (
    <Section title={t('done.view_heading')}>
      {state.status === 'waiting' && <MD>{t(nothingSent ? 'done.view_none' : 'done.view_waiting')}</MD>}
      {state.status === 'working' && <MD role="status">{t('done.view_working')}</MD>}
      {state.status === 'failed' && (
        <>
          <MD>{t('done.view_failed')}</MD>
          <ErrorAlert error={state.error} onRetry={() => followUp?.retryView(run)} />
        </>
      )}
      {state.status === 'ready' && (
        <>
          <MD>{viewSentence(state, t)}</MD>
          {state.personalBecause && <MD>{t(`done.view_personal_${state.personalBecause}`)}</MD>}
          <div>
            <Button isPrimary onClick={() => void session.routeTo('views', state.view.id)}>
              {t('done.view_open')}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}

function viewSentence(state: Extract<ViewState, { status: 'ready' }>, t: Translate): string {
  const title = state.view.title;
  const key = { shared: 'done.view_shared', group: 'done.view_group', personal: 'done.view_personal' }[state.kind];
  return t(key, { title });
}
