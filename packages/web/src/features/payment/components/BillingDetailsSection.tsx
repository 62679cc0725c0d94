import { useQuery } from '@apollo/client/react';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Locale } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { lazyNamed } from '../../../lib/preloadable-lazy';
import { languageName, currentLocale } from '../../../app/i18n';
import { ErrorBanner, Loading } from '../../../components/QueryStatus';
import { BillingDetailsQuery, type BillingDetails } from './billing-details-operations';

const BillingDetailsForm = lazyNamed(() => import('./BillingDetailsForm'), 'BillingDetailsForm');
const preloadForm = () => void BillingDetailsForm.preload().catch(() => undefined);

/**
 * Where invoices go besides the payment admins (up to 5 addresses, in a language of their own)
 * and the purchase order number printed on them, asked for with the section (it loads after the
 * payment page); the form opens on demand (its code with it).
 */
export function BillingDetailsSection() {
  const { data, error, refetch } = useQuery(BillingDetailsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const company = data?.company;
  if (error && !company)
    return (
      <ErrorBanner
        error={error}
        context="Loading the billing details"
        onRetry={() => void refetch()}
      />
    );
  if (!company) return <Loading />;
  return <BillingDetailsShown details={company} />;
}

function BillingDetailsShown({ details }: { details: BillingDetails }) {
  const { t, i18n } = useTranslation('lifecycle');
  const locale = currentLocale(i18n);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <section aria-labelledby="billing-details-heading">
      <h2 id="billing-details-heading">{t('billingDetails.heading')}</h2>
      <p>{t('billingDetails.intro')}</p>
      <dl className="details">
        <div>
          <dt>{t('billingDetails.emails')}</dt>
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
              t('billingDetails.noEmails')
            )}
          </dd>
        </div>
        {details.billingEmails.length > 0 && (
          <div>
            <dt>{t('billingDetails.language')}</dt>
            <dd>{languageName(details.billingEmailsLocale, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('billingDetails.purchaseOrder')}</dt>
          <dd>{details.purchaseOrderNumber ?? t('billingDetails.noPurchaseOrder')}</dd>
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
          {t('billingDetails.edit')}
        </button>
      </div>
      {/* after the button that opened the form: where the person is when it closes */}
      {notice && (
        <div ref={noticeRef} tabIndex={-1} role="status" className="banner banner-success">
          <p>{notice}</p>
        </div>
      )}
      <div id="billing-details-form">
        <Suspense fallback={<Loading />}>
          {editing && (
            <BillingDetailsForm
              details={details}
              defaultLocale={locale as Locale}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice(t('billingDetails.saved'));
              }}
            />
          )}
        </Suspense>
      </div>
    </section>
  );
}
