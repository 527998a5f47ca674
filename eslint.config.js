// Lint = code quality + the architecture's import rules (docs/architecture.md) + no untranslated
// text in JSX. `npm run lint` runs with --max-warnings 0.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const UI_AND_STORAGE_LIBRARIES = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-i18next',
  'i18next',
  'dexie',
  'dexie-react-hooks',
  'recharts',
  'workbox-window',
];

const restrict = (patterns, message) => ({ group: patterns, message });
// zod only through src/domain/zod.ts, which turns off its eval-based JIT (the CSP forbids eval).
const ZOD = { name: 'zod', message: 'Import z from src/domain/zod.ts (CSP-safe configuration).' };

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'bench',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Domain: pure TypeScript. No UI, storage or browser.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ZOD],
          patterns: [
            restrict(
              UI_AND_STORAGE_LIBRARIES,
              'src/domain is pure: no React, i18next, Dexie or charts.',
            ),
            restrict(
              ['@/*', '!@/domain', '!@/domain/*'],
              'src/domain imports only from src/domain.',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB'].map(
          (name) => ({
            name,
            message: 'src/domain must not touch the browser.',
          }),
        ),
      ],
    },
  },
  { files: ['src/domain/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  // Storage: the only place Dexie is used; knows nothing of UI.
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ZOD],
          patterns: [
            restrict(
              ['react', 'react-dom', 'react-i18next', 'i18next', 'recharts', 'dexie-react-hooks'],
              'src/storage has no UI.',
            ),
            restrict(
              ['@/features/*', '@/app/*', '@/components/*', '@/hooks/*', '@/lib/*'],
              'src/storage depends only on src/domain.',
            ),
          ],
        },
      ],
    },
  },
  // Shared UI and helpers: used by features and app, never the other way round.
  {
    files: ['src/components/**', 'src/hooks/**', 'src/lib/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/storage may use Dexie.' }, ZOD],
          patterns: [
            restrict(['@/features/*', '@/app/*'], 'Shared code must not import features or app.'),
          ],
        },
      ],
    },
  },
  // Features never import each other or the app; only storage touches Dexie.
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only src/storage may use Dexie; call a repository.' },
            ZOD,
          ],
          patterns: [
            restrict(
              ['@/features/*', `!@/features/${feature}`, '@/app/*'],
              'Features never import each other or the app; compose them in src/app.',
            ),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Only src/storage may use Dexie.' }, ZOD] },
      ],
    },
  },
  // Every visible string goes through i18next.
  {
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z]/]',
          message: 'Visible text must come from t() (src/locales).',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|alt|placeholder|label)$/] > Literal[value=/[A-Za-z]/]',
          message: 'Visible or announced text must come from t() (src/locales).',
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-syntax': 'off' },
  },
);
