import { useTranslation } from '../lib/useTranslation';
import { useViewer } from '../app/useViewer';

/** Says that the company's data needs signing in; shown only to anonymous visitors. */
export function SignInNotice() {
  const { t } = useTranslation();
  const { known, person, operator } = useViewer();
  if (!known || person || operator) return null;
  return (
    <div className="banner banner-info">
      <p>{t('auth.signInRequired')}</p>
    </div>
  );
}
