import { useQuery } from '@apollo/client/react';
import { Suspense, type Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import { currentLocale } from '../../../app/i18n';
import { Field, FieldError } from '../../../components/form/Field';
import { blurredBySubmit } from '../../../components/form/form-errors';
import type { CompanyType, PaymentMethodType } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/money';
import { BillingTerms } from '../BillingTerms';
import type { CardFieldsHandle, PaymentProviderInfo } from '../card/card-fields';
import { CardSummary } from '../card/CardSummary';
import { UserPriceQuery } from '../operations';
import { Loading } from '../../../components/QueryStatus';
import { lazyNamed } from '../../../lib/preloadable-lazy';
import {
  allowedPaymentMethods,
  vatPrefix,
  type SetupResult,
  type WizardCompany,
} from '../wizard-steps';

// The card fields (and the sandbox's test cards) only for the card step, near the wizard's end:
// fetched while the first steps show (preloadCardStep), not with the page.
const CardFields = lazyNamed(() => import('../card/CardFields'), 'CardFields');

/** Fetches the card step's code ahead, so reaching it never waits. */
export function preloadCardStep(): void {
  CardFields.preload().catch((error: unknown) => {
    // Reaching the step fetches again (React.lazy retries), and says so if it still fails.
    console.warn('Could not fetch the card fields ahead', error);
  });
}

/** 1. What is billed, and how the next steps go. */
export function WelcomeStep() {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  // The price per user comes with Home's estimate of this month's invoice; without it, the
  // words alone say how billing works.
  const { data } = useQuery(UserPriceQuery);
  const estimate = data?.dashboard.nextInvoiceEstimate;
  return (
    <div className="wizard-text">
      <p>{t('billing.welcome.intro')}</p>
      <h3>{t('billing.welcome.billedHeading')}</h3>
      <ul className="wizard-list">
        <li>
          {estimate
            ? t('billing.welcome.price', {
                price: formatMoney(estimate.unitAmount, estimate.currency, locale),
              })
            : t('billing.welcome.perUser')}
        </li>
        <li>{t('billing.welcome.invoice')}</li>
        <li>{t('billing.welcome.vat')}</li>
      </ul>
      <h3>{t('billing.welcome.stepsHeading')}</h3>
      <p>{t('billing.welcome.steps')}</p>
    </div>
  );
}

interface TermsStepProps {
  accepted: boolean;
  /** the version shown (null until the terms are loaded) */
  version: string | null;
  error?: string | undefined;
  onVersion: (version: string) => void;
  onAccept: (accepted: boolean) => void;
}

/** 2. The billing terms in the interface's language; accepting them is required. */
export function TermsStep({ accepted, version, error, onVersion, onAccept }: TermsStepProps) {
  const { t } = useTranslation('billing');
  return (
    <>
      <div className="wizard-text">
        <p>{t('billing.terms.intro')}</p>
        <BillingTerms onVersion={onVersion} label={t('billing.terms.textLabel')} />
      </div>
      {version && (
        <div className={error ? 'field has-error' : 'field'}>
          {error && <FieldError id="terms-accept-error">{error}</FieldError>}
          <div className="checkbox-field">
            <input
              type="checkbox"
              id="terms-accept"
              name="acceptTerms"
              required
              checked={accepted}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'terms-accept-error' : undefined}
              onChange={(event) => onAccept(event.target.checked)}
            />
            <label htmlFor="terms-accept">{t('billing.terms.accept', { version })}</label>
          </div>
        </div>
      )}
    </>
  );
}

interface VatStepProps {
  company: WizardCompany;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** 3. The VAT number (optional), with the country prefix it has to start with. */
export function VatStep({ company, value, error, onChange, onBlur }: VatStepProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const country = regionName(company.country, locale);
  return (
    <>
      <p>{t('billing.vat.intro')}</p>
      <Field
        id="vat-number"
        name="vatNumber"
        label={t('billing.vat.label')}
        hint={t('billing.vat.hint', { prefix: vatPrefix(company.country), country })}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            className="input input-medium"
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onBlur={(event) => {
              if (!blurredBySubmit(event)) onBlur();
            }}
          />
        )}
      </Field>
      <p className="form-note">{t('billing.vat.reverseCharge')}</p>
    </>
  );
}

/** "NL" in French: "Pays-Bas". */
function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

