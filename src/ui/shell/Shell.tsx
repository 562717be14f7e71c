import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { getColor } from '@zendeskgarden/react-theming';
import { SM, XL } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';

/** The campaign flow, in order. Later steps arrive with later releases. */
const STEPS = ['home', 'audience', 'compose', 'preview', 'send', 'history'] as const;
export type StepId = (typeof STEPS)[number];

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
  version,
  children,
}: {
  current: StepId;
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
            const available = step === 'home';
            const label = index === 0 ? t(`steps.${step}`) : `${index}. ${t(`steps.${step}`)}`;
            return (
              <StepItem key={step}>
                <Button
                  size="small"
                  isBasic={step !== current}
                  isPrimary={step === current}
                  disabled={!available}
                  aria-current={step === current ? 'page' : undefined}
                  title={available ? undefined : t('shell.coming_soon')}
                >
                  {label}
                </Button>
              </StepItem>
            );
          })}
          <StepItem>
            <Tag size="small" hue="grey">
              {t('shell.coming_soon')}
            </Tag>
          </StepItem>
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
