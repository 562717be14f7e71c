import { getColor } from '@zendeskgarden/react-theming';
import { Code, LG, MD, XXL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';

const Page = styled.main`
  max-width: 640px;
  margin: ${({ theme }) => theme.space.xxl} auto;
  padding: ${({ theme }) => theme.space.lg};
  border: ${({ theme }) => theme.borders.sm} ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  border-radius: ${({ theme }) => theme.borderRadii.md};
  background: ${({ theme }) => getColor({ theme, variable: 'background.default' })};
`;

const Section = styled.section`
  margin-top: ${({ theme }) => theme.space.md};
`;

/**
 * The SDK found no `origin`/`app_guid` in the URL: someone opened the built page directly. There
 * is no Zendesk to talk to, so say what the page is and how to open it properly.
 */
export function OutsideZendesk() {
  const t = useT();
  return (
    <Page>
      <XXL tag="h1">{t('outside.title')}</XXL>
      <MD>{t('outside.body')}</MD>
      <Section>
        <LG tag="h2" isBold>
          {t('outside.in_zendesk_title')}
        </LG>
        <MD>{t('outside.in_zendesk_body')}</MD>
      </Section>
      <Section>
        <LG tag="h2" isBold>
          {t('outside.sandbox_title')}
        </LG>
        <MD>
          {t('outside.sandbox_body', { command: '{{command}}' })
            .split('{{command}}')
            .flatMap((part, index) => (index === 0 ? [part] : [<Code key={index}>npm start</Code>, part]))}
        </MD>
      </Section>
    </Page>
  );
}
