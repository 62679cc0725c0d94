import { UserErrorCode, type FieldProblem, type Locale } from '@entry/shared';
import { siteProblemMessage } from './user-error-message';

/** A payload's userError as the API sends it. */
export interface UserErrorLike {
  readonly field?: readonly string[] | null;
  readonly code: string;
  readonly message: string;
  /** the values the message is worded with (max, minutes, reason, ...) */
  readonly params?: readonly { readonly name: string; readonly value: string }[] | null;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a form shows: messages under fields, and the rest in an alert above the form. */
export interface SortedErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string[];
}

const USER_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(UserErrorCode));

/**
 * The userError as the problem the shared tables word, with its params; null for a code this
 * version of the app does not know (the server's own message is shown then).
 */
export function problemOf(error: UserErrorLike): FieldProblem | null {
  if (!USER_ERROR_CODES.has(error.code)) return null;
  const params: Record<string, string | number> = {};
  for (const { name, value } of error.params ?? []) {
    // the tables put numbers into the words as they are: "12" and 12 read the same
    params[name] = value;
  }
  return { field: error.field ?? [], code: error.code as UserErrorCode, params };
}

/**
 * The words for a userError in the interface's language (the server answers in the person's
 * profile language, which may differ): the shared table's, worded from its code and params.
 */
export function userErrorText(error: UserErrorLike, locale: Locale): string {
  const problem = problemOf(error);
  return problem ? wordedOrServers(problem, error, locale) : error.message;
}

/**
 * The shared words for the problem, unless they need a value the answer lacks (a selection
 * without params): then the server's own message, which has it.
 */
export function wordedOrServers(
  problem: FieldProblem,
  error: UserErrorLike,
  locale: Locale,
): string {
  // a weak password's advice depends on its reason
  if (problem.code === UserErrorCode.WEAK_PASSWORD && !problem.params?.['reason'])
    return error.message;
  const text = siteProblemMessage(problem, locale);
  return /\{\w+\}/.test(text) ? error.message : text;
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
 * `wording`: a feature's own words for its errors (site-errors.ts), else userErrorText.
 */
export function sortUserErrors<F extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly F[],
  locale: Locale,
  wording: (error: UserErrorLike, locale: Locale) => string = userErrorText,
): SortedErrors<F> {
  const sorted: SortedErrors<F> = { fields: {}, form: [] };
  for (const error of errors) {
    const name = fieldNameOf(error.field);
    const text = wording(error, locale);
    if (name && (fields as readonly string[]).includes(name)) {
      const field = name as F;
      sorted.fields[field] ??= text;
    } else if (!sorted.form.includes(text)) {
      sorted.form.push(text);
    }
  }
  return sorted;
}

/**
 * Client-side problems (the shared validators) as field messages, in the same words as the
 * server: a problem with a reason (params.reason) in the words of its reason; `wording`: a
 * feature's own words (a form that loads them, e.g. the move dates' lifecycle words).
 */
export function problemsToFieldErrors<F extends string>(
  problems: readonly FieldProblem[],
  fields: readonly F[],
  locale: Locale,
  wording: (problem: FieldProblem, locale: Locale) => string = siteProblemMessage,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const problem of problems) {
    const name = fieldNameOf(problem.field);
    if (name && (fields as readonly string[]).includes(name)) {
      errors[name as F] ??= wording(problem, locale);
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
