import { describe, expect, it } from 'vitest';
import {
  canManagePeople,
  grantableLevels,
  personActions,
  type PolicyViewer,
} from '../people-policy';

const paymentAdmin: PolicyViewer = { id: 'me', level: 'PAYMENT_ADMIN' };
const systemAdmin: PolicyViewer = { id: 'me', level: 'SYSTEM_ADMIN' };
const siteAdmin: PolicyViewer = { id: 'me', level: 'SITE_ADMIN' };

const shown = (actions: ReturnType<typeof personActions>) =>
  Object.entries(actions)
    .filter(([, allowed]) => allowed)
    .map(([name]) => name);

describe('people policy', () => {
  it('should let payment and system admins manage people but not site admins', () => {
    expect(canManagePeople('PAYMENT_ADMIN')).toBe(true);
    expect(canManagePeople('SYSTEM_ADMIN')).toBe(true);
    expect(canManagePeople('SITE_ADMIN')).toBe(false);
    expect(canManagePeople(null)).toBe(false);
  });

  it('should offer Payment admin only to someone with payment rights when levels are listed', () => {
    expect(grantableLevels('PAYMENT_ADMIN')).toEqual([
      'PAYMENT_ADMIN',
      'SYSTEM_ADMIN',
      'SITE_ADMIN',
    ]);
    expect(grantableLevels('SYSTEM_ADMIN')).toEqual(['SYSTEM_ADMIN', 'SITE_ADMIN']);
    expect(grantableLevels('SITE_ADMIN')).toEqual([]);
  });

  it('should show no buttons at all when the viewer is a site admin', () => {
    expect(
      shown(personActions(siteAdmin, { id: 'x', level: 'SITE_ADMIN', status: 'INVITED' })),
    ).toEqual([]);
    expect(shown(personActions(null, { id: 'x', level: 'SITE_ADMIN', status: 'ACTIVE' }))).toEqual(
      [],
    );
  });

  it('should let nobody change their own level, disable or remove themselves when it is their own row', () => {
    expect(
      shown(personActions(paymentAdmin, { id: 'me', level: 'PAYMENT_ADMIN', status: 'ACTIVE' })),
    ).toEqual(['edit']);
    expect(
      shown(personActions(systemAdmin, { id: 'me', level: 'SYSTEM_ADMIN', status: 'ACTIVE' })),
    ).toEqual(['edit']);
  });

  it("should keep a system admin's hands off a payment admin's name, level, status and membership", () => {
    expect(
      shown(personActions(systemAdmin, { id: 'p', level: 'PAYMENT_ADMIN', status: 'ACTIVE' })),
    ).toEqual([]);
    expect(
      shown(personActions(paymentAdmin, { id: 'p', level: 'PAYMENT_ADMIN', status: 'ACTIVE' })),
    ).toEqual(['edit', 'changeLevel', 'disable', 'remove']);
  });

  it('should offer resend and revoke for an invitation, enable for a disabled person', () => {
    expect(
      shown(personActions(systemAdmin, { id: 'i', level: 'SITE_ADMIN', status: 'INVITED' })),
    ).toEqual(['edit', 'changeLevel', 'resendInvitation', 'remove']);
    expect(
      shown(personActions(systemAdmin, { id: 'd', level: 'SYSTEM_ADMIN', status: 'DISABLED' })),
    ).toEqual(['edit', 'changeLevel', 'enable', 'remove']);
  });
});
