import {
  siteProblemMessage,
  type FieldProblem,
  type Locale,
  type UserErrorCode,
} from '@entry/shared';
import type { UserError } from './common.types';

/**
 * A problem the person can fix, turned into the payload's words in their language, with the
 * values those words use (so an app can word it itself). siteProblemMessage is the most precise
 * wording there is: a site problem's reason (a taken site name, a duplicate line of a CSV file)
 * when it has one, else the code's words (userErrorMessage); no other problem carries such a reason.
 */
export function toUserError(problem: FieldProblem, locale: Locale): UserError {
  return {
    field: [...problem.field],
    code: problem.code,
    message: siteProblemMessage(problem, locale),
    params: Object.entries(problem.params ?? {}).map(([name, value]) => ({
      name,
      value: String(value),
    })),
  };
}

export function toUserErrors(problems: readonly FieldProblem[], locale: Locale): UserError[] {
  return problems.map((problem) => toUserError(problem, locale));
}

/**
 * Thrown inside a transaction to abandon it with user errors: nothing is half-written, and the
 * resolver turns it into the payload's userErrors.
 */
export class UserInputProblem extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.field.join('.')}: ${problem.code}`).join(', '));
    this.name = 'UserInputProblem';
  }

  static of(
    field: readonly string[],
    code: UserErrorCode,
    params?: FieldProblem['params'],
  ): UserInputProblem {
    return new UserInputProblem([{ field, code, ...(params ? { params } : {}) }]);
  }
}

/**
 * Runs a mutation's work and sorts its outcome into the payload's two halves: the value, or the
 * user errors of a UserInputProblem (anything else is a real error and propagates).
 */
export async function attempt<T>(
  locale: Locale,
  work: () => Promise<T>,
): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await work(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputProblem)
      return { value: null, userErrors: toUserErrors(error.problems, locale) };
    throw error;
  }
}

/**
 * attempt() as a mutation's payload: the value under the payload's field (`site`, `person`,
 * `deletedId`), beside the userErrors.
 */
export async function payload<F extends string, T>(
  locale: Locale,
  field: F,
  work: () => Promise<T>,
): Promise<{ [K in F]: T | null } & { userErrors: UserError[] }> {
  const { value, userErrors } = await attempt(locale, work);
  return { [field]: value, userErrors } as { [K in F]: T | null } & { userErrors: UserError[] };
}

/** A userError as the REST routes answer it: the shape they have always had, without params. */
export type RestUserError = Omit<UserError, 'params'>;

/** The REST routes' userErrors (their clients compare the whole object: params stay GraphQL's). */
export function toRestUserErrors(
  problems: readonly FieldProblem[],
  locale: Locale,
): RestUserError[] {
  return toUserErrors(problems, locale).map(({ params: _params, ...error }) => error);
}
