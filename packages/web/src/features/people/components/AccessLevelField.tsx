import { useQuery } from '@apollo/client/react';
import {
  ACCESS_LEVEL_DESCRIPTIONS,
  ACCESS_LEVEL_LABELS,
  AccessLevelCode,
  type AccessLevelCode as Level,
} from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';
import { blurredBySubmit } from '../../../components/form/form-errors';
import { AccessLevelsQuery } from '../../administrator/operations';

/**
 * The level names and descriptions in the interface's language, from `accessLevels`; the shared
 * table (the very texts the server answers with) stands in until the answer is there.
 */
export function useAccessLevelTexts() {
  const { i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const { data } = useQuery(AccessLevelsQuery, { variables: { locale } });
  const find = (code: Level) => data?.accessLevels.find((level) => level.code === code);
  return {
    label: (code: Level) => find(code)?.label ?? ACCESS_LEVEL_LABELS[code][locale],
    description: (code: Level) =>
      find(code)?.description ?? ACCESS_LEVEL_DESCRIPTIONS[code][locale],
  };
}

interface AccessLevelFieldProps {
  id: string;
  value: Level | '';
  /** the levels this viewer may give, highest first */
  offered: readonly Level[];
  error?: string;
  onChange(level: Level | ''): void;
  onBlur?(): void;
}

/**
 * The notes' access level dropdown: the levels the viewer may give, and under it what the chosen
 * one may do (or, before choosing, what each may do).
 */
export function AccessLevelField({
  id,
  value,
  offered,
  error,
  onChange,
  onBlur,
}: AccessLevelFieldProps) {
  const { t } = useTranslation('people');
  const texts = useAccessLevelTexts();
  const withoutPaymentAdmin = !offered.includes(AccessLevelCode.PAYMENT_ADMIN);
  const descriptionId = `${id}-description`;
  const description = (
    <p id={descriptionId} className="field-hint level-description">
      {value ? (
        <span className="hint-line">{texts.description(value)}</span>
      ) : (
        offered.map((code) => (
          <span key={code} className="hint-line">
            {t('people.form.levelLine', {
              level: texts.label(code),
              description: texts.description(code),
            })}
          </span>
        ))
      )}
      {withoutPaymentAdmin && (
        <span className="hint-line">
          {t('people.form.paymentAdminOnly', {
            level: texts.label(AccessLevelCode.PAYMENT_ADMIN),
          })}
        </span>
      )}
    </p>
  );
  return (
    <Field
      id={id}
      name="accessLevel"
      label={t('people.form.accessLevel')}
      required
      error={error}
      describedBy={descriptionId}
    >
      {(control) => (
        <>
          <select
            {...control}
            className="input"
            value={value}
            onChange={(event) => onChange(event.target.value as Level | '')}
            onBlur={(event) => {
              if (!blurredBySubmit(event)) onBlur?.();
            }}
          >
            <option value="">{t('people.form.chooseLevel')}</option>
            {offered.map((code) => (
              <option key={code} value={code}>
                {texts.label(code)}
              </option>
            ))}
          </select>
          {description}
        </>
      )}
    </Field>
  );
}
