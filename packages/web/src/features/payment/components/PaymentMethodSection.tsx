import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { lazyNamed } from '../../../lib/preloadable-lazy';
import { Loading } from '../../../components/QueryStatus';
import { CardSummary } from '../../billing/card/CardSummary';
import { allowedPaymentMethods } from '../../billing/wizard-steps';
import type { PaymentCompany } from './payment-company';

const loadForms = () => import('./PaymentMethodForms');
const UpdateCardForm = lazyNamed(loadForms, 'UpdateCardForm');
const ChangeMethodForm = lazyNamed(loadForms, 'ChangeMethodForm');
/** Fetches the forms' code when a button is pointed at or focused, before it is pressed. */
const preloadForms = () => void UpdateCardForm.preload().catch(() => undefined);

type Mode = 'card' | 'method' | null;

/** How the company pays: method, card, VAT number; update the card, switch manual ↔ automatic. */
export function PaymentMethodSection({ company }: { company: PaymentCompany }) {
  const { t } = useTranslation('billing');
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const canChoose = allowedPaymentMethods(company.type).length > 1;
  const method = company.paymentMethod ?? null;

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  function done(message: string) {
    setMode(null);
    setNotice(message);
  }

  function toggle(next: Mode) {
    setNotice(null);
    setMode((current) => (current === next ? null : next));
  }

  return (
    <section aria-labelledby="payment-method-heading">
      <h2 id="payment-method-heading">{t('payment.method.heading')}</h2>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} role="status" className="banner banner-success">
          <p>{notice}</p>
        </div>
      )}
      <dl className="details">
        <div>
          <dt>{t('payment.method.method')}</dt>
          <dd>
            {method ? t(`billing.method.${method}.label`) : t('payment.method.none')}
            {method && <span className="details-note">{t(`billing.method.${method}.hint`)}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('payment.method.card')}</dt>
          <dd>{company.card ? <CardSummary card={company.card} /> : t('payment.method.noCard')}</dd>
        </div>
        <div>
          <dt>{t('billing.done.vat')}</dt>
          <dd>{company.vatNumber ?? t('billing.done.noVat')}</dd>
        </div>
      </dl>
      {!canChoose && <p className="form-note">{t('billing.method.systemManagerOnly')}</p>}
      <div className="form-actions payment-actions">
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={mode === 'card'}
          aria-controls="update-card"
          onPointerEnter={preloadForms}
          onFocus={preloadForms}
          onClick={() => toggle('card')}
        >
          {company.card ? t('payment.method.updateCard') : t('payment.method.addCard')}
        </button>
        {canChoose && (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={mode === 'method'}
            aria-controls="change-method"
            onPointerEnter={preloadForms}
            onFocus={preloadForms}
            onClick={() => toggle('method')}
          >
            {t('payment.method.change')}
          </button>
        )}
      </div>
      <div id="update-card">
        <Suspense fallback={<Loading />}>
          {mode === 'card' && (
            <UpdateCardForm
              company={company}
              onCancel={() => setMode(null)}
              onSaved={() => done(t('payment.method.cardSaved'))}
            />
          )}
        </Suspense>
      </div>
      <div id="change-method">
        <Suspense fallback={<Loading />}>
          {mode === 'method' && (
            <ChangeMethodForm
              company={company}
              onCancel={() => setMode(null)}
              onSaved={(saved) => done(t(`payment.method.switched.${saved}`))}
            />
          )}
        </Suspense>
      </div>
    </section>
  );
}
