import { UserErrorCode, resolveLocale } from '@entry/shared';
import { Suspense, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useNavigate, useSearchParams } from '../../lib/router';
import { useSendMutation } from '../../app/graphql-request';
import { MFA_NS, changeLocale, currentLocale } from '../../app/i18n';
import { useApolloLoader } from '../../app/lazy-apollo';
import { usePageTitle } from '../../app/usePageTitle';
import { SubmitButton } from '../../components/form/Field';
import { hasErrors, sortUserErrors } from '../../components/form/form-errors';
import { AccountForm } from '../accounts/components/AccountForm';
import { Loading } from '../../components/QueryStatus';
import { LazySecondStep as SecondStep } from '../accounts/components/lazy-second-step';
import { destinationAfterSignIn, type SignedInAs } from '../accounts/sign-in-destination';
import { NewPasswordFields } from '../accounts/components/NewPasswordFields';
import { NEW_PASSWORD_FIELDS, useNewPasswordForm } from '../accounts/useNewPasswordForm';
import { AcceptInvitationMutation } from './operations';

const ID = 'accept-invitation';

/**
 * The page the invitation email links to (/accept-invitation?token=…): the invited colleague
 * chooses a password and is signed in. Public: the emailed token is the credential.
 */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { t: tAccounts } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  usePageTitle(t('invitation.heading'));
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const apollo = useApolloLoader();
  const form = useNewPasswordForm(ID);
  const { checker, values, errors, change, leave, show } = form;
  const [tokenRefused, setTokenRefused] = useState(false);
  const [finishing, setFinishing] = useState(false);
  // The password is set and two-factor sign-in is on (an account that had it before): the code.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [expired, setExpired] = useState<string | null>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  const [accept, { loading }] = useSendMutation(AcceptInvitationMutation);

  async function send() {
    // The second step's code and words, fetched alongside the answer in case it asks for a code.
    void SecondStep.preload().catch(() => undefined);
    void i18n.loadNamespaces([MFA_NS]).catch(() => undefined);
    try {
      const { data } = await accept({ variables: { token, password: values.newPassword } });
      const payload = data?.acceptInvitation;
      if (!payload) throw new Error('acceptInvitation answered without a payload');
      if (payload.mfaRequired && payload.mfaChallenge && payload.userErrors.length === 0) {
        setChallenge(payload.mfaChallenge);
        return;
      }
      if (payload.userErrors.some((error) => error.code === UserErrorCode.INVALID_TOKEN)) {
        flushSync(() => setTokenRefused(true));
        refusedRef.current?.focus();
        return;
      }
      if (payload.userErrors.length > 0 || !payload.person) {
        // The API names the password `password`; the form calls it `newPassword`.
        const renamed = payload.userErrors.map((error) =>
          error.field?.[error.field.length - 1] === 'password'
            ? { ...error, field: ['newPassword'] }
            : error,
        );
        const sorted = sortUserErrors(renamed, NEW_PASSWORD_FIELDS, locale);
        if (sorted.form.length === 0 && !hasErrors(sorted.fields))
          sorted.form.push(tAccounts('form.requestFailed'));
        show(sorted.fields, sorted.form);
        return;
      }
      await finish({ person: payload.person, operator: null });
    } catch (error) {
      console.error('Accepting the invitation failed', error);
      flushSync(() => setFinishing(false));
      show({}, [tAccounts('form.requestFailed')]);
    }
  }

  /** Signed in (the server set the session cookie), with the password or after the code. */
  async function finish({ person, operator }: SignedInAs & { person: { locale: string } | null }) {
    setFinishing(true);
    // From now on the portal speaks the language the invitation was written in.
    const personLocale = person ? resolveLocale(person.locale) : locale;
    if (personLocale !== locale) await changeLocale(i18n, personLocale);
    // A signed-in person's pages use Apollo Client; whatever it holds of the anonymous visitor
    // is forgotten.
    const { client } = await apollo.load();
    await client.resetStore();
    await navigate(destinationAfterSignIn({ person, operator }, null), { replace: true });
  }

  if (challenge) {
    return (
      <article className="page form-page">
        <h1>{t('invitation.heading')}</h1>
        {expired ? (
          // The invitation is spent (the password is set): the way on is the sign-in page.
          <div className="banner banner-error" role="alert">
            <p>{expired}</p>
            <p>
              <Link to="/sign-in">{t('nav.signIn')}</Link>
            </p>
          </div>
        ) : (
          <Suspense fallback={<Loading />}>
            <SecondStep
              challenge={challenge}
              idPrefix={ID}
              onSignedIn={(payload) => finish({ ...payload, operator: null })}
              onExpired={setExpired}
            />
          </Suspense>
        )}
      </article>
    );
  }

  return (
    <article className="page form-page">
      <h1>{t('invitation.heading')}</h1>
      <p className="lead">{t('invitation.intro')}</p>
      {!token ? (
        <div className="banner banner-error" role="alert">
          <p>{t('invitation.missingToken')}</p>
        </div>
      ) : tokenRefused ? (
        <div ref={refusedRef} tabIndex={-1} className="banner banner-error" role="alert">
          <p>
            <strong>{t('invitation.invalidTokenHeading')}</strong>
          </p>
          <p>{t('invitation.invalidToken')}</p>
          <p>
            {t('invitation.alreadyAccepted')} <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </div>
      ) : (
        <AccountForm form={form} sending={loading || finishing} send={send}>
          <NewPasswordFields
            idPrefix={ID}
            values={values}
            errors={errors}
            checker={checker}
            onChange={change}
            onBlur={leave}
          />
          <div className="form-actions">
            <SubmitButton
              sending={loading || finishing}
              label={t('invitation.submit')}
              sendingLabel={tAccounts('form.saving')}
            />
          </div>
        </AccountForm>
      )}
    </article>
  );
}
