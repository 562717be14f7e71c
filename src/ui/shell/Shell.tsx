import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { SM, XL } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';
import { STEPS, type StepId } from '../store/campaign-store.ts';

const Page = styled.div`
  min-height: 100vh;
  background: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
`;

const Header = styled.header`
  display: flex;
  align-items: center;
  gap: ${({ theme }) => theme.space.md};
  padding: ${({ theme }) => `${theme.space.sm} ${theme.space.lg}`};
  background: ${({ theme }) => getColor({ theme, variable: 'background.default' })};
  border-bottom: ${({ theme }) => theme.borders.sm} ${({ theme }) => getColor({ theme, variable: 'border.default' })};
`;

const Titles = styled.div`
  flex: 1;
`;

const StepList = styled.ol`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xs};
  margin: 0;
  padding: ${({ theme }) => `${theme.space.sm} ${theme.space.lg}`};
  list-style: none;
  background: ${({ theme }) => getColor({ theme, variable: 'background.default' })};
  border-bottom: ${({ theme }) => theme.borders.sm} ${({ theme }) => getColor({ theme, variable: 'border.default' })};
`;

const StepItem = styled.li`
  display: flex;
  align-items: center;
  gap: ${({ theme }) => theme.space.xxs};
`;

const Main = styled.main`
  padding: ${({ theme }) => theme.space.lg};
  max-width: 1200px;
`;

export function Shell({
  current,
  onNavigate,
  version,
  children,
}: {
  current: StepId;
  onNavigate: (step: StepId) => void;
  version: string | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Page>
      <Header>
        <AppMark />
        <Titles>
          <XL tag="h1" isBold>
            {t('app.name')}
          </XL>
          <SM>{t('shell.tagline')}</SM>
        </Titles>
        {version && <SM>{t('shell.version', { version })}</SM>}
      </Header>
      <nav aria-label={t('shell.steps_label')}>
        <StepList>
          {STEPS.map((step, index) => {
            const label = index === 0 ? t(`steps.${step}`) : `${index}. ${t(`steps.${step}`)}`;
            return (
              <StepItem key={step}>
                <Button
                  size="small"
                  isBasic={step !== current}
                  isPrimary={step === current}
                  aria-current={step === current ? 'page' : undefined}
                  onClick={() => onNavigate(step)}
                >
                  {label}
                </Button>
              </StepItem>
            );
          })}
        </StepList>
      </nav>
      <Main>{children}</Main>
    </Page>
  );
}

const Mark = styled.svg`
  flex: none;
  width: 40px;
  height: 40px;
`;

/** The nav-bar icon's paper plane (assets/icon_nav_bar.svg), in the header. Decorative: the title names the app. */
function AppMark() {
  return (
    <Mark viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="8" fill="#1f73b7" />
      <g transform="translate(10 10) scale(1.1)" fill="#fff">
        <path d="M17 1 1 7.5l6.1 2.8Z" />
        <path d="M17 1 7.7 10.9 10.5 17Z" />
      </g>
    </Mark>
  );
}
