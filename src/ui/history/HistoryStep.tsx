import { Button } from '@zendeskgarden/react-buttons';
import { OffsetPagination } from '@zendeskgarden/react-pagination';
import { MD, XL } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import styled from 'styled-components';
import { HISTORY_LIMIT } from '../../services/after-send/campaign-history.ts';
import { useT } from '../../i18n/provider.tsx';
import { CampaignRecordNote } from '../shared/CampaignRecordNote.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Loading } from '../shared/Loading.tsx';
import { CampaignCard } from './CampaignCard.tsx';
import { useHistory, viewFor } from './use-history.ts';

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.md};
  align-items: center;
`;

/** Campaigns per page: each one asks Zendesk for four counts when it is shown. */
const PAGE = 10;

/**
 * Flow step 6: every campaign the team sent, for every agent in any browser (found from the
 * marker tag on the tickets; kept records add names, audiences and settings), with live counts
 * by status, its view, a CSV export of its tickets and "close remaining tickets".
 */
export default function HistoryStep() {
  const t = useT();
  const { state, retry } = useHistory();
  const [page, setPage] = useState(1);
  const [refresh, setRefresh] = useState(0);
  return (
    <>
      <XL tag="h2">{t('history.title')}</XL>
      <MD style={{ marginBottom: 16 }}>{t('history.intro')}</MD>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <Stack>
          <Toolbar>
            <Button size="small" onClick={() => setRefresh((n) => n + 1)}>
              {t('history.refresh')}
            </Button>
            <Button size="small" isBasic onClick={retry}>
              {t('history.reload')}
            </Button>
          </Toolbar>
          <CampaignRecordNote availability={state.value.records} />
          {state.value.campaigns.length === 0 && <MD>{t('history.empty')}</MD>}
          {state.value.truncated && <MD>{t('history.truncated', { count: HISTORY_LIMIT })}</MD>}
          {state.value.campaigns.slice((page - 1) * PAGE, page * PAGE).map((campaign) => (
            <CampaignCard
              key={campaign.tag}
              campaign={campaign}
              view={viewFor(state.value.views, campaign.tag, campaign.record?.viewId ?? null)}
              refresh={refresh}
              onChanged={() => setRefresh((n) => n + 1)}
            />
          ))}
          {state.value.campaigns.length > PAGE && (
            <OffsetPagination
              totalPages={Math.ceil(state.value.campaigns.length / PAGE)}
              currentPage={page}
              onChange={setPage}
              aria-label={t('audience.pages_label', { caption: t('history.title') })}
              labels={{
                previous: t('audience.page_previous'),
                next: t('audience.page_next'),
                gap: t('audience.page_gap'),
                renderPage: (n) => t('audience.page_n', { n }),
              }}
            />
          )}
        </Stack>
      )}
    </>
  );
}
