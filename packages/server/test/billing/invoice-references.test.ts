import { parsePeriod } from '../../src/billing/billing-period';
import { billCompany } from '../../src/billing/billing-run';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { PaymentMethodType } from '../../src/companies/company.entity';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { pdfText } from '../support/pdf-text';

const NOVEMBER = parsePeriod('2026-11')!;
const RUN_AT = new Date('2026-12-01T02:00:00.000Z');
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

const UPDATE_DETAILS = `mutation ($input: BillingDetailsInput!) {
  updateBillingDetails(input: $input) {
    company { billingEmails purchaseOrderNumber billingEmailsLocale }
    userErrors { field code message }
  }
}`;

interface DetailsAnswer {
  updateBillingDetails: {
    company: {
      billingEmails: string[];
      purchaseOrderNumber: string | null;
      billingEmailsLocale: string;
    } | null;
    userErrors: Array<{ field: string[]; code: string; message: string }>;
  };
}

const SITE_FIELDS = '{ site { id costCenter } userErrors { field code message } }';

describeOnDialects('invoice recipients and references on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal({ SELLER_COUNTRY: 'NL' });

  /** A company past billing setup whose payment admin speaks Dutch. */
  async function billedCompany() {
    const company = await buildCompany(portal.dataSource, {
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.MANUAL,
      country: 'NL',
      currency: 'EUR',
      createdAt: LONG_AGO,
    });
    const admin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      locale: 'nl',
      firstName: 'Daan',
    });
    await portal.dataSource.getRepository(BillingAccountEntity).insert({
      companyId: company.id,
      vatNumberValid: false,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    const token = await tokenFor(portal.dataSource, admin);
    return { company, admin, token };
  }

  const saveDetails = (token: string, input: Record<string, unknown>) =>
    portal.as<DetailsAnswer>(token, UPDATE_DETAILS, { input });

  it('should keep the billing emails once each whatever their case, and the purchase order number trimmed', async () => {
    const { company, token } = await billedCompany();
    const saved = await saveDetails(token, {
      billingEmails: ['AP@Example.com', ' ap@example.com ', 'finance@example.com', '  '],
      purchaseOrderNumber: '  PO-2026-17 ',
    });
    expect(saved.data!.updateBillingDetails).toEqual({
      company: {
        billingEmails: ['ap@example.com', 'finance@example.com'],
        purchaseOrderNumber: 'PO-2026-17',
        // not given: the language of the person saving
        billingEmailsLocale: 'nl',
      },
      userErrors: [],
    });
    const events = await portal.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ companyId: company.id, kind: 'billing.details_updated' });
    expect(events.map((event) => event.after)).toEqual([
      {
        billingEmails: 'ap@example.com, finance@example.com',
        billingEmailsLocale: 'nl',
        purchaseOrderNumber: 'PO-2026-17',
      },
    ]);
  });

  it('should refuse an address that is not one, a sixth address and a long purchase order number, in the viewer language, writing nothing', async () => {
    const { company, token } = await billedCompany();
    await saveDetails(token, { billingEmails: ['ap@example.com'], purchaseOrderNumber: 'PO-1' });

    const invalid = await saveDetails(token, {
      billingEmails: ['ok@example.com', 'not an address'],
      purchaseOrderNumber: 'x'.repeat(65),
    });
    expect(invalid.data!.updateBillingDetails.company).toBeNull();
    expect(invalid.data!.updateBillingDetails.userErrors).toEqual([
      {
        field: ['input', 'billingEmails', '1'],
        code: 'INVALID',
        message: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
      },
      { field: ['input', 'purchaseOrderNumber'], code: 'TOO_LONG', message: expect.any(String) },
    ]);
    const six = await saveDetails(token, {
      billingEmails: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@example.com`),
    });
    expect(six.data!.updateBillingDetails.userErrors).toEqual([
      {
        field: ['input', 'billingEmails'],
        code: 'LIMIT_REACHED',
        message: 'Vul hoogstens 5 factuuradressen in.',
      },
    ]);
    const language = await saveDetails(token, { billingEmails: [], locale: 'de' });
    expect(language.data!.updateBillingDetails.userErrors[0]).toMatchObject({
      field: ['input', 'locale'],
      code: 'INVALID',
    });

    const account = await portal.dataSource
      .getRepository(BillingAccountEntity)
      .findOneByOrFail({ companyId: company.id });
    expect(account).toMatchObject({
      billingEmails: ['ap@example.com'],
      purchaseOrderNumber: 'PO-1',
    });
    expect(
      await portal.dataSource
        .getRepository(AuditEventEntity)
        .countBy({ companyId: company.id, kind: 'billing.details_updated' }),
    ).toBe(1);
  });

  it("should keep a site's cost centre when an update leaves it out, clear it on null, and refuse one too long", async () => {
    const { token } = await billedCompany();
    const created = await portal.as<{ createSite: { site: { id: string; costCenter: string } } }>(
      token,
      `mutation { createSite(input: { name: "Herengracht 1", costCenter: " CC 4410 " }) ${SITE_FIELDS} }`,
    );
    const site = created.data!.createSite.site;
    expect(site.costCenter).toBe('CC 4410');
    const renamed = await portal.as<{ updateSite: { site: { costCenter: string | null } } }>(
      token,
      `mutation ($id: ID!) { updateSite(id: $id, input: { name: "Herengracht 2" }) ${SITE_FIELDS} }`,
      { id: site.id },
    );
    expect(renamed.data!.updateSite.site.costCenter).toBe('CC 4410');
    const tooLong = await portal.as<{
      updateSite: { userErrors: Array<{ field: string[]; code: string }> };
    }>(
      token,
      `mutation ($id: ID!, $cc: String) { updateSite(id: $id, input: { name: "Herengracht 2", costCenter: $cc }) ${SITE_FIELDS} }`,
      { id: site.id, cc: 'x'.repeat(65) },
    );
    expect(tooLong.data!.updateSite.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'costCenter'], code: 'TOO_LONG' }),
    ]);
    const cleared = await portal.as<{ updateSite: { site: { costCenter: string | null } } }>(
      token,
      `mutation ($id: ID!) { updateSite(id: $id, input: { name: "Herengracht 2", costCenter: null }) ${SITE_FIELDS} }`,
      { id: site.id },
    );
    expect(cleared.data!.updateSite.site.costCenter).toBeNull();
  });

  it('should freeze the references on the invoice at issue and print them on its PDF, its CSV and its email', async () => {
    const { company, admin, token } = await billedCompany();
    await saveDetails(token, {
      // the admin's own address (in capitals) gets the email once, as the admin
      billingEmails: ['crediteuren@example.com', admin.email.toUpperCase()],
      purchaseOrderNumber: 'PO-2026-17',
      locale: 'sv',
    });
    const site = await buildSite(portal.dataSource, company, {
      name: 'Keizersgracht 5',
      costCenter: 'CC-4410',
      createdAt: LONG_AGO,
    });
    const siteId = site.id;
    await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO, lastName: 'Visser' });
    const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;

    // later changes leave the issued invoice as it was
    await saveDetails(token, { billingEmails: ['new@example.com'], purchaseOrderNumber: 'PO-NEW' });
    await portal.as(
      token,
      `mutation ($id: ID!) { updateSite(id: $id, input: { name: "Keizersgracht 5", costCenter: "CC-NEW" }) ${SITE_FIELDS} }`,
      { id: siteId },
    );
    const read = await portal.as<{
      invoice: {
        purchaseOrderNumber: string;
        billingEmails: string[];
        lines: Array<{ costCenter: string }>;
      };
    }>(
      token,
      'query ($id: ID!) { invoice(id: $id) { purchaseOrderNumber billingEmails lines { costCenter } } }',
      { id: invoice.id },
    );
    expect(read.data!.invoice).toEqual({
      purchaseOrderNumber: 'PO-2026-17',
      billingEmails: ['crediteuren@example.com', admin.email],
      lines: [{ costCenter: 'CC-4410' }],
    });

    const headers = { authorization: `Bearer ${token}` };
    const pdf = await fetch(`${portal.url}/api/invoices/${invoice.id}.pdf?lang=en`, { headers });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    if (text !== null) {
      expect(text).toContain('Purchase order: PO-2026-17');
      expect(text).toContain(`Sent to: crediteuren@example.com, ${admin.email}`);
      expect(text).toContain('Cost centre: CC-4410');
      expect(text).not.toContain('NEW');
    }
    const csv = await fetch(`${portal.url}/api/invoices/${invoice.id}.csv`, { headers });
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/,cost_center,purchase_order_number$/);
    expect(rows[1]).toMatch(/,CC-4410,PO-2026-17$/);

    // the billing address in the language chosen for it, greeted without a name
    const team = await smtp.waitForMailTo('crediteuren@example.com', 'invoice-issued');
    expect(team.text).toContain('Hej,');
    expect(team.text).toContain('Inköpsordernummer: PO-2026-17');
    expect(team.text).toContain('Kostnadsställen: CC-4410');
    const own = await smtp.waitForMailTo(admin.email, 'invoice-issued');
    expect(own.text).toContain('Beste Daan,');
    expect(own.text).toContain('Inkoopordernummer: PO-2026-17');
    expect(smtp.messagesTo(admin.email, 'invoice-issued')).toHaveLength(1);
  });
});
