import { useQuery } from '@apollo/client/react';
import { Permission } from '@entry/shared';
import { useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useParams } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { useAccess } from '../../app/useAccess';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { RequireAccess } from '../../app/RequireAccess';
import { PaymentAccessNote } from './components/PaymentAccessNote';
import type { InvoiceQuery as InvoiceData } from '../../gql/graphql';
import { formatMoney } from '../../lib/money';
import { InvoiceStatusBadge } from './components/InvoiceStatusBadge';
import { PayInvoice } from './components/PayInvoice';
import { formatDate } from '../../lib/intl-formats';
import { formatMonth, formatRate, pdfLink } from './format';
import { isPayable } from './invoice-status';
import { InvoiceQuery } from './operations';
import '../billing/billing.css';
import './payment.css';
import { numberFormat } from '../../lib/intl-formats';

export type InvoiceDetail = NonNullable<InvoiceData['invoice']>;

/** /payment/invoices/:id — the invoice the emails link to, and paying it. */
export function InvoicePage() {
  const { t } = useTranslation('billing');
  const { id = '' } = useParams();
  const allowed = useAccess().can(Permission.PAYMENTS);
  const invoiceQuery = useQuery(InvoiceQuery, { variables: { id }, skip: !allowed });
  const invoice = invoiceQuery.data?.invoice ?? null;
  const notFound = invoiceQuery.data !== undefined && invoice === null;
  // Payable when it was shown: the payment form (and then its outcome) stays once it is paid,
  // whichever comes first of the mutation's answer and the cache's new status.
  const [payableShown, setPayableShown] = useState(false);
  if (invoice && isPayable(invoice.status) && !payableShown) setPayableShown(true);
  const title = invoice
    ? t('payment.invoice.heading', { number: invoice.number })
    : notFound
      ? t('payment.invoice.notFoundHeading')
      : t('payment.invoice.title');
  usePageTitle(title);

  let invoiceContent;
  if (invoiceQuery.error && !invoiceQuery.data) {
    invoiceContent = (
      <ErrorBanner
        error={invoiceQuery.error}
        context={`Loading invoice ${id}`}
        onRetry={() => void invoiceQuery.refetch()}
      />
    );
  } else if (notFound) {
    invoiceContent = <p className="lead">{t('payment.invoice.notFound')}</p>;
  } else if (!invoice || !invoiceQuery.data) {
    invoiceContent = <Loading />;
  } else {
    const company = invoiceQuery.data.company;
    invoiceContent = (
      <>
        <InvoiceDetails invoice={invoice} />
        {payableShown && company && (
          <PayInvoice
            invoice={invoice}
            card={company.card ?? null}
            provider={company.paymentProvider}
            settled={!isPayable(invoice.status)}
            onAlreadyPaid={() => void invoiceQuery.refetch()}
          />
        )}
      </>
    );
  }

  const accessNote = <PaymentAccessNote />;
  const content = (
    <RequireAccess permission={Permission.PAYMENTS} signedOut={accessNote} notAllowed={accessNote}>
      {invoiceContent}
    </RequireAccess>
  );

  return (
    <article className="page invoice-page">
      <p className="back-link">
        <Link to="/payment">{t('payment.invoice.back')}</Link>
      </p>
      <h1 className="invoice-title">
        {title}
        {invoice && (
          <>
            {' '}
            <InvoiceStatusBadge invoice={invoice} />
          </>
        )}
      </h1>
      {content}
    </article>
  );
}

function InvoiceDetails({ invoice }: { invoice: InvoiceDetail }) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  return (
    <>
      <dl className="details invoice-facts">
        <div>
          <dt>{t('payment.invoice.period')}</dt>
          <dd>{formatMonth(invoice.periodStart, locale)}</dd>
        </div>
        <div>
          <dt>{t('payment.invoice.issued')}</dt>
          <dd>{formatDate(invoice.issuedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('payment.invoice.due')}</dt>
          <dd>{formatDate(invoice.dueAt, locale)}</dd>
        </div>
        {invoice.paidAt && (
          <div>
            <dt>{t('payment.invoice.paid')}</dt>
            <dd>{formatDate(invoice.paidAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('payment.invoice.method')}</dt>
          <dd>{t(`billing.method.${invoice.paymentMethod}.label`)}</dd>
        </div>
        <div>
          <dt>{t('payment.invoice.total')}</dt>
          <dd className="invoice-total">{money(invoice.total)}</dd>
        </div>
        {/* the references as frozen when the invoice was issued */}
        {invoice.purchaseOrderNumber && (
          <div>
            <dt>{t('payment.invoice.purchaseOrder')}</dt>
            <dd>{invoice.purchaseOrderNumber}</dd>
          </div>
        )}
        {invoice.billingEmails.length > 0 && (
          <div>
            <dt>{t('payment.invoice.sentTo')}</dt>
            <dd>{invoice.billingEmails.join(', ')}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="invoice-lines-heading">
        <h2 id="invoice-lines-heading">{t('payment.invoice.linesHeading')}</h2>
        <p>{t('payment.invoice.proration')}</p>
        <div className="table-scroll">
          <table className="table invoice-lines">
            <caption className="visually-hidden">{t('payment.invoice.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payment.invoice.site')}</th>
                <th scope="col" className="numeric">
                  {t('payment.invoice.users')}
                </th>
                <th scope="col" className="numeric">
                  {t('payment.invoice.unitPrice')}
                </th>
                <th scope="col" className="numeric">
                  {t('payment.invoice.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line, index) => (
                <tr key={line.site?.id ?? `${line.description}-${index}`}>
                  <th scope="row">
                    {line.site ? (
                      <Link to={`/sites/${encodeURIComponent(line.site.id)}`}>
                        {line.site.name}
                      </Link>
                    ) : (
                      line.description
                    )}
                    {line.costCenter && (
                      <span className="details-note">
                        {t('payment.invoice.costCenter', { costCenter: line.costCenter })}
                      </span>
                    )}
                  </th>
                  <td className="numeric">{numberFormat(locale).format(line.quantity)}</td>
                  <td className="numeric">{money(line.unitAmount)}</td>
                  <td className="numeric">{money(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('payment.invoice.subtotal')}
                </th>
                <td className="numeric">{money(invoice.subtotal)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {invoice.reverseCharge
                    ? t('payment.invoice.vatReverse')
                    : t('payment.invoice.vat', {
                        rate: formatRate(invoice.taxRateBasisPoints, locale),
                      })}
                </th>
                <td className="numeric">{money(invoice.tax)}</td>
              </tr>
              <tr className="invoice-total-row">
                <th scope="row" colSpan={3}>
                  {t('payment.invoice.total')}
                </th>
                <td className="numeric">{money(invoice.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {invoice.reverseCharge && <p className="form-note">{t('payment.invoice.reverseNote')}</p>}
      </section>

      <section aria-labelledby="invoice-documents-heading">
        <h2 id="invoice-documents-heading">{t('payment.invoice.documentsHeading')}</h2>
        <ul className="invoice-documents">
          <li>
            <a href={pdfLink(invoice.pdfUrl, locale)} target="_blank" rel="noopener noreferrer">
              {t('payment.invoice.pdf')}
              <span className="visually-hidden"> {t('payment.invoice.newTab')}</span>
            </a>
          </li>
          <li>
            <a href={invoice.csvUrl} download>
              {t('payment.invoice.csv')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
