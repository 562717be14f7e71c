import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { MD, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { CampaignCheck, CapacityVerdict } from '../../domain/checks/campaign-checks.ts';
import { waveCount } from '../../domain/checks/campaign-checks.ts';
import type { TriggerForecast } from '../../domain/checks/forecast.ts';
import { summariseActions, reachesCustomers, type ActionSummary } from '../../domain/checks/trigger-actions.ts';
import { EXCLUSION_REASONS, type SortedAudience } from '../../domain/audience/exclusions.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { Card } from '../shared/Card.tsx';
import type { StepId } from '../store/campaign-store.ts';
import { checkMessage } from '../compose/check-message.ts';

const List = styled.ul`
  margin: 0;
  padding: 0;
  list-style: none;
  display: grid;
  gap: ${({ theme }) => theme.space.sm};
`;

function actionWords(action: ActionSummary, t: Translate, groupName: (id: number | null) => string): string {
  switch (action.kind) {
    case 'emails_group':
      return t('preview.action.emails_group', { group: groupName(action.groupId) });
    case 'sets':
      return t('preview.action.sets', {
        field: t(`preview.field.${action.field}`),
        value: action.value || t('preview.none'),
      });
    case 'other':
      return t('preview.action.other', { field: action.field });
    default:
      return t(`preview.action.${action.kind}`);
  }
}

export interface ChecksPanelProps {
  checks: readonly CampaignCheck[];
  ticket: TicketDraft;
  size: number;
  cap: number;
  sorted: SortedAudience | null;
  frequencyCapDays: number;
  capacity: CapacityVerdict | null;
  capacityForGroup: string | null;
  forecast: readonly TriggerForecast[];
  forecastDone: boolean;
  emptyPlaceholders: ReadonlyMap<string, unknown[]>;
  subdomain: string | null;
  groupName: (id: number | null) => string;
  onWaves: (waveSize: number | null) => void;
  goTo: (step: StepId) => void;
}

/** Everything to know before Send: errors block it, warnings are said; each says what to do. */
export function ChecksPanel(props: ChecksPanelProps) {
  const { t, locale } = useI18n();
  const number = (n: number) => n.toLocaleString(locale);
  const { checks, size, cap, ticket } = props;
  const errors = checks.filter((c) => c.severity === 'error');
  const stepFor = (check: CampaignCheck): StepId =>
    check.field === 'audience' ? 'audience' : check.field === 'size' ? 'preview' : 'compose';
  const firing = [...props.forecast]
    .filter((f) => f.fires > 0 || f.mayFire > 0)
    .sort(
      (a, b) =>
        Number(reachesCustomers(summariseActions(b.trigger.actions))) -
        Number(reachesCustomers(summariseActions(a.trigger.actions))),
    );
  return (
    <Card title={t('preview.checks_title')}>
      <List>
        {errors.length > 0 && (
          <li>
            <Alert type="error" role="alert">
              <Alert.Title>{t('preview.blocking_title', { count: number(errors.length) })}</Alert.Title>
              <ul>
                {errors.map((check, i) => (
                  <li key={`${check.code}:${i}`}>
                    {checkMessage(check, t, number)}{' '}
                    {stepFor(check) !== 'preview' && (
                      <Button isLink onClick={() => props.goTo(stepFor(check))}>
                        {t(`preview.fix_in_${stepFor(check)}`)}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </Alert>
          </li>
        )}
        <li>
          <MD isBold>{t('preview.size_title')}</MD>
          <SM>{t('preview.size', { size: number(size), cap: number(cap) })}</SM>
          {size > cap && ticket.waveSize === null && (
            <>
              <SM>{t('preview.waves_offer', { waves: number(waveCount(size, cap)), cap: number(cap) })}</SM>
              <Button size="small" onClick={() => props.onWaves(cap)}>
                {t('preview.waves_split', { cap: number(cap) })}
              </Button>
            </>
          )}
          {ticket.waveSize !== null && (
            <>
              <SM>
                {t('preview.waves_on', {
                  waves: number(waveCount(size, ticket.waveSize)),
                  per: number(ticket.waveSize),
                })}
              </SM>
              {size <= cap && (
                <Button size="small" isBasic onClick={() => props.onWaves(null)}>
                  {t('preview.waves_off')}
                </Button>
              )}
            </>
          )}
        </li>
        <li>
          <MD isBold>{t('preview.capacity_title')}</MD>
          {props.capacity === null ? (
            <SM>{t('preview.capacity_loading')}</SM>
          ) : props.capacity.days === null ? (
            <SM>{t('preview.capacity_unknown')}</SM>
          ) : (
            <SM>
              {t('preview.capacity', {
                who: props.capacityForGroup ?? t('preview.capacity_account'),
                perDay: number(Math.round(props.capacity.solvedPerDay * 10) / 10),
                days: number(Math.max(0.1, Math.round(props.capacity.days * 10) / 10)),
              })}
            </SM>
          )}
        </li>
        <li>
          <MD isBold>{t('preview.workflow_title')}</MD>
          {!props.forecastDone && <SM>{t('preview.workflow_checking')}</SM>}
          {props.forecastDone && firing.length === 0 && <SM>{t('preview.workflow_none')}</SM>}
          <List aria-label={t('preview.workflow_title')}>
            {firing.map(({ trigger, fires, mayFire }) => {
              const actions = summariseActions(trigger.actions);
              return (
                <li key={trigger.id}>
                  <SM isBold>
                    {props.subdomain ? (
                      <Anchor
                        isExternal
                        externalIconLabel={t('preview.opens_new_tab')}
                        href={`https://${props.subdomain}.zendesk.com/admin/objects-rules/rules/triggers/${trigger.id}`}
                        target="_blank"
                      >
                        {trigger.title}
                      </Anchor>
                    ) : (
                      trigger.title
                    )}{' '}
                    {reachesCustomers(actions) && (
                      <Tag size="small" hue="yellow">
                        {t('preview.reaches_customers')}
                      </Tag>
                    )}
                  </SM>
                  <SM>
                    {fires === size
                      ? t('preview.fires_all')
                      : fires > 0
                        ? t('preview.fires_some', { count: number(fires) })
                        : t('preview.may_fire', { count: number(mayFire) })}
                    {' · '}
                    {actions.map((a) => actionWords(a, t, props.groupName)).join(', ')}
                  </SM>
                </li>
              );
            })}
          </List>
        </li>
        <li>
          <MD isBold>{t('preview.exclusions_title')}</MD>
          <SM>
            {props.frequencyCapDays > 0
              ? t('preview.frequency_on', { days: number(props.frequencyCapDays) })
              : t('preview.frequency_off')}
          </SM>
          {props.sorted && (
            <ul>
              {EXCLUSION_REASONS.filter((r) => (props.sorted?.counts[r] ?? 0) > 0).map((r) => (
                <li key={r}>
                  <SM>{t(`audience.reason.${r}`, { count: number(props.sorted?.counts[r] ?? 0) })}</SM>
                </li>
              ))}
            </ul>
          )}
        </li>
        {props.emptyPlaceholders.size > 0 && (
          <li>
            <Alert type="warning">
              <Alert.Title>{t('preview.empty_title')}</Alert.Title>
              <ul>
                {[...props.emptyPlaceholders.entries()].map(([path, who]) => (
                  <li key={path}>
                    {t('compose.empty_for', { placeholder: `{{${path}}}`, count: number(who.length) })}
                  </li>
                ))}
              </ul>
              <Button isLink onClick={() => props.goTo('compose')}>
                {t('preview.fix_in_compose')}
              </Button>
            </Alert>
          </li>
        )}
      </List>
    </Card>
  );
}
