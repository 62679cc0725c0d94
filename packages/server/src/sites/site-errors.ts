import {
  siteProblemMessage,
  UserErrorCode,
  type FieldProblem,
  type Locale,
  type SiteProblemReason,
} from '@entry/shared';
import type { UserError } from '../common/common.types';
import { UserInputProblem } from '../common/user-errors';

export function siteUserErrors(problems: readonly FieldProblem[], locale: Locale): UserError[] {
  return problems.map((problem) => ({
    field: [...problem.field],
    code: problem.code,
    message: siteProblemMessage(problem, locale),
  }));
}

/**
 * attempt() for the sites feature: the same split into value or userErrors, with the sites'
 * more precise words (a taken site name, a duplicate line of a CSV file, ...).
 */
export async function attemptSites<T>(
  locale: Locale,
  work: () => Promise<T>,
): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await work(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputProblem)
      return { value: null, userErrors: siteUserErrors(error.problems, locale) };
    throw error;
  }
}

export function notFound(field: readonly string[]): UserInputProblem {
  return UserInputProblem.of(field, UserErrorCode.NOT_FOUND);
}

export function problem(
  field: readonly string[],
  code: UserErrorCode,
  reason: SiteProblemReason,
  params: Record<string, string | number> = {},
): UserInputProblem {
  return UserInputProblem.of(field, code, { ...params, reason });
}
