import { UserErrorCode, type SiteProblemReason } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';

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
