import { Button } from '@zendeskgarden/react-buttons';
import { Field, Radio } from '@zendeskgarden/react-forms';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, XL } from '@zendeskgarden/react-typography';
import { useMemo } from 'react';
import styled from 'styled-components';
import { usableConditions } from '../../domain/audience/audience.ts';
import type { Customer } from '../../domain/audience/customer.ts';
import type { AudienceDraft } from '../../domain/campaign/draft.ts';
import { useT } from '../../i18n/provider.tsx';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { useEnvironment } from '../environment.tsx';
import { Card } from '../shared/Card.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import type { StepProps } from '../step-props.ts';
import { useCampaign } from '../store/campaign-store.ts';
import { AudienceSummary } from './AudienceSummary.tsx';
import { CustomerFileImport } from './CustomerFileImport.tsx';
import { CustomerTable } from './CustomerTable.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { useAudience } from './AudienceProvider.tsx';
import type { FetchState } from './use-fetched-audience.ts';
import { useExpectedCount } from './use-expected-count.ts';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(16em, 1fr);
  gap: ${({ theme }) => theme.space.md};
  align-items: start;
  margin-bottom: ${({ theme }) => theme.space.md};
`;

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

const Sources = styled.div`
  display: flex;
  gap: ${({ theme }) => theme.space.lg};
  margin-bottom: ${({ theme }) => theme.space.md};
`;

/** Flow step 1: who the campaign goes to. */
export default function AudienceStep({ facts: state, retryFacts: retry }: StepProps) {
  const t = useT();
  return (
    <>
      <XL tag="h2">{t('audience.title')}</XL>
      <MD style={{ marginBottom: 16 }}>{t('audience.intro')}</MD>
      {state.status === 'loading' && (
        <div role="status" aria-label={t('home.loading')}>
          <Skeleton height="40px" />
          <Skeleton height="40px" />
        </div>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <AudienceBuilder facts={state.value} />}
    </>
  );
}

function AudienceBuilder({ facts }: { facts: AccountFacts }) {
  const t = useT();
  const { store, newId, now } = useEnvironment();
  const audience = useCampaign(store, (s) => s.draft.audience);
  const updateAudience = useCampaign(store, (s) => s.updateAudience);
  const goTo = useCampaign(store, (s) => s.goTo);
  const shared = useAudience();
  const today = facts.calendar.dayOf(now());
  const state: FetchState = shared?.state ?? { status: 'idle' };
  const sorted = shared?.sorted ?? null;
  const retry = shared?.retry ?? (() => undefined);
  const expected = useExpectedCount(facts, audience, state.status === 'loading');
  const { problems, usable } = useMemo(() => usableConditions(audience.rules, facts.catalog), [audience.rules, facts]);
  const shownFields = useMemo(() => {
    const seen = new Set<string>();
    return usable.map((u) => u.field).filter((f) => f.ref.scope !== 'builtin' && !seen.has(f.id) && seen.add(f.id));
  }, [usable]);

  const setSource = (source: AudienceDraft['source']) => updateAudience((a) => ({ ...a, source }));
  const exclude = (customer: Customer) =>
    updateAudience((a) => ({ ...a, excludedUserIds: [...new Set([...a.excludedUserIds, customer.user.id])] }));
  const restore = (customer: Customer) =>
    updateAudience((a) => ({ ...a, excludedUserIds: a.excludedUserIds.filter((id) => id !== customer.user.id) }));
  const restorable = sorted?.excluded.filter((e) => e.reason === 'excluded_by_agent').map((e) => e.customer) ?? [];
  const leftOut = sorted?.excluded.filter((e) => e.reason !== 'excluded_by_agent').map((e) => e.customer) ?? [];
  const reasons = useMemo(() => new Map(sorted?.excluded.map((e) => [e.customer.user.id, e.reason])), [sorted]);

  return (
    <>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-label={t('audience.source_label')}>
        <Sources>
          {(['rules', 'csv'] as const).map((source) => (
            <Field key={source}>
              <Radio
                name="audience-source"
                value={source}
                checked={audience.source === source}
                onChange={() => setSource(source)}
              >
                <Field.Label>{t(`audience.source_${source}`)}</Field.Label>
              </Radio>
            </Field>
          ))}
        </Sources>
      </fieldset>
      <Layout>
        <Stack>
          {audience.source === 'rules' ? (
            <Card title={t('audience.rules_title')} hint={t('audience.rules_hint')}>
              <RulesEditor
                rules={audience.rules}
                catalog={facts.catalog}
                calendar={facts.calendar}
                today={today}
                problems={problems}
                newId={newId}
                onChange={(rules) => updateAudience((a) => ({ ...a, rules }))}
              />
            </Card>
          ) : (
            <CustomerFileImport
              csv={audience.csv}
              onImported={(csv, customers) => {
                shared?.setPreloaded(customers);
                updateAudience((a) => ({ ...a, source: 'csv', csv }));
              }}
            />
          )}
        </Stack>
        <Stack>
          <AudienceSummary state={state} sorted={sorted} expected={expected} onRetry={retry} />
          <Button isPrimary disabled={!sorted || sorted.included.length === 0} onClick={() => goTo('compose')}>
            {t('audience.continue')}
          </Button>
        </Stack>
      </Layout>
      {sorted && (
        <Stack>
          <Card title={t('audience.customers_title')}>
            <CustomerTable
              caption={t('audience.customers_title')}
              customers={sorted.included}
              fields={shownFields}
              action={{
                text: t('audience.exclude'),
                label: (c) => t('audience.exclude_customer', { name: c.user.name }),
                onClick: exclude,
              }}
            />
          </Card>
          {restorable.length > 0 && (
            <Card title={t('audience.excluded_title')} hint={t('audience.excluded_hint')}>
              <CustomerTable
                caption={t('audience.excluded_title')}
                customers={restorable}
                fields={shownFields}
                action={{
                  text: t('audience.restore'),
                  label: (c) => t('audience.restore_customer', { name: c.user.name }),
                  onClick: restore,
                }}
              />
            </Card>
          )}
          {leftOut.length > 0 && (
            <Card title={t('audience.left_out_title')} hint={t('audience.left_out_hint')}>
              <CustomerTable
                caption={t('audience.left_out_title')}
                customers={leftOut}
                fields={shownFields}
                note={{
                  title: t('audience.column_reason'),
                  value: (c) => t(`audience.reason_short.${reasons.get(c.user.id) ?? 'suspended'}`),
                }}
              />
            </Card>
          )}
        </Stack>
      )}
    </>
  );
}
