import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('should open what it sealed, and seal the same secret differently each time (a fresh IV)', () => {
    const first = box.seal('JBSWY3DPEHPK3PXP', 'totp person p1');
    const second = box.seal('JBSWY3DPEHPK3PXP', 'totp person p1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(box.open(first, 'totp person p1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.open(second, 'totp person p1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('should refuse to open a value sealed for another owner, under another key, or altered', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp person p1');
    expect(() => box.open(sealed, 'totp person p2')).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'totp person p1')).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 20]! ^= 1;
    expect(() => box.open(`v1.${bytes.toString('base64url')}`, 'totp person p1')).toThrow();
  });

  it('should hash with its key: the same value gives the same hash, another key another one', () => {
    expect(box.keyedHash('K7QM2XRT9PZD')).toBe(box.keyedHash('K7QM2XRT9PZD'));
    expect(box.keyedHash('K7QM2XRT9PZD')).toMatch(/^[0-9a-f]{64}$/);
    expect(createSecretBox(randomBytes(32)).keyedHash('K7QM2XRT9PZD')).not.toBe(
      box.keyedHash('K7QM2XRT9PZD'),
    );
  });
});
