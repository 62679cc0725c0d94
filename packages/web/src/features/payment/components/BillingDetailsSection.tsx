import { Suspense, useEffect, useRef, useState } from 'react';
import type { Locale } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { lazyNamed } from '../../../lib/preloadable-lazy';
import { languageName, currentLocale } from '../../../app/i18n';
import { Loading } from '../../../components/QueryStatus';

const BillingDetailsForm = lazyNamed(() => import('./BillingDetailsForm'), 'BillingDetailsForm');
const preloadForm = () => void BillingDetailsForm.preload().catch(() => undefined);

/** What the section knows of the company: its invoice recipients and references. */
export interface BillingDetails {
  billingEmails: readonly string[];
  billingEmailsLocale: string;
  purchaseOrderNumber?: string | null;
}

/**
 * Where invoices go besides the payment admins (up to 5 addresses, in a language of their own)
 * and the purchase order number printed on them; the form opens on demand (its code with it).
 */
export function BillingDetailsSection({ details }: { details: BillingDetails }) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <section aria-labelledby="billing-details-heading">
      <h2 id="billing-details-heading">{t('payment.details.heading')}</h2>
      <p>{t('payment.details.intro')}</p>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} role="status" className="banner banner-success">
          <p>{notice}</p>
        </div>
      )}
      <dl className="details">
        <div>
          <dt>{t('payment.details.emails')}</dt>
          <dd>
            {details.billingEmails.length > 0 ? (
              <ul className="plain-list">
                {details.billingEmails.map((email) => (
                  <li key={email} className="break">
                    {email}
                  </li>
                ))}
              </ul>
            ) : (
              t('payment.details.noEmails')
            )}
          </dd>
        </div>
        {details.billingEmails.length > 0 && (
          <div>
            <dt>{t('payment.details.language')}</dt>
            <dd>{languageName(details.billingEmailsLocale, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('payment.details.purchaseOrder')}</dt>
          <dd>{details.purchaseOrderNumber ?? t('payment.details.noPurchaseOrder')}</dd>
        </div>
      </dl>
      <div className="form-actions payment-actions">
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={editing}
          aria-controls="billing-details-form"
          onPointerEnter={preloadForm}
          onFocus={preloadForm}
          onClick={() => {
            setNotice(null);
            setEditing((open) => !open);
          }}
        >
          {t('payment.details.edit')}
        </button>
      </div>
      <div id="billing-details-form">
        <Suspense fallback={<Loading />}>
          {editing && (
            <BillingDetailsForm
              details={details}
              defaultLocale={locale as Locale}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice(t('payment.details.saved'));
              }}
            />
          )}
        </Suspense>
      </div>
    </section>
  );
}
