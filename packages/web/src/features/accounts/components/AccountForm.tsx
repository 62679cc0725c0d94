import type { FormEvent, ReactNode, RefObject } from 'react';
import { RequiredNote } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { hasErrors, type FieldErrors } from '../../../components/form/form-errors';

interface AccountFormProps<Field extends string> {
  /** while true, submitting again does nothing */
  sending: boolean;
  /** the form's own checks, before anything is sent */
  check(): FieldErrors<Field>;
  /** puts problems on screen (the checks' here, the API's in send) */
  show(fields: FieldErrors<Field>, form: string[]): void;
  /** sends the checked values */
  send(): Promise<void>;
  alertRef: RefObject<HTMLDivElement | null>;
  /** problems that belong to no single field */
  formErrors: readonly string[];
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
  sending,
  check,
  show,
  send,
  alertRef,
  formErrors,
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
