import { CompanyTypeCode, isValidEmail } from '@entry/shared';
import { useMemo, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useNavigate, useSearchParams } from '../../lib/router';
import { useSendMutation } from '../../app/graphql-request';
import { currentLocale, languageName } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import {
  Field,
  FieldError,
  RequiredMark,
  RequiredNote,
  SubmitButton,
} from '../../components/form/Field';
import { FormAlert } from '../../components/form/FormAlert';
import {
  blurredBySubmit,
  hasErrors,
  sortUserErrors,
  type FieldErrors,
} from '../../components/form/form-errors';
import { focusFirstProblem } from '../../components/form/useFormProblems';
import { RegisterMutation } from './operations';
import {
  REGISTER_FIELDS,
  browserCountry,
  emptyRegistration,
  sortedCountries,
  toRegistrationInput,
  validateRegisterValues,
  type RegisterField,
  type RegisterValues,
} from './register-form';

const COMPANY_TYPES = [CompanyTypeCode.INSTALLER, CompanyTypeCode.SYSTEM_MANAGER] as const;

/** Where the registration-received page finds the address the email goes to. */
export interface RegistrationReceivedState {
  email: string;
}

const fieldId = (field: RegisterField) =>
  field === 'type' ? `register-type-${COMPANY_TYPES[0]}` : `register-${field}`;

