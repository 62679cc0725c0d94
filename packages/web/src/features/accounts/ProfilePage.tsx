import { useMutation } from '@apollo/client/react';
import {
  LIMITS,
  SUPPORTED_LOCALES,
  UserErrorCode,
  resolveLocale,
  type Locale,
} from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { LANGUAGE_NAMES, changeLocale, currentLocale } from '../../app/i18n';
import { SignOutButton } from '../../app/SignOutButton';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../../app/useViewer';
import { Field, SubmitButton } from '../../components/form/Field';
import {
  blurredBySubmit,
  firstInvalid,
  hasErrors,
  sortUserErrors,
  type FieldErrors,
} from '../../components/form/form-errors';
import { Loading } from '../../components/QueryStatus';
import { SignInRedirect } from '../../components/SignInRedirect';
import { SecuritySection } from '../security/components/SecuritySection';
import { AccountForm } from './components/AccountForm';
import { ChangePasswordForm } from './components/ChangePasswordForm';
import { UpdateMyProfileMutation } from './operations';

export function ProfilePage() {
  const { t } = useTranslation('accounts');
  usePageTitle(t('profile.heading'));
  const { person, operator, known } = useViewer();
  const [passwordChanged, setPasswordChanged] = useState(false);
  const passwordStatusRef = useRef<HTMLParagraphElement>(null);
  if (!known) return <Loading />;
  if (!person && !operator) return <SignInRedirect />;
  const email = person?.email ?? operator?.email ?? '';
  return (
    <article className="page form-page">
      <h1>{t('profile.heading')}</h1>
      <p className="lead">{t('profile.intro')}</p>

      <section aria-labelledby="profile-details">
        <h2 id="profile-details">{t('profile.detailsHeading')}</h2>
        {person ? (
          <DetailsForm key={person.id} person={person} />
        ) : (
          <dl className="details">
            <div>
              <dt>{t('profile.name')}</dt>
              <dd>{operator?.name}</dd>
            </div>
            <div>
              <dt>{t('profile.email')}</dt>
              <dd>{email}</dd>
            </div>
          </dl>
        )}
      </section>

      <section aria-labelledby="profile-password">
        <h2 id="profile-password">{t('profile.passwordHeading')}</h2>
        {passwordChanged && (
          <p ref={passwordStatusRef} className="banner banner-success" role="status" tabIndex={-1}>
            {t('profile.passwordChanged')}
          </p>
        )}
        <ChangePasswordForm
          idPrefix="profile-password"
          temporary={false}
          details={person ?? { email }}
          submitLabel={t('profile.changePassword')}
          onChanged={() => {
            flushSync(() => setPasswordChanged(true));
            passwordStatusRef.current?.focus();
          }}
        />
      </section>

      <SecuritySection email={email} />

      <section aria-labelledby="profile-sign-out">
        <h2 id="profile-sign-out">{t('profile.signOutHeading')}</h2>
        <p>{t('profile.signOutIntro')}</p>
        <SignOutButton className="button button-secondary" errorClassName="banner banner-error" />
      </section>
    </article>
  );
}

const DETAIL_FIELDS = ['firstName', 'lastName', 'locale'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];
type DetailValues = Record<DetailField, string>;

interface DetailsFormProps {
  person: { id: string; firstName: string; lastName: string; email: string; locale: string };
}

/** Name and language: updateMyProfile. A new language switches the interface too. */
function DetailsForm({ person }: DetailsFormProps) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [values, setValues] = useState<DetailValues>({
    firstName: person.firstName,
    lastName: person.lastName,
    locale: resolveLocale(person.locale),
  });
  const [errors, setErrors] = useState<FieldErrors<DetailField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const [update, { loading }] = useMutation(UpdateMyProfileMutation);

  function validateName(field: 'firstName' | 'lastName', value: string): string | undefined {
    const trimmed = value.trim();
    if (!trimmed)
      return userErrorMessage({ field: ['input', field], code: UserErrorCode.REQUIRED }, locale);
    if (trimmed.length > LIMITS.personName)
      return userErrorMessage(
        {
          field: ['input', field],
          code: UserErrorCode.TOO_LONG,
          params: { max: LIMITS.personName },
        },
        locale,
      );
    return undefined;
  }

  function change(field: DetailField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setSaved(false);
    if (field !== 'locale' && errors[field])
      setErrors((current) => ({ ...current, [field]: validateName(field, value) }));
  }

  function show(fields: FieldErrors<DetailField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(DETAIL_FIELDS, fields);
    if (first) document.getElementById(`profile-${first}`)?.focus();
    else alertRef.current?.focus();
  }

  const check = (): FieldErrors<DetailField> => ({
    firstName: validateName('firstName', values.firstName),
    lastName: validateName('lastName', values.lastName),
  });

  async function send() {
    try {
      const { data } = await update({
        variables: {
          input: {
            firstName: values.firstName.trim(),
            lastName: values.lastName.trim(),
            locale: values.locale,
          },
        },
      });
      const payload = data?.updateMyProfile;
      if (!payload) throw new Error('updateMyProfile answered without a payload');
      if (payload.userErrors.length > 0 || !payload.person) {
        const sorted = sortUserErrors(payload.userErrors, DETAIL_FIELDS, locale);
        const nothingToShow = sorted.form.length === 0 && !hasErrors(sorted.fields);
        show(sorted.fields, nothingToShow ? [t('form.requestFailed')] : sorted.form);
        return;
      }
      const chosen = resolveLocale(payload.person.locale);
      if (chosen !== locale) await changeLocale(i18n, chosen);
      flushSync(() => {
        setErrors({});
        setFormErrors([]);
        setSaved(true);
      });
      savedRef.current?.focus();
    } catch (error) {
      console.error('Saving the profile failed', error);
      show({}, [t('form.requestFailed')]);
    }
  }

  return (
    <AccountForm form={{ check, show, alertRef, formErrors }} sending={loading} send={send}>
      {saved && (
        <p ref={savedRef} className="banner banner-success" role="status" tabIndex={-1}>
          {t('profile.saved')}
        </p>
      )}
      <div className="form-row">
        {(['firstName', 'lastName'] as const).map((field) => (
          <Field
            key={field}
            id={`profile-${field}`}
            name={field}
            label={t(`register.fields.${field}`)}
            required
            error={errors[field]}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete={field === 'firstName' ? 'given-name' : 'family-name'}
                value={values[field]}
                onChange={(event) => change(field, event.target.value)}
                onBlur={(event) => {
                  if (!blurredBySubmit(event) && values[field] !== person[field])
                    setErrors((current) => ({
                      ...current,
                      [field]: validateName(field, values[field]),
                    }));
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <dl className="details details-inline">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{person.email}</dd>
        </div>
      </dl>
      <Field
        id="profile-locale"
        name="locale"
        label={t('profile.language')}
        required
        hint={t('profile.languageHint')}
        error={errors.locale}
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={values.locale}
            onChange={(event) => change('locale', event.target.value)}
          >
            {SUPPORTED_LOCALES.map((code: Locale) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <SubmitButton sending={loading} label={t('profile.save')} sendingLabel={t('form.saving')} />
      </div>
    </AccountForm>
  );
}
