/** `extensions.code` of GraphQL errors: the request as a whole was refused. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  BILLING_SETUP_REQUIRED: 'BILLING_SETUP_REQUIRED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** `code` of a payload's userErrors: something the person can fix in the form. */
export const UserErrorCode = {
  INVALID: 'INVALID',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  TAKEN: 'TAKEN',
  NOT_FOUND: 'NOT_FOUND',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  LAST_PAYMENT_ADMIN: 'LAST_PAYMENT_ADMIN',
} as const;
export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];
