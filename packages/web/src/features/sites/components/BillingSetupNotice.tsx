import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';

interface BillingSetupNoticeProps {
  /** a payment admin can finish it themselves; the others are told who can */
  canFinish: boolean;
  id?: string;
}

/**
 * Why no site can be added yet (createSite answers BILLING_SETUP_REQUIRED until billing setup is
 * complete) and what to do about it.
 */
export function BillingSetupNotice({ canFinish, id }: BillingSetupNoticeProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <div id={id} className="banner banner-info billing-notice">
      <p className="banner-title">{t('sites.billing.heading')}</p>
      {canFinish ? (
        <>
          <p>{t('sites.billing.payment')}</p>
          <p>
            <Link to="/payment">{t('sites.billing.paymentLink')}</Link>
          </p>
        </>
      ) : (
        <p>
          {t('sites.billing.other', { paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale] })}
        </p>
      )}
    </div>
  );
}
