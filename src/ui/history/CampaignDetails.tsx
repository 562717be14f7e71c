import { Button } from '@zendeskgarden/react-buttons';
import { useId, useState } from 'react';
import styled from 'styled-components';
import type { AudienceSummary, CampaignRecord, TicketSettings } from '../../domain/after-send/campaign-record.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { Facts } from '../shared/Facts.tsx';

const Panel = styled.div`
  margin-top: ${({ theme }) => theme.space.sm};
`;

/** What only the campaign record knows: the audience, the ticket's settings, each wave's results. */
export function CampaignDetails({ record }: { record: CampaignRecord }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <Panel>
      <Button size="small" isBasic aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('history.details')}
      </Button>
      {open && (
        <div id={panelId}>
          <Facts
            items={[
              { label: t('history.audience'), value: audienceWords(record.audience, t, number) },
              ...(record.settings ? settingsFacts(record.settings, t) : []),
              ...record.waves.map((w) => ({
                label: t('history.wave', { wave: w.wave, waves: w.waves }),
                value: t('history.wave_result', {
                  created: number(w.created),
                  failed: number(w.failed),
                  skipped: number(w.skipped),
                }),
              })),
            ]}
          />
        </div>
      )}
    </Panel>
  );
}

function audienceWords(audience: AudienceSummary | null, t: Translate, number: (n: number) => string): string {
  if (audience === null) return t('history.unknown');
  if (audience.source === 'csv') {
    return t('history.audience_csv', {
      file: audience.fileName,
      matched: number(audience.matched),
      rows: number(audience.rows),
    });
  }
  const count = number(audience.rules.conditions.length);
  return t(audience.rules.match === 'all' ? 'history.audience_rules_all' : 'history.audience_rules_any', { count });
}

function settingsFacts(settings: TicketSettings, t: Translate) {
  return [
    { label: t('history.subject'), value: settings.subject },
    { label: t('compose.visibility_label'), value: t(`compose.visibility_${settings.visibility}`) },
    { label: t('compose.status_label'), value: t(`ticket.status.${settings.status}`) },
    {
      label: t('compose.priority_label'),
      value: settings.priority === null ? t('compose.none') : t(`ticket.priority.${settings.priority}`),
    },
  ];
}
