import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import { resolveLocale } from '../i18n/catalog.ts';
import { I18nProvider, useT } from '../i18n/provider.tsx';
import type { Connection, ZendeskSession } from '../zaf/connect.ts';
import type { CurrentUser } from '../zaf/current-user.ts';
import { Home } from './home/Home.tsx';
import type { HomeData } from './home/home-data.ts';
import { OutsideZendesk } from './outside/OutsideZendesk.tsx';
import { Shell } from './shell/Shell.tsx';

type AppState =
  | { status: 'connecting' }
  | { status: 'outside' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; session: ZendeskSession; user: CurrentUser; homeData: HomeData };

export interface AppProps {
  /** Connects to the hosting Zendesk page (the real SDK in main.tsx, a fake client in tests). */
  connect: () => Promise<Connection>;
  /** The Support API reads the home screen needs, over the session's transport. */
  createHomeData: (session: ZendeskSession) => HomeData;
  /** The browser's language, for what is shown before Zendesk tells us the agent's locale. */
  browserLocale?: string;
}

export function App({ connect, createHomeData, browserLocale }: AppProps) {
  const [state, setState] = useState<AppState>({ status: 'connecting' });

  useEffect(() => {
    let current = true;
    (async () => {
      const connection = await connect();
      if (connection.kind === 'outside') return { status: 'outside' } as const;
      const { session } = connection;
      const user = await session.currentUser();
      return { status: 'ready', session, user, homeData: createHomeData(session) } as const;
    })().then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [connect, createHomeData]);

  const locale = resolveLocale(state.status === 'ready' ? state.user.locale : (browserLocale ?? navigatorLanguage()));

  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <I18nProvider locale={locale}>
        {state.status === 'connecting' && <Connecting />}
        {state.status === 'outside' && <OutsideZendesk />}
        {state.status === 'failed' && <ConnectionFailed />}
        {state.status === 'ready' && (
          <Shell current="home" version={state.session.metadata.version}>
            <Home
              user={state.user}
              subdomain={state.session.context.subdomain}
              settings={state.session.settings}
              settingProblems={state.session.settingProblems}
              data={state.homeData}
              routeTo={state.session.routeTo}
            />
          </Shell>
        )}
      </I18nProvider>
    </ThemeProvider>
  );
}

function navigatorLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

const Centered = styled.div`
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: ${({ theme }) => theme.space.sm};
  padding: ${({ theme }) => theme.space.xxl};
`;

function Connecting() {
  const t = useT();
  return (
    <Centered role="status">
      <Dots size={32} aria-hidden />
      <MD>{t('connect.connecting')}</MD>
    </Centered>
  );
}

function ConnectionFailed() {
  const t = useT();
  return (
    <Centered>
      <Alert type="error">
        <Alert.Title>{t('connect.failed_title')}</Alert.Title>
        <Alert.Paragraph>{t('connect.failed_body')}</Alert.Paragraph>
        <Button size="small" onClick={() => window.location.reload()}>
          {t('connect.reload')}
        </Button>
      </Alert>
    </Centered>
  );
}
