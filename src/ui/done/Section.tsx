import { MD } from '@zendeskgarden/react-typography';
import { useId, type ReactNode } from 'react';
import styled from 'styled-components';

const Box = styled.section`
  display: grid;
  gap: ${({ theme }) => theme.space.sm};
  padding-top: ${({ theme }) => theme.space.sm};
`;

/** A titled part of a card (h4 under the card's h3), findable as a region by its title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box aria-labelledby={id}>
      <MD tag="h4" id={id} isBold>
        {title}
      </MD>
      {children}
    </Box>
  );
}
