import { useMutation } from '@apollo/client/react';
import {
  ErrorCode,
  Permission,
  SUPPORTED_LOCALES,
  resolveLocale,
  type AccessLevelCode,
} from '@entry/shared';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { useNavigate } from '../../lib/router';
import { LANGUAGE_NAMES, currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { Field } from '../../components/form/Field';
import { AccessLevelField } from './components/AccessLevelField';
import { BillingSetupNotice } from './components/BillingSetupNotice';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NotAllowed } from '../../components/NotAllowed';
import { RequireAccess } from '../../app/RequireAccess';
import {
  PersonForm,
  PersonNameFields,
  PersonSitesField,
  PersonTextField,
} from './components/PersonForm';
import { usePersonForm } from './components/usePersonForm';
import { InvitePersonMutation } from './operations';
import { grantableLevels, needsSites } from './people-policy';
import type { PeopleNotice } from './people-notice';
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

/** "Add new person": the French note's form, field by field; the invitation goes out on save. */
export function AddPersonPage() {
  const { t } = useTranslation('people');
  const heading = t('people.add');
  usePageTitle(heading);
  return (
    <RequireAccess
      permission={Permission.MANAGE_PEOPLE}
      notAllowed={<NotAllowed heading={heading} />}
    >
      {(access) => (
        <article className="page form-page">
          <Breadcrumb parent={t('people.heading')} current={heading} />
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
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const navigate = useNavigate();
  const form = usePersonForm({
    id: 'add-person',
    fields: INVITE_FIELDS,
    initial: () => emptyInvite(locale),
    locale,
    validate: (values: InviteValues) => validateInvite(values, locale),
  });
  const { values, errors, fieldId, change, show } = form;
  const [billingRefused, setBillingRefused] = useState(false);
  const billingRef = useRef<HTMLDivElement>(null);
  const [invite, { loading }] = useMutation(InvitePersonMutation);
  const offered = grantableLevels(viewerLevel);

  function leave(field: InviteField) {
    const filled = field === 'siteIds' ? true : Boolean(values[field as keyof InviteValues]);
    if (filled) form.recheck(field);
  }

  async function save() {
    try {
      const { data } = await invite({ variables: { input: toInviteInput(values) } });
      const payload = data?.invitePerson;
      if (!payload) throw new Error('invitePerson answered without a payload');
      if (payload.userErrors.length > 0 || !payload.person) {
        form.showUserErrors(payload.userErrors);
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
      // the server's own words for a refusal (a suspended account's says what to do about it)
      const refused = refusal === ErrorCode.FORBIDDEN || refusal === ErrorCode.ACCOUNT_SUSPENDED;
      show({}, [refused ? forbiddenText(error) : t('form.requestFailed')]);
    }
  }

  return (
    <PersonForm
      sending={loading}
      alertRef={form.alertRef}
      formErrors={form.formErrors}
      onSubmit={(event) => form.submit(event, { sending: loading, send: save })}
      notice={billingRefused && <BillingSetupNotice alert ref={billingRef} />}
    >
      <PersonNameFields
        fieldId={fieldId}
        values={values}
        errors={errors}
        onChange={change}
        onLeave={leave}
      />
      <PersonTextField
        id={fieldId('email')}
        field="email"
        type="email"
        label={t('people.form.email')}
        hint={t('people.form.emailHint')}
        value={values.email}
        error={errors.email}
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
      {needsSites(values.accessLevel) && (
        <PersonSitesField
          id={fieldId('siteIds')}
          selected={values.sites}
          error={errors.siteIds}
          onChange={(sites) => change('sites', sites)}
        />
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
    </PersonForm>
  );
}
