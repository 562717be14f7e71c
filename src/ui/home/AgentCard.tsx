import { Button } from '@zendeskgarden/react-buttons';
import { MD } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useI18n } from '../../i18n/provider.tsx';
import type { CurrentUser } from '../../zaf/current-user.ts';
import { Card } from '../shared/Card.tsx';
import { Facts } from '../shared/Facts.tsx';
import { roleLabel } from './role-label.ts';

const Actions = styled.div`
  margin-top: ${({ theme }) => theme.space.md};
`;

export function AgentCard({
  user,
  subdomain,
  onOpenProfile,
}: {
  user: CurrentUser;
  subdomain: string | null;
  /** Leaves the app for the agent's own Zendesk profile (ZAF routeTo). */
  onOpenProfile: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('home.agent_title')}>
      <MD isBold>{user.name}</MD>
      {user.email && <MD>{user.email}</MD>}
      <br />
      <Facts
        items={[
          { label: t('home.role'), value: roleLabel(user.role, t) },
          { label: t('home.account'), value: subdomain ?? '—' },
          { label: t('home.language'), value: `${t(`language.${locale}`)} (${user.locale})` },
        ]}
      />
      <Actions>
        <Button size="small" onClick={onOpenProfile}>
          {t('home.open_profile')}
        </Button>
      </Actions>
    </Card>
  );
}
