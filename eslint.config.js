// Lint = code quality + the architecture's import rules (docs/architecture.md, "Layers and the
// import rule") + kebab-case names + no untranslated text in JSX. `npm run lint` runs with
// --max-warnings 0. test/unit/config/lint-rules.test.ts proves each rule fails on a bad snippet.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Layer boundaries, checked on the file an import resolves to (so `@/storage/db`, `../storage/db`
// and `./db` are the same thing). Paths are relative to the repository root; `except` is relative
// to `from`.
const SHARED = ['src/components', 'src/hooks', 'src/lib', 'src/config'];
const APP = ['src/app', 'src/main.tsx'];
const ZONES = [
  {
    target: 'src/domain',
    from: 'src',
    except: ['./domain'],
    message: 'src/domain imports only from src/domain.',
  },
  {
    target: 'src/storage',
    from: 'src',
    except: ['./domain', './storage'],
    message: 'src/storage imports only from src/domain and src/storage.',
  },
  {
    target: 'src/sync',
    from: 'src',
    // The framework loader too: a workshop response that arrives is checked against its
    // framework's criteria, as the workshop screen checks a response file.
    except: ['./domain', './storage', './sync', './lib/load-framework.ts'],
    message:
      'src/sync imports only from src/domain, src/storage, src/sync and the framework loader: no UI.',
  },
  {
    target: SHARED,
    from: ['src/features', ...APP],
    message: 'Shared code (components, hooks, lib, config) must not import features or app.',
  },
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: 'Features never import each other; compose them in src/app.',
  })),
  {
    target: 'src/features',
    from: APP,
    message: 'Features never import the app; the app imports them.',
  },
];

// Packages, by name (a bare specifier names one package wherever it is written).
const DEXIE = { name: 'dexie', message: 'Only src/storage may use Dexie; call a repository.' };
const POUCHDB = {
  name: 'pouchdb-browser',
  message: 'Only src/sync may use PouchDB (loaded on demand, when sync is on).',
};
// zod only through src/domain/zod.ts, which turns off its eval-based JIT (the CSP forbids eval).
const ZOD = { name: 'zod', message: 'Import z from src/domain/zod.ts (CSP-safe configuration).' };
// Any specifier that is neither relative nor `@/`, except the packages listed.
const packagesExcept = (allowed, message) => ({
  regex: `^(?![./]|@/|(${allowed.join('|')})$)`,
  message,
});
const DOMAIN_PACKAGES = packagesExcept(
  ['zod'],
  'src/domain is pure TypeScript: no packages (no React, i18next, Dexie or charts).',
);
const STORAGE_PACKAGES = packagesExcept(
  ['dexie', 'zod'],
  'src/storage uses Dexie and src/domain only: no React, i18next or charts.',
);
const SYNC_PACKAGES = packagesExcept(
  ['pouchdb-browser'],
  'src/sync uses PouchDB, src/storage and src/domain only: no React, i18next or charts.',
);
// no-restricted-imports does not see `import('pkg')`; the same rule for dynamic imports.
const dynamicPackageImport = ({ regex, message }) => ({
  selector: `ImportExpression > Literal[value=/${regex.replaceAll('/', '\\/')}/]`,
  message,
});

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
      // Deliberately bad code for test/unit/config/lint-rules.test.ts.
      'test/fixtures/lint',
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
  // Import boundaries by resolved path, and no import cycles.
  {
    files: ['src/**/*.{ts,tsx}', 'test/fixtures/lint/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts/.tsx dependencies too (no-cycle follows them); JSON and CSS are leaves.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${root}tsconfig.json` }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Kebab-case file and folder names (`.test`, `.d` and other middle extensions allowed).
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { 'src/**/': 'KEBAB_CASE', 'test/**/': 'KEBAB_CASE' },
      ],
    },
  },
  // Domain: pure TypeScript. No packages but zod (through zod.ts), no browser.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD], patterns: [DOMAIN_PACKAGES] }],
      'no-restricted-syntax': ['error', dynamicPackageImport(DOMAIN_PACKAGES)],
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
  {
    files: ['src/domain/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_PACKAGES] }] },
  },
  // Storage: the only place Dexie is used; knows nothing of UI.
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD], patterns: [STORAGE_PACKAGES] }],
      'no-restricted-syntax': ['error', dynamicPackageImport(STORAGE_PACKAGES)],
    },
  },
  // Sync: the only place PouchDB is used; knows nothing of UI; reaches Dexie through storage.
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [DEXIE, ZOD], patterns: [SYNC_PACKAGES] }],
    },
  },
  // Everything else: no Dexie (storage's repositories instead), no PouchDB (src/sync instead),
  // zod only through the domain.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'src/storage/**', 'src/sync/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [DEXIE, POUCHDB, ZOD] }] },
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
