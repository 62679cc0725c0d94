import { useQuery } from '@apollo/client/react';
import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_LABELS,
  ACCESS_LEVEL_RIGHTS,
  Permission,
} from '@entry/shared';
import { Suspense } from 'react';
import { preloadableLazy } from '../../lib/preloadable-lazy';
import { useTranslation } from '../../lib/useTranslation';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { RequireAccess } from '../../app/RequireAccess';
import { SignInNotice } from '../../components/SignInNotice';
import { PeopleList } from '../people/components/PeopleList';
import '../people/people.css';
import { AccessLevelsQuery } from './operations';

// The company's two-factor requirement: for payment admins only, loaded for them.
const MfaRequirement = preloadableLazy(() =>
  import('./MfaRequirement').then((module) => ({ default: module.MfaRequirement })),
);

/**
 * The notes' Administrator tab: the company's people (for those who manage people) and what
 * each access level may do (for everyone).
 */
export function AdministratorPage() {
  const { t } = useTranslation('people');
  usePageTitle(t('nav.administrator'));
  return (
    <article className="page">
      <h1>{t('administrator.heading')}</h1>
      <p className="lead">{t('administrator.intro')}</p>
      <SignInNotice />
      <People />
      <RequireAccess
        permission={Permission.PAYMENTS}
        loading={null}
        signedOut={null}
        notAllowed={null}
      >
        <Suspense fallback={null}>
          <MfaRequirement />
        </Suspense>
      </RequireAccess>
      <section aria-labelledby="access-levels">
        <h2 id="access-levels">{t('administrator.accessLevelsHeading')}</h2>
        <AccessLevels />
      </section>
    </article>
  );
}

/** The people list for those who manage people; a word of explanation for site admins. */
function People() {
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  return (
    <RequireAccess
      permission={Permission.MANAGE_PEOPLE}
      // The page itself is for everyone: a visitor is told to sign in above, an operator sees
      // the levels only.
      loading={null}
      signedOut={null}
      notAllowed={({ level }) =>
        level && (
          <p className="banner banner-info">
            {t('people.siteAdminNote', {
              level: ACCESS_LEVEL_LABELS[level][locale],
              paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale],
              systemAdmin: ACCESS_LEVEL_LABELS.SYSTEM_ADMIN[locale],
            })}
          </p>
        )
      }
    >
      {({ person, level, billingSetupComplete }) =>
        person &&
        level && (
          <PeopleList
            viewer={{ id: person.id, level }}
            billingSetupComplete={billingSetupComplete}
          />
        )
      }
    </RequireAccess>
  );
}

function AccessLevels() {
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const { data, loading, error, refetch } = useQuery(AccessLevelsQuery, {
    variables: { locale },
  });
  if (loading) return <Loading />;
  if (error || !data) {
    return (
      <ErrorBanner
        error={error}
        context={`Loading the access levels (${locale})`}
        onRetry={() => void refetch()}
      />
    );
  }
  // Highest level first, as everywhere else in the portal.
  const levels = [...data.accessLevels].sort(
    (a, b) => ACCESS_LEVEL_CODES.indexOf(a.code) - ACCESS_LEVEL_CODES.indexOf(b.code),
  );
  const yesNo = (value: boolean) => (value ? t('status.yes') : t('status.no'));
  return (
    <ul className="access-levels">
      {levels.map((level) => {
        const headingId = `access-level-${level.code}`;
        return (
          <li key={level.code} className="card">
            <h3 id={headingId}>{level.label}</h3>
            <p>{level.description}</p>
            <dl className="rights">
              <div>
                <dt>{t('administrator.allSites')}</dt>
                <dd>{yesNo(level.allSites)}</dd>
              </div>
              <div>
                <dt>{t('administrator.payments')}</dt>
                <dd>{yesNo(level.payments)}</dd>
              </div>
              <div>
                {/* Not in the API: the same shared table the server enforces. */}
                <dt>{t('administrator.managePeople')}</dt>
                <dd>{yesNo(ACCESS_LEVEL_RIGHTS[level.code].managePeople)}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
