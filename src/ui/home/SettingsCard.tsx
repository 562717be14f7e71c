import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { Code } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';
import type { AppSettings, SettingProblem } from '../../zaf/settings.ts';
import { Card } from '../shared/Card.tsx';
import { Facts } from '../shared/Facts.tsx';

const Problems = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  margin-top: ${({ theme }) => theme.space.sm};
`;

/** The installation settings in effect, and any an admin set to something unusable. */
export function SettingsCard({ settings, problems }: { settings: AppSettings; problems: readonly SettingProblem[] }) {
  const t = useT();
  const yesNo = (value: boolean) => (
    <Tag size="small" hue={value ? 'green' : 'grey'}>
      {value ? t('settings.yes') : t('settings.no')}
    </Tag>
  );
  return (
    <Card title={t('home.settings_title')} hint={t('home.settings_hint')}>
      <Facts
        items={[
          {
            label: t('settings.campaign_size_cap'),
            value: t('settings.campaign_size_cap_value', { count: settings.campaignSizeCap }),
          },
          {
            label: t('settings.frequency_cap_days'),
            value:
              settings.frequencyCapDays === 0
                ? t('settings.frequency_cap_off')
                : t('settings.frequency_cap_value', { count: settings.frequencyCapDays }),
          },
          { label: t('settings.tag_prefix'), value: <Code size="small">{settings.tagPrefix}</Code> },
          { label: t('settings.agents_can_send'), value: yesNo(settings.agentsCanSend) },
          {
            label: t('settings.api_budget_share'),
            value: t('settings.api_budget_share_value', { count: settings.apiBudgetShare }),
          },
          {
            label: t('settings.default_group_id'),
            value:
              settings.defaultGroupId === null
                ? t('settings.default_group_none')
                : t('settings.default_group_value', { id: String(settings.defaultGroupId) }),
          },
        ]}
      />
      {problems.length > 0 && (
        <Problems>
          {problems.map((problem) => (
            <Alert type="warning" key={problem.setting}>
              {t('settings.invalid', { setting: t(`settings.${problem.setting}`), value: problem.value })}
            </Alert>
          ))}
        </Problems>
      )}
    </Card>
  );
}
