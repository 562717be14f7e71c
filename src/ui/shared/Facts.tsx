import { getColor } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled from 'styled-components';

const List = styled.dl`
  display: grid;
  grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
  gap: ${({ theme }) => `${theme.space.xs} ${theme.space.md}`};
  margin: 0;
`;

const Term = styled.dt`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Detail = styled.dd`
  margin: 0;
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
`;

/** Label/value pairs, as a description list so screen readers read each pair together. */
export function Facts({ items }: { items: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <List>
      {items.map(({ label, value }) => (
        <div key={label} style={{ display: 'contents' }}>
          <Term>{label}</Term>
          <Detail>{value}</Detail>
        </div>
      ))}
    </List>
  );
}
