import { WEBHOOK_URL_MAX, webhookUrlShapeProblem } from './webhooks';
import { UserErrorCode } from './error-codes';
import { SUPPORTED_LOCALES } from './locales';
import { userErrorMessage } from './problem-messages';
import { webhookEndpointInputProblems } from './webhook-events';

describe('webhookUrlShapeProblem', () => {
  const lenient = { requireHttps: false };
  const strict = { requireHttps: true };

  it.each([
    ['https://hooks.example.com/entry', strict],
    ['https://hooks.example.com:8443/entry?tenant=7#ignored', strict],
    ['http://receiver.internal/hook', lenient],
    ['https://[2001:db8::1]/hook', strict],
  ] as const)('should accept %s when the rules are %p', (url, rules) => {
    expect(webhookUrlShapeProblem(url, rules)).toBeNull();
  });

  it.each([
    ['not a url', lenient, 'INVALID_URL'],
    ['', lenient, 'INVALID_URL'],
    ['hooks.example.com/entry', lenient, 'INVALID_URL'],
    ['ftp://hooks.example.com/entry', lenient, 'INVALID_URL'],
    ['javascript:alert(1)', lenient, 'INVALID_URL'],
    ['file:///etc/passwd', lenient, 'INVALID_URL'],
    ['https://exa mple.com/', lenient, 'INVALID_URL'],
    ['http://hooks.example.com/entry', strict, 'HTTPS_REQUIRED'],
    ['https://user:secret@hooks.example.com/entry', strict, 'CREDENTIALS_IN_URL'],
    ['https://token@hooks.example.com/entry', strict, 'CREDENTIALS_IN_URL'],
    ['http://user:secret@hooks.example.com/entry', strict, 'CREDENTIALS_IN_URL'],
  ] as const)('should refuse %p when the rules are %p with %s', (url, rules, problem) => {
    expect(webhookUrlShapeProblem(url, rules)).toBe(problem);
  });

  it('should accept a URL of exactly the maximum length and refuse one character more', () => {
    const base = 'https://hooks.example.com/';
    const longest = base + 'a'.repeat(WEBHOOK_URL_MAX - base.length);
    expect(webhookUrlShapeProblem(longest, strict)).toBeNull();
    expect(webhookUrlShapeProblem(`${longest}a`, strict)).toBe('TOO_LONG');
  });
});

describe('the words for a refused endpoint URL', () => {
  const reasons = [
    'INVALID_URL',
    'HTTPS_REQUIRED',
    'CREDENTIALS_IN_URL',
    'TOO_LONG',
    'PRIVATE_ADDRESS',
  ];
  it.each(reasons)('should say why %s in every language, with no placeholder left', (reason) => {
    const messages = SUPPORTED_LOCALES.map((locale) =>
      userErrorMessage(
        { field: ['input', 'url'], code: UserErrorCode.INVALID, params: { reason } },
        locale,
      ),
    );
    expect(new Set(messages).size).toBe(SUPPORTED_LOCALES.length);
    for (const message of messages) expect(message).not.toMatch(/\{\w+\}/);
    expect(messages[0]).not.toBe(
      userErrorMessage({ field: ['input', 'name'], code: UserErrorCode.INVALID }, 'en'),
    );
  });

  it('should judge the URL in the same check as the events, so a form shows every problem at once', () => {
    const problems = webhookEndpointInputProblems(
      { url: 'http://erp.example.com/hooks', events: [] },
      'SYSTEM_ADMIN',
      { requireHttps: true },
    );
    expect(problems).toEqual([
      { field: ['input', 'url'], code: 'INVALID', params: { reason: 'HTTPS_REQUIRED' } },
      { field: ['input', 'events'], code: 'REQUIRED' },
    ]);
    expect(
      webhookEndpointInputProblems({ url: ' ', events: ['SITE_CREATED'] }, 'SYSTEM_ADMIN', {
        requireHttps: false,
      }),
    ).toEqual([{ field: ['input', 'url'], code: 'REQUIRED' }]);
  });
});
