import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ViewerQuery } from '../app/operations';

/** Says that the company's data needs signing in; shown only to anonymous visitors. */
export function SignInNotice() {
  const { t } = useTranslation();
  // Answered from the cache: the layout asks for `me` on every page.
  const { data } = useQuery(ViewerQuery);
  if (!data || data.me || data.currentOperator) return null;
  return (
    <div className="banner banner-info">
      <p>{t('auth.signInRequired')}</p>
    </div>
  );
}
