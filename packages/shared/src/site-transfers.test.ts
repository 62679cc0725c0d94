import { SUPPORTED_LOCALES } from './locales';
import {
  normalizeSiteTransferInput,
  SiteTransferProblemReason,
  utcDay,
  validateSiteTransferInput,
  validateTransferReason,
} from './site-transfers';
import { siteTransferProblemMessage } from './site-transfer-words';

describe('site transfer rules', () => {
  it('should trim and lower-case the address and keep the note’s line breaks when normalized', () => {
    expect(
      normalizeSiteTransferInput({
        siteId: ' 1 ',
        recipientEmail: '  Manager@Example.COM ',
        message: '\r\n Hello,\r\nthe keys are in the box. \n',
      }),
    ).toEqual({
      siteId: '1',
      recipientEmail: 'manager@example.com',
      message: 'Hello,\nthe keys are in the box.',
    });
    expect(
      normalizeSiteTransferInput({ siteId: 'x', recipientEmail: 'a@b.se', message: '   ' }),
    ).toMatchObject({ message: null });
  });

  it('should report every problem of a request at once', () => {
    expect(
      validateSiteTransferInput({ siteId: '', recipientEmail: 'nope', message: 'x'.repeat(1001) }),
    ).toEqual([
      { field: ['input', 'siteId'], code: 'REQUIRED' },
      { field: ['input', 'recipientEmail'], code: 'INVALID' },
      { field: ['input', 'message'], code: 'TOO_LONG', params: { max: 1000 } },
    ]);
    expect(
      validateSiteTransferInput({ siteId: 's', recipientEmail: 'a@b.se', message: null }),
    ).toEqual([]);
    expect(validateTransferReason('x'.repeat(1000))).toEqual([]);
    expect(validateTransferReason('x'.repeat(1001))).toHaveLength(1);
  });

  it('should take the UTC day of an instant as the effective date', () => {
    expect(utcDay(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(utcDay(new Date('2026-12-01T00:30:00+01:00'))).toBe('2026-11-30');
  });

  it('should word every reason in every language with its values filled in', () => {
    for (const reason of Object.values(SiteTransferProblemReason))
      for (const locale of SUPPORTED_LOCALES) {
        const message = siteTransferProblemMessage(
          { field: ['id'], code: 'INVALID_STATE', params: { reason, days: 7 } },
          locale,
        );
        expect([reason, locale, message && !message.includes('{')]).toEqual([reason, locale, true]);
      }
    expect(siteTransferProblemMessage({ field: ['id'], code: 'INVALID_STATE' }, 'en')).toBeNull();
  });
});
