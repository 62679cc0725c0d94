import { useTranslation } from '../../../lib/useTranslation';
import type { InvoiceStatus } from '../../../gql/graphql';
import { invoiceStatusView } from '../invoice-status';

/** Due, overdue, paid or void; "payment failed" beside it after a refused charge. */
export function InvoiceStatusBadge({
  invoice,
}: {
  invoice: { status: InvoiceStatus; overdue: boolean };
}) {
  const { t } = useTranslation('billing');
  const view = invoiceStatusView(invoice);
  return (
    <span className="status-badges">
      <span className={`status-badge status-${view.status.toLowerCase()}`}>
        {t(`payment.status.${view.status}`)}
      </span>
      {view.paymentFailed && (
        <span className="status-badge status-failed">{t('payment.status.PAYMENT_FAILED')}</span>
      )}
    </span>
  );
}
