import type { Locale } from '@entry/shared';
import type { PersonChange } from '../../src/auth/decorators';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { parsePeriod } from '../../src/billing/billing-period';
import { billCompany } from '../../src/billing/billing-run';
import { InvoiceLineEntity } from '../../src/billing/invoice-line.entity';
import { PaymentMethodType, type CompanyEntity } from '../../src/companies/company.entity';
import { nextInvoiceEstimate } from '../../src/home/dashboard.service';
import type { PersonEntity } from '../../src/people/person.entity';
import type { SiteEntity } from '../../src/sites/site.entity';
import { siteScopeOf } from '../../src/sites/site-scope';
import { updateSite } from '../../src/sites/sites.service';
import { undoSiteTransfer } from '../../src/site-transfers/site-transfer-undo';
import {
  acceptSiteTransfer,
  requestSiteTransfer,
} from '../../src/site-transfers/site-transfers.service';
import { buildCompany, buildEntryUser, buildOperator, buildPerson, buildSite } from '../factories';
import { describeOnDialects } from '../support/dialects';

const NOVEMBER = parsePeriod('2026-11')!;
const OCTOBER = parsePeriod('2026-10')!;
const RUN_AT = new Date('2026-12-01T02:00:00.000Z');
const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');
const at = (iso: string) => new Date(iso);

/*
 * The month of a transfer split between the two companies to the cent (issue 17): the sender's
 * invoice counts the site's users up to the day before the effective date, the receiver's from
 * it, each in its own currency and VAT. Every scenario has the same two residents of one site:
 * one active all month (30 days of November) and one from the 5th to the 25th (21 days), so the
 * two invoices' user-days must always add up to 51.
 *
 * Sender: a Swedish installer billed in SEK (17.00 a user-month, 25 % VAT).
 * Receiver: a Dutch system manager billed in EUR (1.50 a user-month, 21 % VAT).
 */
