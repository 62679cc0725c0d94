import { UserErrorCode, type SiteTransferProblemReason } from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';

/**
 * A transfer that is not in a state for this: INVALID_STATE on `field`, with the reason that picks
 * its words (shared site-transfer-words.ts) and the values they name.
 */
export function transferStateProblem(
  field: readonly string[],
  reason: SiteTransferProblemReason,
  params: Record<string, string | number> = {},
): UserInputProblem {
  return UserInputProblem.of(field, UserErrorCode.INVALID_STATE, { ...params, reason });
}
