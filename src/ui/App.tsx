import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { MD } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import { catalogs, loadCatalogs, resolveLocale } from '../i18n/catalog.ts';
import { I18nProvider, useT } from '../i18n/provider.tsx';
import type { Connection, ZendeskSession } from '../zaf/connect.ts';
import type { CurrentUser } from '../zaf/current-user.ts';
import { CampaignApp } from './CampaignApp.tsx';
import { createEnvironment } from './create-environment.ts';
import type { AppEnvironment, SessionServices } from './environment.tsx';
import { OutsideZendesk } from './outside/OutsideZendesk.tsx';

type AppState =
  | { status: 'connecting' }
  | { status: 'outside' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; environment: AppEnvironment };

export interface AppProps {
  /** Connects to the hosting Zendesk page (the real SDK in main.tsx, a fake client in tests). */
  connect: () => Promise<Connection>;
  /** The Support API client and browser storage for a session, over the session's transport. */
  createServices: (session: ZendeskSession, user: CurrentUser) => SessionServices;
  /** The browser's language, for what is shown before Zendesk tells us the agent's locale. */
  browserLocale?: string;
}

export function App({ connect, createServices, browserLocale }: AppProps) {
  const [state, setState] = useState<AppState>({ status: 'connecting' });

  const browserLanguage = resolveLocale(browserLocale ?? navigatorLanguage());
  // Bumped when a language's catalog arrives, so the screen re-renders in it.
  const [, languageLoaded] = useState(0);

  useEffect(() => {
    let current = true;
    void loadCatalogs([browserLanguage]).then(() => current && languageLoaded((n) => n + 1));
    (async () => {
      const connection = await connect();
      if (connection.kind === 'outside') return { status: 'outside' } as const;
      const { session } = connection;
      const user = await session.currentUser();
      // The agent's language is there before the first screen in it.
      await loadCatalogs([resolveLocale(user.locale)]);
      return { status: 'ready', environment: createEnvironment(session, user, createServices(session, user)) } as const;
    })().then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [connect, createServices, browserLanguage]);

  const wanted = state.status === 'ready' ? resolveLocale(state.environment.user.locale) : browserLanguage;
  // English until the browser's language has loaded (a moment, while connecting).
  const locale = catalogs[wanted] ? wanted : 'en';

  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <I18nProvider locale={locale}>
        {state.status === 'connecting' && <Connecting />}
        {state.status === 'outside' && <OutsideZendesk />}
        {state.status === 'failed' && <ConnectionFailed />}
        {state.status === 'ready' && <CampaignApp environment={state.environment} />}
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
