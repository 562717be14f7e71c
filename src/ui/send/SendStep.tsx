import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD, XL } from '@zendeskgarden/react-typography';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import styled from 'styled-components';
import { markerTag, waveTag } from '../../domain/campaign/tags.ts';
import { newSendRun, type SendRun } from '../../domain/send/send-run.ts';
import { nextWave, type NextWave } from '../../domain/send/waves.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import type { User } from '../../zendesk/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useAudience } from '../audience/AudienceProvider.tsx';
import { checkMessage } from '../compose/check-message.ts';
import { useCampaignChecks } from '../compose/use-campaign-checks.ts';
import { useComposeWorkspace } from '../compose/use-compose-workspace.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import type { StepProps } from '../step-props.ts';
import { useCampaign } from '../store/campaign-store.ts';
import { CampaignDone } from '../done/CampaignDone.tsx';
import { SendProgress } from './SendProgress.tsx';
import { SendResults } from './SendResults.tsx';
import { useCampaignReach } from './use-campaign-reach.ts';

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

/** Flow step 4: the tickets go out, as fast as the account allows, and the agent sees each one. */
export default function SendStep({ facts, retryFacts }: StepProps) {
  const { t } = useI18n();
  const workspace = useComposeWorkspace();
  const { sends } = useEnvironment();
  const snapshot = useSyncExternalStore(sends.subscribe, sends.getSnapshot);
  return (
    <>
      <XL tag="h2">{t('send.title')}</XL>
      <MD style={{ marginBottom: 16 }}>{t('send.intro')}</MD>
      {snapshot.phase !== 'idle' && snapshot.run ? (
        <SendView />
      ) : (
        <>
          {(facts.status === 'loading' || workspace.state.status === 'loading') && (
            <div role="status" aria-label={t('home.loading')}>
              <Skeleton height="120px" />
            </div>
          )}
          {facts.status === 'error' && <ErrorAlert error={facts.error} onRetry={retryFacts} />}
          {workspace.state.status === 'error' && <ErrorAlert error={workspace.state.error} onRetry={workspace.retry} />}
          {facts.status === 'ready' && workspace.state.status === 'ready' && (
            <Launch facts={facts.value} workspace={workspace.state.value} />
          )}
        </>
      )}
    </>
  );
}

