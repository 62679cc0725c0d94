import { UserErrorCode, isValidEmail, resolveLocale } from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import { Suspense, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useNavigate, useSearchParams } from '../../lib/router';
import { MFA_NS, changeLocale, currentLocale } from '../../app/i18n';
import { useApolloLoader } from '../../app/lazy-apollo';
import { usePageTitle } from '../../app/usePageTitle';
import { Field, RequiredNote, SubmitButton } from '../../components/form/Field';
import { FormAlert } from '../../components/form/FormAlert';
import {
  firstInvalid,
  hasErrors,
  sortUserErrors,
  type FieldErrors,
} from '../../components/form/form-errors';
import { Loading } from '../../components/QueryStatus';
import { LazySecondStep as SecondStep } from './components/lazy-second-step';
import { SignInMutation } from './operations';
import { destinationAfterSignIn, type SignedInAs } from './sign-in-destination';

const FIELDS = ['email', 'password'] as const;
type SignInField = (typeof FIELDS)[number];

/** Refusals about the pair of credentials, not one field: said once, above the form. */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  UserErrorCode.INVALID_CREDENTIALS,
  UserErrorCode.THROTTLED,
  UserErrorCode.INVALID_TOKEN,
]);

/**
 * Renders without Apollo Client (routes.tsx: `apollo: false`), so the form is on screen before
 * the client's chunk, a third of the app's first-page JavaScript, arrives: the client is loaded
 * once the visitor starts filling the form in, and at the latest when they submit it.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  usePageTitle(t('signIn.heading'));
  const navigate = useNavigate();
  const apollo = useApolloLoader();
  const [searchParams] = useSearchParams();
  const [values, setValues] = useState<Record<SignInField, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [tokenSpent, setTokenSpent] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  // From submit until the next page (the mutation, switching the language, reloading who is
  // signed in), or until a refusal is shown.
  const [sending, setSending] = useState(false);
  // The password was right and two-factor sign-in is on: the second step's challenge.
  const [challenge, setChallenge] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const showId = useId();
  const alertId = 'sign-in-alert';

  function validate(next: Record<SignInField, string>): FieldErrors<SignInField> {
    const errors: FieldErrors<SignInField> = {};
    const email = next.email.trim();
    if (!email) errors.email = userErrorMessage({ field: ['email'], code: 'REQUIRED' }, locale);
    else if (!isValidEmail(email))
      errors.email = userErrorMessage({ field: ['email'], code: 'INVALID' }, locale);
    if (!next.password)
      errors.password = userErrorMessage({ field: ['password'], code: 'REQUIRED' }, locale);
    return errors;
  }

  function change(field: SignInField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validate(next)[field] }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const problems = validate(values);
    if (hasErrors(problems)) {
      flushSync(() => {
        setErrors(problems);
        setFormErrors([]);
      });
      document.getElementById(`sign-in-${firstInvalid(FIELDS, problems)}`)?.focus();
      return;
    }
    setSending(true);
    // The second step's code and words, fetched alongside the answer in case it asks for a code.
    void SecondStep.preload().catch(() => undefined);
    void i18n.loadNamespaces([MFA_NS]).catch(() => undefined);
    try {
      const { client } = await apollo.load();
      const { data } = await client.mutate({
        mutation: SignInMutation,
        variables: { email: values.email.trim(), password: values.password },
      });
      const payload = data?.signIn;
      if (!payload) throw new Error('signIn answered without a payload');
      if (payload.mfaRequired && payload.mfaChallenge && payload.userErrors.length === 0) {
        const next = payload.mfaChallenge;
        flushSync(() => {
          setSending(false);
          setFormErrors([]);
          setValues((current) => ({ ...current, password: '' }));
          setChallenge(next);
        });
        return;
      }
      if (payload.userErrors.length > 0 || (!payload.person && !payload.operator)) {
        const credentials = payload.userErrors.filter((error) => CREDENTIAL_CODES.has(error.code));
        const others = payload.userErrors.filter((error) => !CREDENTIAL_CODES.has(error.code));
        const sorted = sortUserErrors(others, FIELDS, locale);
        const form = [...sortUserErrors(credentials, [], locale).form, ...sorted.form];
        if (form.length === 0 && !hasErrors(sorted.fields)) form.push(t('form.requestFailed'));
        flushSync(() => {
          setSending(false);
          setErrors(sorted.fields);
          setFormErrors(form);
          setTokenSpent(credentials.some((error) => error.code === UserErrorCode.INVALID_TOKEN));
          setValues((current) => ({ ...current, password: '' }));
        });
        const first = firstInvalid(FIELDS, sorted.fields);
        if (first) document.getElementById(`sign-in-${first}`)?.focus();
        else if (credentials.length > 0) document.getElementById('sign-in-password')?.focus();
        else alertRef.current?.focus();
        return;
      }
      await finish(payload);
    } catch (error) {
      console.error('Signing in failed', error);
      flushSync(() => {
        setSending(false);
        setFormErrors([t('form.requestFailed')]);
      });
      alertRef.current?.focus();
    }
  }

  /** Signed in, with the password alone or after the second step. */
  async function finish({ person, operator }: SignedInAs & { person: { locale: string } | null }) {
    // The portal speaks the person's own language (their profile), as its emails do.
    if (person && resolveLocale(person.locale) !== locale) {
      await changeLocale(i18n, resolveLocale(person.locale));
    }
    // Forget everything cached for the anonymous visitor; `me` and `currentOperator` are asked
    // again, so the layout shows the name and the right navigation on the next page.
    const { client } = await apollo.load();
    await client.resetStore();
    await navigate(destinationAfterSignIn({ person, operator }, searchParams.get('next')), {
      replace: true,
    });
  }

  /** Back to the password (the challenge expired, or the person chose to), saying why if told. */
  function startAgain(message?: string) {
    flushSync(() => {
      setChallenge(null);
      setFormErrors(message ? [message] : []);
    });
    if (message) alertRef.current?.focus();
    else document.getElementById('sign-in-password')?.focus();
  }

  if (challenge) {
    return (
      <article className="page form-page">
        <h1>{t('signIn.heading')}</h1>
        <Suspense fallback={<Loading />}>
          <SecondStep
            challenge={challenge}
            idPrefix="sign-in"
            onSignedIn={finish}
            onExpired={startAgain}
            startAgain={
              <button type="button" className="link-button" onClick={() => startAgain()}>
                {t('signIn.startAgain')}
              </button>
            }
          />
        </Suspense>
      </article>
    );
  }

  const credentialsRefused = formErrors.length > 0 && !hasErrors(errors);
  const describedByAlert = credentialsRefused ? alertId : undefined;

  return (
    <article className="page form-page">
      <h1>{t('signIn.heading')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <form
        className="form"
        noValidate
        // Focus bubbles here from every field: the client arrives while they type.
        onFocus={() => void apollo.load()}
        onSubmit={(event) => void submit(event)}
      >
        <RequiredNote />
        <FormAlert ref={alertRef} id={alertId} messages={formErrors}>
          {tokenSpent && (
            <p>
              <Link to="/forgot-password">{t('signIn.askNewPassword')}</Link>
            </p>
          )}
        </FormAlert>
        <Field
          id="sign-in-email"
          name="email"
          label={t('signIn.email')}
          required
          error={errors.email}
          describedBy={describedByAlert}
        >
          {(control) => (
            <input
              {...control}
              aria-invalid={control['aria-invalid'] ?? (credentialsRefused || undefined)}
              className="input"
              type="email"
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="off"
              value={values.email}
              onChange={(event) => change('email', event.target.value)}
            />
          )}
        </Field>
        <Field
          id="sign-in-password"
          name="password"
          label={t('signIn.password')}
          required
          error={errors.password}
          describedBy={describedByAlert}
        >
          {(control) => (
            <input
              {...control}
              aria-invalid={control['aria-invalid'] ?? (credentialsRefused || undefined)}
              className="input"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              spellCheck={false}
              autoCapitalize="off"
              value={values.password}
              onChange={(event) => change('password', event.target.value)}
            />
          )}
        </Field>
        <div className="checkbox-field">
          <input
            id={showId}
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          <label htmlFor={showId}>{t('password.showOne')}</label>
        </div>
        <div className="form-actions">
          <SubmitButton
            sending={sending}
            label={t('signIn.submit')}
            sendingLabel={t('signIn.sending')}
          />
          <Link to="/forgot-password">{t('signIn.forgotLink')}</Link>
        </div>
      </form>
      <p className="form-aside">
        {t('signIn.noAccount')} <Link to="/register">{t('signIn.registerLink')}</Link>
      </p>
    </article>
  );
}
