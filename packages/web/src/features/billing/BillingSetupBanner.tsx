import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { BillingPendingNotice } from './BillingPendingNotice';
import { BILLING_SETUP_PATH } from './useBillingSetupRedirect';

/**
 * For Home (and any page an unfinished billing setup blocks): payment admins get the way into
 * the wizard, the others who finishes it and what they can do meanwhile. Show it while
 * `company.billingSetupComplete` is false. Its words load with it (the `billing` namespace).
 */
export function BillingSetupBanner({ canFinish }: { canFinish: boolean }) {
  const { t } = useTranslation('billing');
  if (!canFinish) return <BillingPendingNotice complete={false} />;
  return (
    <div className="banner banner-info billing-setup-banner">
      <p>
        <strong>{t('payment.setup.heading')}</strong>
      </p>
      <p>{t('payment.setup.body')}</p>
      <p>
        <Link to={BILLING_SETUP_PATH}>{t('payment.setup.link')}</Link>
      </p>
    </div>
  );
}
