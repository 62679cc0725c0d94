import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';
import type { InvoiceStatus } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/money';
import { formatDate } from '../../../lib/intl-formats';
import { formatMonth } from '../format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

export interface InvoiceRow {
  id: string;
  number: string;
  periodStart: string;
  dueAt: string;
  currency: string;
  total: number;
  status: InvoiceStatus;
  overdue: boolean;
}

interface InvoiceListProps {
  /** newest first, as the API sends them */
  invoices: readonly InvoiceRow[];
  totalCount: number;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadMoreFailed: boolean;
  onLoadMore: () => void;
}

/** The company's invoices, newest first, with "Load more" for older ones. */
export function InvoiceList({
  invoices,
  totalCount,
  hasNextPage,
  loadingMore,
  loadMoreFailed,
  onLoadMore,
}: InvoiceListProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  if (invoices.length === 0) return <p className="empty">{t('payment.invoices.empty')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table invoices-table">
          <caption className="visually-hidden">{t('payment.invoices.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payment.invoices.number')}</th>
              <th scope="col">{t('payment.invoices.period')}</th>
              <th scope="col" className="numeric">
                {t('payment.invoices.total')}
              </th>
              <th scope="col">{t('payment.invoices.due')}</th>
              <th scope="col">{t('payment.invoices.status')}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id}>
                <th scope="row">
                  <Link to={`/payment/invoices/${encodeURIComponent(invoice.id)}`}>
                    {invoice.number}
                  </Link>
                </th>
                <td>{formatMonth(invoice.periodStart, locale)}</td>
                <td className="numeric">{formatMoney(invoice.total, invoice.currency, locale)}</td>
                <td>{formatDate(invoice.dueAt, locale)}</td>
                <td>
                  <InvoiceStatusBadge invoice={invoice} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="load-more">
        <p aria-live="polite">
          {t('payment.invoices.shown', { shown: invoices.length, total: totalCount })}
        </p>
        {loadMoreFailed && (
          <p className="field-error" role="alert">
            {t('payment.invoices.loadMoreFailed')}
          </p>
        )}
        {hasNextPage && (
          <button
            type="button"
            className="button button-secondary"
            disabled={loadingMore}
            onClick={onLoadMore}
          >
            {loadingMore ? t('payment.invoices.loadingMore') : t('payment.invoices.loadMore')}
          </button>
        )}
      </div>
    </>
  );
}
