import { ThemeProvider, DEFAULT_THEME } from '@zendeskgarden/react-theming';

export function App() {
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <main />
    </ThemeProvider>
  );
}
