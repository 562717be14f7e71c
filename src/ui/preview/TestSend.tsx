import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import type { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { sendTestTicket } from '../../services/preview/test-send.ts';
import type { Ticket } from '../../zendesk/index.ts';
import { useT } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

/** One ticket to yourself, exactly as customers get it, never counted in the campaign. */
export function TestSend({
  ticket,
  template,
  blocked,
}: {
  ticket: TicketDraft;
  template: CampaignTemplate;
  blocked: boolean;
}) {
  const t = useT();
  const { api, session, newId } = useEnvironment();
  const [state, setState] = useState<
    { status: 'idle' | 'sending' } | { status: 'sent'; ticket: Ticket } | { status: 'failed'; error: unknown }
  >({ status: 'idle' });
  const send = async () => {
    setState({ status: 'sending' });
    try {
      const created = await sendTestTicket(api, {
        ticket,
        template,
        tagPrefix: session.settings.tagPrefix,
        attemptKey: newId(),
      });
      setState({ status: 'sent', ticket: created });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <Card title={t('preview.test_title')} hint={t('preview.test_hint')}>
      <Button size="small" disabled={blocked || state.status === 'sending'} onClick={() => void send()}>
        {state.status === 'sending' ? t('preview.test_sending') : t('preview.test_send')}
      </Button>
      {state.status === 'sent' && (
        <SM role="status" style={{ marginTop: 8 }}>
          {t('preview.test_sent', { id: state.ticket.id })}{' '}
          <Button isLink onClick={() => void session.routeTo('ticket', state.ticket.id)}>
            {t('preview.test_open')}
          </Button>
        </SM>
      )}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
    </Card>
  );
}
