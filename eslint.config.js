import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default defineConfig([
  globalIgnores(['dist/**', 'node_modules/**', 'sandbox/.build/**', 'coverage/**', '**/tmp/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The app never imports the sandbox or the tests: it must run unchanged inside real Zendesk.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/sandbox/**', '**/tests/**'] }],
    },
  },
  {
    // The layering in DESIGN.md: nothing below src/ui knows about React.
    files: ['src/zendesk/**', 'src/domain/**', 'src/zaf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/sandbox/**', '**/tests/**', 'react', 'react-dom', '@zendeskgarden/*', '**/ui/**'] },
      ],
    },
  },
]);
