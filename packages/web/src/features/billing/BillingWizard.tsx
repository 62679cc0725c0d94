import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useNavigate } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { FormAlert } from '../../components/form/FormAlert';
import type { PaymentMethodType } from '../../gql/graphql';
import type { CardFieldsHandle } from './card/card-fields';
import { CompleteBillingSetupMutation } from './operations';
import { StepIndicator } from './steps/StepIndicator';
import {
  CardStep,
  DoneStep,
  MethodStep,
  preloadCardStep,
  TermsStep,
  VatStep,
  WelcomeStep,
} from './steps/steps';
import {
  initialPaymentMethod,
  nextStep,
  previousStep,
  setupInput,
  sortSetupErrors,
  submitStep,
  vatNumberError,
  wizardSteps,
  type SetupResult,
  type StepErrors,
  type WizardCompany,
  type StepId,
} from './wizard-steps';

interface BillingWizardProps {
  company: WizardCompany;
  /** the server says the setup changed meanwhile (finished by a colleague): ask again */
  onStale: () => void;
}

const NO_ERRORS: StepErrors = { steps: {}, form: [], first: null };

/** The first control with a problem (radios included), else the form's alert. */
function focusFirstProblem(root: HTMLElement | null): HTMLElement | null {
  const target =
    root?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input') ??
    root?.querySelector<HTMLElement>('[role="alert"]') ??
    null;
  target?.focus();
  return target;
}

/**
 * The first-login wizard: one step at a time, each with its own form and heading (which gets
 * focus), and everything sent in one completeBillingSetup call from the last step. Problems the
 * server finds are put back on the step that asked for them, and the wizard returns there.
 */
