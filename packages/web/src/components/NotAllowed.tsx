import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../lib/useTranslation';
import { Link } from '../lib/router';
import { currentLocale } from '../app/i18n';

interface NotAllowedProps {
  heading: string;
  /** what is out of reach: the people pages (default) or the audit log */
  subject?: 'people' | 'audit';
  /**
   * the sentence instead of the subject's, for a page whose words load with it (Integrations);
   * `levels` names the levels that may, in the language shown
   */
  lead?: (levels: { paymentAdmin: string; systemAdmin: string }) => string;
}

/**
 * For those who open an administrator's page by its address without the level for it (site
 * admins, operators): who may, and the way back (the Administrator page says what each level may).
 */
export function NotAllowed({ heading, subject = 'people', lead }: NotAllowedProps) {
  const { t, i18n } = useTranslation('lists');
  const locale = currentLocale(i18n);
  const levels = {
    paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
    systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
  };
  return (
    <article className="page">
      <h1>{heading}</h1>
      <p className="lead">
        {lead ? (
          lead(levels)
        ) : subject === 'audit' ? (
          <AuditNotAllowed {...levels} />
        ) : (
          <PeopleNotAllowed {...levels} />
        )}
      </p>
      <p>
        <Link to="/administrator">{t('lists.backToAdministrator')}</Link>
      </p>
    </article>
  );
}

/** Only the people pages, which load the people words anyway, ask for them here. */
function PeopleNotAllowed(levels: { paymentAdmin: string; systemAdmin: string }) {
  const { t } = useTranslation('people');
  return t('people.notAllowed', levels);
}

/** Only the audit log's page, which loads the audit words anyway, asks for them here. */
function AuditNotAllowed(levels: { paymentAdmin: string; systemAdmin: string }) {
  const { t } = useTranslation('audit');
  return t('audit.notAllowed', levels);
}