/** The send under way or just finished. */
function SendView() {
  const { sends, now } = useEnvironment();
  const snapshot = useSyncExternalStore(sends.subscribe, sends.getSnapshot);
  const audience = useAudience();
  const [clock, setClock] = useState(now());
  // A second-by-second clock for "waiting for Zendesk (N s)" and the time left.
  useEffect(() => {
    const timer = setInterval(() => setClock(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  const users = useMemo(
    () => new Map<number, User>((audience?.sorted?.included ?? []).map((c) => [c.user.id, c.user])),
    [audience?.sorted],
  );
  const run = snapshot.run;
  if (!run) return null;
  return (
    <Stack>
      {snapshot.phase === 'busy_elsewhere' && <BusyElsewhere />}
      <SendProgress
        snapshot={snapshot}
        now={clock}
        onPause={() => sends.pause()}
        onResume={() => sends.resume()}
        onCancel={() => sends.cancel()}
      />
      {snapshot.phase === 'finished' && <CampaignDone run={run} />}
      <SendResults
        run={run}
        users={users}
        onRetryFailed={() => sends.retryFailed()}
        canRetry={snapshot.phase !== 'sending'}
      />
    </Stack>
  );
}

function BusyElsewhere() {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Alert.Title>{t('send.busy_title')}</Alert.Title>
      <Alert.Paragraph>{t('send.busy_body')}</Alert.Paragraph>
    </Alert>
  );
}

function Launch({ facts, workspace }: { facts: AccountFacts; workspace: ComposeWorkspace }) {
  const { t, locale } = useI18n();
  const { store, sends, journal, session, user, newId, now } = useEnvironment();
  const draft = useCampaign(store, (s) => s.draft);
  const goTo = useCampaign(store, (s) => s.goTo);
  const audience = useAudience();
  const { checks, tag, tagCounted, tagCheck } = useCampaignChecks(draft.ticket, facts, workspace);
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState<unknown>(null);
  const interrupted = sends.interrupted();
  const number = (n: number) => n.toLocaleString(locale);

  const earlier = useMemo(
    () => journal.forCampaign(tag).filter((r) => r.campaign.draftId === draft.id),
    [journal, tag, draft.id],
  );
  // The campaign's own earlier waves put its tag on tickets: that is no reason to refuse the name.
  const blocking = checks.filter((c) => c.severity === 'error' && !(c.code === 'tag_taken' && earlier.length > 0));
  const included = audience?.sorted?.included ?? [];
  const reach = useCampaignReach(tag);
  const known = reach.state.status === 'ready' ? reach.state.reach : { customers: new Set<number>(), wavesSeen: 0 };
  const wave = nextWave(
    included.map((c) => c.user.id),
    earlier,
    draft.ticket.waveSize,
    known.customers,
    known.wavesSeen,
  );

  const start = async () => {
    setConfirming(false);
    setStarting(null);
    store.getState().saveNow();
    try {
      // Asked again at the click: a colleague may have sent to some of them since the step opened.
      const elsewhere = await reach.recheck();
      const next = nextWave(
        included.map((c) => c.user.id),
        earlier,
        draft.ticket.waveSize,
        elsewhere.customers,
        elsewhere.wavesSeen,
      );
      const run: SendRun = newSendRun({
        id: newId(),
        now: now(),
        agentId: user.id,
        customers: next.customers,
        campaign: {
          draftId: draft.id,
          name: draft.ticket.name,
          tag,
          markerTag: markerTag(session.settings.tagPrefix),
          waveTag: next.waves > 1 ? waveTag(tag, next.wave) : null,
          wave: next.wave,
          waves: next.waves,
          ticket: draft.ticket,
        },
      });
      void sends.start(
        run,
        included.map((c) => c.user),
      );
    } catch (error) {
      setStarting(error);
    }
  };

  if (interrupted) {
    return (
      <Card title={t('send.resume_title')}>
        <MD>
          {t('send.resume_body', {
            name: interrupted.campaign.name,
            created: number(interrupted.created.filter((id) => id > 0).length),
            total: number(interrupted.customers.length),
          })}
        </MD>
        <Button isPrimary style={{ marginTop: 12 }} onClick={() => void sends.start(interrupted)}>
          {t('send.resume_button')}
        </Button>
      </Card>
    );
  }

  return (
    <Card title={t('send.launch_title')}>
      {blocking.length > 0 ? (
        <Alert type="error" role="alert">
          <Alert.Title>{t('send.blocked_title')}</Alert.Title>
          <ul>
            {blocking.map((check, i) => (
              <li key={`${check.code}:${i}`}>{checkMessage(check, t, number)}</li>
            ))}
          </ul>
          <Button size="small" onClick={() => goTo('preview')}>
            {t('send.back_to_preview')}
          </Button>
        </Alert>
      ) : (
        <>
          <MD>{launchMessage(wave, draft.ticket.name, t, number)}</MD>
          {wave.alreadySent > 0 && <MD>{t('send.already_sent', { count: number(wave.alreadySent) })}</MD>}
          {reach.state.status === 'checking' && (
            <MD role="status">
              {reach.state.waitingForJobs > 0
                ? t('send.reach_waiting', { count: number(reach.state.waitingForJobs) })
                : t('send.reach_checking')}
            </MD>
          )}
          {reach.state.status === 'error' && (
            <ErrorAlert error={reach.state.error} onRetry={() => void reach.recheck().catch(() => undefined)} />
          )}
          {/* Until Zendesk has said whether the tag is on tickets already, the name is not known to
              be this campaign's alone: an older campaign's customers would count as reached. */}
          {tagCheck.error !== null && <ErrorAlert error={tagCheck.error} onRetry={tagCheck.retry} />}
          <Button
            isPrimary
            style={{ marginTop: 12 }}
            disabled={
              wave.customers.length === 0 ||
              audience?.state.status === 'loading' ||
              reach.state.status !== 'ready' ||
              !tagCounted
            }
            onClick={() => setConfirming(true)}
          >
            {t('send.send_button', { count: number(wave.customers.length) })}
          </Button>
          {starting !== null && <ErrorAlert error={starting} onRetry={() => void start()} />}
        </>
      )}
      {confirming && (
        <Modal onClose={() => setConfirming(false)} aria-label={t('send.confirm_title')}>
          <Modal.Header>{t('send.confirm_title')}</Modal.Header>
          <Modal.Body>
            {t(draft.ticket.visibility === 'public' ? 'send.confirm_public' : 'send.confirm_internal', {
              count: number(wave.customers.length),
            })}
          </Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic onClick={() => setConfirming(false)}>
                {t('send.confirm_no')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button isPrimary onClick={() => void start()}>
                {t('send.confirm_yes', { count: number(wave.customers.length) })}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('send.confirm_no')} />
        </Modal>
      )}
    </Card>
  );
}

/** What the next send does: everyone reached already, one wave of several, or the whole audience. */
function launchMessage(wave: NextWave, name: string, t: Translate, number: (n: number) => string): string {
  const count = number(wave.customers.length);
  if (wave.customers.length === 0 && wave.alreadySent > 0) return t('send.all_reached', { name });
  if (wave.waves > 1) return t('send.launch_wave', { count, wave: wave.wave, waves: wave.waves, name });
  return t('send.launch_all', { count, name });
}
