import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, XL } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { capacityVerdict } from '../../domain/checks/campaign-checks.ts';
import { campaignTicket } from '../../domain/compose/campaign-ticket.ts';
import { markerTag } from '../../domain/campaign/tags.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { activeTriggers, solvedInWindow } from '../../services/compose/campaign-facts.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { useT } from '../../i18n/provider.tsx';
import { useAudience } from '../audience/AudienceProvider.tsx';
import { useCampaignChecks } from '../compose/use-campaign-checks.ts';
import { useComposeWorkspace } from '../compose/use-compose-workspace.ts';
import { usePlaceholderReport } from '../compose/use-placeholder-report.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { StepProps } from '../step-props.ts';
import { useCampaign } from '../store/campaign-store.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { CustomerStepper } from './CustomerStepper.tsx';
import { TestSend } from './TestSend.tsx';
import { TicketPreview } from './TicketPreview.tsx';
import { useTriggerForecast } from './use-forecast.ts';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 3fr) minmax(18em, 2fr);
  gap: ${({ theme }) => theme.space.md};
  align-items: start;
`;

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

/** Flow step 3: the exact ticket for any customer, and everything to know before sending. */
export default function PreviewStep({ facts, retryFacts }: StepProps) {
  const t = useT();
  const workspace = useComposeWorkspace();
  return (
    <>
      <XL tag="h2">{t('preview.title')}</XL>
      <MD style={{ marginBottom: 16 }}>{t('preview.intro')}</MD>
      {(facts.status === 'loading' || workspace.state.status === 'loading') && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton height="200px" />
        </div>
      )}
      {facts.status === 'error' && <ErrorAlert error={facts.error} onRetry={retryFacts} />}
      {workspace.state.status === 'error' && <ErrorAlert error={workspace.state.error} onRetry={workspace.retry} />}
      {facts.status === 'ready' && workspace.state.status === 'ready' && (
        <Preview facts={facts.value} workspace={workspace.state.value} />
      )}
    </>
  );
}

function Preview({ facts, workspace }: { facts: AccountFacts; workspace: ComposeWorkspace }) {
  const t = useT();
  const { store, session, user, api, shared, organizations, now } = useEnvironment();
  const ticket = useCampaign(store, (s) => s.draft.ticket);
  const update = useCampaign(store, (s) => s.updateTicket);
  const goTo = useCampaign(store, (s) => s.goTo);
  const audience = useAudience();
  const customers = audience?.sorted?.included ?? NO_CUSTOMERS;
  const { checks, template, tag } = useCampaignChecks(ticket, facts, workspace);
  const report = usePlaceholderReport(template, customers);
  const [index, setIndex] = useState(0);
  const [, setOrganizationsSeen] = useState(0);
  const current = customers[Math.min(index, Math.max(0, customers.length - 1))];

  const loadTriggers = useCallback(() => shared('active-triggers', () => activeTriggers(api)), [api, shared]);
  const triggers = useLoad(loadTriggers);
  const loadCapacity = useCallback(
    () =>
      solvedInWindow(api, { groupId: ticket.groupId, calendar: facts.calendar, today: facts.calendar.dayOf(now()) }),
    [api, ticket.groupId, facts.calendar, now],
  );
  const capacity = useLoad(loadCapacity);

  useEffect(() => {
    if (!current) return;
    let live = true;
    organizations.ensure([current.user.organization_id]).then(
      () => live && setOrganizationsSeen((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [current, organizations]);

  const identity = useMemo(
    () => ({ campaignTag: tag, markerTag: markerTag(session.settings.tagPrefix), agentId: user.id }),
    [tag, session.settings.tagPrefix, user.id],
  );
  const forecast = useTriggerForecast(
    triggers.state.status === 'ready' ? triggers.state.value : null,
    ticket,
    template,
    customers,
    identity,
  );
  const organization = current
    ? (current.organizations.find((o) => o.id === current.user.organization_id) ??
      organizations.get(current.user.organization_id))
    : null;
  const rendered = current ? template.render(current.user, organization) : null;
  const payload = current && rendered ? campaignTicket(ticket, rendered, current.user.id, identity) : null;
  const blocked = checks.some((c) => c.severity === 'error');
  const groupName = (id: number | null) => workspace.groups.find((g) => g.id === id)?.name ?? t('preview.a_group');

  return (
    <Layout>
      <Stack>
        <Card title={t('preview.customer_title')}>
          {customers.length === 0 ? (
            <MD>{t('preview.no_customers')}</MD>
          ) : (
            <>
              <CustomerStepper customers={customers} index={Math.min(index, customers.length - 1)} onIndex={setIndex} />
              {current && rendered && payload && (
                <TicketPreview
                  customer={current}
                  organization={organization}
                  rendered={rendered}
                  ticket={payload}
                  workspace={workspace}
                />
              )}
            </>
          )}
        </Card>
        <TestSend
          ticket={ticket}
          template={template}
          blocked={checks.some((c) => c.field === 'subject' || c.field === 'body')}
        />
      </Stack>
      <Stack>
        <ChecksPanel
          checks={checks}
          ticket={ticket}
          size={customers.length}
          cap={session.settings.campaignSizeCap}
          sorted={audience?.sorted ?? null}
          frequencyCapDays={session.settings.frequencyCapDays}
          capacity={capacity.state.status === 'ready' ? capacityVerdict(capacity.state.value, customers.length) : null}
          capacityForGroup={ticket.groupId === null ? null : groupName(ticket.groupId)}
          forecast={forecast.forecast}
          forecastDone={triggers.state.status === 'ready' && forecast.checked >= customers.length}
          emptyPlaceholders={report.empty}
          subdomain={session.context.subdomain}
          groupName={groupName}
          onWaves={(waveSize) => update((tk) => ({ ...tk, waveSize }))}
          goTo={goTo}
        />
        {triggers.state.status === 'error' && <ErrorAlert error={triggers.state.error} onRetry={triggers.retry} />}
        {capacity.state.status === 'error' && <ErrorAlert error={capacity.state.error} onRetry={capacity.retry} />}
        <Button isPrimary disabled={blocked} onClick={() => goTo('send')}>
          {t('preview.continue')}
        </Button>
      </Stack>
    </Layout>
  );
}

const NO_CUSTOMERS: never[] = [];
