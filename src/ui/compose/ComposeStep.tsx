import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, XL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { useT } from '../../i18n/provider.tsx';
import { useAudience } from '../audience/AudienceProvider.tsx';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import type { StepProps } from '../step-props.ts';
import { useCampaign } from '../store/campaign-store.ts';
import { EmptyPlaceholders } from './EmptyPlaceholders.tsx';
import { MacroPicker } from './MacroPicker.tsx';
import { NameAndTag } from './NameAndTag.tsx';
import { TicketFields } from './TicketFields.tsx';
import { TicketText } from './TicketText.tsx';
import { useCampaignChecks } from './use-campaign-checks.ts';
import { useComposeWorkspace } from './use-compose-workspace.ts';
import { usePlaceholderReport } from './use-placeholder-report.ts';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(16em, 1fr);
  gap: ${({ theme }) => theme.space.md};
  align-items: start;
`;

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

/** Flow step 2: the one ticket every customer gets, with their own values filled in. */
export default function ComposeStep({ facts, retryFacts }: StepProps) {
  const t = useT();
  const workspace = useComposeWorkspace();
  return (
    <>
      <XL tag="h2">{t('compose.title')}</XL>
      <MD style={{ marginBottom: 16 }}>{t('compose.intro', { example: '{{user.first_name}}' })}</MD>
      {(facts.status === 'loading' || workspace.state.status === 'loading') && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton height="40px" />
          <Skeleton height="160px" />
        </div>
      )}
      {facts.status === 'error' && <ErrorAlert error={facts.error} onRetry={retryFacts} />}
      {workspace.state.status === 'error' && <ErrorAlert error={workspace.state.error} onRetry={workspace.retry} />}
      {facts.status === 'ready' && workspace.state.status === 'ready' && (
        <Composer facts={facts.value} workspace={workspace.state.value} />
      )}
    </>
  );
}

function Composer({ facts, workspace }: { facts: AccountFacts; workspace: ComposeWorkspace }) {
  const t = useT();
  const { store, session } = useEnvironment();
  const ticket = useCampaign(store, (s) => s.draft.ticket);
  const update = useCampaign(store, (s) => s.updateTicket);
  const goTo = useCampaign(store, (s) => s.goTo);
  const audience = useAudience();
  const { checks, template, tag, tagCheck } = useCampaignChecks(ticket, facts, workspace);
  const customers = audience?.sorted?.included ?? NO_CUSTOMERS;
  const report = usePlaceholderReport(template, customers);
  const onChange = (next: typeof ticket) => update(() => next);
  return (
    <Layout>
      <Stack>
        <Card title={t('compose.campaign_title')}>
          <NameAndTag
            ticket={ticket}
            tag={tag}
            prefix={session.settings.tagPrefix}
            checks={checks}
            onChange={onChange}
          />
          {tagCheck.error !== null && <ErrorAlert error={tagCheck.error} onRetry={tagCheck.retry} />}
        </Card>
        <Card title={t('compose.ticket_title')} hint={t('compose.ticket_hint')}>
          <TicketText ticket={ticket} facts={facts} checks={checks} onChange={onChange} />
        </Card>
        <Card title={t('compose.fields_title')}>
          <TicketFields ticket={ticket} workspace={workspace} checks={checks} onChange={onChange} />
        </Card>
      </Stack>
      <Stack>
        <Card title={t('compose.macro_title')}>
          <MacroPicker ticket={ticket} workspace={workspace} onChange={onChange} />
        </Card>
        <Card title={t('compose.empty_title')} hint={t('compose.empty_hint')}>
          <EmptyPlaceholders report={report} ticket={ticket} onChange={onChange} />
        </Card>
        <Button isPrimary onClick={() => goTo('preview')}>
          {t('compose.continue')}
        </Button>
      </Stack>
    </Layout>
  );
}

const NO_CUSTOMERS: never[] = [];
