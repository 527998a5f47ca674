import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each house rule in eslint.config.js, proved on a deliberately bad snippet: the snippet is linted
 * as if it were a file at the given path (the file need not exist), with the project's own config,
 * and must fail with the rule named. A good snippet at the same places must pass. The import cycle
 * needs two real files: test/fixtures/lint/cycle/ (ignored by `npm run lint`).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
// The first lint loads typescript-eslint, the resolver and the plugins: slow on a busy machine.
const TIMEOUT = 120_000;

/**
 * A real module in `folder` (under src), as an import specifier without extension, so that the
 * snippets keep resolving when files are renamed: an import that does not resolve is not checked.
 */
function moduleIn(folder: string): string {
  const entries = readdirSync(join(root, 'src', folder), { recursive: true, encoding: 'utf8' });
  const file = entries
    .filter((entry) => /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts'))
    .sort()[0];
  if (!file) throw new Error(`No module in src/${folder}`);
  return join('src', folder, file).replace(/\.tsx?$/, '');
}
/** `module` as a relative specifier from a file at `from` (both relative to the root). */
const relativeTo = (from: string, module: string): string => {
  const path = relative(dirname(from), module);
  return path.startsWith('.') ? path : `./${path}`;
};
const alias = (module: string): string => module.replace(/^src\//, '@/');
const importAll = (specifier: string): string =>
  `import * as imported from '${specifier}';\nexport const x = imported;\n`;

const STORAGE = moduleIn('storage');
const RESULTS = moduleIn('features/results');
const APP = moduleIn('app');
const LIB = moduleIn('lib');

let eslint: ESLint;
beforeAll(() => {
  // ignore: false so the fixture folder, ignored by `npm run lint`, is linted here.
  eslint = new ESLint({ cwd: root, ignore: false });
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  const fatal = result?.messages.filter((message) => message.fatal) ?? [];
  expect(fatal).toEqual([]);
  return (result?.messages ?? []).map((message) => message.ruleId ?? '(none)');
}

describe('lint rules', { timeout: TIMEOUT }, () => {
  it.each([
    {
      why: 'a relative import of storage from the domain',
      path: 'src/domain/example.ts',
      code: importAll(relativeTo('src/domain/example.ts', STORAGE)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'an @/ import of a feature from the domain',
      path: 'src/domain/scoring/example.ts',
      code: importAll(alias(RESULTS)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'React in the domain',
      path: 'src/domain/example.ts',
      code: "import { useState } from 'react';\nexport const x = useState;\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'a dynamic import of a package in the domain',
      path: 'src/domain/example.ts',
      code: "export const load = () => import('recharts');\n",
      rule: 'no-restricted-syntax',
    },
    {
      why: 'zod imported directly, not through src/domain/zod.ts',
      path: 'src/domain/example.ts',
      code: "import { z } from 'zod';\nexport const x = z.string();\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'the browser in the domain',
      path: 'src/domain/example.ts',
      code: 'export const x = () => localStorage.getItem("k");\n',
      rule: 'no-restricted-globals',
    },
    {
      why: 'shared UI imported by storage',
      path: 'src/storage/repositories/example.ts',
      code: importAll(relativeTo('src/storage/repositories/example.ts', LIB)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'i18next in storage',
      path: 'src/storage/example.ts',
      code: "import i18next from 'i18next';\nexport const x = i18next;\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'a relative import of another feature',
      path: 'src/features/compare/lib/example.ts',
      code: importAll(relativeTo('src/features/compare/lib/example.ts', RESULTS)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'a feature importing the app',
      path: 'src/features/compare/lib/example.ts',
      code: importAll(alias(APP)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'Dexie in a feature',
      path: 'src/features/compare/lib/example.ts',
      code: "import Dexie from 'dexie';\nexport const x = Dexie;\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'a feature imported by shared code',
      path: 'src/lib/example.ts',
      code: importAll(alias(RESULTS)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'the app imported by a shared component',
      path: 'src/components/example.tsx',
      code: importAll(relativeTo('src/components/example.tsx', APP)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'shared UI imported by sync',
      path: 'src/sync/example.ts',
      code: importAll(alias(LIB)),
      rule: 'import-x/no-restricted-paths',
    },
    {
      why: 'React in sync',
      path: 'src/sync/example.ts',
      code: "import { useState } from 'react';\nexport const x = useState;\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'PouchDB outside src/sync',
      path: 'src/features/settings/example.ts',
      code: "import PouchDB from 'pouchdb-browser';\nexport const x = PouchDB;\n",
      rule: 'no-restricted-imports',
    },
    {
      why: 'a CamelCase file name',
      path: 'src/lib/FormatThings.ts',
      code: 'export const x = 1;\n',
      rule: 'check-file/filename-naming-convention',
    },
    {
      why: 'a camelCase folder name',
      path: 'test/unit/someFolder/example.test.ts',
      code: 'export const x = 1;\n',
      rule: 'check-file/folder-naming-convention',
    },
    {
      why: 'literal text in JSX',
      path: 'src/components/example.tsx',
      code: 'export const Example = () => <p>Saved</p>;\n',
      rule: 'no-restricted-syntax',
    },
  ])('fails $why', async ({ path, code, rule }) => {
    expect(await ruleIds(code, path)).toEqual([rule]);
  });

  it('fails an import cycle', async () => {
    const [result] = await eslint.lintFiles([`${root}test/fixtures/lint/cycle/first.ts`]);
    expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });

  it.each([
    {
      where: 'the domain, importing the domain and z through zod.ts',
      path: 'src/domain/scoring/example.ts',
      code: "import { z } from '@/domain/zod';\nimport { LEVEL_IDS } from '../levels';\nexport const level = z.enum(LEVEL_IDS);\n",
    },
    {
      where: 'storage, importing Dexie and the domain',
      path: 'src/storage/example.ts',
      code: "import Dexie from 'dexie';\nimport { LEVEL_IDS } from '@/domain/levels';\nexport const x = [Dexie, LEVEL_IDS];\n",
    },
    {
      where: 'a feature, importing itself, shared code, storage and the domain',
      path: 'src/features/compare/components/example-panel.tsx',
      code: [
        "import { useTranslation } from 'react-i18next';",
        "import { summaryText } from '../lib/summary-text';",
        "import { FieldError } from '@/components/field-error';",
        "import { formatIsoDate } from '@/lib/format';",
        "import { listTargets } from '@/storage/repositories/plan-repo';",
        "import { LEVEL_IDS } from '@/domain/levels';",
        'export function ExamplePanel() {',
        "  const { t } = useTranslation('compare');",
        '  return <p title={t("title")}>{t("summary")}</p>;',
        '}',
        'export const used = [summaryText, FieldError, formatIsoDate, listTargets, LEVEL_IDS];',
        '',
      ].join('\n'),
    },
    {
      where: 'the app, importing a feature',
      path: 'src/app/example.ts',
      code: "import { summaryText } from '@/features/compare/lib/summary-text';\nexport const x = summaryText;\n",
    },
  ])('passes good code in $where', async ({ path, code }) => {
    expect(await ruleIds(code, path)).toEqual([]);
  });
});
