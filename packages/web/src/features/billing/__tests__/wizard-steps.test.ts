import { describe, expect, it } from 'vitest';
import {
  allowedPaymentMethods,
  initialPaymentMethod,
  nextStep,
  previousStep,
  setupInput,
  sortSetupErrors,
  stepOfField,
  submitStep,
  vatNumberError,
  wizardSteps,
} from '../wizard-steps';

const error = (field: string[], code: string, message = `server: ${code}`) => ({
  field,
  code,
  message,
});

describe('payment methods per company type', () => {
  it('should offer system managers automatic payment only when they set up billing', () => {
    expect(allowedPaymentMethods('SYSTEM_MANAGER')).toEqual(['AUTOMATIC']);
    expect(initialPaymentMethod('SYSTEM_MANAGER')).toBe('AUTOMATIC');
  });

  it('should let installers choose manual or automatic, with nothing chosen for them', () => {
    expect(allowedPaymentMethods('INSTALLER')).toEqual(['MANUAL', 'AUTOMATIC']);
    expect(initialPaymentMethod('INSTALLER')).toBeNull();
  });
});

describe('wizard steps', () => {
  it('should ask for a card when payment is automatic and finish on the card step', () => {
    const steps = wizardSteps('AUTOMATIC');
    expect(steps).toEqual(['welcome', 'terms', 'vat', 'method', 'card', 'done']);
    expect(submitStep(steps)).toBe('card');
  });

  it('should skip the card and finish on the method step when payment is manual', () => {
    const steps = wizardSteps('MANUAL');
    expect(steps).toEqual(['welcome', 'terms', 'vat', 'method', 'done']);
    expect(submitStep(steps)).toBe('method');
  });

  it('should keep the card step in view while an installer has not chosen yet', () => {
    expect(wizardSteps(null)).toContain('card');
  });

  it('should move one step at a time and stop at either end', () => {
    const steps = wizardSteps('MANUAL');
    expect(nextStep(steps, 'vat')).toBe('method');
    expect(nextStep(steps, 'done')).toBe('done');
    expect(previousStep(steps, 'terms')).toBe('welcome');
    expect(previousStep(steps, 'welcome')).toBe('welcome');
  });
});

describe('sortSetupErrors', () => {
  it.each([
    [['input', 'acceptTermsVersion'], 'terms'],
    [['input', 'vatNumber'], 'vat'],
    [['input', 'paymentMethod'], 'method'],
    [['input', 'paymentMethodToken'], 'card'],
    [['input'], null],
    [['input', 'somethingElse'], null],
  ])('should put a problem with %j on the %s step', (field, step) => {
    expect(stepOfField(field)).toBe(step);
  });

  it('should go back to the first step with a problem, in the wizard order', () => {
    const sorted = sortSetupErrors(
      [
        error(['input', 'paymentMethodToken'], 'CARD_REFUSED', 'The card was refused (declined).'),
        error(['input', 'vatNumber'], 'INVALID'),
      ],
      wizardSteps('AUTOMATIC'),
      'en',
    );
    expect(sorted.first).toBe('vat');
    expect(sorted.steps.vat).toMatch(/^This is not a valid VAT number/);
    // The provider's reason is only in the server's words: those are kept.
    expect(sorted.steps.card).toBe('The card was refused (declined).');
    expect(sorted.form).toEqual([]);
  });

  it('should show the shared words in the interface language when the code has them', () => {
    const sorted = sortSetupErrors(
      [error(['input', 'acceptTermsVersion'], 'INVALID')],
      wizardSteps('MANUAL'),
      'fr',
    );
    expect(sorted.steps.terms).toBe(
      'Les conditions de facturation ont changé. Lisez et acceptez la version actuelle.',
    );
    expect(sorted.first).toBe('terms');
  });

  it('should put a card problem on the method step when manual payment has no card step', () => {
    const sorted = sortSetupErrors(
      [error(['input', 'paymentMethodToken'], 'REQUIRED')],
      wizardSteps('MANUAL'),
      'en',
    );
    expect(sorted.first).toBe('method');
  });

  it('should keep problems of the setup as a whole for an alert when no step asked for them', () => {
    const sorted = sortSetupErrors(
      [error(['input'], 'INVALID_STATE', 'Already done.')],
      wizardSteps('MANUAL'),
      'en',
    );
    expect(sorted.first).toBeNull();
    expect(sorted.form).toHaveLength(1);
  });
});

describe('VAT number', () => {
  it('should accept an empty number because it is optional', () => {
    expect(vatNumberError('  ', 'NL', 'en')).toBeNull();
  });

  it('should accept the country prefix with spaces and dots when the format is right', () => {
    expect(vatNumberError('nl 0044.95445 B01', 'NL', 'en')).toBeNull();
    expect(vatNumberError('EL094259216', 'GR', 'en')).toBeNull();
  });

  it('should refuse another country prefix in the server words when the format is wrong', () => {
    expect(vatNumberError('DE123456789', 'NL', 'en')).toMatch(/^This is not a valid VAT number/);
    expect(vatNumberError('12345', 'SE', 'sv')).toMatch(/^Detta är inte ett giltigt/);
  });
});

describe('setupInput', () => {
  it('should send the card token with automatic payment only', () => {
    expect(
      setupInput({
        termsVersion: '2026-11-01',
        vatNumber: ' nl004495445b01 ',
        method: 'AUTOMATIC',
        token: 'pm_card_visa',
      }),
    ).toEqual({
      acceptTermsVersion: '2026-11-01',
      vatNumber: 'NL004495445B01',
      paymentMethod: 'AUTOMATIC',
      paymentMethodToken: 'pm_card_visa',
    });
    expect(
      setupInput({
        termsVersion: '2026-11-01',
        vatNumber: '',
        method: 'MANUAL',
        token: 'pm_card_visa',
      }),
    ).toEqual({
      acceptTermsVersion: '2026-11-01',
      vatNumber: null,
      paymentMethod: 'MANUAL',
      paymentMethodToken: null,
    });
  });
});