interface MethodStepProps {
  companyType: CompanyType;
  value: PaymentMethodType | null;
  error?: string | undefined;
  onChange: (method: PaymentMethodType) => void;
}

/** 4. Manual or automatic payment (installers); system managers pay automatically. */
export function MethodStep({ companyType, value, error, onChange }: MethodStepProps) {
  const { t } = useTranslation('billing');
  const methods = allowedPaymentMethods(companyType);
  if (methods.length === 1) {
    return (
      <div className={error ? 'method-fixed has-error' : 'method-fixed'}>
        {error && <FieldError id="method-error">{error}</FieldError>}
        <p className="choice-label">{t('billing.method.AUTOMATIC.label')}</p>
        <p>{t('billing.method.AUTOMATIC.hint')}</p>
        <p className="banner banner-info">{t('billing.method.systemManagerOnly')}</p>
      </div>
    );
  }
  return (
    <fieldset
      className={error ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={error ? 'method-error' : undefined}
    >
      <legend className="fieldset-title">{t('billing.method.legend')}</legend>
      {error && <FieldError id="method-error">{error}</FieldError>}
      <div className="choices">
        {methods.map((method) => (
          <div className="choice" key={method}>
            <input
              type="radio"
              id={`method-${method}`}
              name="paymentMethod"
              value={method}
              required
              checked={value === method}
              aria-describedby={`method-${method}-hint`}
              onChange={() => onChange(method)}
            />
            <label htmlFor={`method-${method}`}>
              <span className="choice-label">{t(`billing.method.${method}.label`)}</span>
              <span className="choice-hint" id={`method-${method}-hint`}>
                {t(`billing.method.${method}.hint`)}
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

interface CardStepProps {
  provider: PaymentProviderInfo;
  error?: string | undefined;
  onEdit: () => void;
  ref?: Ref<CardFieldsHandle>;
}

/** 5. The card for automatic payment (saved by completeBillingSetup, with the token). */
export function CardStep({ provider, error, onEdit, ref }: CardStepProps) {
  const { t } = useTranslation('billing');
  return (
    <>
      <p>{t('billing.card.intro')}</p>
      <Suspense fallback={<Loading />}>
        <CardFields
          ref={ref}
          provider={provider}
          idPrefix="setup-card"
          serverError={error}
          onEdit={onEdit}
        />
      </Suspense>
      <p className="form-note">{t('billing.card.privacy')}</p>
    </>
  );
}

interface DoneStepProps {
  company: WizardCompany;
  result: SetupResult | null;
}

/** 6. What was set up, and where to go next. */
export function DoneStep({ company, result }: DoneStepProps) {
  const { t } = useTranslation('billing');
  const method = result?.paymentMethod ?? company.paymentMethod;
  const vatNumber = result?.vatNumber ?? company.vatNumber;
  const card = result?.card ?? company.card;
  const version = result?.acceptedTermsVersion ?? company.acceptedTermsVersion;
  return (
    <>
      <div className="banner banner-success">
        <p>{t('billing.done.success')}</p>
      </div>
      <dl className="details">
        {version && (
          <div>
            <dt>{t('billing.done.terms')}</dt>
            <dd>{t('billing.done.termsValue', { version })}</dd>
          </div>
        )}
        <div>
          <dt>{t('billing.done.vat')}</dt>
          <dd>{vatNumber ?? t('billing.done.noVat')}</dd>
        </div>
        {method && (
          <div>
            <dt>{t('billing.done.method')}</dt>
            <dd>{t(`billing.method.${method}.label`)}</dd>
          </div>
        )}
        {card && (
          <div>
            <dt>{t('billing.done.card')}</dt>
            <dd>
              <CardSummary card={card} />
            </dd>
          </div>
        )}
      </dl>
      <p>{method === 'MANUAL' ? t('billing.done.nextManual') : t('billing.done.nextAutomatic')}</p>
      <ul className="wizard-links">
        <li>
          <Link to="/sites" className="button button-link">
            {t('billing.done.sitesLink')}
          </Link>
        </li>
        <li>
          <Link to="/payment" className="button button-secondary button-link">
            {t('billing.done.paymentLink')}
          </Link>
        </li>
        <li>
          <Link to="/">{t('billing.done.homeLink')}</Link>
        </li>
      </ul>
    </>
  );
}
