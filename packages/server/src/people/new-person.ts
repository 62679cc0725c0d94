import { personKeys } from './person-keys';

/**
 * The columns every new person starts with, registered or invited: their names with the folded
 * keys beside them, and no password yet (they choose one when approved or when accepting).
 */
export function newPersonColumns(
  names: { firstName: string; lastName: string; email: string },
  now: Date,
) {
  return {
    ...names,
    ...personKeys(names),
    passwordHash: null,
    mustChangePassword: false,
    temporaryPasswordExpiresAt: null,
    temporaryPasswordUsedAt: null,
    passwordChangedAt: null,
    createdAt: now,
    updatedAt: now,
    disabledAt: null,
  };
}
