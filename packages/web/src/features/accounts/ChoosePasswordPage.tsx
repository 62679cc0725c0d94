import { useTranslation } from '../../lib/useTranslation';
import { useNavigate } from '../../lib/router';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../../app/useViewer';
import { Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { ChangePasswordForm } from './components/ChangePasswordForm';

/** After signing in with a temporary password: the person picks their own before anything else. */
export function ChoosePasswordPage() {
  const { t } = useTranslation('accounts');
  usePageTitle(t('choosePassword.heading'));
  const navigate = useNavigate();
  const { person, operator, known } = useViewer();
  if (!known) return <Loading />;
  if (!person && !operator) return <SignInRedirect />;
  const temporary = person?.mustChangePassword ?? false;
  const details = person ?? { email: operator?.email };
  return (
    <article className="page form-page">
      <h1>{t('choosePassword.heading')}</h1>
      <p className="lead">
        {temporary ? t('choosePassword.introTemporary') : t('choosePassword.intro')}
      </p>
      <ChangePasswordForm
        idPrefix="choose-password"
        temporary={temporary}
        details={details}
        submitLabel={t('choosePassword.submit')}
        // The payload's person (mustChangePassword: false) is in the cache already, so the
        // layout lets the person through.
        onChanged={() => navigate('/', { replace: true })}
      />
    </article>
  );
}
