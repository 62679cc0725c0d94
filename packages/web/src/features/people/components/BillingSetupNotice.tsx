import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';

interface BillingSetupNoticeProps {
  /** an alert when the server just refused; a plain notice when known beforehand */
  alert?: boolean;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Invitations wait for the first-login billing setup (the notes' wizard): says who can finish
 * it and where.
 */
export function BillingSetupNotice({ alert = false, ref }: BillingSetupNoticeProps) {
  const { t, i18n } = useTranslation('people');
  const level = ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[currentLocale(i18n)];
  return (
    <div
      ref={ref}
      tabIndex={alert ? -1 : undefined}
      role={alert ? 'alert' : undefined}
      className={alert ? 'banner banner-error' : 'banner banner-info'}
    >
      <p>
        <strong>{t('people.billing.heading')}</strong>
      </p>
      <p>{t('people.billing.body', { level })}</p>
      <p>
        <Link to="/payment">{t('people.billing.link')}</Link>
      </p>
    </div>
  );
}
