import { useMutation } from '@apollo/client/react';
import { UserErrorCode } from '@entry/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { fieldNameOf } from '../../../components/form/form-errors';
import { formatMoney } from '../../../lib/money';
import type { CardFieldsHandle, PaymentProviderInfo } from '../../billing/card/card-fields';
import { CardFields } from '../../billing/card/CardFields';
import { CardSummary, type CardSummaryData } from '../../billing/card/CardSummary';
import { billingErrorText } from '../../billing/wizard-steps';
import { PayInvoiceMutation } from '../operations';

interface PayInvoiceProps {
  invoice: { id: string; total: number; currency: string };
  /** the card on file, if any */
  card: CardSummaryData | null;
  provider: PaymentProviderInfo;
  /** paid (here or elsewhere): only the outcome is left to show */
  settled: boolean;
  /** the server says it is paid already (by a colleague, or the automatic charge) */
  onAlreadyPaid: () => void;
}

type Outcome =
  | { kind: 'paid' }
  | { kind: 'declined' }
  | { kind: 'info'; text: string }
  | { kind: 'error'; text: string };

/**
 * "Pay now" for an open or failed invoice: with the card on file, or with another card through
 * the card form (payInvoice with its token). A refused card is said on the card, with the
 * provider's reason.
 */
export function PayInvoice({ invoice, card, provider, settled, onAlreadyPaid }: PayInvoiceProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const [useOtherCard, setUseOtherCard] = useState(card === null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // the banner on every page (billing/OverdueWatch.tsx) asks again what is still overdue (by its
  // name: its document stays in the banner's chunk)
  const [pay, { loading }] = useMutation(PayInvoiceMutation, {
    refetchQueries: ['BillingStanding'],
  });
  const cardForm = useRef<CardFieldsHandle>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const total = formatMoney(invoice.total, invoice.currency, locale);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setOutcome(null);
    setCardError(null);
    let token: string | null = null;
    if (useOtherCard) {
      token = (await cardForm.current?.tokenize()) ?? null;
      if (!token) return;
    }
    try {
      const { data } = await pay({ variables: { id: invoice.id, paymentMethodToken: token } });
      const payload = data?.payInvoice;
      if (!payload) throw new Error('payInvoice answered without a payload');
      const [error] = payload.userErrors;
      if (error) {
        const text = billingErrorText(error, locale);
        if (error.code === UserErrorCode.ALREADY_PAID) {
          setOutcome({ kind: 'info', text });
          onAlreadyPaid();
        } else if (error.code === UserErrorCode.PAYMENT_PENDING) {
          setOutcome({ kind: 'info', text });
        } else if (useOtherCard && fieldNameOf(error.field) === 'paymentMethodToken') {
          setCardError(text);
          cardForm.current?.focus();
        } else {
          setOutcome({ kind: 'error', text });
        }
        return;
      }
      // Charged and refused (the card on file, or a card that saves but declines charges).
      setOutcome(payload.invoice?.status === 'PAID' ? { kind: 'paid' } : { kind: 'declined' });
    } catch (reason) {
      console.error('Paying the invoice failed', reason);
      setOutcome({ kind: 'error', text: t('payment.pay.failed') });
    }
  }

  return (
    <section aria-labelledby="pay-heading" className="pay-invoice">
      <h2 id="pay-heading">{t('payment.pay.heading')}</h2>
      {outcome && (
        <div
          ref={outcomeRef}
          tabIndex={-1}
          role={outcome.kind === 'paid' || outcome.kind === 'info' ? 'status' : 'alert'}
          className={
            outcome.kind === 'paid'
              ? 'banner banner-success'
              : outcome.kind === 'info'
                ? 'banner banner-info'
                : 'banner banner-error'
          }
        >
          <p>
            {outcome.kind === 'paid'
              ? t('payment.pay.paid', { total })
              : outcome.kind === 'declined'
                ? t('payment.pay.declined')
                : outcome.text}
          </p>
        </div>
      )}
      {!settled && (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {card && (
            <fieldset className="fieldset">
              <legend className="fieldset-title">{t('payment.pay.with')}</legend>
              <div className="choices">
                <div className="choice">
                  <input
                    type="radio"
                    id="pay-card-on-file"
                    name="payWith"
                    checked={!useOtherCard}
                    onChange={() => setUseOtherCard(false)}
                  />
                  <label htmlFor="pay-card-on-file">
                    <span className="choice-label">
                      {t('payment.pay.cardOnFile')} <CardSummary card={card} />
                    </span>
                  </label>
                </div>
                <div className="choice">
                  <input
                    type="radio"
                    id="pay-other-card"
                    name="payWith"
                    checked={useOtherCard}
                    onChange={() => setUseOtherCard(true)}
                  />
                  <label htmlFor="pay-other-card">
                    <span className="choice-label">{t('payment.pay.otherCard')}</span>
                  </label>
                </div>
              </div>
            </fieldset>
          )}
          {useOtherCard && (
            <CardFields
              ref={cardForm}
              provider={provider}
              idPrefix="pay-card"
              serverError={cardError}
              onEdit={() => setCardError(null)}
            />
          )}
          {useOtherCard && (
            <p className="form-note">
              {card ? t('payment.pay.otherCardNote') : t('payment.pay.oneOffNote')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('payment.pay.paying') : t('payment.pay.submit', { total })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
