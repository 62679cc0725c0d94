import { useMutation } from '@apollo/client/react';
import {
  ErrorCode,
  Permission,
  SUPPORTED_LOCALES,
  resolveLocale,
  type AccessLevelCode,
} from '@entry/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LANGUAGE_NAMES, currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { Field, RequiredNote, SubmitButton } from '../../components/form/Field';
import { FormAlert } from '../../components/form/FormAlert';
import {
  blurredBySubmit,
  firstInvalid,
  hasErrors,
  type FieldErrors,
} from '../../components/form/form-errors';
import { AccessLevelField } from './components/AccessLevelField';
import { BillingSetupNotice } from './components/BillingSetupNotice';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NotAllowed } from '../../components/NotAllowed';
import { RequireAccess } from '../../app/RequireAccess';
import { SitesCombobox } from './components/SitesCombobox';
import { InvitePersonMutation } from './operations';
import { grantableLevels, needsSites } from './people-policy';
import type { PeopleNotice } from './people-notice';
import { sortPersonErrors } from './person-errors';
import { forbiddenText, requestRefusal } from './request-errors';
import {
  INVITE_FIELDS,
  emptyInvite,
  toInviteInput,
  validateInvite,
  type InviteField,
  type InviteValues,
} from './person-form';
import './people.css';

const ID = 'add-person';
const fieldId = (field: InviteField) => `${ID}-${field}`;

/** "Add new person": the French note's form, field by field; the invitation goes out on save. */
export function AddPersonPage() {
  const { t } = useTranslation();
  const heading = t('people.add');
  usePageTitle(heading);
  return (
    <RequireAccess
      permission={Permission.MANAGE_PEOPLE}
      notAllowed={<NotAllowed heading={heading} />}
    >
      {(access) => (
        <article className="page form-page">
          <Breadcrumb current={heading} />
          <h1>{heading}</h1>
          <p className="lead">{t('people.form.addIntro')}</p>
          {access.billingSetupComplete && access.level ? (
            <AddPersonForm viewerLevel={access.level} />
          ) : (
            <BillingSetupNotice />
          )}
        </article>
      )}
    </RequireAccess>
  );
}

