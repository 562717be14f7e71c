import 'styled-components';
import type { IGardenTheme } from '@zendeskgarden/react-theming';

// Styled components in src/ui read Garden's theme (space, colors, fonts) from `props.theme`.
declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}
