import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

// Zones are paths from the repository root, wherever eslint is started from (editors, tests).
const root = import.meta.dirname;

/**
 * The layers of DESIGN.md as import zones, in the style of bulletproof-react: each zone names a
 * `target` folder and what it may not import (`from`, minus `except`). Imports are resolved to
 * files first, so `../../zendesk/client.ts` and `../zendesk/client.ts` are the same import.
 */
const layerZones = [
  {
    target: './src/domain',
    from: './src',
    // src/zendesk is allowed here only so that the type-only rule below can speak for it.
    except: ['./domain', './zendesk'],
    message: 'src/domain is pure logic: it imports only src/domain (and `import type` from src/zendesk/index.ts).',
  },
  {
    target: './src/zendesk',
    from: './src',
    except: ['./zendesk'],
    message: 'src/zendesk is the bottom layer: it knows nothing of ZAF, the UI, the domain, services or storage.',
  },
  {
    target: './src/zaf',
    from: './src',
    except: ['./zaf', './zendesk/transport.ts'],
    message: 'src/zaf adapts the ZAF SDK to the Transport port: from src/zendesk it may import only transport.ts.',
  },
  {
    target: './src/services',
    from: ['./src/ui', './src/zaf'],
    message: 'src/services orchestrates the client and the domain: no UI, no ZAF (the UI hands it a client).',
  },
  {
    target: './src/storage',
    from: ['./src/ui', './src/services'],
    message: 'src/storage keeps what the domain defines; it does not call services or the UI.',
  },
  {
    target: ['./src/ui', './src/services', './src/storage', './src/domain', './src/i18n', './src/main.tsx'],
    from: './src/zendesk',
    except: ['./index.ts'],
    message:
      'Import src/zendesk through src/zendesk/index.ts. Its internals (scheduler.ts, client.ts, endpoints/, schemas/) ' +
      'may change; the scheduler belongs to the one SupportApiClient, never to a screen.',
  },
];

/** Things that must not leave the app for the sandbox or the tests: it runs unchanged inside Zendesk. */
const outsideTheApp = [
  { group: ['**/sandbox/**'], message: 'The app never imports the sandbox: it must run unchanged inside Zendesk.' },
  { group: ['**/tests/**'], message: 'The app never imports the tests.' },
];
/** DESIGN.md: nothing below src/ui knows about React or Garden. */
const noUi = [
  {
    group: ['react', 'react-dom', 'react-dom/*', '@zendeskgarden/*', 'styled-components', '**/ui/**'],
    message: 'Only src/ui (and the i18n provider) uses React and Garden.',
  },
];
/** The domain may name the Support API's types, never call it: plain values in, plain values out. */
const zendeskTypesOnly = [
  {
    regex: '(^|/)zendesk/',
    allowTypeImports: true,
    message: 'src/domain has no I/O: use `import type` from src/zendesk/index.ts; calls belong in src/services.',
  },
];

/**
 * Browser I/O belongs to its adapter: the network to src/zendesk/fetch-transport.ts (inside
 * Zendesk every request goes through ZAF, which owns auth and the rate budget), browser storage
 * and locks to src/storage/ (keys scoped per account and agent, zod-checked reads).
 */
const network = {
  globals: ['fetch', 'XMLHttpRequest'],
  message: 'Requests go through a Transport: src/zendesk/fetch-transport.ts or the ZAF client (src/zaf).',
};
const storage = {
  globals: ['localStorage', 'sessionStorage'],
  message: 'Browser storage belongs to src/storage (the KeyValueStore port).',
};
const restrictedGlobals = (...kinds) => [
  'error',
  ...kinds.flatMap((kind) => kind.globals.map((name) => ({ name, message: kind.message }))),
];
const restrictedProperties = (...kinds) => [
  'error',
  ...kinds.flatMap((kind) =>
    ['window', 'globalThis', 'self'].flatMap((object) =>
      kind.globals.map((property) => ({ object, property, message: kind.message })),
    ),
  ),
];
// no-restricted-properties only knows `identifier.property`; `window.navigator.locks` needs a selector.
const navigatorLocks = [
  'error',
  {
    selector:
      "MemberExpression[property.name='locks']:matches([object.name='navigator'], [object.property.name='navigator'])",
    message: 'navigator.locks belongs to src/storage (one writer per key across tabs).',
  },
];
const ioRules = (...kinds) => ({
  'no-restricted-globals': restrictedGlobals(...kinds),
  'no-restricted-properties': restrictedProperties(...kinds),
  'no-restricted-syntax': kinds.includes(storage) ? navigatorLocks : 'off',
});

export default defineConfig([
  globalIgnores(['dist/**', 'node_modules/**', 'sandbox/.build/**', 'coverage/**', '**/tmp/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Every relative import in this repository names its file (`./client.ts`), so plain Node
      // resolution finds it; the extensions are for the few that do not.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A cycle means two modules are one module, or a layer reaches back up; type-only imports are exempt.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: outsideTheApp }],
    },
  },
  {
    files: ['src/zendesk/**', 'src/zaf/**', 'src/services/**', 'src/storage/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...outsideTheApp, ...noUi] }] },
  },
  {
    files: ['src/domain/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...outsideTheApp, ...noUi, ...zendeskTypesOnly] },
      ],
    },
  },
  {
    // Everything but the adapters that own browser I/O, and the Node-side code around the app.
    files: ['**/*.{js,mjs,ts,tsx}'],
    ignores: ['sandbox/**', 'scripts/**', 'tests/**', 'bench/**'],
    rules: ioRules(network, storage),
  },
  { files: ['src/zendesk/fetch-transport.ts'], rules: ioRules(storage) },
  { files: ['src/storage/**'], rules: ioRules(network) },
]);