function AddPersonForm({ viewerLevel }: { viewerLevel: AccessLevelCode }) {
  const { t, i18n } = useTranslation();
  const { t: tAccounts } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const navigate = useNavigate();
  const [values, setValues] = useState<InviteValues>(() => emptyInvite(locale));
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [billingRefused, setBillingRefused] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const billingRef = useRef<HTMLDivElement>(null);
  const [invite, { loading }] = useMutation(InvitePersonMutation);
  const offered = grantableLevels(viewerLevel);

  function change<K extends keyof InviteValues>(field: K, value: InviteValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    const key = (field === 'sites' ? 'siteIds' : field) as InviteField;
    // An error goes away as soon as the value is right; a new one waits for leaving the field.
    if (errors[key])
      setErrors((current) => ({ ...current, [key]: validateInvite(next, locale)[key] }));
  }

  function leave(field: InviteField) {
    const filled = field === 'siteIds' ? true : Boolean(values[field as keyof InviteValues]);
    if (!filled) return;
    setErrors((current) => ({ ...current, [field]: validateInvite(values, locale)[field] }));
  }

  function show(fields: FieldErrors<InviteField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(INVITE_FIELDS, fields);
    if (first) document.getElementById(fieldId(first))?.focus();
    else alertRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const problems = validateInvite(values, locale);
    if (hasErrors(problems)) {
      show(problems, []);
      return;
    }
    try {
      const { data } = await invite({ variables: { input: toInviteInput(values) } });
      const payload = data?.invitePerson;
      if (!payload) throw new Error('invitePerson answered without a payload');
      if (payload.userErrors.length > 0 || !payload.person) {
        const sorted = sortPersonErrors(
          payload.userErrors,
          INVITE_FIELDS,
          locale,
          values.sites.map((site) => site.label),
        );
        if (sorted.form.length === 0 && !hasErrors(sorted.fields))
          sorted.form.push(tAccounts('form.requestFailed'));
        show(sorted.fields, sorted.form);
        return;
      }
      const notice: PeopleNotice = { kind: 'invited', email: payload.person.email };
      await navigate('/administrator', { state: { notice } });
    } catch (error) {
      const refusal = requestRefusal(error);
      if (refusal === ErrorCode.BILLING_SETUP_REQUIRED) {
        flushSync(() => setBillingRefused(true));
        billingRef.current?.focus();
        return;
      }
      console.error('Inviting a person failed', error);
      show({}, [
        refusal === ErrorCode.FORBIDDEN ? forbiddenText(error) : tAccounts('form.requestFailed'),
      ]);
    }
  }

  const siteAdmin = needsSites(values.accessLevel);
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {billingRefused && <BillingSetupNotice alert ref={billingRef} />}
      <RequiredNote />
      <FormAlert ref={alertRef} messages={formErrors} />
      <fieldset className="fieldset">
        <legend className="fieldset-title">{t('people.form.details')}</legend>
        <div className="form-row">
          <TextField
            field="firstName"
            label={t('people.form.firstName')}
            autoComplete="off"
            values={values}
            errors={errors}
            onChange={change}
            onLeave={leave}
          />
          <TextField
            field="lastName"
            label={t('people.form.lastName')}
            autoComplete="off"
            values={values}
            errors={errors}
            onChange={change}
            onLeave={leave}
          />
        </div>
        <TextField
          field="email"
          type="email"
          label={t('people.form.email')}
          hint={t('people.form.emailHint')}
          autoComplete="off"
          values={values}
          errors={errors}
          onChange={change}
          onLeave={leave}
        />
        <AccessLevelField
          id={fieldId('accessLevel')}
          value={values.accessLevel}
          offered={offered}
          error={errors.accessLevel}
          onChange={(level) => change('accessLevel', level)}
          onBlur={() => leave('accessLevel')}
        />
        {siteAdmin && (
          <Field
            id={fieldId('siteIds')}
            name="siteIds"
            label={t('people.form.sites')}
            required
            hint={t('people.form.sitesHint')}
            error={errors.siteIds}
          >
            {(control) => (
              <SitesCombobox
                control={control}
                label={t('people.form.sites')}
                selected={values.sites}
                onChange={(sites) => change('sites', sites)}
              />
            )}
          </Field>
        )}
        <Field
          id={fieldId('locale')}
          name="locale"
          label={t('people.form.language')}
          required
          hint={t('people.form.languageHint')}
          error={errors.locale}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.locale}
              onChange={(event) => change('locale', resolveLocale(event.target.value))}
            >
              {SUPPORTED_LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="form-actions form-actions-end">
        <Link to="/administrator" className="button button-secondary button-link">
          {t('people.form.cancel')}
        </Link>
        <SubmitButton
          sending={loading}
          label={t('people.form.save')}
          sendingLabel={tAccounts('form.saving')}
        />
      </div>
    </form>
  );
}

type TextFieldName = 'firstName' | 'lastName' | 'email';

interface TextFieldProps {
  field: TextFieldName;
  label: string;
  hint?: string;
  type?: 'text' | 'email';
  autoComplete: string;
  values: InviteValues;
  errors: FieldErrors<InviteField>;
  onChange(field: TextFieldName, value: string): void;
  onLeave(field: TextFieldName): void;
}

function TextField({
  field,
  label,
  hint,
  type = 'text',
  autoComplete,
  values,
  errors,
  onChange,
  onLeave,
}: TextFieldProps) {
  return (
    <Field
      id={fieldId(field)}
      name={field}
      label={label}
      required
      hint={hint}
      error={errors[field]}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          {...(type === 'email' ? { autoCapitalize: 'off' } : {})}
          value={values[field]}
          onChange={(event) => onChange(field, event.target.value)}
          onBlur={(event) => {
            if (!blurredBySubmit(event)) onLeave(field);
          }}
        />
      )}
    </Field>
  );
}
