import { useQuery } from '@apollo/client/react';
import { Suspense, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../../app/useViewer';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { PaymentDiscrepancies } from './components/PaymentDiscrepancies';
import { RegistrationCard, type Outcome } from './components/RegistrationCard';
import { PENDING_PAGE_SIZE, PendingRegistrationsQuery } from './operations';
import { lazyNamed } from '../../lib/preloadable-lazy';

// The site transfers' section, with its words and the list pieces', loads after the console
// shows: with them in the page, /operator weighed 152.8 kB gzipped, over the 150 kB budget.
const SiteTransfersSection = lazyNamed(
  () => import('./components/SiteTransfersSection'),
  'SiteTransfersSection',
);

/** The vendor's operators approve or reject the registrations waiting for them. */
export function OperatorPage() {
  const { t } = useTranslation('accounts');
  usePageTitle(t('operator.heading'));
  const { person, operator, known } = useViewer();
  if (!known) return <Loading />;
  if (!person && !operator) return <SignInRedirect />;
  if (!operator) return <NotAllowed />;
  return (
    <article className="page">
      <h1>{t('operator.heading')}</h1>
      <p className="lead">{t('operator.intro')}</p>
      <PaymentDiscrepancies />
      <PendingRegistrations />
      <Suspense fallback={<Loading />}>
        <SiteTransfersSection />
      </Suspense>
    </article>
  );
}

function NotAllowed() {
  const { t } = useTranslation('accounts');
  const { t: tCore } = useTranslation();
  return (
    <article className="page">
      <h1>{t('operator.notAllowedHeading')}</h1>
      <p className="lead">{t('operator.notAllowed')}</p>
      <p>
        <Link to="/">{tCore('notFound.homeLink')}</Link>
      </p>
    </article>
  );
}

const OUTCOME_CLASS: Readonly<Record<Outcome['kind'], string>> = {
  approved: 'banner-success',
  rejected: 'banner-info',
  failed: 'banner-error',
};

function PendingRegistrations() {
  const { t } = useTranslation('accounts');
  const { data, loading, error, refetch } = useQuery(PendingRegistrationsQuery, {
    variables: { first: PENDING_PAGE_SIZE },
    // Other operators work on the same list: ask the server each time the console opens.
    fetchPolicy: 'cache-and-network',
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  function report(next: Outcome) {
    flushSync(() => setOutcome(next));
    // The card that had focus is gone: the result is where the operator continues from.
    outcomeRef.current?.focus();
  }

  const registrations = data?.pendingRegistrations;
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">
        {t('operator.pendingHeading')}
        {registrations && <span className="count"> ({registrations.length})</span>}
      </h2>
      {outcome && (
        <p
          ref={outcomeRef}
          tabIndex={-1}
          role={outcome.kind === 'failed' ? 'alert' : 'status'}
          className={`banner ${OUTCOME_CLASS[outcome.kind]}`}
        >
          {outcome.kind === 'approved' &&
            t('operator.approved', { company: outcome.company, email: outcome.email })}
          {outcome.kind === 'rejected' && t('operator.rejected', { company: outcome.company })}
          {outcome.kind === 'failed' &&
            t('operator.failed', { company: outcome.company, message: outcome.message })}
        </p>
      )}
      {loading && !registrations && <Loading />}
      {error && !registrations && (
        <ErrorBanner
          error={error}
          context="Loading the pending registrations"
          onRetry={() => void refetch()}
        />
      )}
      {registrations && registrations.length === 0 && <p className="empty">{t('operator.none')}</p>}
      {registrations && registrations.length > 0 && (
        <ol className="registrations">
          {registrations.map((company) => (
            <li key={company.id}>
              <RegistrationCard company={company} onDone={report} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
