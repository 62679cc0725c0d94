import { UserErrorCode, userErrorMessage, type FieldProblem, type Locale } from '@entry/shared';

/** A payload's userError as the API sends it. */
export interface UserErrorLike {
  readonly field?: readonly string[] | null;
  readonly code: string;
  readonly message: string;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a form shows: messages under fields, and the rest in an alert above the form. */
export interface SortedErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string[];
}

const USER_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(UserErrorCode));

// The server's words for these depend on values the API does not return (max, minutes, the
// weak-password reason): keep its message. For the others the shared table gives the very same
// text, in the language the interface shows now.
const CODES_WITH_PARAMS: ReadonlySet<string> = new Set([
  UserErrorCode.TOO_LONG,
  UserErrorCode.THROTTLED,
  UserErrorCode.WEAK_PASSWORD,
]);

/** The words for a userError in the interface's language. */
export function userErrorText(error: UserErrorLike, locale: Locale): string {
  if (!USER_ERROR_CODES.has(error.code) || CODES_WITH_PARAMS.has(error.code)) return error.message;
  const problem: FieldProblem = {
    field: error.field ?? [],
    code: error.code as UserErrorCode,
  };
  return userErrorMessage(problem, locale);
}

/** ["input", "email"] -> "email"; ["password"] -> "password"; [] or ["input"] -> null. */
export function fieldNameOf(path: readonly string[] | null | undefined): string | null {
  if (!path || path.length === 0) return null;
  const last = path[path.length - 1]!;
  return path.length === 1 && last === 'input' ? null : last;
}

/**
 * Sorts userErrors onto the form's fields (by the last element of their path); errors for a
 * field the form does not show go to the form-level alert. The first error per field wins.
 */
export function sortUserErrors<F extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly F[],
  locale: Locale,
): SortedErrors<F> {
  const sorted: SortedErrors<F> = { fields: {}, form: [] };
  for (const error of errors) {
    const name = fieldNameOf(error.field);
    const text = userErrorText(error, locale);
    if (name && (fields as readonly string[]).includes(name)) {
      const field = name as F;
      sorted.fields[field] ??= text;
    } else if (!sorted.form.includes(text)) {
      sorted.form.push(text);
    }
  }
  return sorted;
}

/** Client-side problems (the shared validators) as field messages, in the same words as the server. */
export function problemsToFieldErrors<F extends string>(
  problems: readonly FieldProblem[],
  fields: readonly F[],
  locale: Locale,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const problem of problems) {
    const name = fieldNameOf(problem.field);
    if (name && (fields as readonly string[]).includes(name)) {
      errors[name as F] ??= userErrorMessage(problem, locale);
    }
  }
  return errors;
}

/** The first field, in the form's order, that has an error. */
export function firstInvalid<F extends string>(
  order: readonly F[],
  errors: FieldErrors<F>,
): F | null {
  return order.find((field) => errors[field]) ?? null;
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * True when a field loses focus to its form's submit button: the submit checks every field
 * anyway, and an error appearing now would push the button away from under the pointer between
 * mousedown and mouseup, so the click would be lost.
 */
export function blurredBySubmit(event: { relatedTarget: EventTarget | null }): boolean {
  const next = event.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit';
}
