import type { AccessLevelCode } from './access-levels';
import { isApiScope, levelMayGrantScope } from './api-scopes';
import { UserErrorCode } from './error-codes';
import { requiredText } from './sites';
import type { FieldProblem } from './user-errors';
import { LIMITS } from './validation';

/** What a person fills in to create an API key (the form and createApiKey alike). */
export interface ApiKeyInput {
  readonly name: string;
  readonly scopes: readonly string[];
  /** omitted (null): every site of the company */
  readonly siteIds?: readonly string[] | null;
  readonly expiresAt?: Date | null;
}

/** How long a rotated key's old secret keeps working when nobody says (contract: 24 hours). */
export const API_KEY_DEFAULT_OVERLAP_HOURS = 24;

/**
 * The problems of a new key's input, for a person at `level`, on input.name, input.scopes,
 * input.siteIds and input.expiresAt. Whether the sites are the company's is the server's part.
 */
export function apiKeyInputProblems(
  input: ApiKeyInput,
  level: AccessLevelCode,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  requiredText(problems, ['input', 'name'], input.name.trim(), LIMITS.apiKeyName);
  if (input.scopes.length === 0) {
    problems.push({ field: ['input', 'scopes'], code: UserErrorCode.REQUIRED });
  } else if (!input.scopes.every(isApiScope)) {
    problems.push({ field: ['input', 'scopes'], code: UserErrorCode.INVALID });
  } else if (
    !input.scopes.every((scope) => isApiScope(scope) && levelMayGrantScope(level, scope))
  ) {
    problems.push({ field: ['input', 'scopes'], code: UserErrorCode.FORBIDDEN_SCOPE });
  }
  // A key limited to no site at all could do nothing: say so rather than create it.
  if (input.siteIds && input.siteIds.length === 0)
    problems.push({ field: ['input', 'siteIds'], code: UserErrorCode.REQUIRED });
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime())
    problems.push({ field: ['input', 'expiresAt'], code: UserErrorCode.INVALID });
  return problems;
}

/** The overlap of a rotation in hours (default 24), or null when it is out of range (0 to 168). */
export function apiKeyOverlapHours(value: number | null | undefined): number | null {
  const hours = value ?? API_KEY_DEFAULT_OVERLAP_HOURS;
  return Number.isInteger(hours) && hours >= 0 && hours <= LIMITS.apiKeyOverlapHoursMax
    ? hours
    : null;
}
