import { useTranslation } from '../../lib/useTranslation';
import { currentLocale, INTEGRATIONS_NS } from '../../app/i18n';

/** The page's words (integrations namespace) and the language they are shown in. */
export function useIntegrationsWords() {
  const { t, i18n } = useTranslation(INTEGRATIONS_NS);
  return { t, locale: currentLocale(i18n) };
}
