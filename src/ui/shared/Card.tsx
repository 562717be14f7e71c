import { getColor } from '@zendeskgarden/react-theming';
import { LG, SM } from '@zendeskgarden/react-typography';
import { useId, type ReactNode } from 'react';
import styled from 'styled-components';

const Section = styled.section`
  height: 100%;
  /* Customer data can be one very long word (an address, a pasted string): it wraps inside the
     card instead of pushing the card past its column. */
  min-width: 0;
  overflow-wrap: anywhere;
  padding: ${({ theme }) => theme.space.md};
  border: ${({ theme }) => theme.borders.sm} ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  border-radius: ${({ theme }) => theme.borderRadii.md};
  background: ${({ theme }) => getColor({ theme, variable: 'background.default' })};
`;

const Heading = styled(LG)`
  margin-bottom: ${({ theme }) => theme.space.xxs};
`;

const Hint = styled(SM)`
  margin-bottom: ${({ theme }) => theme.space.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

/** A titled panel; a region named by its title, so people (and tests) can find it by name. */
export function Card({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Section aria-labelledby={titleId}>
      <Heading tag="h3" id={titleId} isBold>
        {title}
      </Heading>
      {hint && <Hint tag="p">{hint}</Hint>}
      {children}
    </Section>
  );
}
