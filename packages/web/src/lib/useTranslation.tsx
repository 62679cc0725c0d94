// React's side of the translator (translator.ts), with react-i18next's names and shapes:
// `<I18nextProvider i18n={…}>` around the app and `const { t, i18n } = useTranslation(ns)` in a
// component, so a page moves over by changing its import.
import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { Namespace, TFunction, Translator } from './translator';

const TranslatorContext = createContext<Translator | null>(null);

/** Gives the components below it the app's translator (named as react-i18next's provider). */
export function I18nextProvider({ i18n, children }: { i18n: Translator; children?: ReactNode }) {
  return <TranslatorContext value={i18n}>{children}</TranslatorContext>;
}

/**
 * `t` for one namespace (the core words by default) in the language shown. The component
 * suspends while the namespace's words are on their way, as with react-i18next, and renders
 * again when the language changes.
 */
export function useTranslation<Ns extends Namespace = 'translation'>(
  namespace?: Ns,
): { t: TFunction<Ns>; i18n: Translator } {
  const i18n = use(TranslatorContext);
  if (!i18n) throw new Error('useTranslation() needs an <I18nextProvider> around it');
  const language = useSyncExternalStore(i18n.subscribe, () => i18n.resolvedLanguage);
  const wanted = (namespace ?? 'translation') as Ns;
  // Suspends by throwing the load, as react-i18next does: React retries when it settles. (With
  // `use` instead, a render inside a synchronous act() of a test is never retried.)
  if (!i18n.hasResourceBundle(language, wanted)) throw i18n.loadNamespace(wanted, language);
  return { t: i18n.getFixedT(wanted), i18n };
}
