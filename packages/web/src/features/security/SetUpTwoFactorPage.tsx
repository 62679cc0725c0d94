import { useApolloClient } from '@apollo/client/react';
import { SignOutButton } from '../../app/SignOutButton';
import { ViewerQuery } from '../../app/operations';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../../app/useViewer';
import { Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { Navigate, useNavigate } from '../../lib/router';
import { useTranslation } from '../../lib/useTranslation';
import { TotpSetup } from './components/TotpSetup';
import './security.css';

/**
 * Where the layout sends a person whose company requires two-factor sign-in (or an operator
 * under OPERATOR_REQUIRE_MFA) until they set it up: the server answers them nothing else
 * (MFA_ENROLLMENT_REQUIRED), so this page and signing out are all there is.
 */
export function SetUpTwoFactorPage() {
  const { t } = useTranslation('mfa');
  usePageTitle(t('twoFactor.enroll.heading'));
  const { person, operator, known } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const account = person ?? operator;
  if (!known) return <Loading />;
  if (!account) return <SignInRedirect />;
  // Set up already (or never required): nothing to do here.
  if (!account.mustEnrollMfa) return <Navigate to={operator ? '/operator' : '/'} replace />;

  async function finish() {
    // `me` now says mustEnrollMfa false: the layout lets the person through.
    await client.refetchQueries({ include: [ViewerQuery] });
    await navigate(operator ? '/operator' : '/', { replace: true });
  }

  return (
    <article className="page form-page">
      <h1>{t('twoFactor.enroll.heading')}</h1>
      <p className="lead">
        {t(operator ? 'twoFactor.enroll.introOperator' : 'twoFactor.enroll.intro')}
      </p>
      <p>{t('twoFactor.intro')}</p>
      <TotpSetup idPrefix="set-up-two-factor" email={account.email} onDone={finish} />
      <section className="enroll-sign-out" aria-label={t('twoFactor.enroll.signOut')}>
        <p>{t('twoFactor.enroll.signOut')}</p>
        <SignOutButton className="button button-secondary" errorClassName="banner banner-error" />
      </section>
    </article>
  );
}
