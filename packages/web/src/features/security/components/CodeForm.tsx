import type { FormEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Field, RequiredNote, SubmitButton } from '../../../components/form/Field';
import { FormAlert } from '../../../components/form/FormAlert';
import { useTranslation } from '../../../lib/useTranslation';
import type { CodeForm as CodeFormState, CodeFormField } from '../useCodeForm';

interface CodeFormProps<F extends CodeFormField> {
  form: CodeFormState<F>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** true: a link lets the person type a recovery code instead of an app code */
  recoveryAllowed?: boolean;
  submitLabel: string;
  /** another way out beside the submit button (Cancel, Sign in again) */
  secondary?: ReactNode;
  /** fields before the code (the password, to turn two-factor sign-in off) */
  children?: ReactNode;
}

/**
 * A form that asks for a one-time code: typed from the authenticator app (digits; the browser
 * may offer it from an SMS-like source with `one-time-code`) or, where allowed, a recovery code.
 */
export function CodeForm<F extends CodeFormField>({
  form: { alertRef, formErrors, errors, values, mode, sending, fieldId, change, switchMode },
  onSubmit,
  recoveryAllowed = false,
  submitLabel,
  secondary,
  children,
}: CodeFormProps<F>) {
  const { t } = useTranslation('mfa');
  const recovery = mode === 'recovery';
  const id = fieldId('code' as F);
  return (
    <form className="form code-form" noValidate onSubmit={onSubmit}>
      <RequiredNote />
      <FormAlert ref={alertRef} messages={formErrors} />
      {children}
      <Field
        id={id}
        name="code"
        label={t(recovery ? 'twoFactor.code.recoveryLabel' : 'twoFactor.code.label')}
        required
        hint={t(recovery ? 'twoFactor.code.recoveryHint' : 'twoFactor.code.hint')}
        error={errors['code' as F]}
      >
        {(control) => (
          <input
            {...control}
            // a new element per mode: the browser's autofill and keyboard follow the new kind
            key={mode}
            className={recovery ? 'input code-input code-input-recovery' : 'input code-input'}
            autoComplete={recovery ? 'off' : 'one-time-code'}
            inputMode={recovery ? 'text' : 'numeric'}
            spellCheck={false}
            autoCapitalize={recovery ? 'characters' : 'off'}
            maxLength={recovery ? 24 : 12}
            value={values['code' as F]}
            onChange={(event) => change('code' as F, event.target.value)}
          />
        )}
      </Field>
      {recoveryAllowed && (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              // on screen first: the field of the other kind is a new element to focus
              flushSync(() => switchMode(recovery ? 'app' : 'recovery'));
              document.getElementById(id)?.focus();
            }}
          >
            {t(recovery ? 'twoFactor.code.useApp' : 'twoFactor.code.useRecovery')}
          </button>
        </p>
      )}
      <div className="form-actions">
        <SubmitButton
          sending={sending}
          label={submitLabel}
          sendingLabel={t('twoFactor.checking')}
        />
        {secondary}
      </div>
    </form>
  );
}
