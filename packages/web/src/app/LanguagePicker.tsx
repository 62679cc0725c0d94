import { SUPPORTED_LOCALES, resolveLocale } from '@entry/shared';
import { useId } from 'react';
import { useTranslation } from '../lib/useTranslation';
import { LANGUAGE_NAMES, changeLocale, currentLocale } from './i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLocale(i18n)}
        onChange={(event) => void changeLocale(i18n, resolveLocale(event.target.value))}
      >
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
