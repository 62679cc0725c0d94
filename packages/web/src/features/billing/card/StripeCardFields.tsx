import { useMutation } from '@apollo/client/react';
import type { Stripe, StripeCardElement } from '@stripe/stripe-js';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { FieldError } from '../../../components/form/Field';
import { CreateCardSetupMutation } from '../operations';
import type { CardFieldsHandle } from './card-fields';
import { loadStripeJs } from './stripe-loader';

interface StripeCardFieldsProps {
  idPrefix: string;
  publishableKey: string;
  serverError?: string | null;
  onEdit?: () => void;
  ref?: Ref<CardFieldsHandle>;
}

interface Mounted {
  stripe: Stripe;
  card: StripeCardElement;
}

/**
 * Stripe Elements' card field (an iframe of Stripe's: the number never touches this page). The
 * card is confirmed against a SetupIntent (createCardSetup -> stripe.confirmCardSetup) and the
 * SetupIntent's id (seti_…) is the token the server receives. Needs https://js.stripe.com, so it
 * is not part of the offline browser tests: the sandbox form is.
 */
export function StripeCardFields({
  idPrefix,
  publishableKey,
  serverError,
  onEdit,
  ref,
}: StripeCardFieldsProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const [createCardSetup] = useMutation(CreateCardSetupMutation);
  const mountPoint = useRef<HTMLDivElement>(null);
  const mounted = useRef<Mounted | null>(null);
  const latestOnEdit = useRef(onEdit);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    latestOnEdit.current = onEdit;
  }, [onEdit]);

  useEffect(() => {
    let cancelled = false;
    let card: StripeCardElement | null = null;
    loadStripeJs(publishableKey).then(
      (stripe) => {
        if (cancelled || !mountPoint.current) return;
        if (!stripe) {
          setStatus('failed');
          return;
        }
        card = stripe.elements({ locale }).create('card', { hidePostalCode: true });
        card.mount(mountPoint.current);
        card.on('change', (event) => {
          setError(event.error?.message ?? null);
          latestOnEdit.current?.();
        });
        mounted.current = { stripe, card };
        setStatus('ready');
      },
      (reason: unknown) => {
        console.error('Loading Stripe.js failed', reason);
        if (!cancelled) setStatus('failed');
      },
    );
    return () => {
      cancelled = true;
      card?.destroy();
      mounted.current = null;
    };
  }, [publishableKey, locale]);

  useImperativeHandle(
    ref,
    () => ({
      async tokenize() {
        const ready = mounted.current;
        if (!ready) {
          setError(t('billing.card.stripeUnavailable'));
          return null;
        }
        try {
          const { data } = await createCardSetup();
          const clientSecret = data?.createCardSetup.clientSecret;
          if (!clientSecret) {
            setError(t('billing.card.stripeUnavailable'));
            return null;
          }
          const result = await ready.stripe.confirmCardSetup(clientSecret, {
            payment_method: { card: ready.card },
          });
          if (result.error) {
            setError(result.error.message ?? t('billing.card.stripeRefused'));
            ready.card.focus();
            return null;
          }
          return result.setupIntent.id;
        } catch (reason) {
          console.error('Confirming the card with Stripe failed', reason);
          setError(t('billing.card.stripeUnavailable'));
          return null;
        }
      },
      focus() {
        mounted.current?.card.focus();
      },
    }),
    [createCardSetup, t],
  );

  const labelId = `${idPrefix}-label`;
  const errorId = `${idPrefix}-error`;
  const shown = error ?? serverError ?? null;
  return (
    <div className="card-fields">
      <div className={shown ? 'field has-error' : 'field'}>
        <p id={labelId} className="field-label">
          {t('billing.card.stripeLabel')}
        </p>
        {shown && <FieldError id={errorId}>{shown}</FieldError>}
        <div
          ref={mountPoint}
          role="group"
          aria-labelledby={labelId}
          aria-describedby={shown ? errorId : undefined}
          className="input stripe-card"
        />
        {status === 'loading' && (
          <p className="status" role="status">
            {t('billing.card.stripeLoading')}
          </p>
        )}
        {status === 'failed' && (
          <p className="field-error" role="alert">
            {t('billing.card.stripeUnavailable')}
          </p>
        )}
      </div>
    </div>
  );
}
