import { SUPPORTED_LOCALES } from '@entry/shared';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../../test/i18n';
import {
  AUDIT_KINDS,
  auditFieldLabel,
  auditKindLabel,
  auditValueText,
  isKnownKind,
  isPortalKind,
} from '../audit-kinds';

describe('audit kinds', () => {
  it('should know every kind the server records', () => {
    expect(AUDIT_KINDS).toEqual(
      expect.arrayContaining([
        'registration.approved',
        'registration.rejected',
        'person.invited',
        'person.updated',
        'person.removed',
        'person.disabled',
        'person.enabled',
        'person.invitation_resent',
        'person.invitation_accepted',
        'person.password_changed',
        'person.profile_updated',
        'site.created',
        'site.updated',
        'site.deactivated',
        'site.reactivated',
        'entry_user.added',
        'entry_user.updated',
        'entry_user.removed',
        'entry_user.imported',
        'api_key.created',
        'api_key.rotated',
        'api_key.revoked',
        'webhook_endpoint.created',
        'webhook_endpoint.updated',
        'webhook_endpoint.deleted',
        'webhook_endpoint.secret_rotated',
        'webhook_endpoint.disabled_for_failing',
      ]),
    );
  });

  it.each(SUPPORTED_LOCALES)(
    'should give every known kind its own readable label when the language is %s',
    (locale) => {
      const { t } = createTestI18n(locale);
      const labels = AUDIT_KINDS.map((kind) => auditKindLabel(t, kind));
      for (const [index, label] of labels.entries()) {
        expect(label).not.toBe(AUDIT_KINDS[index]);
        expect(label).not.toMatch(/^audit\./);
      }
      expect(new Set(labels).size).toBe(labels.length);
    },
  );

  it('should label kinds in the language shown', () => {
    expect(auditKindLabel(createTestI18n('en').t, 'person.invited')).toBe('Person invited');
    expect(auditKindLabel(createTestI18n('fr').t, 'person.invited')).toBe('Personne invitée');
    expect(auditKindLabel(createTestI18n('nl').t, 'site.deactivated')).toBe(
      'Locatie gedeactiveerd',
    );
    expect(auditKindLabel(createTestI18n('sv').t, 'entry_user.imported')).toBe(
      'Användare av Entry-appen importerade',
    );
  });

  it('should show a kind it does not know as the server names it', () => {
    const { t } = createTestI18n('en');
    expect(isKnownKind('invoice.paid')).toBe(false);
    expect(auditKindLabel(t, 'invoice.paid')).toBe('invoice.paid');
    expect(isKnownKind('toString')).toBe(false);
    expect(auditKindLabel(t, 'toString')).toBe('toString');
  });

  it('should name fields and values the way people read them', () => {
    const { t } = createTestI18n('fr');
    expect(auditFieldLabel(t, 'accessLevel')).toBe("Niveau d'accès");
    expect(auditFieldLabel(t, 'somethingNew')).toBe('somethingNew');
    expect(auditValueText(t, 'accessLevel', 'SITE_ADMIN', 'fr')).toBe('Administrateur du site');
    expect(auditValueText(t, 'status', 'INVITED', 'fr')).toBe('Invitée');
    expect(auditValueText(t, 'active', 'false', 'fr')).toBe('Non');
    expect(auditValueText(t, 'sites', 'a,b', 'fr')).toBe('2');
    expect(auditValueText(t, 'sites', '', 'fr')).toBe('0');
    expect(auditValueText(t, 'locale', 'sv', 'fr')).toBe('suédois');
    expect(auditValueText(t, 'paymentMethod', 'MANUAL', 'fr')).toBe('Paiement manuel');
    expect(auditValueText(t, 'email', null, 'fr')).toBe('(vide)');
  });

  it('should name the partner API changes and their fields in the language shown', () => {
    expect(auditKindLabel(createTestI18n('sv').t, 'api_key.revoked')).toBe('API-nyckel återkallad');
    expect(auditKindLabel(createTestI18n('nl').t, 'webhook_endpoint.disabled_for_failing')).toBe(
      'Webhook-endpoint uitgeschakeld na mislukte leveringen',
    );
    const { t } = createTestI18n('en');
    expect(auditFieldLabel(t, 'overlapHours')).toBe('Overlap (hours)');
    expect(auditValueText(t, 'enabled', 'false', 'en')).toBe('No');
    expect(auditValueText(t, 'expiresAt', '2027-01-31T23:00:00.000Z', 'en')).toMatch(/2027/);
    expect(isPortalKind('webhook_endpoint.disabled_for_failing')).toBe(true);
    expect(isPortalKind('webhook_endpoint.updated')).toBe(false);
  });
});