export function RegisterPage() {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  usePageTitle(t('register.heading'));
  const navigate = useNavigate();
  // A site-transfer email links here with the address it was sent to (server mail-links.ts)
  const [params] = useSearchParams();
  const invitedEmail = params.get('email') ?? '';
  const forTransfer = params.has('transfer');
  const [values, setValues] = useState<RegisterValues>(() => ({
    ...emptyRegistration(browserCountry(navigator.languages ?? [navigator.language])),
    email: isValidEmail(invitedEmail) ? invitedEmail.trim() : '',
  }));
  const [errors, setErrors] = useState<FieldErrors<RegisterField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<RegisterField>>(new Set());
  const alertRef = useRef<HTMLDivElement>(null);
  const [register, { loading }] = useSendMutation(RegisterMutation);
  const countries = useMemo(() => sortedCountries(locale), [locale]);

  /** Re-checks one field against the shared rules, as the server would. */
  function recheck(field: RegisterField, next: RegisterValues) {
    const problem = validateRegisterValues(next, locale)[field];
    setErrors((current) => ({ ...current, [field]: problem }));
  }

  function change(field: RegisterField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once a field has been left (or shown an error), its message follows every keystroke.
    if (touched.has(field) || errors[field]) recheck(field, next);
  }

  function leave(field: RegisterField, event: FocusEvent) {
    if (blurredBySubmit(event)) return;
    setTouched((current) => new Set(current).add(field));
    recheck(field, values);
  }

  function showErrors(fields: FieldErrors<RegisterField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    focusFirstProblem(REGISTER_FIELDS, fields, fieldId, alertRef.current);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setTouched(new Set(REGISTER_FIELDS));
    const problems = validateRegisterValues(values, locale);
    if (hasErrors(problems)) {
      showErrors(problems, []);
      return;
    }
    const input = toRegistrationInput(values, locale);
    try {
      const { data } = await register({
        variables: {
          input: {
            ...input,
            type: input.type as CompanyTypeCode,
          },
        },
      });
      const payload = data?.register;
      if (!payload) throw new Error('register answered without a payload');
      // No errors is success: the answer never names the company, so that it is the same
      // whether or not the address already had an account (its owner is emailed instead).
      if (payload.userErrors.length > 0) {
        const sorted = sortUserErrors(payload.userErrors, REGISTER_FIELDS, locale);
        const nothingToShow = sorted.form.length === 0 && !hasErrors(sorted.fields);
        showErrors(sorted.fields, nothingToShow ? [t('form.requestFailed')] : sorted.form);
        return;
      }
      const state: RegistrationReceivedState = { email: input.email };
      await navigate('/register/received', { state });
    } catch (error) {
      console.error('Registering failed', error);
      showErrors({}, [t('form.requestFailed')]);
    }
  }

  const text = (field: RegisterField, autoComplete: string, options: TextOptions = {}) => (
    <Field
      id={fieldId(field)}
      name={field}
      label={t(`register.fields.${field}`)}
      required={options.required ?? false}
      hint={options.hint}
      error={errors[field]}
    >
      {(control) =>
        options.multiline ? (
          <textarea
            {...control}
            className="input"
            rows={3}
            autoComplete={autoComplete}
            value={values[field]}
            onChange={(event) => change(field, event.target.value)}
            onBlur={(event) => leave(field, event)}
          />
        ) : (
          <input
            {...control}
            className="input"
            type={options.type ?? 'text'}
            autoComplete={autoComplete}
            value={values[field]}
            onChange={(event) => change(field, event.target.value)}
            onBlur={(event) => leave(field, event)}
            {...(options.type === 'email' || options.type === 'tel'
              ? { spellCheck: false, autoCapitalize: 'off' }
              : {})}
          />
        )
      }
    </Field>
  );

  const typeErrorId = errors.type ? 'register-type-error' : undefined;

  return (
    <article className="page form-page">
      <h1>{t('register.heading')}</h1>
      <p className="lead">{t('register.intro')}</p>
      {forTransfer && <p className="banner banner-info">{t('register.transferNote')}</p>}
      <p>
        {t('register.haveAccount')} <Link to="/sign-in">{t('register.signInLink')}</Link>
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RequiredNote />
        <FormAlert ref={alertRef} messages={formErrors} />

        <fieldset className={errors.type ? 'fieldset has-error' : 'fieldset'}>
          <legend className="field-label">
            {t('register.fields.type')}
            <RequiredMark required />
          </legend>
          {errors.type && <FieldError id={typeErrorId!}>{errors.type}</FieldError>}
          <div className="choices">
            {COMPANY_TYPES.map((type) => {
              const id = `register-type-${type}`;
              return (
                <div className="choice" key={type}>
                  <input
                    id={id}
                    type="radio"
                    name="type"
                    value={type}
                    required
                    checked={values.type === type}
                    aria-describedby={[typeErrorId, `${id}-hint`].filter(Boolean).join(' ')}
                    onChange={() => {
                      setTouched((current) => new Set(current).add('type'));
                      const next = { ...values, type };
                      setValues(next);
                      recheck('type', next);
                    }}
                  />
                  <label htmlFor={id}>
                    <span className="choice-label">{t(`companyType.${type}`)}</span>
                    <span id={`${id}-hint`} className="choice-hint">
                      {t(`register.typeHint.${type}`)}
                    </span>
                  </label>
                </div>
              );
            })}
          </div>
          <details className="helper">
            <summary>{t('register.helper.title')}</summary>
            <dl>
              <dt>{t('register.helper.installerQuestion')}</dt>
              <dd>{t('register.helper.installerAnswer')}</dd>
              <dt>{t('register.helper.systemManagerQuestion')}</dt>
              <dd>{t('register.helper.systemManagerAnswer')}</dd>
            </dl>
            <p>{t('register.helper.systemManagerPayment')}</p>
          </details>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset-title">{t('register.companySection')}</legend>
          <Field
            id={fieldId('country')}
            name="country"
            label={t('register.fields.country')}
            required
            error={errors.country}
          >
            {(control) => (
              <select
                {...control}
                className="input"
                autoComplete="country"
                value={values.country}
                onChange={(event) => change('country', event.target.value)}
                onBlur={(event) => leave('country', event)}
              >
                <option value="">{t('register.chooseCountry')}</option>
                {countries.map(({ code, name }) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('companyName', 'organization', { required: true })}
          {text('companyAddress', 'street-address', { required: true, multiline: true })}
          {text('companyPhone', 'off', { type: 'tel' })}
          {text('vatNumber', 'off', { hint: t('register.vatHint') })}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset-title">{t('register.personSection')}</legend>
          <div className="form-row">
            {text('firstName', 'given-name', { required: true })}
            {text('lastName', 'family-name', { required: true })}
          </div>
          {text('email', 'email', { required: true, type: 'email', hint: t('register.emailHint') })}
          {text('phone', 'tel', { type: 'tel' })}
        </fieldset>

        <p className="form-note">
          {t('register.languageNote', { language: languageName(locale, locale) })}
        </p>
        <div className="form-actions">
          <SubmitButton
            sending={loading}
            label={t('register.submit')}
            sendingLabel={t('form.sending')}
          />
        </div>
      </form>
    </article>
  );
}

interface TextOptions {
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  multiline?: boolean;
  hint?: string;
}
