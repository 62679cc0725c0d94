import type { FormEvent, ReactNode, RefObject } from 'react';
import { RequiredNote } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { hasErrors, type FieldErrors } from '../../../components/form/form-errors';

/** A form's checks and where its problems show. */
export interface AccountFormState<Field extends string> {
  /** the form's own checks, before anything is sent */
  check(): FieldErrors<Field>;
  /** puts problems on screen (the checks' here, the API's when it answers) */
  show(fields: FieldErrors<Field>, form: string[]): void;
  alertRef: RefObject<HTMLDivElement | null>;
  /** problems that belong to no single field */
  formErrors: readonly string[];
}

interface AccountFormProps<Field extends string> {
  form: AccountFormState<Field>;
  /** while true, submitting again does nothing */
  sending: boolean;
  /** sends the checked values */
  send(): Promise<void>;
  /** more in the alert, e.g. a link to ask for a new token */
  alert?: ReactNode;
  children: ReactNode;
}

/**
 * The accounts pages' forms (profile, password, reset, invitation): the required-fields note,
 * the form's alert, and a submit that checks the values first and sends them only when they
 * pass, never twice at once.
 */
export function AccountForm<Field extends string>({
  form: { check, show, alertRef, formErrors },
  sending,
  send,
  alert,
  children,
}: AccountFormProps<Field>) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const problems = check();
    if (hasErrors(problems)) show(problems, []);
    else void send();
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <RequiredNote />
      <FormAlert ref={alertRef} messages={formErrors}>
        {alert}
      </FormAlert>
      {children}
    </form>
  );
}
