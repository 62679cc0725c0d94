import type { InvoiceStatus } from '../../gql/graphql';

/** What the lists and the invoice page say: the notes' due, overdue, paid (and void). */
export type InvoiceDisplayStatus = 'DUE' | 'OVERDUE' | 'PAID' | 'VOID';

export interface InvoiceStatusView {
  status: InvoiceDisplayStatus;
  /** the last charge was refused: said on its own, beside due or overdue */
  paymentFailed: boolean;
}

/**
 * PAID -> paid; VOID -> void; open or failed and past its due date -> overdue; otherwise due.
 * A refused charge is shown as well (payment failed), whatever the date.
 */
export function invoiceStatusView(invoice: {
  status: InvoiceStatus;
  overdue: boolean;
}): InvoiceStatusView {
  const paymentFailed = invoice.status === 'PAYMENT_FAILED';
  if (invoice.status === 'PAID') return { status: 'PAID', paymentFailed: false };
  if (invoice.status === 'VOID') return { status: 'VOID', paymentFailed: false };
  return { status: invoice.overdue ? 'OVERDUE' : 'DUE', paymentFailed };
}

/** Open and failed invoices can be paid now; paid and void ones cannot. */
export function isPayable(status: InvoiceStatus): boolean {
  return status === 'OPEN' || status === 'PAYMENT_FAILED';
}
