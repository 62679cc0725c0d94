import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../../app/i18n';

/** For site admins (and operators) who open a people page by its address. */
export function NotAllowed({ heading }: { heading: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <article className="page">
      <h1>{heading}</h1>
      <p className="lead">
        {t('people.notAllowed', {
          paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
          systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
        })}
      </p>
      <p>
        <Link to="/administrator">{t('people.backToAdministrator')}</Link>
      </p>
    </article>
  );
}
