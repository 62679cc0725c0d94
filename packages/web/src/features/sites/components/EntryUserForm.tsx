import { useMutation } from '@apollo/client/react';
import { normalizeEntryUserInput, validateEntryUserInput, validateMoveDates } from '@entry/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import {
  blurredBySubmit,
  Field,
  firstInvalid,
  FormAlert,
  hasErrors,
  problemsToFieldErrors,
  RequiredNote,
  SubmitButton,
  type FieldErrors,
} from '../../../components/form';
import { personName } from '../format';
import { AddEntryUserMutation, UpdateEntryUserMutation } from '../operations';
import { siteProblemText, siteRefusalKey, sortSiteUserErrors } from '../site-errors';
import { SITE_QUERIES, useRefetchOnScreen } from '../useRefetchOnScreen';

export const ENTRY_USER_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'apartment',
  'moveInDate',
  'moveOutDate',
] as const;
export type EntryUserField = (typeof ENTRY_USER_FIELDS)[number];
type Values = Record<EntryUserField, string>;

const EMPTY: Values = {
  firstName: '',
  lastName: '',
  email: '',
  apartment: '',
  moveInDate: '',
  moveOutDate: '',
};

export interface EntryUserValues {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
  moveInDate?: string | null;
  moveOutDate?: string | null;
  /** UPCOMING, ACTIVE or REMOVED: once moved in, the move-in date stays */
  status?: string;
}

interface EntryUserFormProps {
  idPrefix: string;
  siteId: string;
  /** the user to edit; none to add one */
  user?: EntryUserValues;
  onSaved: (name: string) => void;
  onCancel?: () => void;
}

/**
 * First name, last name, email, apartment and the move dates: addEntryUser or updateEntryUser.
 * The move-in date can change until the resident moves in; a move-out date cannot lie in the
 * past (the server removes the resident at the end of that day).
 */
export function EntryUserForm({ idPrefix, siteId, user, onSaved, onCancel }: EntryUserFormProps) {
  const { t, i18n } = useTranslation('sites');
  const { t: dates } = useTranslation('lifecycle');
  const locale = currentLocale(i18n);
  const [values, setValues] = useState<Values>(
    user
      ? {
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          apartment: user.apartment ?? '',
          moveInDate: user.moveInDate ?? '',
          moveOutDate: user.moveOutDate ?? '',
        }
      : EMPTY,
  );
  const movedIn = user?.status === 'ACTIVE';
  const [errors, setErrors] = useState<FieldErrors<EntryUserField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const refetchQueries = useRefetchOnScreen(SITE_QUERIES);
  const [add, adding] = useMutation(AddEntryUserMutation, { refetchQueries });
  const [update, updating] = useMutation(UpdateEntryUserMutation, { refetchQueries });
  const sending = adding.loading || updating.loading;

  function problemsOf(current: Values): FieldErrors<EntryUserField> {
    const input = normalizeEntryUserInput(current);
    const problems = validateEntryUserInput(input);
    // the days are UTC days, like billing's
    const dated = validateMoveDates(input, undefined, {
      today: new Date().toISOString().slice(0, 10),
      keptMoveOut: user?.moveOutDate ?? null,
    });
    return problemsToFieldErrors(
      [...problems, ...dated],
      ENTRY_USER_FIELDS,
      locale,
      siteProblemText,
    );
  }

  function change(field: EntryUserField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // An error already shown goes away as soon as the value is right.
    if (errors[field]) setErrors((current) => ({ ...current, [field]: problemsOf(next)[field] }));
  }

  function checkOnBlur(field: EntryUserField, event: { relatedTarget: EventTarget | null }) {
    if (blurredBySubmit(event) || !values[field].trim()) return;
    setErrors((current) => ({ ...current, [field]: problemsOf(values)[field] }));
  }

  function show(fields: FieldErrors<EntryUserField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(ENTRY_USER_FIELDS, fields);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    else alertRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const input = normalizeEntryUserInput(values);
    const problems = problemsOf(values);
    if (hasErrors(problems)) {
      show(problems, []);
      return;
    }
    try {
      const payload = user
        ? (await update({ variables: { id: user.id, input } })).data?.updateEntryUser
        : (await add({ variables: { siteId, input } })).data?.addEntryUser;
      if (!payload) throw new Error('The Entry app user mutation answered without a payload');
      if (payload.userErrors.length > 0 || !payload.entryUser) {
        const sorted = sortSiteUserErrors(payload.userErrors, ENTRY_USER_FIELDS, locale);
        const nothing = sorted.form.length === 0 && !hasErrors(sorted.fields);
        show(sorted.fields, nothing ? [t('sites.messages.requestFailed')] : sorted.form);
        return;
      }
      if (!user) {
        flushSync(() => {
          setValues(EMPTY);
          setErrors({});
          setFormErrors([]);
        });
      }
      onSaved(personName(payload.entryUser));
    } catch (error) {
      const refusal = siteRefusalKey(error);
      if (refusal) {
        show({}, [t(refusal)]);
        return;
      }
      console.error(
        user ? `Updating Entry app user ${user.id} failed` : 'Adding an Entry app user failed',
        error,
      );
      show({}, [t('sites.messages.requestFailed')]);
    }
  }

  const labels: Readonly<Record<EntryUserField, string>> = {
    firstName: t('sites.users.firstName'),
    lastName: t('sites.users.lastName'),
    email: t('sites.users.email'),
    apartment: t('sites.users.apartment'),
    moveInDate: dates('moveDates.moveInDate'),
    moveOutDate: dates('moveDates.moveOutDate'),
  };
  const hints: Partial<Record<EntryUserField, string>> = {
    apartment: t('sites.users.apartmentHint'),
    moveInDate: movedIn ? dates('moveDates.moveInFixedHint') : dates('moveDates.moveInDateHint'),
    moveOutDate: dates('moveDates.moveOutDateHint'),
  };
  const required = (name: EntryUserField) =>
    name === 'firstName' || name === 'lastName' || name === 'email';
  const field = (name: EntryUserField, type = 'text') => (
    <Field
      id={`${idPrefix}-${name}`}
      name={name}
      label={labels[name]}
      required={required(name)}
      hint={hints[name]}
      error={errors[name]}
    >
      {(control) => (
        <input
          {...control}
          {...(name === 'firstName' && user ? { 'data-autofocus': true } : {})}
          {...(name === 'moveInDate' && movedIn ? { readOnly: true } : {})}
          type={type}
          className="input"
          // a resident's details: the browser should not offer the person's own
          autoComplete="off"
          spellCheck={name === 'email' ? false : undefined}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
          onBlur={(event) => checkOnBlur(name, event)}
        />
      )}
    </Field>
  );

  return (
    <form className="form entry-user-form" noValidate onSubmit={(event) => void submit(event)}>
      <RequiredNote />
      <FormAlert ref={alertRef} messages={formErrors} />
      <div className="form-row">
        {field('firstName')}
        {field('lastName')}
      </div>
      <div className="form-row">
        {field('email', 'email')}
        {field('apartment')}
      </div>
      <div className="form-row">
        {field('moveInDate', 'date')}
        {field('moveOutDate', 'date')}
      </div>
      <div className={onCancel ? 'dialog-actions' : 'form-actions'}>
        <SubmitButton
          sending={sending}
          label={user ? t('sites.users.save') : t('sites.users.add')}
          sendingLabel={user ? t('sites.users.saving') : t('sites.users.adding')}
        />
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('sites.users.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
