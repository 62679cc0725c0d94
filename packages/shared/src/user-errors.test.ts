import { UserErrorCode } from './error-codes';
import { SUPPORTED_LOCALES } from './locales';
import { userErrorMessage } from './problem-messages';
import type { FieldProblem } from './user-errors';

describe('the words for the API key and webhook endpoint forms', () => {
  const generic = (code: UserErrorCode) =>
    userErrorMessage({ field: ['input', 'name'], code }, 'en');

  it.each<FieldProblem>([
    { field: ['input', 'scopes'], code: UserErrorCode.REQUIRED },
    { field: ['input', 'events'], code: UserErrorCode.REQUIRED },
    { field: ['input', 'expiresAt'], code: UserErrorCode.INVALID },
    { field: ['overlapHours'], code: UserErrorCode.INVALID },
  ])('should say what to do about $field.1 $code in every language', (problem) => {
    const messages = SUPPORTED_LOCALES.map((locale) => userErrorMessage(problem, locale));
    expect(new Set(messages).size).toBe(SUPPORTED_LOCALES.length);
    for (const message of messages) expect(message).not.toMatch(/\{\w+\}/);
    expect(messages[0]).not.toBe(generic(problem.code));
  });

  it('should name the longest overlap when the answer carries no params', () => {
    expect(userErrorMessage({ field: ['overlapHours'], code: UserErrorCode.INVALID }, 'en')).toBe(
      'Enter a whole number of hours from 0 to 168.',
    );
  });
});
