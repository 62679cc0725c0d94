import { ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { Suspense } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { WithApollo } from '../../app/lazy-apollo';
import { useViewer } from '../../app/useViewer';
import { Loading } from '../../components/QueryStatus';
import { SignInNotice } from '../../components/SignInNotice';
import { preloadableLazy } from '../../lib/preloadable-lazy';
import { HomeBillingNotice } from './HomeBillingNotice';

// Signed-in people get the dashboard; visitors (the first page most people see) do not load it.
// Preloaded (routes.tsx) when the first page is Home and someone is signed in.
export const Dashboard = preloadableLazy(() =>
  import('./Dashboard').then((module) => ({ default: module.Dashboard })),
);

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const { person, known, startAccess } = useViewer();
  if (!known) return <Loading />;
  if (person && !person.mustChangePassword && !person.mustEnrollMfa) {
    // The greeting shows at once (the page's answer says who it is); the dashboard's figures,
    // which need Apollo Client and the API, follow: on a phone the page paints ~0.6 s sooner.
    return (
      <article className="page dashboard">
        <h1>{t('home.dashboard.heading', { name: person.firstName })}</h1>
        <p className="lead">{t('home.dashboard.intro')}</p>
        <Suspense
          fallback={
            <>
              <HomeBillingNotice
                rights={startAccess && ACCESS_LEVEL_RIGHTS[startAccess.level]}
                billingSetupComplete={startAccess?.billingSetupComplete ?? true}
              />
              <Loading />
            </>
          }
        >
          <WithApollo>
            <Dashboard />
          </WithApollo>
        </Suspense>
      </article>
    );
  }
  return <Welcome />;
}

/** The portal introduced, for visitors and operators. */
function Welcome() {
  const { t } = useTranslation();
  return (
    <article className="page">
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <SignInNotice />
      <section aria-labelledby="home-areas">
        <h2 id="home-areas">{t('home.areasHeading')}</h2>
        <dl className="areas">
          <div>
            <dt>
              <Link to="/sites">{t('nav.sites')}</Link>
            </dt>
            <dd>{t('home.sitesSummary')}</dd>
          </div>
          <div>
            <dt>
              <Link to="/payment">{t('nav.payment')}</Link>
            </dt>
            <dd>{t('home.paymentSummary')}</dd>
          </div>
          <div>
            <dt>
              <Link to="/administrator">{t('nav.administrator')}</Link>
            </dt>
            <dd>{t('home.administratorSummary')}</dd>
          </div>
        </dl>
      </section>
    </article>
  );
}