describeOnDialects('billing of a site transfer on %s', (suite) => {
  const { portal } = suite.startMailingPortal({ SELLER_COUNTRY: 'NL' });

  async function payingCompany(country: string, currency: string) {
    const company = await buildCompany(portal.dataSource, {
      country,
      currency,
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.MANUAL,
      createdAt: LONG_AGO,
    });
    await portal.dataSource.getRepository(BillingAccountEntity).insert({
      companyId: company.id,
      providerCustomerId: null,
      cardMethodId: null,
      vatNumberValid: false,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    const admin = await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    return { company, admin };
  }

  function changeBy(
    company: CompanyEntity,
    person: PersonEntity,
    locale: Locale = 'en',
  ): PersonChange {
    return {
      dataSource: portal.dataSource,
      config: portal.config,
      locale,
      viewer: { kind: 'person', person, company, mustEnrollMfa: false },
      actor: { viewer: null, ip: '127.0.0.1' },
    };
  }

  interface Side {
    readonly company: CompanyEntity;
    readonly admin: PersonEntity;
  }

  /** A sender with one site and its two residents, and a receiver. */
  async function scenario(): Promise<{ sender: Side; receiver: Side; site: SiteEntity }> {
    const sender = await payingCompany('SE', 'SEK');
    const receiver = await payingCompany('NL', 'EUR');
    const site = await buildSite(portal.dataSource, sender.company, {
      name: 'Hamngatan 1',
      createdAt: LONG_AGO,
    });
    await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
    await buildEntryUser(portal.dataSource, site, {
      activeFrom: at('2026-11-05T10:00:00Z'),
      removedAt: at('2026-11-25T15:00:00Z'),
    });
    return { sender, receiver, site };
  }

  /** `from` offers the site to `to`'s payment admin at `askedAt`; `to` accepts at `acceptedAt`. */
  async function transfer(site: SiteEntity, from: Side, to: Side, askedAt: Date, acceptedAt: Date) {
    const asked = await requestSiteTransfer(
      changeBy(from.company, from.admin),
      { siteId: site.id, recipientEmail: to.admin.email },
      askedAt,
    );
    return acceptSiteTransfer(changeBy(to.company, to.admin), asked.id, acceptedAt);
  }

  /** The company's invoice for the period: its lines as [name, users, amount], and its sums. */
  async function invoiceOf(company: CompanyEntity, period = NOVEMBER) {
    const invoice = await billCompany(portal.billing, company, period, RUN_AT);
    if (!invoice) return null;
    const lines = await portal.dataSource
      .getRepository(InvoiceLineEntity)
      .find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
    return {
      lines: lines.map((line) => [line.description, line.quantity, line.amount]),
      currency: invoice.currency,
      subtotal: invoice.subtotal,
      tax: invoice.tax,
      total: invoice.total,
    };
  }

  it('should bill the sender days 1 to 15 and the receiver days 16 to 30 when the transfer is accepted on the 16th', async () => {
    const { sender, receiver, site } = await scenario();
    await transfer(site, sender, receiver, at('2026-11-14T08:00:00Z'), at('2026-11-16T09:30:00Z'));

    // sender: 15 + 11 (5th-15th) = 26 user-days: 1700 × 26 / 30 = 1473.33 -> 1473 öre; VAT 25 %
    expect(await invoiceOf(sender.company)).toEqual({
      lines: [['Hamngatan 1', 2, 1473]],
      currency: 'SEK',
      subtotal: 1473,
      tax: 368,
      total: 1841,
    });
    // receiver: 15 + 10 (16th-25th) = 25 user-days: 150 × 25 / 30 = 125 cents; VAT 21 %
    expect(await invoiceOf(receiver.company)).toEqual({
      lines: [['Hamngatan 1', 2, 125]],
      currency: 'EUR',
      subtotal: 125,
      tax: 26,
      total: 151,
    });
  });

  it('should bill the whole month to the receiver and nothing of it to the sender when the transfer is accepted on the 1st', async () => {
    const { sender, receiver, site } = await scenario();
    // the sender still has October whole: the first resident's 31 days
    await transfer(site, sender, receiver, at('2026-10-28T08:00:00Z'), at('2026-11-01T00:30:00Z'));

    expect(await invoiceOf(sender.company)).toBeNull();
    // 1700 × 31 / 31
    expect((await invoiceOf(sender.company, OCTOBER))?.lines).toEqual([['Hamngatan 1', 1, 1700]]);
    // 30 + 21 = 51 user-days: 150 × 51 / 30 = 255
    expect((await invoiceOf(receiver.company))?.lines).toEqual([['Hamngatan 1', 2, 255]]);
    expect(await invoiceOf(receiver.company, OCTOBER)).toBeNull();
  });

  it('should bill the receiver only the last day when the transfer is accepted on the 30th', async () => {
    const { sender, receiver, site } = await scenario();
    await transfer(site, sender, receiver, at('2026-11-20T08:00:00Z'), at('2026-11-30T23:59:00Z'));

    // sender: 29 + 21 = 50 user-days: 1700 × 50 / 30 = 2833.33 -> 2833
    expect((await invoiceOf(sender.company))?.lines).toEqual([['Hamngatan 1', 2, 2833]]);
    // receiver: the first resident's 30th: 150 / 30 = 5
    expect((await invoiceOf(receiver.company))?.lines).toEqual([['Hamngatan 1', 1, 5]]);
  });

  it('should bill each company only its own days when the site goes there and back within the month', async () => {
    const { sender, receiver, site } = await scenario();
    await transfer(site, sender, receiver, at('2026-11-09T08:00:00Z'), at('2026-11-10T08:00:00Z'));
    await transfer(site, receiver, sender, at('2026-11-18T08:00:00Z'), at('2026-11-20T12:00:00Z'));

    // sender: days 1-9 and 20-30: 9 + 11 = 20, and 5th-9th + 20th-25th = 11: 31 user-days:
    // 1700 × 31 / 30 = 1756.67 -> 1757
    expect((await invoiceOf(sender.company))?.lines).toEqual([['Hamngatan 1', 2, 1757]]);
    // receiver: days 10-19 for both: 20 user-days: 150 × 20 / 30 = 100
    expect((await invoiceOf(receiver.company))?.lines).toEqual([['Hamngatan 1', 2, 100]]);
  });

  it('should split again on the day of an undo, each day billed once', async () => {
    const { sender, receiver, site } = await scenario();
    const accepted = await transfer(
      site,
      sender,
      receiver,
      at('2026-11-09T08:00:00Z'),
      at('2026-11-10T08:00:00Z'),
    );
    const operator = await buildOperator(portal.dataSource);
    await undoSiteTransfer(
      portal.dataSource,
      { kind: 'operator', operator, mustEnrollMfa: false },
      { viewer: null, ip: null },
      accepted.id,
      'Accepted by mistake',
      at('2026-11-12T09:00:00Z'),
    );

    // receiver: the 10th and 11th for both residents: 4 user-days: 150 × 4 / 30 = 20
    expect((await invoiceOf(receiver.company))?.lines).toEqual([['Hamngatan 1', 2, 20]]);
    // sender: 28 + (5th-9th, 12th-25th) 19 = 47: 1700 × 47 / 30 = 2663.33 -> 2663
    expect((await invoiceOf(sender.company))?.lines).toEqual([['Hamngatan 1', 2, 2663]]);
  });

  it("should keep the site's name as it was on the sender's line when the receiver renames it", async () => {
    const { sender, receiver, site } = await scenario();
    await transfer(site, sender, receiver, at('2026-11-14T08:00:00Z'), at('2026-11-16T09:30:00Z'));
    await updateSite(
      portal.dataSource,
      siteScopeOf({
        kind: 'person',
        person: receiver.admin,
        company: receiver.company,
        mustEnrollMfa: false,
      }),
      site.id,
      { name: 'Brf Hamnen', address: null },
      { viewer: null, ip: null },
    );

    expect((await invoiceOf(sender.company))?.lines).toEqual([['Hamngatan 1', 2, 1473]]);
    expect((await invoiceOf(receiver.company))?.lines).toEqual([['Brf Hamnen', 2, 125]]);
  });

  it("should follow the transfer in both companies' Home estimates", async () => {
    const { sender, receiver, site } = await scenario();
    await transfer(site, sender, receiver, at('2026-11-14T08:00:00Z'), at('2026-11-16T09:30:00Z'));
    const now = at('2026-11-20T12:00:00Z');
    const estimate = (company: CompanyEntity) =>
      nextInvoiceEstimate(portal.dataSource, company, portal.config.prices, 'en', now);

    // the same days as the invoices: what is still active counts to the month's end
    expect(await estimate(sender.company)).toMatchObject({
      currency: 'SEK',
      activeEntryUsers: 0,
      billedEntryUsers: 2,
      subtotal: 1473,
    });
    // active on the 20th: both residents (the second is removed only on the 25th)
    expect(await estimate(receiver.company)).toMatchObject({
      currency: 'EUR',
      activeEntryUsers: 2,
      billedEntryUsers: 2,
      subtotal: 125,
    });
  });
});
