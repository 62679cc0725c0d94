import { useQuery } from '@apollo/client/react';
import { Permission } from '@entry/shared';
import { Suspense, useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { lazyNamed } from '../../lib/preloadable-lazy';
import { Link } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { RequireAccess } from '../../app/RequireAccess';
import { PaymentAccessNote } from './components/PaymentAccessNote';
import { SignInNotice } from '../../components/SignInNotice';
import { BillingPendingNotice } from '../billing/BillingPendingNotice';
import { BillingTerms } from '../billing/BillingTerms';
import { BILLING_SETUP_PATH } from '../billing/useBillingSetupRedirect';
import { InvoiceList } from './components/InvoiceList';
import { PaymentMethodSection } from './components/PaymentMethodSection';
import { SpendChart } from './components/SpendChart';
import { INVOICES_PAGE_SIZE, PaymentOverviewQuery } from './operations';
import '../billing/billing.css';
import './payment.css';

const BillingDetailsSection = lazyNamed(
  () => import('./components/BillingDetailsSection'),
  'BillingDetailsSection',
);

/**
 * /payment: payment method, card and invoices for payment admins; the others are told who
 * handles payments. The billing terms stay readable for everyone.
 */
export function PaymentPage() {
  const { t } = useTranslation('billing');
  usePageTitle(t('payment.heading'));
  const accessNote = <PaymentAccessNote />;
  const content = (
    <RequireAccess
      permission={Permission.PAYMENTS}
      refresh
      // A visitor is told to sign in by SignInNotice; the billing terms stay readable.
      signedOut={null}
      notAllowed={({ person, billingSetupComplete }) =>
        person && (
          <>
            {accessNote}
            {!billingSetupComplete && <BillingPendingNotice complete={false} />}
          </>
        )
      }
      billingSetup={
        <div className="banner banner-info">
          <p className="banner-title">{t('payment.setup.heading')}</p>
          <p>{t('payment.setup.body')}</p>
          <p>
            <Link to={BILLING_SETUP_PATH} className="button button-link">
              {t('payment.setup.link')}
            </Link>
          </p>
        </div>
      }
    >
      <PaymentOverview />
    </RequireAccess>
  );

  return (
    <article className="page payment-page">
      <h1>{t('payment.heading')}</h1>
      <p className="lead">{t('payment.intro')}</p>
      <SignInNotice />
      {content}
      <TermsSection />
    </article>
  );
}

function PaymentOverview() {
  const { t } = useTranslation('billing');
  const { data, error, refetch, fetchMore } = useQuery(PaymentOverviewQuery, {
    variables: { first: INVOICES_PAGE_SIZE },
    // A payment or a billing run may have happened since: show what is cached, then the news.
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const company = data?.company;
  if (error && !company) {
    return (
      <ErrorBanner
        error={error}
        context="Loading the payment overview"
        onRetry={() => void refetch()}
      />
    );
  }
  if (!company) return <Loading />;
  const invoices = company.invoices;
  const nodes = invoices.edges.map((edge) => edge.node);

  async function loadMore() {
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({
        variables: { after: invoices.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          if (!previous.company || !fetchMoreResult.company) return previous;
          const more = fetchMoreResult.company.invoices;
          return {
            ...previous,
            company: {
              ...previous.company,
              invoices: {
                ...more,
                edges: [...previous.company.invoices.edges, ...more.edges],
              },
            },
          };
        },
      });
    } catch (reason) {
      console.error('Loading more invoices failed', reason);
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <PaymentMethodSection company={company} />
      {/* after the page, with its words: it kept /payment over the weight budget */}
      <Suspense fallback={<Loading />}>
        <BillingDetailsSection />
      </Suspense>
      <section aria-labelledby="invoices-heading">
        <h2 id="invoices-heading">{t('payment.invoices.heading')}</h2>
        <InvoiceList
          invoices={nodes}
          totalCount={invoices.totalCount}
          hasNextPage={invoices.pageInfo.hasNextPage}
          loadingMore={loadingMore}
          loadMoreFailed={moreFailed}
          onLoadMore={() => void loadMore()}
        />
      </section>
      <section aria-labelledby="spend-heading">
        <h2 id="spend-heading">{t('payment.chart.heading')}</h2>
        <SpendChart invoices={nodes} />
      </section>
    </>
  );
}

/** The billing terms, folded away (they were accepted in the wizard), readable by anyone. */
function TermsSection() {
  const { t } = useTranslation('billing');
  return (
    <section aria-labelledby="billing-terms">
      <h2 id="billing-terms">{t('payment.termsHeading')}</h2>
      <details className="terms-details">
        <summary>{t('payment.termsShow')}</summary>
        <BillingTerms />
      </details>
    </section>
  );
}
