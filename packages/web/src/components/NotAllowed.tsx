import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../lib/useTranslation';
import { Link } from '../lib/router';
import { currentLocale } from '../app/i18n';

interface NotAllowedProps {
  heading: string;
  /** what is out of reach: the people pages (default) or the audit log */
  subject?: 'people' | 'audit';
}

/**
 * For those who open an administrator's page by its address without the level for it (site
 * admins, operators): who may, and the way back.
 */
export function NotAllowed({ heading, subject = 'people' }: NotAllowedProps) {
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const levels = {
    paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
    systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
  };
  return (
    <article className="page">
      <h1>{heading}</h1>
      <p className="lead">
        {subject === 'audit' ? <AuditNotAllowed {...levels} /> : t('people.notAllowed', levels)}
      </p>
      <p>
        <Link to="/administrator">{t('people.backToAdministrator')}</Link>
      </p>
    </article>
  );
}

/** Only the audit log's page, which loads the audit words anyway, asks for them here. */
function AuditNotAllowed(levels: { paymentAdmin: string; systemAdmin: string }) {
  const { t } = useTranslation('audit');
  return t('audit.notAllowed', levels);
}
