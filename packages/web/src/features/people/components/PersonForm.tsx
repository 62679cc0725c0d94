import { Suspense, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Link } from '../../../lib/router';
import type { ComboboxOption } from '../../../components/AsyncCombobox';
import { Field, RequiredNote, SubmitButton } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { Loading } from '../../../components/QueryStatus';
import { lazyNamed } from '../../../lib/preloadable-lazy';
import { blurredBySubmit, type FieldErrors } from '../../../components/form/form-errors';

// The sites picker (a combobox that searches as you type) only for the site admin level: its
// code loads when the level is chosen, or with the page of a person who has it.
const SitesCombobox = lazyNamed(() => import('./SitesCombobox'), 'SitesCombobox');

interface PersonFormProps {
  sending: boolean;
  alertRef: Ref<HTMLDivElement>;
  formErrors: readonly string[];
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<void>;
  /** shown above the form's note (the add form's billing refusal) */
  notice?: ReactNode;
  /** the fields of the "Details" group */
  children: ReactNode;
}

/** The add and the edit person form around their fields: the alert, the details, Cancel and Save. */
export function PersonForm({
  sending,
  alertRef,
  formErrors,
  onSubmit,
  notice,
  children,
}: PersonFormProps) {
  const { t } = useTranslation('people');
  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {notice}
      <RequiredNote />
      <FormAlert ref={alertRef} messages={formErrors} />
      <fieldset className="fieldset">
        <legend className="fieldset-title">{t('people.form.details')}</legend>
        {children}
      </fieldset>
      <div className="form-actions form-actions-end">
        <Link to="/administrator" className="button button-secondary button-link">
          {t('people.form.cancel')}
        </Link>
        <SubmitButton
          sending={sending}
          label={t('people.form.save')}
          sendingLabel={t('form.saving')}
        />
      </div>
    </form>
  );
}

type TextFieldName = 'firstName' | 'lastName' | 'email';

interface PersonTextFieldProps<N extends TextFieldName> {
  id: string;
  field: N;
  label: string;
  hint?: string;
  type?: 'text' | 'email';
  value: string;
  error: string | undefined;
  onChange(field: N, value: string): void;
  onLeave(field: N): void;
}

/** A required text field of a person form; a colleague's form, so the browser fills nothing in. */
export function PersonTextField<N extends TextFieldName>({
  id,
  field,
  label,
  hint,
  type = 'text',
  value,
  error,
  onChange,
  onLeave,
}: PersonTextFieldProps<N>) {
  return (
    <Field id={id} name={field} label={label} required hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={type}
          autoComplete="off"
          spellCheck={false}
          {...(type === 'email' ? { autoCapitalize: 'off' } : {})}
          value={value}
          onChange={(event) => onChange(field, event.target.value)}
          onBlur={(event) => {
            if (!blurredBySubmit(event)) onLeave(field);
          }}
        />
      )}
    </Field>
  );
}

type NameField = 'firstName' | 'lastName';

interface PersonNameFieldsProps {
  fieldId(field: NameField): string;
  values: Record<NameField, string>;
  errors: FieldErrors<NameField>;
  onChange(field: NameField, value: string): void;
  onLeave(field: NameField): void;
}

/** First and last name, side by side. */
export function PersonNameFields({
  fieldId,
  values,
  errors,
  onChange,
  onLeave,
}: PersonNameFieldsProps) {
  const { t } = useTranslation('people');
  return (
    <div className="form-row">
      {(['firstName', 'lastName'] as const).map((field) => (
        <PersonTextField
          key={field}
          id={fieldId(field)}
          field={field}
          label={t(`people.form.${field}`)}
          value={values[field]}
          error={errors[field]}
          onChange={onChange}
          onLeave={onLeave}
        />
      ))}
    </div>
  );
}

interface PersonSitesFieldProps {
  id: string;
  selected: readonly ComboboxOption[];
  error: string | undefined;
  onChange(next: ComboboxOption[]): void;
}

/** A site admin's sites: a combobox over every site the viewer may give. */
export function PersonSitesField({ id, selected, error, onChange }: PersonSitesFieldProps) {
  const { t } = useTranslation('people');
  return (
    <Field
      id={id}
      name="siteIds"
      label={t('people.form.sites')}
      required
      hint={t('people.form.sitesHint')}
      error={error}
    >
      {(control) => (
        <Suspense fallback={<Loading />}>
          <SitesCombobox
            control={control}
            label={t('people.form.sites')}
            selected={selected}
            onChange={onChange}
          />
        </Suspense>
      )}
    </Field>
  );
}
