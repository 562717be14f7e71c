import { Col, Grid, Row } from '@zendeskgarden/react-grid';
import { MD, XL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';
import type { ZendeskSession } from '../../zaf/connect.ts';
import type { CurrentUser } from '../../zaf/current-user.ts';
import type { AppSettings, SettingProblem } from '../../zaf/settings.ts';
import { AgentCard } from './AgentCard.tsx';
import { CustomersCard } from './CustomersCard.tsx';
import { FieldsCard } from './FieldsCard.tsx';
import type { HomeData } from './home-data.ts';
import { SettingsCard } from './SettingsCard.tsx';

const Intro = styled.div`
  margin-bottom: ${({ theme }) => theme.space.md};
`;

const Cell = styled(Col)`
  margin-bottom: ${({ theme }) => theme.space.md};
`;

export interface HomeProps {
  user: CurrentUser;
  subdomain: string | null;
  settings: AppSettings;
  settingProblems: readonly SettingProblem[];
  data: HomeData;
  routeTo: ZendeskSession['routeTo'];
}

/** The first screen: who is signed in, and what the account offers a campaign. */
export function Home({ user, subdomain, settings, settingProblems, data, routeTo }: HomeProps) {
  const t = useT();
  return (
    <>
      <Intro>
        <XL tag="h2">{t('home.title')}</XL>
        <MD>{t('home.intro')}</MD>
      </Intro>
      <Grid gutters="md" style={{ padding: 0 }}>
        <Row>
          <Cell sm={12} md={4}>
            <AgentCard user={user} subdomain={subdomain} onOpenProfile={() => void routeTo('user', user.id)} />
          </Cell>
          <Cell sm={12} md={4}>
            <CustomersCard data={data} />
          </Cell>
          <Cell sm={12} md={4}>
            <SettingsCard settings={settings} problems={settingProblems} />
          </Cell>
        </Row>
        <Row>
          <Cell sm={12} lg={6}>
            <FieldsCard title={t('home.user_fields_title')} load={data.listUserFields} />
          </Cell>
          <Cell sm={12} lg={6}>
            <FieldsCard title={t('home.organization_fields_title')} load={data.listOrganizationFields} />
          </Cell>
        </Row>
      </Grid>
    </>
  );
}
