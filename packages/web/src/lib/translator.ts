// The app's translator: the part of i18next it used, in about 1 kB instead of ~15 kB gzipped of
// every page (docs/adr/0011-own-router-and-translator.md). Words live in namespaces, each loaded
// per language when a page first needs it; a key's first part names a group of words that only
// one namespace holds (a unit test keeps it so), so `t(key, values)` finds the key in whichever
// namespace has it and fills its {{placeholders}}; a number `count` picks a plural form
// (`key_one`, `key_other`, … by Intl.PluralRules, `key_zero` first for 0) when the words have
// them. The instance's names are i18next's (t, resolvedLanguage, hasResourceBundle,
// loadNamespaces, changeLanguage), so code and tests read as before.
import type { Locale } from '@entry/shared';
import type accounts from '../i18n/accounts/en.json';
import type audit from '../i18n/audit/en.json';
import type billing from '../i18n/billing/en.json';
import type core from '../i18n/en.json';
import type integrations from '../i18n/integrations/en.json';
import type lifecycle from '../i18n/lifecycle/en.json';
import type lists from '../i18n/lists/en.json';
import type mfa from '../i18n/mfa/en.json';
import type people from '../i18n/people/en.json';
import type sites from '../i18n/sites/en.json';
import type transfers from '../i18n/transfers/en.json';

/**
 * English is the reference: `t('nav.home')` is type-checked against en.json (and
 * `useTranslation('accounts')`'s keys against accounts/en.json), and a unit test holds the other
 * languages to exactly the same keys.
 */
interface Words {
  translation: typeof core;
  accounts: typeof accounts;
  audit: typeof audit;
  billing: typeof billing;
  integrations: typeof integrations;
  lifecycle: typeof lifecycle;
  lists: typeof lists;
  mfa: typeof mfa;
  people: typeof people;
  sites: typeof sites;
  transfers: typeof transfers;
}

