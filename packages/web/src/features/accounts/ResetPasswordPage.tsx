import { UserErrorCode } from '@entry/shared';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useSearchParams } from '../../lib/router';
import { useSendMutation } from '../../app/graphql-request';
import { currentLocale } from '../../app/i18n';
import { useApolloLoader } from '../../app/lazy-apollo';
import { usePageTitle } from '../../app/usePageTitle';
import { SubmitButton } from '../../components/form/Field';
import { sortUserErrors } from '../../components/form/form-errors';
import { AccountForm } from './components/AccountForm';
import { NewPasswordFields } from './components/NewPasswordFields';
import { ResetPasswordMutation } from './operations';
import { NEW_PASSWORD_FIELDS, useNewPasswordForm } from './useNewPasswordForm';

/** The page an emailed reset link opens: /reset-password?token=… */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const token = useSearchParams()[0].get('token') ?? '';
  const form = useNewPasswordForm('reset-password');
  const { checker, values, errors, change, leave, show } = form;
  const apollo = useApolloLoader();
  const [invalidToken, setInvalidToken] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const [resetPassword, { loading }] = useSendMutation(ResetPasswordMutation);
  usePageTitle(done ? t('resetPassword.doneHeading') : t('resetPassword.heading'));

  async function send() {
    try {
      const { data } = await resetPassword({
        variables: { token, newPassword: values.newPassword },
      });
      const payload = data?.resetPassword;
      if (!payload) throw new Error('resetPassword answered without a payload');
      if (payload.userErrors.length > 0) {
        const tokenRefused = payload.userErrors.some(
          (error) => error.code === UserErrorCode.INVALID_TOKEN,
        );
        const sorted = sortUserErrors(payload.userErrors, NEW_PASSWORD_FIELDS, locale);
        flushSync(() => setInvalidToken(tokenRefused));
        show(sorted.fields, sorted.form);
        return;
      }
      // Every session of the person was ended: whoever was signed in here is not any more (only
      // a signed-in person's page has Apollo Client, and with it a cache to forget).
      const runtime = await apollo.started();
      await runtime?.client.resetStore().catch((error: unknown) => {
        console.warn('Reloading who is signed in failed after the reset', error);
      });
      flushSync(() => setDone(true));
      doneRef.current?.focus();
    } catch (error) {
      console.error('Resetting the password failed', error);
      show({}, [t('form.requestFailed')]);
    }
  }

  if (done) {
    return (
      <article className="page form-page">
        <div ref={doneRef} tabIndex={-1} className="focus-target">
          <h1>{t('resetPassword.doneHeading')}</h1>
          <p className="lead">{t('resetPassword.done')}</p>
        </div>
        <p>
          <Link className="button button-link" to="/sign-in">
            {t('resetPassword.signInLink')}
          </Link>
        </p>
      </article>
    );
  }

  return (
    <article className="page form-page">
      <h1>{t('resetPassword.heading')}</h1>
      <p className="lead">{t('resetPassword.intro')}</p>
      {!token ? (
        <div className="banner banner-error" role="alert">
          <p>{t('resetPassword.missingToken')}</p>
          <p>
            <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
          </p>
        </div>
      ) : (
        <AccountForm
          form={form}
          sending={loading}
          send={send}
          alert={
            invalidToken && (
              <p>
                <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
              </p>
            )
          }
        >
          <NewPasswordFields
            idPrefix="reset-password"
            values={values}
            errors={errors}
            checker={checker}
            onChange={change}
            onBlur={leave}
          />
          <div className="form-actions">
            <SubmitButton
              sending={loading}
              label={t('resetPassword.submit')}
              sendingLabel={t('form.saving')}
            />
          </div>
        </AccountForm>
      )}
    </article>
  );
}
