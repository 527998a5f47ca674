// Checks that the unit tests mirror src file by file: every module in src/ with logic has its
// tests at test/unit/<same folders>/<name>.test.ts (src/domain/trajectory/trajectory.ts →
// test/unit/domain/trajectory/trajectory.test.ts).
//
// Not required to have a unit test:
// - type-only modules, `index.ts` barrels (only re-exports), `.d.ts` files, JSON and other assets;
// - React components (`.tsx`) and hooks (`hooks/*.ts`) that a component test in test/component
//   renders, directly or through the components that use them (followed through the imports);
// - the short ALLOWED list below, each with its reason.
//
// `--report` prints the same findings but exits 0 (for working towards a clean run).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const srcDir = join(root, 'src');
const unitDir = join(root, 'test/unit');
const componentDir = join(root, 'test/component');
const reportOnly = process.argv.includes('--report');

/** Path (relative to the repository; a folder ends with '/') → why it needs no mirrored unit test. */
const ALLOWED = {
  'src/main.tsx': 'the entry point: mounts the app; every e2e spec runs it',
  'src/lib/empty-module.ts': 'an empty stand-in for unused jsPDF dependencies (vite.config.ts)',
  'src/app/pwa/service-worker.ts':
    'needs navigator.serviceWorker; covered by test/component/update-flow.test.tsx and test/e2e/update.spec.ts',
  'src/app/pwa/register-sw.ts':
    'needs navigator.serviceWorker; covered by test/component/update-flow.test.tsx and test/e2e/update.spec.ts',
  'src/domain/backup/':
    'being split by module with the backup use cases; covered by test/unit/domain/backup-validation.test.ts, csv.test.ts, test/unit/storage/backup.test.ts',
  'src/features/backup/': 'being reworked with the backup use cases',
  'src/domain/workshop/participants.ts':
    'constants and types only (the sector list); used by test/unit/domain/workshop/spread.test.ts',
  'src/components/charts/': 'new shared chart vocabulary; its tests arrive with it',
};

const CODE = /\.(ts|tsx)$/;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** True when the module emits no code: only types, interfaces and type imports/exports. */
function isTypeOnly(text) {
  const code = withoutComments(text);
  return !(
    /^(export\s+)?(default\s+)?(async\s+)?(const|let|var|function\*?|class|abstract\s+class|enum)\b/m.test(
      code,
    ) ||
    /^export\s+(default\b|\{|\*)/m.test(code) ||
    /^import\s+['"]/m.test(code)
  );
}

/** True for an index.ts whose every statement is a re-export. */
function isBarrel(path, text) {
  if (!/\/index\.tsx?$/.test(path)) return false;
  const statements = withoutComments(text)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return statements.every((s) =>
    /^export\s+(type\s+)?(\*|\{[^}]*\})\s+from\s+['"][^'"]+['"]$/.test(s),
  );
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function resolveImport(fromFile, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = join(srcDir, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else return undefined;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const texts = new Map();
const read = (path) => {
  if (!texts.has(path)) texts.set(path, readFileSync(path, 'utf8'));
  return texts.get(path);
};

/** Every src file reachable through imports from the component tests (and their support files). */
function reachedByComponentTests() {
  const seen = new Set();
  const queue = walk(componentDir).filter((path) => CODE.test(path));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!CODE.test(file)) continue;
    for (const match of read(file).matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

const allowedReason = (rel) =>
  Object.entries(ALLOWED).find(([key]) =>
    key.endsWith('/') ? rel.startsWith(key) : rel === key,
  )?.[1];

const isUi = (rel) => rel.endsWith('.tsx') || /\/hooks\/[^/]+\.ts$/.test(rel);
const mirrorOf = (rel) =>
  join('test/unit', rel.replace(/^src\//, '').replace(/\.tsx?$/, '.test.ts'));

const rendered = reachedByComponentTests();
const missing = [];
const unrendered = [];
const mirrored = new Set();
let modules = 0;
const skipped = { typeOnly: 0, barrel: 0, ui: 0, allowed: 0 };

for (const path of walk(srcDir).sort()) {
  const rel = relative(root, path);
  if (!CODE.test(rel) || rel.endsWith('.d.ts')) continue;
  const text = read(path);
  if (isBarrel(path, text)) {
    skipped.barrel += 1;
    continue;
  }
  if (isTypeOnly(text)) {
    skipped.typeOnly += 1;
    continue;
  }
  const mirror = mirrorOf(rel);
  if (allowedReason(rel) !== undefined) {
    skipped.allowed += 1;
    if (existsSync(join(root, mirror))) mirrored.add(mirror);
    continue;
  }
  modules += 1;
  if (existsSync(join(root, mirror))) {
    mirrored.add(mirror);
    continue;
  }
  if (isUi(rel)) {
    if (rendered.has(path)) skipped.ui += 1;
    else unrendered.push(rel);
    continue;
  }
  missing.push({ rel, mirror });
}

// Test files that mirror no module: allowed (scenarios across modules), listed for information.
const unmatched = walk(unitDir)
  .map((path) => relative(root, path))
  .filter((rel) => rel.endsWith('.test.ts') && !mirrored.has(rel));

const problems = [
  ...missing.map(({ rel, mirror }) => `${rel}: no unit test; add ${mirror}`),
  ...unrendered.map(
    (rel) =>
      `${rel}: no component test renders it; add one in test/component or add ${mirrorOf(rel)}`,
  ),
];

if (unmatched.length > 0) {
  console.log(
    `Unit test files that mirror no module in src (fine for scenarios across modules):\n${unmatched
      .map((rel) => `  - ${rel}`)
      .join('\n')}`,
  );
}
const needTest = modules - skipped.ui - unrendered.length;
const summary =
  `${needTest - missing.length} of ${needTest} modules with logic have their unit test; not required: ` +
  `${skipped.ui} components and hooks that component tests render, ${skipped.typeOnly} type-only, ` +
  `${skipped.barrel} barrels, ${skipped.allowed} allowed.`;
if (problems.length > 0) {
  console.error(
    `Test mirror check ${reportOnly ? 'report' : 'failed'}: ${problems.length} module(s) without their test.\n` +
      `${problems.map((p) => `  - ${p}`).join('\n')}\n${summary}`,
  );
  process.exit(reportOnly ? 0 : 1);
}
console.log(`Test mirror OK: ${summary}`);
