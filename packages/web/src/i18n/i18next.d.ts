import 'i18next';
import type accounts from './accounts/en.json';
import type billing from './billing/en.json';
import type en from './en.json';
import type integrations from './integrations/en.json';

// English is the reference: `t('nav.home')` is type-checked against en.json (and
// `useTranslation('accounts')`'s keys against accounts/en.json), and a unit test holds the other
// languages to exactly the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
      accounts: typeof accounts;
      billing: typeof billing;
      integrations: typeof integrations;
    };
  }
}
