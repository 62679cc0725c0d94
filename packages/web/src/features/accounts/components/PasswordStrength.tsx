import type { PersonalDetails } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { estimateStrength, weakPasswordText, type PasswordChecker } from '../password-strength';

interface PasswordStrengthProps {
  id: string;
  password: string;
  details?: PersonalDetails;
  checker: PasswordChecker | null;
  /** false while the field shows the same advice as its error */
  showAdvice?: boolean;
}

/**
 * A hint under a new password: how strong it looks and what would make it acceptable. The
 * input points at it with aria-describedby, so it is read with the field rather than announced
 * on every keystroke.
 */
export function PasswordStrength({
  id,
  password,
  details,
  checker,
  showAdvice = true,
}: PasswordStrengthProps) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const { level, weakness } = estimateStrength(password, details, checker);
  let advice: string | null = null;
  if (level === 'empty') advice = weakPasswordText('TOO_SHORT', locale);
  else if (weakness) advice = weakPasswordText(weakness, locale);
  else if (level === 'fair') advice = t('password.adviceFair');
  return (
    <div id={id} className={`strength strength-${level}`}>
      {level !== 'empty' && (
        <>
          <div className="strength-bar" aria-hidden="true">
            <span className="strength-fill" />
          </div>
          <p className="strength-text">
            {t('password.strengthLabel')} <strong>{t(`password.strength.${level}`)}</strong>
          </p>
        </>
      )}
      {advice && showAdvice && <p className="strength-advice">{advice}</p>}
    </div>
  );
}
