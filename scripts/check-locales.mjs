// Checks the UI strings: every language has exactly en-GB's keys, plurals are complete, no string
// is empty, and every literal key passed to t() in src/ exists in the namespace its file uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const localesDir = join(root, 'src/locales');
const problems = [];

function flatten(object, prefix = '') {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? flatten(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

function loadLanguage(language) {
  const namespaces = {};
  for (const file of readdirSync(join(localesDir, language))) {
    if (!file.endsWith('.json')) continue;
    namespaces[file.replace(/\.json$/, '')] = new Map(
      flatten(JSON.parse(readFileSync(join(localesDir, language, file), 'utf8'))),
    );
  }
  return namespaces;
}

const languages = readdirSync(localesDir).filter((entry) =>
  statSync(join(localesDir, entry)).isDirectory(),
);
const reference = loadLanguage('en-GB');

for (const language of languages) {
  const namespaces = language === 'en-GB' ? reference : loadLanguage(language);
  for (const [ns, keys] of Object.entries(reference)) {
    const other = namespaces[ns];
    if (!other) {
      problems.push(`${language}: namespace ${ns} is missing`);
      continue;
    }
    for (const key of keys.keys())
      if (!other.has(key)) problems.push(`${language}/${ns}: missing ${key}`);
    for (const key of other.keys())
      if (!keys.has(key)) problems.push(`${language}/${ns}: extra key ${key}`);
  }
  for (const [ns, keys] of Object.entries(namespaces)) {
    for (const [key, value] of keys) {
      if (typeof value !== 'string' || value.trim() === '')
        problems.push(`${language}/${ns}: ${key} is empty`);
      if (key.endsWith('_one') && !keys.has(key.replace(/_one$/, '_other'))) {
        problems.push(`${language}/${ns}: ${key} has no _other form`);
      }
    }
  }
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

const hasKey = (ns, key) => {
  const keys = reference[ns];
  return (
    keys !== undefined && (keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`))
  );
};

let checkedCalls = 0;
for (const file of sourceFiles(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const namespace = /useTranslation\('([\w-]+)'\)|TFunction<'([\w-]+)'>/.exec(text);
  if (!namespace) continue;
  const ns = namespace[1] ?? namespace[2];
  // t('key'), t('key', { ns: 'other', … }) and t('other:key') (the namespace the call names wins).
  const calls = /\bt\(\s*'([^'`$]+)'(?:\s*,\s*\{[^}]*?\bns:\s*'([\w-]+)')?/g;
  for (const match of text.matchAll(calls)) {
    checkedCalls += 1;
    const prefixed = /^([\w-]+):(.+)$/.exec(match[1]);
    const [callNs, key] = prefixed ? [prefixed[1], prefixed[2]] : [match[2] ?? ns, match[1]];
    if (!hasKey(callNs, key))
      problems.push(`${relative(root, file)}: t('${match[1]}') is not in en-GB/${callNs}.json`);
  }
}

if (problems.length > 0) {
  console.error(`Locale check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Locales OK: ${languages.join(', ')}; ${checkedCalls} t() calls checked.`);
