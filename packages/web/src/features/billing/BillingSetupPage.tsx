import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_NS } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../../app/useViewer';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { SignInNotice } from '../../components/SignInNotice';
import { BillingPendingNotice } from './BillingPendingNotice';
import { BillingWizard } from './BillingWizard';
import { BillingSetupQuery } from './operations';
import { BillingViewerQuery } from './viewer-operations';
import './billing.css';

/** /billing/setup: the notes' first-login wizard, for payment admins; a notice for the others. */
export function BillingSetupPage() {
  const { t } = useTranslation('billing');
  // The forms' shared words ("(optional)", the error prefix) load with the page, not when a
  // form opens: a form suspending later would blank the page for a moment.
  useTranslation(ACCOUNTS_NS);
  usePageTitle(t('billing.setup.title'));
  const { person, known } = useViewer();
  const viewer = useQuery(BillingViewerQuery, {
    skip: !person,
    fetchPolicy: 'cache-and-network',
  });
  const me = viewer.data?.me ?? null;
  const rights = me ? ACCESS_LEVEL_RIGHTS[me.accessLevel.code] : null;

  let content;
  if (viewer.error && !me) {
    content = (
      <ErrorBanner
        error={viewer.error}
        context="Loading the signed-in person's level"
        onRetry={() => void viewer.refetch()}
      />
    );
  } else if (!known || (person && !me)) {
    content = <Loading />;
  } else if (!person || !rights) {
    content = <SignInNotice />;
  } else if (!rights.payments) {
    content = <BillingPendingNotice complete={me?.company?.billingSetupComplete ?? false} />;
  } else {
    content = <PaymentAdminSetup />;
  }

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
