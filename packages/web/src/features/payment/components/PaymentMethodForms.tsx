import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { FieldError } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { fieldNameOf } from '../../../components/form/form-errors';
import type { PaymentMethodType } from '../../../gql/graphql';
import type { CardFieldsHandle } from '../../billing/card/card-fields';
import { CardFields } from '../../billing/card/CardFields';
import { allowedPaymentMethods, billingErrorText } from '../../billing/wizard-steps';
import { UpdatePaymentMethodMutation } from '../operations';
import type { PaymentCompany } from './payment-company';

// The forms that change how a company pays, loaded when one opens (PaymentMethodSection): the
// card fields and their test cards are ~3 kB gzipped the payment page does not need to show.

interface PaymentFormProps {
  company: PaymentCompany;
  onCancel: () => void;
}

/** Sends updatePaymentMethod; the card's problems go on the card, the others above the form. */
function useUpdatePaymentMethod() {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const [update, { loading }] = useMutation(UpdatePaymentMethodMutation);
  const [cardError, setCardError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  async function send(method: PaymentMethodType, token: string | null): Promise<boolean> {
    setCardError(null);
    setFormErrors([]);
    try {
      const { data } = await update({
        variables: { paymentMethod: method, paymentMethodToken: token },
      });
      const payload = data?.updatePaymentMethod;
      if (!payload) throw new Error('updatePaymentMethod answered without a payload');
      if (payload.userErrors.length === 0) return true;
      const form: string[] = [];
      for (const error of payload.userErrors) {
        const text = billingErrorText(error, locale);
        if (fieldNameOf(error.field) === 'paymentMethodToken') setCardError(text);
        else form.push(text);
      }
      setFormErrors(form);
      return false;
    } catch (error) {
      console.error('Updating the payment method failed', error);
      setFormErrors([t('payment.method.failed')]);
      return false;
    }
  }

  return { send, loading, cardError, setCardError, formErrors };
}

export function UpdateCardForm({
  company,
  onCancel,
  onSaved,
}: PaymentFormProps & { onSaved: () => void }) {
  const { t } = useTranslation('billing');
  const card = useRef<CardFieldsHandle>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { send, loading, cardError, setCardError, formErrors } = useUpdatePaymentMethod();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const token = await card.current?.tokenize();
    if (!token) return;
    // The card changes, the way of paying stays (a manual payer keeps paying by hand, with this
    // card on file for "Pay now").
    if (await send(company.paymentMethod ?? 'AUTOMATIC', token)) onSaved();
    else card.current?.focus();
  }

  return (
    <form className="form payment-form card" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3 ref={heading} tabIndex={-1} className="focus-target">
        {company.card ? t('payment.method.updateCard') : t('payment.method.addCard')}
      </h3>
      <FormAlert messages={formErrors} />
      <CardFields
        provider={company.paymentProvider}
        idPrefix="update-card"
        serverError={cardError}
        onEdit={() => setCardError(null)}
        ref={card}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t('payment.method.saving') : t('payment.method.saveCard')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('payment.method.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ChangeMethodForm({
  company,
  onCancel,
  onSaved,
}: PaymentFormProps & { onSaved: (method: PaymentMethodType) => void }) {
  const { t } = useTranslation('billing');
  const [choice, setChoice] = useState<PaymentMethodType>(company.paymentMethod ?? 'MANUAL');
  const card = useRef<CardFieldsHandle>(null);
  const legend = useRef<HTMLLegendElement>(null);
  const { send, loading, cardError, setCardError, formErrors } = useUpdatePaymentMethod();
  // Automatic payment needs a card: ask for one here when there is none on file.
  const needsCard = choice === 'AUTOMATIC' && !company.card;

  useEffect(() => {
    legend.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    let token: string | null = null;
    if (needsCard) {
      token = (await card.current?.tokenize()) ?? null;
      if (!token) return;
    }
    if (await send(choice, token)) onSaved(choice);
  }

  return (
    <form className="form payment-form card" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormAlert messages={formErrors} />
      <fieldset className="fieldset">
        <legend ref={legend} tabIndex={-1} className="fieldset-title focus-target">
          {t('payment.method.change')}
        </legend>
        <div className="choices">
          {allowedPaymentMethods(company.type).map((method) => (
            <div className="choice" key={method}>
              <input
                type="radio"
                id={`change-method-${method}`}
                name="paymentMethod"
                value={method}
                checked={choice === method}
                aria-describedby={`change-method-${method}-hint`}
                onChange={() => setChoice(method)}
              />
              <label htmlFor={`change-method-${method}`}>
                <span className="choice-label">{t(`billing.method.${method}.label`)}</span>
                <span className="choice-hint" id={`change-method-${method}-hint`}>
                  {t(`billing.method.${method}.hint`)}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {needsCard && (
        <>
          <p>{t('payment.method.cardNeeded')}</p>
          <CardFields
            provider={company.paymentProvider}
            idPrefix="change-method-card"
            serverError={cardError}
            onEdit={() => setCardError(null)}
            ref={card}
          />
        </>
      )}
      {!needsCard && cardError && (
        <FieldError id="change-method-card-error">{cardError}</FieldError>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t('payment.method.saving') : t('payment.method.saveMethod')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('payment.method.cancel')}
        </button>
      </div>
    </form>
  );
}
