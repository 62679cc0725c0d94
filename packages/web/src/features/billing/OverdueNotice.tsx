import { ACCESS_LEVEL_LABELS } from '@entry/shared';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import type { BillingStandingQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/intl-formats';
import { formatMoney } from '../../lib/money';

type Overdue = NonNullable<NonNullable<BillingStandingQuery['company']>['overdue']>;

/**
 * The overdue banner's words (OverdueWatch.tsx decides when): to a payment admin what is
 * overdue since when, when suspension comes (or that it has come) and a way to pay; to the
 * others (`overdue` null) that the company is suspended and who can lift it. Suspension never
 * stops the residents' Entry app, so neither says otherwise.
 */
export function OverdueNotice({
  overdue,
  suspended,
}: {
  overdue: Overdue | null;
  suspended: boolean;
}) {
  const { t, i18n } = useTranslation('lifecycle');
  const locale = currentLocale(i18n);
  if (!overdue) {
    const paymentAdmin = ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale].toLocaleLowerCase(locale);
    return (
      <div className="banner banner-info standing-note">
        <p>{t('standing.quietSuspended', { paymentAdmin })}</p>
      </div>
    );
  }
  const values = {
    amount: formatMoney(overdue.total, overdue.currency, locale),
    date: formatDate(overdue.oldestDueAt, locale),
    suspendsOn: formatDate(overdue.suspendsAt, locale),
  };
  const target =
    overdue.invoiceCount === 1
      ? `/payment/invoices/${encodeURIComponent(overdue.oldestInvoiceId)}`
      : '/payment';
  return (
    <div className={`banner ${suspended ? 'banner-error' : 'banner-warning'} standing-banner`}>
      <p>
        <strong>{suspended ? t('standing.suspendedTitle') : t('standing.overdueTitle')}</strong>
      </p>
      <p>{suspended ? t('standing.suspended', values) : t('standing.overdue', values)}</p>
      <p>
        <Link to={target}>{t('standing.pay')}</Link>
      </p>
    </div>
  );
}