export function BillingWizard({ company, onStale }: BillingWizardProps) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  // Finished before this visit: say so instead of asking again. (Kept from the first render:
  // finishing the wizard here flips the cached flag, and the done step must stay.)
  const [completeOnArrival] = useState(company.billingSetupComplete);
  const [step, setStep] = useState<StepId>('welcome');
  const [accepted, setAccepted] = useState(false);
  const [termsVersion, setTermsVersion] = useState<string | null>(null);
  const [shownVersion, setShownVersion] = useState<string | null>(null);
  const [vatNumber, setVatNumber] = useState(company.vatNumber ?? '');
  const [method, setMethod] = useState<PaymentMethodType | null>(
    initialPaymentMethod(company.type),
  );
  const [errors, setErrors] = useState<StepErrors>(NO_ERRORS);
  const [result, setResult] = useState<SetupResult | null>(null);
  const [focusError, setFocusError] = useState(false);
  const [completeSetup, { loading }] = useMutation(CompleteBillingSetupMutation);
  const client = useApolloClient();
  const navigate = useNavigate();
  const card = useRef<CardFieldsHandle>(null);
  const container = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(preloadCardStep, []);
  const steps = wizardSteps(method);
  const lastInputStep = submitStep(steps);

  // Each new step: focus its heading (or, coming back for a problem, the control that has it),
  // as a page change would. The first step keeps the page's own focus handling.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!focusError || !focusFirstProblem(container.current)) heading.current?.focus();
  }, [step, focusError]);

  const goTo = useCallback((target: StepId, toError = false) => {
    setFocusError(toError);
    setStep(target);
  }, []);

  const clearError = (target: StepId) =>
    setErrors((current) =>
      current.steps[target]
        ? { ...current, steps: { ...current.steps, [target]: undefined } }
        : current,
    );

  /** The current step's own check, before moving on; sets its error and says whether it passed. */
  function checkStep(current: StepId): boolean {
    let problem: string | null = null;
    if (current === 'terms' && (!accepted || !termsVersion)) problem = t('billing.terms.required');
    if (current === 'vat') problem = vatNumberError(vatNumber, company.country, locale);
    if (current === 'method' && !method) problem = t('billing.method.required');
    setErrors((existing) => ({
      ...existing,
      steps: { ...existing.steps, [current]: problem ?? undefined },
    }));
    return problem === null;
  }

  async function submit() {
    let token: string | null = null;
    if (method === 'AUTOMATIC') {
      token = (await card.current?.tokenize()) ?? null;
      if (!token) return;
    }
    try {
      const { data } = await completeSetup({
        variables: { input: setupInput({ termsVersion, vatNumber, method, token }) },
      });
      const payload = data?.completeBillingSetup;
      if (!payload) throw new Error('completeBillingSetup answered without a payload');
      if (payload.userErrors.length > 0) {
        const sorted = sortSetupErrors(payload.userErrors, steps, locale);
        setErrors(sorted);
        if (payload.userErrors.some((error) => error.code === 'INVALID_STATE')) onStale();
        if (sorted.steps.terms) {
          // The terms changed since they were read: show the new version, to be accepted again.
          setAccepted(false);
          setTermsVersion(null);
        }
        if (sorted.first && sorted.first !== step) goTo(sorted.first, true);
        else setTimeout(() => focusFirstProblem(container.current));
        return;
      }
      setErrors(NO_ERRORS);
      setResult(payload.company ?? null);
      // a company registered for a site transfer can accept it now: it lands there (the
      // question's code loads only now: the wizard's page stays within its weight)
      const { waitingTransferPath } = await import('../transfers/waiting-transfer');
      const transfer = await waitingTransferPath(client);
      if (transfer) return navigate(transfer);
      goTo('done');
    } catch (error) {
      console.error('Completing the billing setup failed', error);
      setErrors({ ...NO_ERRORS, form: [t('billing.wizard.failed')] });
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    if (!checkStep(step)) {
      setTimeout(() => focusFirstProblem(container.current));
      return;
    }
    if (step === lastInputStep) await submit();
    else goTo(nextStep(steps, step));
  }

  if (completeOnArrival) {
    return (
      <div className="banner banner-success">
        <p>{t('billing.setup.alreadyComplete')}</p>
        <p>
          <Link to="/payment">{t('billing.done.paymentLink')}</Link>
        </p>
      </div>
    );
  }

  const index = steps.indexOf(step);
  const stepError = errors.steps[step];
  const headingProps = {
    ref: heading,
    tabIndex: -1,
    className: 'wizard-heading focus-target',
    id: 'wizard-step-heading',
  };
  const count = t('billing.wizard.stepCount', { current: index + 1, total: steps.length });

  return (
    <div className="wizard" ref={container}>
      <p className="lead">{t('billing.setup.intro')}</p>
      <StepIndicator steps={steps} current={step} />
      <section className="wizard-step card" aria-labelledby="wizard-step-heading">
        <h2 {...headingProps}>
          <span className="wizard-count">{count}</span> {t(`billing.steps.${step}`)}
        </h2>
        {step === 'done' ? (
          <DoneStep company={company} result={result} />
        ) : (
          <form className="form wizard-form" noValidate onSubmit={(event) => void onSubmit(event)}>
            {step === 'welcome' && <WelcomeStep />}
            {step === 'terms' && (
              <TermsStep
                accepted={accepted}
                version={shownVersion}
                error={stepError}
                onVersion={setShownVersion}
                onAccept={(checked) => {
                  setAccepted(checked);
                  setTermsVersion(checked ? shownVersion : null);
                  if (checked) clearError('terms');
                }}
              />
            )}
            {step === 'vat' && (
              <VatStep
                company={company}
                value={vatNumber}
                error={stepError}
                onChange={(value) => {
                  setVatNumber(value);
                  clearError('vat');
                }}
                onBlur={() => {
                  const problem = vatNumberError(vatNumber, company.country, locale);
                  if (problem)
                    setErrors((current) => ({
                      ...current,
                      steps: { ...current.steps, vat: problem },
                    }));
                }}
              />
            )}
            {step === 'method' && (
              <MethodStep
                companyType={company.type}
                value={method}
                error={stepError}
                onChange={(value) => {
                  setMethod(value);
                  clearError('method');
                  clearError('card');
                }}
              />
            )}
            {step === 'card' && (
              <CardStep
                ref={card}
                provider={company.paymentProvider}
                error={stepError}
                onEdit={() => clearError('card')}
              />
            )}
            {step === lastInputStep && <FormAlert messages={errors.form} />}
            <div className="form-actions wizard-actions">
              {index > 0 && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => goTo(previousStep(steps, step))}
                >
                  {t('billing.wizard.back')}
                </button>
              )}
              <button type="submit" className="button" disabled={loading}>
                {step === lastInputStep
                  ? loading
                    ? t('billing.wizard.finishing')
                    : t('billing.wizard.finish')
                  : step === 'welcome'
                    ? t('billing.wizard.start')
                    : t('billing.wizard.next')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
