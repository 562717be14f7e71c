import { Button } from '@zendeskgarden/react-buttons';
import { Progress } from '@zendeskgarden/react-loaders';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import type { ClosePlan } from '../../domain/after-send/close-remaining.ts';
import {
  closeRemaining,
  findRemaining,
  type CloseOutcome,
  type CloseProgress,
} from '../../services/after-send/close-remaining.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { errorMessage } from '../shared/error-message.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'finding' }
  | { kind: 'confirm'; plan: ClosePlan }
  | { kind: 'closing'; progress: CloseProgress }
  | { kind: 'done'; outcome: CloseOutcome }
  | { kind: 'failed'; error: unknown };

/** Progress and reports take a line of their own under the card's buttons. */
const Wide = styled.div`
  flex-basis: 100%;
`;

/** Shown as "#12: reason": a long list would push the rest of the page away. */
const SHOWN_FAILURES = 10;

/**
 * "Close remaining tickets": counts what is still unsolved (read back from Zendesk, not only
 * from search), says how many before anything changes, then solves them paced like a send and
 * reports what changed and what did not.
 */
export function CloseRemaining({
  campaign,
  unsolved,
  onClosed,
}: {
  campaign: { name: string; tag: string };
  /** Unsolved tickets by the last count: without any, only a report still on screen is shown. */
  unsolved: number;
  onClosed: () => void;
}) {
  const { t, locale } = useI18n();
  const { api, user, now } = useEnvironment();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const number = (n: number) => n.toLocaleString(locale);

  const find = async () => {
    setStep({ kind: 'finding' });
    try {
      setStep({ kind: 'confirm', plan: await findRemaining(api, campaign.tag) });
    } catch (error) {
      setStep({ kind: 'failed', error });
    }
  };
  const close = async (plan: ClosePlan) => {
    setStep({ kind: 'closing', progress: { total: plan.tickets.length, closed: 0, failed: 0, waitingUntil: null } });
    const outcome = await closeRemaining(api, plan, user.id, (progress) => setStep({ kind: 'closing', progress }));
    setStep({ kind: 'done', outcome });
    onClosed();
  };

  if (unsolved === 0 && step.kind === 'idle') return null;
  return (
    <>
      <Button size="small" disabled={step.kind === 'finding' || step.kind === 'closing'} onClick={() => void find()}>
        {t(step.kind === 'finding' ? 'close.finding' : 'close.button')}
      </Button>
      {step.kind === 'failed' && (
        <Wide>
          <ErrorAlert error={step.error} onRetry={() => void find()} />
        </Wide>
      )}
      {step.kind === 'confirm' && step.plan.tickets.length === 0 && (
        <Wide>
          <Alert type="info">
            <Alert.Paragraph>{t('close.none')}</Alert.Paragraph>
          </Alert>
        </Wide>
      )}
      {step.kind === 'confirm' && step.plan.tickets.length > 0 && (
        <Modal onClose={() => setStep({ kind: 'idle' })} aria-label={t('close.confirm_title')}>
          <Modal.Header>{t('close.confirm_title')}</Modal.Header>
          <Modal.Body>
            <MD>{t('close.confirm_body', { count: number(step.plan.tickets.length), name: campaign.name })}</MD>
            {step.plan.unassigned > 0 && (
              <MD style={{ marginTop: 8 }}>{t('close.confirm_unassigned', { count: number(step.plan.unassigned) })}</MD>
            )}
          </Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic onClick={() => setStep({ kind: 'idle' })}>
                {t('close.confirm_no')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button isPrimary isDanger onClick={() => void close(step.plan)}>
                {t('close.confirm_yes', { count: number(step.plan.tickets.length) })}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('close.confirm_no')} />
        </Modal>
      )}
      {step.kind === 'closing' && (
        <Wide role="status">
          <MD>
            {t('close.progress', {
              done: number(step.progress.closed + step.progress.failed),
              total: number(step.progress.total),
            })}
          </MD>
          <Progress
            aria-label={t('close.progress_label')}
            value={((step.progress.closed + step.progress.failed) / Math.max(1, step.progress.total)) * 100}
          />
          {step.progress.waitingUntil !== null && (
            <MD>
              {t('close.waiting', { seconds: Math.max(1, Math.ceil((step.progress.waitingUntil - now()) / 1000)) })}
            </MD>
          )}
        </Wide>
      )}
      {step.kind === 'done' && (
        <Wide>
          <CloseReportView outcome={step.outcome} />
        </Wide>
      )}
    </>
  );
}

function CloseReportView({ outcome }: { outcome: CloseOutcome }) {
  const { t, locale } = useI18n();
  const { report, error } = outcome;
  const number = (n: number) => n.toLocaleString(locale);
  const problems = report.failed.length > 0 || report.notTried.length > 0;
  return (
    <Alert type={problems ? 'warning' : 'success'} role="status">
      <Alert.Paragraph>{t('close.done', { closed: number(report.closed.length) })}</Alert.Paragraph>
      {report.failed.length > 0 && (
        <>
          <Alert.Paragraph>{t('close.failed_some', { count: number(report.failed.length) })}</Alert.Paragraph>
          <ul>
            {report.failed.slice(0, SHOWN_FAILURES).map((f) => (
              <li key={f.ticketId}>{t('close.failed_item', { id: f.ticketId, reason: f.reason })}</li>
            ))}
          </ul>
        </>
      )}
      {report.notTried.length > 0 && (
        <Alert.Paragraph>
          {t('close.stopped', { count: number(report.notTried.length), reason: errorMessage(error, t) })}
        </Alert.Paragraph>
      )}
    </Alert>
  );
}
