import { UserErrorCode } from './error-codes';
import { LIMITS } from './validation';
import type { WebhookUrlProblem } from './webhooks';

/**
 * A problem with one input field, as the server puts it in `userErrors` and the web app shows it
 * under the field. Both sides turn it into words with `userErrorMessage`, so the form and the API
 * say the same thing in the same language.
 */
export interface FieldProblem {
  /** path to the input field, e.g. ['input', 'email'] */
  readonly field: readonly string[];
  readonly code: UserErrorCode;
  /** values for the message: max, min, minutes, reason */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Why a password is refused; each has its own advice. */
export type WeakPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'PERSONAL' | 'REPEATED';

/**
 * The words of user errors in one language (user-error-words/<lng>.ts). Worded by wordUserError;
 * the server words in every language (problem-messages.ts), the web app loads only the one it
 * shows.
 */
export interface UserErrorWords {
  /** the message of each code */
  readonly codes: Readonly<Record<UserErrorCode, string>>;
  /** more precise words for a code on a particular field (the last element of its path) */
  readonly fields: Readonly<Record<string, Partial<Record<UserErrorCode, string>>>>;
  /** why a webhook endpoint's URL is refused: INVALID on `url` with params.reason */
  readonly webhookUrl: Readonly<Record<WebhookUrlProblem, string>>;
  /** why a password is refused: WEAK_PASSWORD with params.reason, each with its own advice */
  readonly weakPassword: Readonly<Record<WeakPasswordReason, string>>;
}

/** The limits some fields' words name, for answers that carry no params (rotateApiKey's). */
const FIELD_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  overlapHours: { max: LIMITS.apiKeyOverlapHoursMax },
};

/** Puts `{name}` values into a message template; a name without a value stays as written. */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The problem in the words given: the most precise ones its field and params allow. */
export function wordUserError(problem: FieldProblem, words: UserErrorWords): string {
  if (problem.code === UserErrorCode.WEAK_PASSWORD) {
    const reason = problem.params?.['reason'] as WeakPasswordReason | undefined;
    if (reason && reason in words.weakPassword)
      return fill(words.weakPassword[reason], problem.params);
  }
  // a list's item (["input", "billingEmails", "2"]) is worded as its list
  const fieldName = [...problem.field].reverse().find((part) => !/^\d+$/.test(part)) ?? '';
  if (fieldName === 'url' && problem.code === UserErrorCode.INVALID) {
    const reason = problem.params?.['reason'] as WebhookUrlProblem | undefined;
    if (reason && reason in words.webhookUrl)
      return fill(words.webhookUrl[reason], { max: LIMITS.webhookUrl, ...problem.params });
  }
  // an address under another name (recipientEmail) gets the email field's advice
  const wordsOf =
    words.fields[fieldName] ?? (/Email$/.test(fieldName) ? words.fields['email'] : undefined);
  const specific = wordsOf?.[problem.code];
  return fill(specific ?? words.codes[problem.code], {
    ...FIELD_LIMITS[fieldName],
    ...problem.params,
  });
}
