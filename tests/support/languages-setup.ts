import { loadCatalogs, LOCALES } from '../../src/i18n/catalog.ts';

// The app loads the agent's language before showing it (App) and every language before rendering
// customers' tickets (createEnvironment); tests that call t() or yesNoFor directly get all three.
await loadCatalogs(LOCALES);
