import { Secret, TOTP } from 'otpauth';
import { matchingTotpStep, newTotpSecret, totpStep, totpUri } from './totp';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") and one of its test times
const RFC_SECRET = Secret.fromUTF8('12345678901234567890').base32;
const RFC_TIME = new Date(1111111109 * 1000);

describe('TOTP', () => {
  it("should accept RFC 6238's own test vector (SHA-1, 6 digits, 30 s)", () => {
    // the RFC prints 8 digits (07081804, 89005924); an app shows the last 6
    expect(matchingTotpStep(RFC_SECRET, '081804', RFC_TIME)).toBe(totpStep(RFC_TIME));
    const later = new Date(1234567890 * 1000);
    expect(matchingTotpStep(RFC_SECRET, '005924', later)).toBe(totpStep(later));
  });

  it('should accept one step of drift either way and refuse two', () => {
    const secret = newTotpSecret();
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    const now = new Date(1_800_000_015_000);
    const codeAt = (steps: number) => app.generate({ timestamp: now.getTime() + steps * 30_000 });
    const step = totpStep(now);
    expect(matchingTotpStep(secret, codeAt(0), now)).toBe(step);
    expect(matchingTotpStep(secret, codeAt(-1), now)).toBe(step - 1);
    expect(matchingTotpStep(secret, codeAt(1), now)).toBe(step + 1);
    for (const far of [-2, 2]) {
      const code = codeAt(far);
      // a far code that happens to equal a near one is a coincidence of 6 digits, not drift
      if ([-1, 0, 1].some((near) => codeAt(near) === code)) continue;
      expect(matchingTotpStep(secret, code, now)).toBeNull();
    }
  });

  it('should give a 160-bit secret and an otpauth URI that apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'daisy@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Entry Portal:daisy@example.com');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret,
      issuer: 'Entry Portal',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
