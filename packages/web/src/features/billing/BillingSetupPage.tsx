import { useQuery } from '@apollo/client/react';
import { Permission } from '@entry/shared';
import { useTranslation } from '../../lib/useTranslation';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { RequireAccess } from '../../app/RequireAccess';
import { SignInNotice } from '../../components/SignInNotice';
import { BillingPendingNotice } from './BillingPendingNotice';
import { BillingWizard } from './BillingWizard';
import { BillingSetupQuery } from './operations';
import './billing.css';

/** /billing/setup: the notes' first-login wizard, for payment admins; a notice for the others. */
export function BillingSetupPage() {
  const { t } = useTranslation('billing');
  usePageTitle(t('billing.setup.title'));
  const content = (
    <RequireAccess
      permission={Permission.PAYMENTS}
      refresh
      signedOut={<SignInNotice />}
      notAllowed={({ person, rights, billingSetupComplete }) =>
        person && rights ? (
          <BillingPendingNotice complete={billingSetupComplete} />
        ) : (
          <SignInNotice />
        )
      }
    >
      <PaymentAdminSetup />
    </RequireAccess>
  );

  return (
    <article className="page billing-setup">
      <h1>{t('billing.setup.title')}</h1>
      {content}
    </article>
  );
}

function PaymentAdminSetup() {
  const { data, error, refetch } = useQuery(BillingSetupQuery);
  const company = data?.company;
  if (error && !company) {
    return (
      <ErrorBanner
        error={error}
        context="Loading the company's billing details"
        onRetry={() => void refetch()}
      />
    );
  }
  if (!company) return <Loading />;
  return <BillingWizard company={company} onStale={() => void refetch()} />;
}