export type Namespace = keyof Words;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every dotted path to a text in `T`; plural forms count once, without their suffix. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${PluralSuffix}`
      ? Base
      : K
    : `${K}.${KeysOf<T[K]>}`;
}[keyof T & string];

/**
 * A key of the namespace or of the core words: a component names the namespace it needs, so that
 * useTranslation loads it; the core words are always there.
 */
export type TranslationKey<Ns extends Namespace = 'translation'> =
  KeysOf<Words[Ns]> | KeysOf<Words['translation']>;

/** A key of any namespace (the instance's own `t`, outside components: tests, helpers). */
export type AnyTranslationKey = { [Ns in Namespace]: KeysOf<Words[Ns]> }[Namespace];

/** What fills the placeholders; a number `count` also chooses the plural form. */
export type TranslationValues = Readonly<Record<string, unknown>>;

export type TFunction<Ns extends Namespace = 'translation'> = (
  key: TranslationKey<Ns>,
  values?: TranslationValues,
) => string;

export type WordTree = { readonly [key: string]: string | WordTree };

/** Words given up front, by language and namespace (tests render at once with them). */
export type WordsByLanguage = Readonly<Record<string, Partial<Record<Namespace, WordTree>>>>;

/** Fetches one namespace's words in one language. */
export type LoadWords = (language: Locale, namespace: Namespace) => Promise<WordTree>;

const bundleId = (language: string, namespace: Namespace) => `${language}/${namespace}`;

function lookUp(groups: ReadonlyMap<string, string | WordTree> | undefined, key: string) {
  const [group = '', ...path] = key.split('.');
  let node: string | WordTree | undefined = groups?.get(group);
  for (const part of path) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * i18next's rules, which the words were written for: a missing value leaves its placeholder as
 * it is (a visible mistake rather than a silent gap), null fills in nothing.
 */
function fill(template: string, values: TranslationValues | undefined): string {
  if (!values) return template;
  return template.replace(/{{\s*(\w+)\s*}}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : value === null ? '' : String(value);
  });
}

export class Translator {
  /** which bundles (language/namespace) are there */
  private readonly bundles = new Set<string>();
  /** per language, each top-level group of words, from whichever namespace holds it */
  private readonly groups = new Map<string, Map<string, string | WordTree>>();
  private readonly loads = new Map<string, Promise<void>>();
  /** the namespaces asked for so far: a change of language fetches them all first */
  private readonly namespaces = new Set<Namespace>(['translation']);
  private readonly fixed = new Map<string, (key: string, values?: TranslationValues) => string>();
  private readonly listeners = new Set<() => void>();
  private readonly plurals = new Map<Locale, Intl.PluralRules>();
  private shown: Locale;

  constructor(
    language: Locale,
    private readonly load: LoadWords,
    given: WordsByLanguage = {},
  ) {
    this.shown = language;
    for (const [lng, byNamespace] of Object.entries(given)) {
      for (const [namespace, tree] of Object.entries(byNamespace)) {
        if (tree) this.add(lng, namespace as Namespace, tree);
      }
    }
  }

  /** The language shown (i18next's name for it). */
  get resolvedLanguage(): Locale {
    return this.shown;
  }

  hasResourceBundle(language: string, namespace: Namespace): boolean {
    return this.bundles.has(bundleId(language, namespace));
  }

  /**
   * Fetches the namespaces' words in the language shown, once each; resolves when they are
   * there. A namespace that fails to load is logged and shows its keys, as i18next did.
   */
  loadNamespaces(namespaces: readonly Namespace[], language: Locale = this.shown): Promise<void> {
    return Promise.all(namespaces.map((namespace) => this.loadNamespace(namespace, language))).then(
      () => undefined,
    );
  }

  /** One namespace's words in one language: the same promise for every caller. */
  loadNamespace(namespace: Namespace, language: Locale = this.shown): Promise<void> {
    this.namespaces.add(namespace);
    const id = bundleId(language, namespace);
    let loading = this.loads.get(id);
    if (!loading) {
      loading = this.bundles.has(id)
        ? Promise.resolve()
        : this.load(language, namespace).then(
            (tree) => this.arrived(language, namespace, tree),
            (error: unknown) => {
              console.error(`Loading the ${language} ${namespace} translations failed`, error);
              this.arrived(language, namespace, {});
            },
          );
      this.loads.set(id, loading);
    }
    return loading;
  }

  /** Switches once every namespace in use has its words in the new language: no flash of keys. */
  async changeLanguage(language: Locale): Promise<void> {
    await this.loadNamespaces([...this.namespaces], language);
    if (this.shown === language) return;
    this.shown = language;
    this.changed();
  }

  /** Translates any key whose namespace is loaded. */
  t = (key: AnyTranslationKey, values?: TranslationValues): string => this.translate(key, values);

  /** A `t` for one namespace in the language shown now; the same function until it changes. */
  getFixedT<Ns extends Namespace>(namespace: Ns): TFunction<Ns> {
    const id = bundleId(this.shown, namespace);
    let t = this.fixed.get(id);
    if (!t) {
      const language = this.shown;
      t = (key, values) => this.translate(key, values, language);
      this.fixed.set(id, t);
    }
    return t;
  }

  /** Calls `listener` when the language changes or words arrive. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private translate(key: string, values?: TranslationValues, language = this.shown): string {
    const groups = this.groups.get(language);
    const count = values?.count;
    const candidates =
      typeof count === 'number'
        ? [
            ...(count === 0 ? [`${key}_zero`] : []),
            `${key}_${this.pluralRules(language).select(count)}`,
            key,
          ]
        : [key];
    for (const candidate of candidates) {
      const template = lookUp(groups, candidate);
      if (template !== undefined) return fill(template, values);
    }
    return key;
  }

  private pluralRules(language: Locale): Intl.PluralRules {
    let rules = this.plurals.get(language);
    if (!rules) {
      rules = new Intl.PluralRules(language);
      this.plurals.set(language, rules);
    }
    return rules;
  }

  private add(language: string, namespace: Namespace, tree: WordTree) {
    this.bundles.add(bundleId(language, namespace));
    let groups = this.groups.get(language);
    if (!groups) {
      groups = new Map();
      this.groups.set(language, groups);
    }
    for (const [group, words] of Object.entries(tree)) groups.set(group, words);
  }

  private arrived(language: Locale, namespace: Namespace, tree: WordTree) {
    this.add(language, namespace, tree);
    this.changed();
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }
}
