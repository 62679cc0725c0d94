import { useTranslation } from '../../lib/useTranslation';
import { Link, useLocation } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { DevOutboxHint } from '../../components/DevOutboxHint';
import type { RegistrationReceivedState } from './RegisterPage';

function emailFrom(state: unknown): string | null {
  const email = (state as Partial<RegistrationReceivedState> | null)?.email;
  return typeof email === 'string' && email ? email : null;
}

export function RegistrationReceivedPage() {
  const { t } = useTranslation('accounts');
  const { t: tCore } = useTranslation();
  usePageTitle(t('registerReceived.heading'));
  const email = emailFrom(useLocation().state);
  return (
    <article className="page">
      <h1>{t('registerReceived.heading')}</h1>
      <p className="lead">{t('registerReceived.verify')}</p>
      <ol className="steps">
        <li>
          {email ? t('registerReceived.emailTo', { email }) : t('registerReceived.emailGeneric')}
        </li>
        <li>{t('registerReceived.signIn')}</li>
        <li>{t('registerReceived.newPassword')}</li>
      </ol>
      <DevOutboxHint />
      <p>
        <Link to="/">{tCore('notFound.homeLink')}</Link>
      </p>
    </article>
  );
}
