import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { CURRENT_TERMS } from '../../src/billing/terms-of-service';
import { CompanyEntity, CompanyType } from '../../src/companies/company.entity';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type SetupResult = {
  completeBillingSetup: {
    company: {
      billingSetupComplete: boolean;
      paymentMethod: string;
      vatNumber: string | null;
      card: { brand: string; last4: string } | null;
    } | null;
    userErrors: Errors;
  };
};

const SETUP = `mutation ($input: BillingSetupInput!) {
  completeBillingSetup(input: $input) {
    company { billingSetupComplete paymentMethod vatNumber card { brand last4 expMonth expYear } }
    userErrors { field code message }
  }
}`;
const UPDATE = `mutation ($method: PaymentMethodType!, $token: String) {
  updatePaymentMethod(paymentMethod: $method, paymentMethodToken: $token) {
    company { paymentMethod card { brand last4 } }
    userErrors { field code message }
  }
}`;

describeOnDialects('billing setup on %s', (suite) => {
  const portal = suite.startPortal();

  async function newPaymentAdmin(
    type = CompanyType.INSTALLER,
    country = 'NL',
    locale: 'en' | 'sv' = 'en',
  ) {
    const company = await buildCompany(portal.dataSource, {
      type,
      country,
      currency: 'EUR',
      billingSetupComplete: false,
    });
    const person = await buildPerson(portal.dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      locale,
    });
    return { company, person, token: await tokenFor(portal.dataSource, person) };
  }

  it('should record the terms, the VAT number and the card, and unlock the company, when a payment admin finishes the wizard', async () => {
    const { company, person, token } = await newPaymentAdmin();
    const result = await portal.gql<SetupResult>(
      SETUP,
      {
        input: {
          acceptTermsVersion: CURRENT_TERMS.version,
          vatNumber: 'nl 0044.95.445 B01',
          paymentMethod: 'AUTOMATIC',
          paymentMethodToken: 'pm_card_visa',
        },
      },
      { token },
    );
    expect(result.data?.completeBillingSetup).toEqual({
      company: {
        billingSetupComplete: true,
        paymentMethod: 'AUTOMATIC',
        vatNumber: 'NL004495445B01',
        card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: expect.any(Number) },
      },
      userErrors: [],
    });
    const account = await portal.dataSource
      .getRepository(BillingAccountEntity)
      .findOneByOrFail({ companyId: company.id });
    expect(account).toMatchObject({
      termsVersion: CURRENT_TERMS.version,
      termsAcceptedByPersonId: person.id,
      vatNumberValid: true,
    });
    expect(
      await portal.dataSource
        .getRepository(AuditEventEntity)
        .countBy({ subjectId: company.id, kind: 'billing.setup_completed' }),
    ).toBe(1);
    const again = await portal.gql<SetupResult>(
      SETUP,
      { input: { acceptTermsVersion: CURRENT_TERMS.version, paymentMethod: 'MANUAL' } },
      { token },
    );
    expect(again.data?.completeBillingSetup.userErrors[0]?.code).toBe('INVALID_STATE');
  });

  it('should report stale terms, a bad VAT number and a missing card together and change nothing', async () => {
    const { company, token } = await newPaymentAdmin();
    const result = await portal.gql<SetupResult>(
      SETUP,
      {
        input: {
          acceptTermsVersion: '2001-01-01',
          vatNumber: 'NL123456789B01',
          paymentMethod: 'AUTOMATIC',
        },
      },
      { token },
    );
    expect(
      result.data?.completeBillingSetup.userErrors.map((error) => [
        error.field?.join('.'),
        error.code,
      ]),
    ).toEqual([
      ['input.acceptTermsVersion', 'INVALID'],
      ['input.vatNumber', 'INVALID'],
      ['input.paymentMethodToken', 'REQUIRED'],
    ]);
    expect(
      (await portal.dataSource.getRepository(CompanyEntity).findOneByOrFail({ id: company.id }))
        .billingSetupComplete,
    ).toBe(false);
  });

  it('should refuse manual payment for a system manager, with the reason', async () => {
    const { token } = await newPaymentAdmin(CompanyType.SYSTEM_MANAGER, 'SE', 'sv');
    const result = await portal.gql<SetupResult>(
      SETUP,
      { input: { acceptTermsVersion: CURRENT_TERMS.version, paymentMethod: 'MANUAL' } },
      { token },
    );
    expect(result.data?.completeBillingSetup.userErrors).toEqual([
      {
        field: ['input', 'paymentMethod'],
        code: 'INVALID',
        message: expect.stringContaining('Systemansvariga betalar automatiskt'),
      },
    ]);
  });

  it('should refuse a card the provider declines when it is saved, and leave the setup undone', async () => {
    const { company, token } = await newPaymentAdmin();
    const result = await portal.gql<SetupResult>(
      SETUP,
      {
        input: {
          acceptTermsVersion: CURRENT_TERMS.version,
          paymentMethod: 'AUTOMATIC',
          paymentMethodToken: 'pm_card_chargeDeclined',
        },
      },
      { token },
    );
    expect(result.data?.completeBillingSetup.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'paymentMethodToken'], code: 'CARD_REFUSED' }),
    ]);
    expect(
      (await portal.dataSource.getRepository(CompanyEntity).findOneByOrFail({ id: company.id }))
        .billingSetupComplete,
    ).toBe(false);
  });

  it('should switch an installer between manual and automatic and replace the card without a gap', async () => {
    const { token } = await newPaymentAdmin();
    await portal.gql(
      SETUP,
      { input: { acceptTermsVersion: CURRENT_TERMS.version, paymentMethod: 'MANUAL' } },
      { token },
    );
    const needsCard = await portal.gql<{ updatePaymentMethod: { userErrors: Errors } }>(
      UPDATE,
      { method: 'AUTOMATIC' },
      { token },
    );
    expect(needsCard.data?.updatePaymentMethod.userErrors[0]).toMatchObject({
      field: ['paymentMethodToken'],
      code: 'REQUIRED',
    });
    const automatic = await portal.gql<{
      updatePaymentMethod: { company: { paymentMethod: string; card: { last4: string } } };
    }>(UPDATE, { method: 'AUTOMATIC', token: 'pm_card_visa' }, { token });
    expect(automatic.data?.updatePaymentMethod.company).toEqual({
      paymentMethod: 'AUTOMATIC',
      card: { brand: 'visa', last4: '4242' },
    });
    const refused = await portal.gql<{ updatePaymentMethod: { userErrors: Errors } }>(
      UPDATE,
      { method: 'AUTOMATIC', token: 'pm_card_chargeDeclined' },
      { token },
    );
    expect(refused.data?.updatePaymentMethod.userErrors[0]?.code).toBe('CARD_REFUSED');
    const still = await portal.gql<{ company: { paymentMethod: string; card: { last4: string } } }>(
      '{ company { paymentMethod card { last4 } } }',
      {},
      { token },
    );
    expect(still.data?.company).toEqual({ paymentMethod: 'AUTOMATIC', card: { last4: '4242' } });
    const replaced = await portal.gql<{
      updatePaymentMethod: { company: { card: { brand: string; last4: string } } };
    }>(UPDATE, { method: 'AUTOMATIC', token: 'pm_card_mastercard' }, { token });
    expect(replaced.data?.updatePaymentMethod.company.card).toEqual({
      brand: 'mastercard',
      last4: '4444',
    });
  });

  it('should hide payment fields from a system admin', async () => {
    const { company } = await newPaymentAdmin();
    const systemAdmin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'SYSTEM_ADMIN',
    });
    const result = await portal.gql(
      '{ company { name card { last4 } } }',
      {},
      { token: await tokenFor(portal.dataSource, systemAdmin) },
    );
    expect(result.errors?.[0]).toMatchObject({
      path: ['company', 'card'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
