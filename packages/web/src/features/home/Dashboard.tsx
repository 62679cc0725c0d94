import { useQuery } from '@apollo/client/react';
import type { AccessLevelRights } from '@entry/shared';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { useAccess } from '../../app/useAccess';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { HomeBillingNotice } from './HomeBillingNotice';
import type { SitesLocationState } from '../sites/SitesPage';
import { formatCount } from '../../lib/intl-formats';
import { formatMoney } from '../../lib/money';
import { DashboardQuery } from './operations';
import { formatPeriod } from './period';
import './home.css';

/**
 * Home for a signed-in person, below the greeting (HomePage): what they may see, counted, and
 * shortcuts to the usual tasks.
 */
export function Dashboard() {
  // Billing setup may have been finished since (by a colleague, on the Payment page).
  const viewer = useAccess({ refresh: true });
  if (viewer.error)
    return <ErrorBanner error={viewer.error} context="Loading the signed-in person's rights" />;
  if (!viewer.rights) return <Loading />;
  return (
    <DashboardContent rights={viewer.rights} billingSetupComplete={viewer.billingSetupComplete} />
  );
}

interface DashboardContentProps {
  rights: AccessLevelRights;
  billingSetupComplete: boolean;
}

export function DashboardContent({ rights, billingSetupComplete }: DashboardContentProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { data, error, refetch } = useQuery(DashboardQuery, {
    // payment admins' dashboard has the estimate; the other levels may not ask for it
    variables: { withEstimate: rights.payments },
    // Counts change with every site and user: show the last ones at once, then the current ones.
    fetchPolicy: 'cache-and-network',
  });
  const count = (value: number) => formatCount(value, locale);
  const dashboard = data?.dashboard;
  const estimate = rights.payments ? (dashboard?.nextInvoiceEstimate ?? null) : null;

  return (
    <>
      <HomeBillingNotice rights={rights} billingSetupComplete={billingSetupComplete} />
      <section aria-labelledby="dashboard-glance">
        <h2 id="dashboard-glance">{t('home.dashboard.glanceHeading')}</h2>
        {error && !dashboard ? (
          <ErrorBanner
            error={error}
            context="Loading the dashboard"
            onRetry={() => void refetch()}
          />
        ) : !dashboard ? (
          <Loading />
        ) : (
          <ul className="dashboard-cards">
            <li className="card stat-card">
              <h3>{t('home.dashboard.sitesHeading')}</h3>
              <dl className="stats">
                <div>
                  <dt>{t('home.dashboard.sitesActive')}</dt>
                  <dd>{count(dashboard.activeSiteCount)}</dd>
                </div>
                <div>
                  <dt>{t('home.dashboard.sitesInactive')}</dt>
                  <dd>{count(dashboard.inactiveSiteCount)}</dd>
                </div>
              </dl>
              <Link to="/sites">{t('home.dashboard.sitesLink')}</Link>
            </li>
            <li className="card stat-card">
              <h3>{t('home.dashboard.usersHeading')}</h3>
              <dl className="stats">
                <div>
                  <dt>{t('home.dashboard.usersLabel')}</dt>
                  <dd>{count(dashboard.entryUserCount)}</dd>
                </div>
              </dl>
            </li>
            {dashboard.invitedPeopleCount !== null &&
              dashboard.invitedPeopleCount !== undefined && (
                <li className="card stat-card">
                  <h3>{t('home.dashboard.invitedHeading')}</h3>
                  <dl className="stats">
                    <div>
                      <dt>{t('home.dashboard.invitedLabel')}</dt>
                      <dd>{count(dashboard.invitedPeopleCount)}</dd>
                    </div>
                  </dl>
                  {rights.managePeople && (
                    <Link to="/administrator">{t('home.dashboard.invitedLink')}</Link>
                  )}
                </li>
              )}
            {estimate && (
              <li className="card stat-card estimate-card">
                <h3>{t('home.dashboard.estimateHeading')}</h3>
                <dl className="stats">
                  <div>
                    <dt>{t('home.dashboard.estimateLabel')}</dt>
                    <dd>{formatMoney(estimate.subtotal, estimate.currency, locale)}</dd>
                  </div>
                </dl>
                <p>
                  {t('home.dashboard.estimatePeriod', {
                    period: formatPeriod(estimate.periodStart, estimate.periodEnd, locale),
                  })}
                </p>
                <p>
                  {t('home.dashboard.estimateDetail', {
                    billed: count(estimate.billedEntryUsers),
                    price: formatMoney(estimate.unitAmount, estimate.currency, locale),
                  })}
                </p>
                <p>{t('home.dashboard.estimateVat')}</p>
                <Link to="/payment">{t('home.dashboard.estimateLink')}</Link>
              </li>
            )}
          </ul>
        )}
      </section>
      {/* Only under the counts once they are there: the cards would push it down otherwise
          (a layout shift that Lighthouse counts against the page). */}
      {(dashboard || error) && (
        <Shortcuts rights={rights} billingSetupComplete={billingSetupComplete} />
      )}
    </>
  );
}

function Shortcuts({ rights, billingSetupComplete }: DashboardContentProps) {
  const { t } = useTranslation();
  const createSiteState: SitesLocationState = { createSite: true };
  return (
    <section aria-labelledby="dashboard-shortcuts">
      <h2 id="dashboard-shortcuts">{t('home.dashboard.shortcutsHeading')}</h2>
      <ul className="shortcuts">
        {rights.allSites && billingSetupComplete && (
          <li>
            <Link to="/sites" state={createSiteState} className="button button-link">
              {t('home.dashboard.addSite')}
            </Link>
          </li>
        )}
        <li>
          <Link to="/sites" className="button button-secondary button-link">
            {t('home.dashboard.addUsers')}
          </Link>
        </li>
        {rights.managePeople && (
          <li>
            <Link to="/administrator" className="button button-secondary button-link">
              {t('home.dashboard.invitePerson')}
            </Link>
          </li>
        )}
        {rights.payments && (
          <li>
            <Link to="/payment" className="button button-secondary button-link">
              {t('home.dashboard.viewInvoices')}
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}
