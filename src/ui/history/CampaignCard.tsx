import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { SM } from '@zendeskgarden/react-typography';
import { useCallback, useState } from 'react';
import styled from 'styled-components';
import {
  COUNTED_STATUSES,
  ticketsNotYetSearchable,
  totalOf,
  unsolvedOf,
  type CampaignSummary,
} from '../../domain/after-send/campaign-history.ts';
import { countCampaignTickets, firstTicketFacts } from '../../services/after-send/campaign-history.ts';
import { campaignTickets } from '../../services/after-send/campaign-tickets.ts';
import { ensureCampaignView } from '../../services/after-send/campaign-view.ts';
import type { View } from '../../zendesk/index.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { campaignViewWords } from '../done/view-words.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { downloadText } from '../shared/download.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Facts } from '../shared/Facts.tsx';
import { useLoad } from '../shared/use-load.ts';
import { CampaignDetails } from './CampaignDetails.tsx';
import { CloseRemaining } from './CloseRemaining.tsx';
import { ticketsCsv } from './tickets-csv.ts';

const Actions = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xs};
  margin-top: ${({ theme }) => theme.space.sm};
`;

const Columns = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
  gap: ${({ theme }) => theme.space.md};
`;

/** One campaign of the history: when, who, how big, its tickets by status, and what can be done with it. */
export function CampaignCard({
  campaign,
  view: initialView,
  refresh,
  onChanged,
}: {
  campaign: CampaignSummary;
  view: View | undefined;
  /** Bumped to count again. */
  refresh: number;
  /** Tickets were closed: the counts (and the rest of the history) are out of date. */
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const { api, session, user, now } = useEnvironment();
  const { tag } = campaign;
  const name = campaign.name ?? tag;
  const [view, setView] = useState(initialView);
  const [working, setWorking] = useState<'view' | 'export' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const countLoad = useCallback(() => {
    void refresh; // a new value is the reason to count again
    return countCampaignTickets(api, tag);
  }, [api, tag, refresh]);
  const counts = useLoad(countLoad);
  const needsFirst = campaign.authorName === null || campaign.firstSentAt === null;
  const firstLoad = useCallback(
    () => (needsFirst ? firstTicketFacts(api, tag) : Promise.resolve(null)),
    [api, tag, needsFirst],
  );
  const first = useLoad(firstLoad);
  const firstFacts = first.state.status === 'ready' ? first.state.value : null;
  const sentAt = campaign.firstSentAt ?? firstFacts?.sentAt ?? null;
  const author = campaign.authorName ?? firstFacts?.authorName ?? null;
  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const number = (n: number) => n.toLocaleString(locale);
  const ready = counts.state.status === 'ready' ? counts.state.value : null;
  const notYetSearchable = ready ? ticketsNotYetSearchable(campaign.record, totalOf(ready), now()) : 0;
  const mayClose = user.role.kind === 'admin' || session.settings.agentsCanSend;

  const run = async (what: 'view' | 'export', task: () => Promise<void>) => {
    setWorking(what);
    setFailure(null);
    try {
      await task();
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(null);
    }
  };
  const createView = () =>
    run('view', async () => {
      const role = user.role.kind === 'end-user' ? 'agent' : user.role.kind;
      const campaignNamed = { name, tag };
      const result = await ensureCampaignView(api, {
        campaign: campaignNamed,
        role,
        userId: user.id,
        words: campaignViewWords(t, campaignNamed),
      });
      setView(result.view);
    });
  const exportTickets = () =>
    run('export', async () => {
      const rows = await campaignTickets(api, tag);
      downloadText(`${tag}-tickets.csv`, ticketsCsv(rows, t), 'text/csv;charset=utf-8');
    });

  return (
    <Card title={name} hint={campaign.name === null ? undefined : t('history.tag', { tag })}>
      <Columns>
        <Facts
          items={[
            { label: t('history.sent'), value: sentAt === null ? t('history.unknown') : date(sentAt) },
            { label: t('history.author'), value: author ?? t('history.unknown') },
            { label: t('history.size'), value: ready ? number(totalOf(ready) + notYetSearchable) : '…' },
          ]}
        />
        <div aria-label={t('history.counts_label')} role="group">
          {counts.state.status === 'loading' && (
            <div role="status" aria-label={t('history.counting')}>
              <Skeleton height="72px" />
            </div>
          )}
          {counts.state.status === 'error' && <ErrorAlert error={counts.state.error} onRetry={counts.retry} />}
          {notYetSearchable > 0 && <SM>{t('history.not_yet_searchable', { count: number(notYetSearchable) })}</SM>}
          {ready && (
            <Facts
              items={COUNTED_STATUSES.map((status) => ({
                label: t(`history.status.${status}`),
                value: number(ready[status]),
              }))}
            />
          )}
        </div>
      </Columns>
      <Actions>
        {view ? (
          <Button size="small" onClick={() => void session.routeTo('views', view.id)}>
            {t('history.open_view')}
          </Button>
        ) : (
          <Button size="small" disabled={working !== null} onClick={() => void createView()}>
            {t(working === 'view' ? 'history.creating_view' : 'history.create_view')}
          </Button>
        )}
        <Button size="small" disabled={working !== null} onClick={() => void exportTickets()}>
          {t(working === 'export' ? 'history.exporting' : 'history.export')}
        </Button>
        {mayClose && ready && (
          <CloseRemaining campaign={{ name, tag }} unsolved={unsolvedOf(ready)} onClosed={onChanged} />
        )}
      </Actions>
      {failure !== null && <ErrorAlert error={failure} />}
      {campaign.record && <CampaignDetails record={campaign.record} />}
      {ready && unsolvedOf(ready) === 0 && totalOf(ready) > 0 && <SM>{t('history.all_solved')}</SM>}
    </Card>
  );
}
