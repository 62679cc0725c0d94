import { ACCESS_LEVEL_CODES, type AccessLevelCode } from './access-levels';
import { UserErrorCode } from './error-codes';
import { isLocale } from './locales';
import type { FieldProblem } from './user-errors';
import { isValidEmail, LIMITS } from './validation';

/** The "Add new person" form of the French note, field by field (InvitePersonInput). */
export interface PersonInput {
  firstName: string;
  lastName: string;
  email: string;
  accessLevel: string;
  siteIds?: readonly string[] | null;
  locale?: string | null;
}

function name(
  problems: FieldProblem[],
  field: 'firstName' | 'lastName',
  value: string | null | undefined,
  required: boolean,
): void {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required || value !== undefined)
      problems.push({ field: ['input', field], code: UserErrorCode.REQUIRED });
  } else if (trimmed.length > LIMITS.personName) {
    problems.push({
      field: ['input', field],
      code: UserErrorCode.TOO_LONG,
      params: { max: LIMITS.personName },
    });
  }
}

/** A site admin manages only the sites given to them: at least one (there is no upper limit). */
function sitesForLevel(
  problems: FieldProblem[],
  level: string | undefined,
  siteCount: number,
): void {
  if (level === 'SITE_ADMIN' && siteCount === 0) {
    problems.push({ field: ['input', 'siteIds'], code: UserErrorCode.REQUIRED });
  }
}

export function validateInvitation(input: PersonInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  name(problems, 'firstName', input.firstName, true);
  name(problems, 'lastName', input.lastName, true);
  if (!input.email.trim())
    problems.push({ field: ['input', 'email'], code: UserErrorCode.REQUIRED });
  else if (!isValidEmail(input.email))
    problems.push({ field: ['input', 'email'], code: UserErrorCode.INVALID });
  if (!ACCESS_LEVEL_CODES.includes(input.accessLevel as AccessLevelCode)) {
    problems.push({ field: ['input', 'accessLevel'], code: UserErrorCode.INVALID });
  }
  sitesForLevel(problems, input.accessLevel, input.siteIds?.length ?? 0);
  if (input.locale && !isLocale(input.locale))
    problems.push({ field: ['input', 'locale'], code: UserErrorCode.INVALID });
  return problems;
}

export interface PersonUpdate {
  firstName?: string | null;
  lastName?: string | null;
  accessLevel?: string | null;
  siteIds?: readonly string[] | null;
}

/**
 * An edit of a colleague. `currentLevel` decides whether sites are needed: a person who stays or
 * becomes a site admin must keep at least one site when the sites are replaced.
 */
export function validatePersonUpdate(
  input: PersonUpdate,
  currentLevel: string,
  currentSiteCount: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.firstName !== undefined && input.firstName !== null)
    name(problems, 'firstName', input.firstName, true);
  if (input.lastName !== undefined && input.lastName !== null)
    name(problems, 'lastName', input.lastName, true);
  if (input.accessLevel && !ACCESS_LEVEL_CODES.includes(input.accessLevel as AccessLevelCode)) {
    problems.push({ field: ['input', 'accessLevel'], code: UserErrorCode.INVALID });
  }
  const level = input.accessLevel ?? currentLevel;
  // Sites are replaced when given; otherwise a site admin keeps theirs (others have none).
  const kept = level === currentLevel ? currentSiteCount : 0;
  sitesForLevel(problems, level, input.siteIds ? input.siteIds.length : kept);
  return problems;
}
