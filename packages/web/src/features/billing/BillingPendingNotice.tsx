import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { currentLocale } from '../../app/i18n';

interface BillingPendingNoticeProps {
  /** the company's billing setup is finished: only payments are out of reach then */
  complete: boolean;
}

/**
 * For the people who may not see payments (system and site admins): who finishes the billing
 * setup, and what they can do until then; once it is done, who looks after payments.
 */
export function BillingPendingNotice({ complete }: BillingPendingNoticeProps) {
  const { t, i18n } = useTranslation('billing');
  const paymentAdmin = ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[currentLocale(i18n)];
  if (complete) {
    return (
      <div className="banner banner-info">
        <p>{t('billing.pending.complete', { paymentAdmin })}</p>
        <p>
          <Link to="/">{t('billing.done.homeLink')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="banner banner-info billing-pending">
      <p className="banner-title">{t('billing.pending.heading')}</p>
      <p>{t('billing.pending.body', { paymentAdmin })}</p>
      <p>{t('billing.pending.meanwhile')}</p>
      <ul>
        <li>{t('billing.pending.canLook')}</li>
        <li>{t('billing.pending.canTerms')}</li>
        <li>{t('billing.pending.canProfile')}</li>
      </ul>
      <p>{t('billing.pending.blocked')}</p>
    </div>
  );
}
