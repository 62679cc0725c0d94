import { UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';

/** The wait as the THROTTLED message words it: whole minutes, at least one. */
export function waitMinutes(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

/** THROTTLED with the wait in minutes (sign-in, registration, invitations). */
export function throttledProblem(field: readonly string[], waitMs: number): UserInputProblem {
  return UserInputProblem.of(field, UserErrorCode.THROTTLED, { minutes: waitMinutes(waitMs) });
}
