/** `extensions.code` of GraphQL errors: the request as a whole was refused. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /**
   * the company (or, for operators, OPERATOR_REQUIRE_MFA) requires two-factor sign-in and this
   * person has not set it up: only me, startTotpEnrollment, confirmTotpEnrollment and signOut work
   */
  MFA_ENROLLMENT_REQUIRED: 'MFA_ENROLLMENT_REQUIRED',
  BILLING_SETUP_REQUIRED: 'BILLING_SETUP_REQUIRED',
  /**
   * the company is suspended (an invoice unpaid 14 days after its due date): createSite,
   * addEntryUser, importEntryUsers and invitePerson are refused until nothing is overdue;
   * everything else, paying first, keeps working
   */
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Refused before execution (src/graphql/limits.ts): extensions.max is the limit and
  // extensions.actual what the query needs (tokens: counting stops past the limit).
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** the query could return more objects than allowed: smaller pages (`first`) or fewer nested lists */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** HTTP 413: the request body is larger than the server accepts (extensions.maxBytes) */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** HTTP 400: the JSON body nests arrays and objects deeper than allowed (extensions.maxDepth) */
  JSON_TOO_DEEP: 'JSON_TOO_DEEP',
  /** FORBIDDEN for an API key: none of its scopes reaches the field (see ApiScope) */
  API_KEY_SCOPE: 'API_KEY_SCOPE',
  /** HTTP 429: an API key made more requests this minute than allowed (extensions.limit, retryAfter seconds) */
  RATE_LIMITED: 'RATE_LIMITED',
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
  /** sign-in: wrong email or wrong password (deliberately the same answer) */
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** too many attempts: params.minutes says when to try again */
  THROTTLED: 'THROTTLED',
  /** an emailed link or temporary password that is unknown, used, voided or expired */
  INVALID_TOKEN: 'INVALID_TOKEN',
  /** changePassword: the current password is wrong */
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  /** the thing exists but is not in a state that allows this (e.g. approving a rejected company) */
  INVALID_STATE: 'INVALID_STATE',
  /** the payment provider refused the card (declined, expired, …) */
  CARD_REFUSED: 'CARD_REFUSED',
  /** the invoice is paid already: never a second charge */
  ALREADY_PAID: 'ALREADY_PAID',
  /** a payment of this invoice is being processed; its outcome comes shortly */
  PAYMENT_PENDING: 'PAYMENT_PENDING',
  /** the payment provider cannot be reached right now; nothing was charged twice, try again */
  PAYMENT_UNAVAILABLE: 'PAYMENT_UNAVAILABLE',
  /** createApiKey: only a payment admin may give a key INVOICES_READ */
  FORBIDDEN_SCOPE: 'FORBIDDEN_SCOPE',
  /** a webhook endpoint: only a payment admin may subscribe to INVOICE_* events */
  FORBIDDEN_EVENT: 'FORBIDDEN_EVENT',
  /** the company holds as many of these as it may (params.max): remove one first */
  LIMIT_REACHED: 'LIMIT_REACHED',
  /** a two-factor code (authenticator app or recovery code) that is wrong, malformed or used already */
  INVALID_CODE: 'INVALID_CODE',
  /** verifyMfa: the sign-in's challenge expired (5 minutes), took 5 wrong codes or was used */
  MFA_CHALLENGE_EXPIRED: 'MFA_CHALLENGE_EXPIRED',
  /** disableTotp: the company (or OPERATOR_REQUIRE_MFA) requires two-factor sign-in */
  MFA_REQUIRED: 'MFA_REQUIRED',
  /** startTotpEnrollment, confirmTotpEnrollment: two-factor sign-in is on already */
  MFA_ALREADY_ENABLED: 'MFA_ALREADY_ENABLED',
  /** disableTotp, regenerateRecoveryCodes: two-factor sign-in is not on */
  MFA_NOT_ENABLED: 'MFA_NOT_ENABLED',
  /** confirmTotpEnrollment without startTotpEnrollment first */
  MFA_ENROLLMENT_NOT_STARTED: 'MFA_ENROLLMENT_NOT_STARTED',
  /** requestSiteTransfer: the address belongs to someone of the sender's own company */
  SAME_COMPANY: 'SAME_COMPANY',
} as const;
export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];
