import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LOCALES } from '@entry/shared';
import { describe, expect, it } from 'vitest';
import coreEn from '../en.json';
import coreFr from '../fr.json';
import coreNl from '../nl.json';
import coreSv from '../sv.json';

type Tree = { [key: string]: string | Tree };

// The bundled core words and every lazily loaded namespace (src/i18n/<namespace>/<lng>.json),
// merged per language. Top-level keys must not overlap across namespaces, or one would hide
// the other in these checks (a test below says so).
const core: Record<string, Tree> = { en: coreEn, nl: coreNl, sv: coreSv, fr: coreFr };
const namespaceFiles = import.meta.glob<Tree>('../*/*.json', { eager: true, import: 'default' });
const namespaces = new Map<string, Record<string, Tree>>();
for (const [path, tree] of Object.entries(namespaceFiles)) {
  const [, namespace, lng] = /^\.\.\/([^/]+)\/(\w+)\.json$/.exec(path) ?? [];
  if (!namespace || !lng) continue;
  namespaces.set(namespace, { ...namespaces.get(namespace), [lng]: tree });
}
const files: Record<string, Tree> = Object.fromEntries(
  Object.entries(core).map(([lng, tree]) => [
    lng,
    Object.assign({}, tree, ...[...namespaces.values()].map((byLng) => byLng[lng] ?? {})),
  ]),
);
const en: Tree = files.en ?? {};

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(files).map(([lng, tree]) => [lng, flatten(tree)]));
const english = flat.en ?? new Map<string, string>();
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('should have a file for every supported locale when the portal lists its languages', () => {
    expect(Object.keys(files).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('should keep the namespaces apart when a top-level key could be in more than one', () => {
    const owners = new Map<string, string[]>();
    for (const [namespace, tree] of [
      ['translation', coreEn] as const,
      ...[...namespaces].map(([name, byLng]) => [name, byLng.en ?? {}] as const),
    ]) {
      for (const key of Object.keys(tree)) owners.set(key, [...(owners.get(key) ?? []), namespace]);
    }
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
    expect(namespaces.has('accounts')).toBe(true);
    for (const [namespace, byLng] of namespaces)
      expect(Object.keys(byLng).sort(), namespace).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each(SUPPORTED_LOCALES)(
    'should have exactly the keys of en.json when the language is %s',
    (lng) => {
      expect([...(flat[lng]?.keys() ?? [])].sort()).toEqual([...english.keys()].sort());
    },
  );

  it.each(SUPPORTED_LOCALES)('should have no empty text when the language is %s', (lng) => {
    const empty = [...(flat[lng] ?? new Map<string, string>())]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)(
    'should use the same placeholders as English when the language is %s',
    (lng) => {
      const mismatched = [...english]
        .filter(([key, text]) => {
          const translated = flat[lng]?.get(key) ?? '';
          return placeholders(translated).join() !== placeholders(text).join();
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    },
  );

  it('should define in en.json every key the code uses when the sources are scanned', () => {
    const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const namespaces = Object.keys(en).join('|');
    // Any quoted "namespace.key" string counts as a use: t('nav.home') as well as the
    // navigation table's label: 'nav.home'.
    const keyPattern = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z0-9_.]+)['"\`]`, 'g');
    const used = new Set<string>();
    for (const entry of readdirSync(srcRoot, { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || file.includes('__tests__')) continue;
      if (file.startsWith(join(srcRoot, 'gql'))) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(keyPattern)) {
        if (match[1]) used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    // a counted key (t(key, { count })) is defined by its plural forms: key_one, key_other
    const defined = (key: string) => english.has(key) || english.has(`${key}_other`);
    expect([...used].filter((key) => !defined(key))).toEqual([]);
  });
});
