import { UserErrorCode } from './error-codes';
import { optionalMax } from './sites';
import type { FieldProblem } from './user-errors';
import { isValidEmail, LIMITS, normalizeEmail } from './validation';

/**
 * Site transfers (issue 17): a company hands a site with its Entry app users to another company.
 * The rules both sides need: how long a request waits, how long an operator may undo one, and the
 * request and decline forms.
 */

/**
 * Why a transfer operation refused, in `params.reason` of an INVALID_STATE userError (the code
 * stays a common one that apps branch on; the reason picks the words: site-transfer-words.ts).
 */
export const SiteTransferProblemReason = {
  /** requestSiteTransfer: the site already has a pending transfer */
  TRANSFER_PENDING: 'TRANSFER_PENDING',
  /** accept, decline, cancel: the transfer is no longer pending (decided, cancelled or expired) */
  TRANSFER_NOT_PENDING: 'TRANSFER_NOT_PENDING',
  /** undoSiteTransfer: not an accepted transfer within its undo days (params.days), or undone already */
  TRANSFER_NOT_UNDOABLE: 'TRANSFER_NOT_UNDOABLE',
  /** undoSiteTransfer: the receiver no longer holds the site (it was transferred on) */
  TRANSFER_SITE_MOVED_ON: 'TRANSFER_SITE_MOVED_ON',
} as const;
export type SiteTransferProblemReason =
  (typeof SiteTransferProblemReason)[keyof typeof SiteTransferProblemReason];

/** A pending transfer expires this many days after it was asked for. */
export const SITE_TRANSFER_EXPIRY_DAYS = 14;

/** An operator may undo an accepted transfer this many days after its acceptance. */
export const SITE_TRANSFER_UNDO_DAYS = 7;

/** The sender's note to the recipient, and a decline's or an undo's reason: a few paragraphs. */
export const SITE_TRANSFER_TEXT_MAX = 1000;

/** requestSiteTransfer's input, as the form and the API send it. */
export interface SiteTransferRequestInput {
  siteId: string;
  recipientEmail: string;
  message?: string | null;
}

/** A note: trimmed, its line breaks kept (it is shown as written), blank as nothing. */
export function normalizeTransferText(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\r\n?/g, '\n').trim();
  return trimmed ? trimmed : null;
}

export function normalizeSiteTransferInput(
  input: SiteTransferRequestInput,
): SiteTransferRequestInput {
  return {
    siteId: input.siteId.trim(),
    recipientEmail: normalizeEmail(input.recipientEmail),
    message: normalizeTransferText(input.message),
  };
}

/** Every problem of a (normalized) request at once; who the address belongs to is the server's. */
export function validateSiteTransferInput(input: SiteTransferRequestInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const email = ['input', 'recipientEmail'];
  if (!input.siteId) problems.push({ field: ['input', 'siteId'], code: UserErrorCode.REQUIRED });
  if (!input.recipientEmail) problems.push({ field: email, code: UserErrorCode.REQUIRED });
  else if (input.recipientEmail.length > LIMITS.email)
    problems.push({ field: email, code: UserErrorCode.TOO_LONG, params: { max: LIMITS.email } });
  else if (!isValidEmail(input.recipientEmail))
    problems.push({ field: email, code: UserErrorCode.INVALID });
  optionalMax(problems, ['input', 'message'], input.message, SITE_TRANSFER_TEXT_MAX);
  return problems;
}

/** A decline's (or an undo's) reason: optional, at most SITE_TRANSFER_TEXT_MAX characters. */
export function validateTransferReason(reason: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  optionalMax(problems, ['reason'], reason, SITE_TRANSFER_TEXT_MAX);
  return problems;
}

/** The UTC day (YYYY-MM-DD) of an instant: a transfer's effective date is its acceptance's. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
