import { WEBHOOK_URL_MAX, webhookUrlShapeProblem } from './webhooks';

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
