import { UserErrorCode, isValidEmail } from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link } from '../../lib/router';
import { useSendMutation } from '../../app/graphql-request';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { DevOutboxHint } from '../../components/DevOutboxHint';
import { Field, RequiredNote, SubmitButton } from '../../components/form/Field';
import { FormAlert } from '../../components/form/FormAlert';
import { RequestPasswordResetMutation } from './operations';

export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const [requestReset, { loading }] = useSendMutation(RequestPasswordResetMutation);

  function validate(value: string): string | undefined {
    const trimmed = value.trim();
    if (!trimmed)
      return userErrorMessage({ field: ['email'], code: UserErrorCode.REQUIRED }, locale);
    if (!isValidEmail(trimmed))
      return userErrorMessage({ field: ['email'], code: UserErrorCode.INVALID }, locale);
    return undefined;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const problem = validate(email);
    if (problem) {
      flushSync(() => {
        setError(problem);
        setFormErrors([]);
      });
      document.getElementById('forgot-email')?.focus();
      return;
    }
    try {
      await requestReset({ variables: { email: email.trim() } });
      flushSync(() => setSentTo(email.trim()));
      sentRef.current?.focus();
    } catch (failure) {
      console.error('Requesting a password reset failed', failure);
      flushSync(() => setFormErrors([t('form.requestFailed')]));
      alertRef.current?.focus();
    }
  }

  usePageTitle(sentTo ? t('forgotPassword.sentHeading') : t('forgotPassword.heading'));

  if (sentTo) {
    return (
      <article className="page form-page">
        <div ref={sentRef} tabIndex={-1} className="focus-target">
          <h1>{t('forgotPassword.sentHeading')}</h1>
          <p className="lead">{t('forgotPassword.sent', { email: sentTo })}</p>
        </div>
        <p>{t('forgotPassword.sentValidity')}</p>
        <DevOutboxHint />
        <p>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </article>
    );
  }

  return (
    <article className="page form-page">
      <h1>{t('forgotPassword.heading')}</h1>
      <p className="lead">{t('forgotPassword.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RequiredNote />
        <FormAlert ref={alertRef} messages={formErrors} />
        <Field id="forgot-email" name="email" label={t('signIn.email')} required error={error}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="off"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                if (error) setError(validate(event.target.value));
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <SubmitButton
            sending={loading}
            label={t('forgotPassword.submit')}
            sendingLabel={t('form.sending')}
          />
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </div>
      </form>
    </article>
  );
}
