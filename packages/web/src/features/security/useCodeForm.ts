import { UserErrorCode } from '@entry/shared';
import { useState, type FormEvent } from 'react';
import { currentLocale } from '../../app/i18n';
import {
  hasErrors,
  sortUserErrors,
  type FieldErrors,
  type UserErrorLike,
} from '../../components/form/form-errors';
import { useFormProblems } from '../../components/form/useFormProblems';
import { userErrorMessage } from '../../components/form/user-error-message';
import { useTranslation } from '../../lib/useTranslation';

/** A code from the authenticator app, or one of the recovery codes instead. */
export type CodeMode = 'app' | 'recovery';
export type CodeFormField = 'code' | 'password';

/** What the server gets: an app code without the spaces some apps show ("123 456"). */
export function normalizeCode(value: string, mode: CodeMode): string {
  return mode === 'app' ? value.replace(/\s+/g, '') : value.trim();
}

/**
 * The forms that ask for a second-factor code (the sign-in's second step, turning two-factor
 * sign-in on or off, new recovery codes), and a password where one is asked too: the values,
 * their checks before sending (an app code is 6 digits; the server judges the rest, and counts
 * every try in the sign-in throttle), and `submitter`, which sends and puts the server's
 * userErrors under their fields, focusing the first problem.
 */
export function useCodeForm<F extends CodeFormField>(fields: readonly F[], idPrefix: string) {
  const { t, i18n } = useTranslation('mfa');
  const locale = currentLocale(i18n);
  const fieldId = (field: F) => `${idPrefix}-${field}`;
  const problems = useFormProblems(fields, fieldId);
  const [values, setValues] = useState(
    () => Object.fromEntries(fields.map((field) => [field, ''])) as Record<F, string>,
  );
  const [mode, setMode] = useState<CodeMode>('app');
  const [sending, setSending] = useState(false);

  function change(field: F, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    problems.clear(field);
  }

  function switchMode(next: CodeMode) {
    setMode(next);
    setValues((current) => ({ ...current, code: '' }));
    problems.clear('code' as F);
  }

  function check(): FieldErrors<F> {
    const found: FieldErrors<F> = {};
    for (const field of fields) {
      const value = field === 'code' ? normalizeCode(values[field], mode) : values[field];
      if (!value)
        found[field] = userErrorMessage({ field: [field], code: UserErrorCode.REQUIRED }, locale);
      else if (field === 'code' && mode === 'app' && !/^\d{6}$/.test(value))
        found[field] = t('twoFactor.code.format');
    }
    return found;
  }

  /**
   * A submit handler: checks, then `send`s the values (the code normalized); userErrors go under
   * their fields unless `intercept` takes them (true: handled); else `done` gets the payload.
   */
  function submitter<P extends { userErrors: readonly UserErrorLike[] }>(
    send: (values: Record<F, string>) => Promise<P | null | undefined>,
    done: (payload: P) => void | Promise<void>,
    intercept: (userErrors: readonly UserErrorLike[]) => boolean = () => false,
  ) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (sending) return;
      const found = check();
      if (hasErrors(found)) {
        problems.show(found, []);
        return;
      }
      setSending(true);
      try {
        const code = normalizeCode(values['code' as F] ?? '', mode);
        const payload = await send({ ...values, code });
        if (!payload) throw new Error(`${idPrefix}: the answer had no payload`);
        if (payload.userErrors.length === 0) {
          await done(payload);
          return;
        }
        if (intercept(payload.userErrors)) return;
        // A refused code is gone from the app's screen in seconds: an empty field for the next.
        setValues((current) => ({ ...current, code: '' }));
        const sorted = sortUserErrors(payload.userErrors, fields, locale);
        if (sorted.form.length === 0 && !hasErrors(sorted.fields))
          sorted.form.push(t('form.requestFailed'));
        problems.show(sorted.fields, sorted.form);
      } catch (error) {
        console.error(`${idPrefix} failed`, error);
        problems.show({}, [t('form.requestFailed')]);
      } finally {
        setSending(false);
      }
    };
  }

  return { ...problems, values, mode, sending, fieldId, change, switchMode, submitter };
}

export type CodeForm<F extends CodeFormField> = ReturnType<typeof useCodeForm<F>>;
