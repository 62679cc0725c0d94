import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_LABELS, ACCESS_LEVEL_RIGHTS } from '@entry/shared';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { AccessQuery, BillingStandingQuery } from '../../app/operations';
import { formatDate } from '../../lib/intl-formats';
import { formatMoney } from '../../lib/money';

/**
 * On every page (the layout's, loaded with Apollo Client): payment admins see what is unpaid
 * past its due date from that day on, with the day suspension comes (or that it has come) and a
 * way to pay; the other levels see a quieter note only once the company is suspended, saying
 * who can lift it. Suspension never stops the residents' Entry app, so neither says otherwise.
 *
 * The level and the company's state come from the page's answer in the cache (no request);
 * payment admins ask for what is overdue once (BillingStanding), and again after a payment.
 */
export function OverdueBanner({
  person,
}: {
  person: { id: string; mustChangePassword: boolean } | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { data: access } = useQuery(AccessQuery, {
    fetchPolicy: 'cache-only',
    skip: !person || person.mustChangePassword,
  });
  const me = access?.me?.id === person?.id ? access?.me : null;
  const payments = me ? ACCESS_LEVEL_RIGHTS[me.accessLevel.code].payments : false;
  const { data } = useQuery(BillingStandingQuery, {
    skip: !payments,
    fetchPolicy: 'cache-and-network',
  });
  if (!me) return null;

  if (!payments) {
    if (me.company?.status !== 'SUSPENDED') return null;
    return (
      <div className="banner banner-info standing-note">
        <p>
          {t('standing.quietSuspended', {
            paymentAdmin: ACCESS_LEVEL_LABELS.PAYMENT_ADMIN[locale].toLocaleLowerCase(locale),
          })}
        </p>
      </div>
    );
  }

  const company = data?.company;
  const overdue = company?.overdue;
  if (!company || !overdue) return null;
  const suspended = company.status === 'SUSPENDED';
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
    <div
      className={
        suspended ? 'banner banner-error standing-banner' : 'banner banner-warning standing-banner'
      }
    >
      <p className="banner-title">
        <strong>{suspended ? t('standing.suspendedTitle') : t('standing.overdueTitle')}</strong>
      </p>
      <p>{suspended ? t('standing.suspended', values) : t('standing.overdue', values)}</p>
      <p>
        <Link to={target}>{t('standing.pay')}</Link>
      </p>
    </div>
  );
}
