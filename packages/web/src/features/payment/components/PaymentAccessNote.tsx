import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';

/** For those whose level does not handle payments: who does. */
export function PaymentAccessNote() {
  const { t, i18n } = useTranslation('billing');
  return (
    <div className="banner banner-info">
      <p>
        {t('payment.accessNote', {
          level: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[currentLocale(i18n)],
        })}
      </p>
    </div>
  );
}
