import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import { personName } from '../format';
import { SiteAdminsQuery } from '../operations';

interface SiteAdminsProps {
  siteId: string;
}

const STATUS_KEYS = {
  ACTIVE: 'sites.admins.active',
  INVITED: 'sites.admins.invited',
  DISABLED: 'sites.admins.disabled',
} as const;

/** The site admins assigned to the site (shown to all-sites levels, who may assign them). */
export function SiteAdmins({ siteId }: SiteAdminsProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  const { data, error, refetch } = useQuery(SiteAdminsQuery, {
    variables: { id: siteId },
    // Assignments change on the Administrator page.
    fetchPolicy: 'cache-and-network',
  });
  const admins = data?.site?.siteAdmins;
  return (
    <section aria-labelledby="site-admins-heading" className="site-section">
      <h2 id="site-admins-heading">{t('sites.admins.heading')}</h2>
      <p>
        {t('sites.admins.intro', {
          siteAdmin: ACCESS_LEVEL_LABELS.SITE_ADMIN[locale],
          paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
          systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
        })}
      </p>
      {error && !admins ? (
        <ErrorBanner
          error={error}
          context={`Loading the site admins of site ${siteId}`}
          onRetry={() => void refetch()}
        />
      ) : !admins ? (
        <Loading />
      ) : admins.length === 0 ? (
        <p className="empty">{t('sites.admins.empty')}</p>
      ) : (
        <ul className="people-list">
          {admins.map((admin) => (
            <li key={admin.id}>
              <span className="person-name">{personName(admin)}</span>{' '}
              <span className="break muted">{admin.email}</span>
              {admin.status in STATUS_KEYS && admin.status !== 'ACTIVE' && (
                <>
                  {' '}
                  <span className="badge badge-inactive">
                    {t(STATUS_KEYS[admin.status as keyof typeof STATUS_KEYS])}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/administrator">{t('sites.admins.manage')}</Link>
      </p>
    </section>
  );
}
