import type { Locale } from '@entry/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import type { ComboboxOption } from '../../../components/AsyncCombobox';
import {
  hasErrors,
  type FieldErrors,
  type UserErrorLike,
} from '../../../components/form/form-errors';
import { useFormProblems } from '../../../components/form/useFormProblems';
import { sortPersonErrors } from '../person-errors';

/** What the add and the edit form both hold: the names, and a site admin's sites. */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  sites: ComboboxOption[];
}

export interface PersonFormOptions<V extends PersonFormValues, F extends string> {
  /** the form's id: its fields' ids are `${id}-${field}` */
  id: string;
  /** the fields in the form's order (the first with a problem gets focus) */
  fields: readonly F[];
  initial: V | (() => V);
  locale: Locale;
  /** the shared rules (the server runs the same ones), as messages per field */
  validate(values: V): FieldErrors<F>;
}

/**
 * The state and the error handling the add and the edit person forms share: the values, the
 * messages under the fields and in the alert, when a message appears or goes, and what a
 * refused save shows. The pages keep what differs: the mutation, and where a saved form goes.
 */
export function usePersonForm<V extends PersonFormValues, F extends string>({
  id,
  fields,
  initial,
  locale,
  validate,
}: PersonFormOptions<V, F>) {
  const { t } = useTranslation();
  const fieldId = (field: F) => `${id}-${field}`;
  const [values, setValues] = useState<V>(initial);
  const { errors, setErrors, formErrors, alertRef, show } = useFormProblems(fields, fieldId);

  function change<K extends keyof V>(field: K, value: V[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    const key = (field === 'sites' ? 'siteIds' : field) as F;
    // An error goes away as soon as the value is right; a new one waits for leaving the field.
    if (errors[key]) setErrors((current) => ({ ...current, [key]: validate(next)[key] }));
  }

  /** Checks one field again (when it is left). */
  function recheck(field: F) {
    setErrors((current) => ({ ...current, [field]: validate(values)[field] }));
  }

  /** The mutation's userErrors on their fields; a refusal that names nothing still says so. */
  function showUserErrors(userErrors: readonly UserErrorLike[]) {
    const sorted = sortPersonErrors(
      userErrors,
      fields,
      locale,
      values.sites.map((site) => site.label),
    );
    if (sorted.form.length === 0 && !hasErrors(sorted.fields))
      sorted.form.push(t('form.requestFailed'));
    show(sorted.fields, sorted.form);
  }

  /**
   * A submit of the form: nothing while a save is `sending`, and `send` only when every field
   * passes the shared rules (otherwise the problems are shown, the first one focused).
   */
  async function submit(
    event: FormEvent<HTMLFormElement>,
    { sending, send }: { sending: boolean; send: () => Promise<void> },
  ) {
    event.preventDefault();
    if (sending) return;
    const problems = validate(values);
    if (hasErrors(problems)) {
      show(problems, []);
      return;
    }
    await send();
  }

  return {
    values,
    errors,
    formErrors,
    alertRef,
    fieldId,
    change,
    recheck,
    show,
    showUserErrors,
    submit,
  };
}
