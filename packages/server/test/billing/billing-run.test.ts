import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { parsePeriod } from '../../src/billing/billing-period';
import { billCompany, createInvoices, runBilling } from '../../src/billing/billing-run';
import { InvoiceLineUserEntity } from '../../src/billing/invoice-line-user.entity';
import { InvoiceLineEntity } from '../../src/billing/invoice-line.entity';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import {
  chargeInvoice,
  dueRetries,
  stalePendingAttempts,
} from '../../src/billing/payments/invoice-payments';
import { PaymentAttemptEntity } from '../../src/billing/payment-attempt.entity';
import {
  CompanyType,
  PaymentMethodType,
  type CompanyEntity,
} from '../../src/companies/company.entity';
import { SiteActivePeriodEntity } from '../../src/sites/site-active-period.entity';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { pdfText } from '../support/pdf-text';

const NOVEMBER = parsePeriod('2026-11')!;
const RUN_AT = new Date('2026-12-01T02:00:00.000Z');
const at = (iso: string) => new Date(iso);
const LONG_AGO = at('2026-01-01T00:00:00Z');

describeOnDialects('billing on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal({
    SELLER_COUNTRY: 'NL',
  });

  /** A company past its billing setup; the card (sandbox token) makes it an automatic payer. */
  async function payingCompany(overrides: Partial<CompanyEntity> = {}, card?: string) {
    const company = await buildCompany(portal.dataSource, {
      billingSetupComplete: true,
      paymentMethod: card ? PaymentMethodType.AUTOMATIC : PaymentMethodType.MANUAL,
      createdAt: LONG_AGO,
      ...overrides,
    });
    const admin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      locale: 'en',
    });
    const account = {
      companyId: company.id,
      providerCustomerId: null as string | null,
      cardMethodId: null as string | null,
      vatNumberValid: overrides.vatNumber ? true : false,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    };
    if (card) {
      const customerId = await portal.billing.payments.ensureCustomer({
        id: company.id,
        name: company.name,
        email: admin.email,
      });
      const saved = await portal.billing.payments.saveCard(customerId, card);
      Object.assign(account, {
        providerCustomerId: customerId,
        cardMethodId: saved.methodId,
        cardBrand: saved.brand,
        cardLast4: saved.last4,
        cardExpMonth: saved.expMonth,
        cardExpYear: saved.expYear,
      });
    }
    await portal.dataSource.getRepository(BillingAccountEntity).insert(account);
    return { company, admin };
  }

  describe('invoices', () => {
    it('should bill each site by the days each user was active, to the cent, with VAT of the country', async () => {
      const { company } = await payingCompany({ country: 'SE', currency: 'SEK' });
      const alpha = await buildSite(portal.dataSource, company, {
        name: 'Alpha',
        createdAt: LONG_AGO,
      });
      const beta = await buildSite(portal.dataSource, company, {
        name: 'Beta',
        createdAt: LONG_AGO,
      });
      await buildSite(portal.dataSource, company, { name: 'Empty', createdAt: LONG_AGO });
      await buildEntryUser(portal.dataSource, alpha, { activeFrom: LONG_AGO }); // 30 days
      await buildEntryUser(portal.dataSource, alpha, { activeFrom: at('2026-11-16T09:00:00Z') }); // 15 days
      await buildEntryUser(portal.dataSource, alpha, {
        activeFrom: LONG_AGO,
        removedAt: at('2026-11-10T12:00:00Z'),
      }); // 10 days
      await buildEntryUser(portal.dataSource, alpha, {
        activeFrom: LONG_AGO,
        removedAt: at('2026-10-20T00:00:00Z'),
      }); // not billed
      await buildEntryUser(portal.dataSource, beta, { activeFrom: at('2026-11-30T23:59:00Z') }); // 1 day
      await buildEntryUser(portal.dataSource, beta, { activeFrom: at('2026-12-01T00:00:00Z') }); // next month

      const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;
      const lines = await portal.dataSource
        .getRepository(InvoiceLineEntity)
        .find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
      // SEK 17.00 per user-month: Alpha 55 user-days of 30 -> 1700*55/30 = 3116.67 -> 3117; Beta 1 day -> 56.67 -> 57
      expect(
        lines.map((line) => [line.description, line.quantity, line.unitAmount, line.amount]),
      ).toEqual([
        ['Alpha', 3, 1700, 3117],
        ['Beta', 1, 1700, 57],
      ]);
      expect(invoice).toMatchObject({
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        currency: 'SEK',
        subtotal: 3174,
        taxRateBasisPoints: 2500,
        tax: 794,
        total: 3968,
        reverseCharge: false,
        status: InvoiceStatus.OPEN,
      });
      expect(invoice.dueAt.toISOString()).toBe('2026-12-15T02:00:00.000Z');
      const users = await portal.dataSource
        .getRepository(InvoiceLineUserEntity)
        .findBy({ invoiceLineId: lines[0]!.id });
      expect(users.map((user) => user.days).sort((a, b) => a - b)).toEqual([10, 15, 30]);
    });

    it('should stop billing a site the day after it was deactivated', async () => {
      const { company } = await payingCompany({ country: 'NL', currency: 'EUR' });
      const site = await buildSite(portal.dataSource, company, {
        name: 'Closing',
        createdAt: LONG_AGO,
      });
      await portal.dataSource
        .getRepository(SiteActivePeriodEntity)
        .update({ siteId: site.id }, { endedAt: at('2026-11-10T15:00:00Z') });
      await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
      const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;
      const [line] = await portal.dataSource
        .getRepository(InvoiceLineEntity)
        .findBy({ invoiceId: invoice.id });
      // EUR 1.50 × 10/30 = 0.50; Dutch VAT 21 % at home
      expect(line).toMatchObject({ quantity: 1, amount: 50 });
      expect(invoice).toMatchObject({ taxRateBasisPoints: 2100, tax: 11, total: 61 });
    });

    it('should reverse-charge VAT for a valid VAT number of another EU state, with the note', async () => {
      const { company } = await payingCompany({
        country: 'SE',
        currency: 'SEK',
        vatNumber: 'SE556677889901',
      });
      const site = await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
      await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
      const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;
      expect(invoice).toMatchObject({
        subtotal: 1700,
        tax: 0,
        total: 1700,
        reverseCharge: true,
        taxRateBasisPoints: 0,
        customerVatNumber: 'SE556677889901',
      });
    });

    it('should not invoice a company without usage', async () => {
      const { company } = await payingCompany();
      await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
      expect(await billCompany(portal.billing, company, NOVEMBER, RUN_AT)).toBeNull();
    });
  });

  describe('runs', () => {
    it('should bill every company once with gap-free numbers when two runs race, and create nothing when run again', async () => {
      const companies = [];
      for (let i = 0; i < 6; i++) {
        const { company } = await payingCompany();
        const site = await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
        await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
        companies.push(company);
      }
      const period = parsePeriod('2025-06')!;
      await portal.dataSource
        .getRepository(SiteActivePeriodEntity)
        .update({}, {})
        .catch(() => undefined);
      const runAt = at('2025-07-01T01:00:00Z');
      // usage in June 2025: the users were created in January 2026 in these fixtures, so move them
      await portal.dataSource.query(
        'UPDATE entry_user SET activeFrom = ? WHERE companyId IN (' +
          companies.map(() => '?').join(',') +
          ')',
        [
          suite.dialect === 'sqlite' ? '2025-01-01 00:00:00.000' : new Date('2025-01-01T00:00:00Z'),
          ...companies.map((c) => c.id),
        ],
      );
      await portal.dataSource.query(
        'UPDATE site_active_period SET startedAt = ? WHERE siteId IN (SELECT id FROM site WHERE companyId IN (' +
          companies.map(() => '?').join(',') +
          '))',
        [
          suite.dialect === 'sqlite' ? '2025-01-01 00:00:00.000' : new Date('2025-01-01T00:00:00Z'),
          ...companies.map((c) => c.id),
        ],
      );

      const [first, second] = await Promise.all([
        runBilling(portal.billing, period, { now: runAt }),
        runBilling(portal.billing, period, { now: runAt }),
      ]);
      expect(first.created + second.created).toBe(6);
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .find({ where: { period: '2025-06' }, order: { sequence: 'ASC' } });
      expect(invoices.map((invoice) => invoice.companyId).sort()).toEqual(
        companies.map((company) => company.id).sort(),
      );
      const sequences = invoices.map((invoice) => invoice.sequence);
      expect(sequences).toEqual(Array.from({ length: 6 }, (_, i) => sequences[0]! + i));
      expect(invoices[0]!.number).toMatch(/^2025-\d{6}$/);
      const again = await runBilling(portal.billing, period, { now: runAt });
      expect(again.created).toBe(0);
    });

    it('should finish the remaining companies when a run stopped halfway is run again', async () => {
      const period = parsePeriod('2024-03')!;
      const runAt = at('2024-04-01T01:00:00Z');
      const companies = [];
      for (let i = 0; i < 4; i++) {
        const { company } = await payingCompany({ createdAt: at('2024-01-01T00:00:00Z') });
        const site = await buildSite(portal.dataSource, company, {
          createdAt: at('2024-01-01T00:00:00Z'),
        });
        await buildEntryUser(portal.dataSource, site, { activeFrom: at('2024-01-01T00:00:00Z') });
        companies.push(company);
      }
      // the "killed" run billed two companies before it died
      await billCompany(portal.billing, companies[0]!, period, runAt);
      await billCompany(portal.billing, companies[1]!, period, runAt);
      const rerun = await runBilling(portal.billing, period, { now: runAt });
      expect(rerun.created).toBe(2);
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .find({ where: { period: '2024-03' }, order: { sequence: 'ASC' } });
      expect(invoices).toHaveLength(4);
      expect(invoices.map((invoice) => invoice.sequence)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('payments', () => {
    async function billedAutomatic(card: string) {
      const { company, admin } = await payingCompany({ type: CompanyType.SYSTEM_MANAGER }, card);
      const site = await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
      await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
      const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;
      return { company, admin, invoice };
    }

    it('should charge an automatic payer at once and refuse to charge a paid invoice again', async () => {
      const { invoice, admin } = await billedAutomatic('pm_card_visa');
      const paid = await chargeInvoice(portal.billing, invoice.id, 'AUTOMATIC', null, null, RUN_AT);
      expect(paid).toMatchObject({ status: InvoiceStatus.PAID });
      const token = await tokenFor(portal.dataSource, admin);
      const again = await portal.gql<{ payInvoice: { userErrors: Array<{ code: string }> } }>(
        'mutation ($id: ID!) { payInvoice(id: $id) { invoice { status } userErrors { code } } }',
        { id: invoice.id },
        { token },
      );
      expect(again.data?.payInvoice.userErrors[0]?.code).toBe('ALREADY_PAID');
      expect(
        await portal.dataSource
          .getRepository(PaymentAttemptEntity)
          .countBy({ invoiceId: invoice.id }),
      ).toBe(1);
    });

    it('should email and retry after 3, 5 and 7 days when the card declines, then accept a manual payment with a new card', async () => {
      const { invoice, admin } = await billedAutomatic('pm_card_visa_chargeDeclined');
      const failed = await chargeInvoice(
        portal.billing,
        invoice.id,
        'AUTOMATIC',
        null,
        null,
        RUN_AT,
      );
      expect(failed).toMatchObject({ status: InvoiceStatus.PAYMENT_FAILED, failedAttempts: 1 });
      expect(failed.nextRetryAt?.toISOString()).toBe('2026-12-04T02:00:00.000Z');
      const mail = await smtp.waitForMailTo(admin.email, 'payment-failed');
      expect(mail.text).toContain(invoice.number);

      const day = (n: number) => new Date(RUN_AT.getTime() + n * 86_400_000 + 60_000);
      expect(await dueRetries(portal.dataSource, day(2))).not.toContain(invoice.id);
      expect(await dueRetries(portal.dataSource, day(3))).toContain(invoice.id);
      const second = await chargeInvoice(portal.billing, invoice.id, 'RETRY', null, null, day(3));
      expect(second.nextRetryAt?.toISOString()).toBe('2026-12-06T02:00:00.000Z');
      const third = await chargeInvoice(portal.billing, invoice.id, 'RETRY', null, null, day(5));
      const last = await chargeInvoice(portal.billing, invoice.id, 'RETRY', null, null, day(7));
      expect([third.failedAttempts, last.failedAttempts, last.nextRetryAt]).toEqual([3, 4, null]);

      const token = await tokenFor(portal.dataSource, admin);
      const paid = await portal.gql<{ payInvoice: { invoice: { status: string } } }>(
        'mutation ($id: ID!) { payInvoice(id: $id, paymentMethodToken: "pm_card_mastercard") { invoice { status } userErrors { code } } }',
        { id: invoice.id },
        { token },
      );
      expect(paid.data?.payInvoice.invoice.status).toBe('PAID');
    });

    it('should resend a timed-out attempt with its key within the day, and leave an older one to an operator', async () => {
      const { invoice } = await billedAutomatic('pm_card_visa');
      const attempts = portal.dataSource.getRepository(PaymentAttemptEntity);
      await attempts.insert({
        invoiceId: invoice.id,
        attempt: 1,
        idempotencyKey: `invoice-${invoice.id}-attempt-1`,
        amount: invoice.total,
        currency: invoice.currency,
        status: 'PENDING' as never,
        trigger: 'AUTOMATIC',
        providerPaymentId: null,
        failureCode: null,
        failureMessage: null,
        createdAt: RUN_AT,
        completedAt: null,
      });
      const hour = (n: number) => new Date(RUN_AT.getTime() + n * 3_600_000);
      expect(await dueRetries(portal.dataSource, hour(1))).toContain(invoice.id);
      expect(await dueRetries(portal.dataSource, hour(25))).not.toContain(invoice.id);
      expect(
        (await stalePendingAttempts(portal.dataSource, hour(25))).map(
          (attempt) => attempt.invoiceId,
        ),
      ).toContain(invoice.id);
      await expect(
        chargeInvoice(portal.billing, invoice.id, 'MANUAL', null, null, hour(25)),
      ).rejects.toThrow(/PAYMENT_PENDING/);
      const paid = await chargeInvoice(portal.billing, invoice.id, 'RETRY', null, null, hour(1));
      expect(paid.status).toBe(InvoiceStatus.PAID);
      expect(await attempts.countBy({ invoiceId: invoice.id })).toBe(1);
    });
  });

  describe('documents', () => {
    it('should serve a readable PDF and a per-user CSV to payment admins only', async () => {
      const { company, admin } = await payingCompany({
        country: 'FR',
        currency: 'EUR',
        name: 'Bâtiments Élysée',
        address: '8 rue de Rivoli, 75001 Paris',
      });
      const site = await buildSite(portal.dataSource, company, {
        name: 'Résidence Émile Zola',
        createdAt: LONG_AGO,
      });
      await buildEntryUser(portal.dataSource, site, {
        activeFrom: LONG_AGO,
        firstName: 'Zoé',
        lastName: 'Lefèvre',
      });
      const invoice = (await billCompany(portal.billing, company, NOVEMBER, RUN_AT))!;
      const token = await tokenFor(portal.dataSource, admin);
      const pdf = await fetch(`${portal.url}/api/invoices/${invoice.id}.pdf?lang=fr`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(bytes);
      if (text !== null) {
        expect(text).toContain(`Facture ${invoice.number}`);
        expect(text).toContain('Résidence Émile Zola');
        expect(text).toContain('Bâtiments Élysée');
        expect(text).toMatch(/Total\s+1,80\s*€/);
      }
      const csv = await fetch(`${portal.url}/api/invoices/${invoice.id}.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const rows = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(rows[0]).toBe(
        'invoice,period,site,first_name,last_name,email,apartment,days,days_in_period,unit_amount,user_amount,currency,cost_center,purchase_order_number',
      );
      expect(rows[1]).toMatch(
        new RegExp(`^${invoice.number},2026-11,Résidence Émile Zola,Zoé,Lefèvre,`),
      );
      expect(rows[1]).toMatch(/,30,30,150,150,EUR,,$/);
      const systemAdmin = await buildPerson(portal.dataSource, company, {
        accessLevel: 'SYSTEM_ADMIN',
      });
      const refused = await fetch(`${portal.url}/api/invoices/${invoice.id}.pdf`, {
        headers: { authorization: `Bearer ${await tokenFor(portal.dataSource, systemAdmin)}` },
      });
      expect(refused.status).toBe(403);
      const stranger = await payingCompany();
      const hidden = await fetch(`${portal.url}/api/invoices/${invoice.id}.pdf`, {
        headers: { authorization: `Bearer ${await tokenFor(portal.dataSource, stranger.admin)}` },
      });
      expect(hidden.status).toBe(404);
    });
  });

  describe('phases', () => {
    /** Automatic payers with a sandbox card, each with one user active since `since`. */
    async function automaticPayers(count: number, since: Date) {
      const companies = [];
      for (let i = 0; i < count; i++) {
        const { company } = await payingCompany({ createdAt: since }, 'pm_card_visa');
        const site = await buildSite(portal.dataSource, company, { createdAt: since });
        await buildEntryUser(portal.dataSource, site, { activeFrom: since });
        companies.push(company);
      }
      return companies;
    }

    async function chargesOf(invoices: InvoiceEntity[]) {
      return Promise.all(
        invoices.map(async (invoice) => ({
          status: (
            await portal.dataSource.getRepository(InvoiceEntity).findOneByOrFail({ id: invoice.id })
          ).status,
          attempts: await portal.dataSource
            .getRepository(PaymentAttemptEntity)
            .countBy({ invoiceId: invoice.id }),
          charges: Number(
            (
              (await portal.dataSource.query(
                'SELECT COUNT(*) AS n FROM sandbox_charge WHERE idempotencyKey = ?',
                [`invoice-${invoice.id}-attempt-1`],
              )) as Array<{ n: number | string }>
            )[0]!.n,
          ),
        })),
      );
    }

    it('should charge in the next run the invoices a run created but did not charge, each once', async () => {
      const since = at('2023-01-01T00:00:00Z');
      await automaticPayers(3, since);
      const period = parsePeriod('2023-06')!;
      const runAt = at('2023-07-01T01:00:00Z');
      // a run that stopped after its first phase: invoices out, nothing charged
      expect(await createInvoices(portal.billing, period, { now: runAt })).toBe(3);
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .findBy({ period: '2023-06' });
      expect((await chargesOf(invoices)).map((invoice) => invoice.attempts)).toEqual([0, 0, 0]);

      const rerun = await runBilling(portal.billing, period, { now: runAt });
      expect(rerun).toEqual({ created: 0, charged: 3, failed: 0 });
      expect(await chargesOf(invoices)).toEqual(
        invoices.map(() => ({ status: InvoiceStatus.PAID, attempts: 1, charges: 1 })),
      );
      expect(await runBilling(portal.billing, period, { now: runAt })).toEqual({
        created: 0,
        charged: 0,
        failed: 0,
      });
    });

    it('should create and charge every invoice once when two runs bill several companies at a time', async () => {
      const since = at('2022-01-01T00:00:00Z');
      await automaticPayers(5, since);
      const period = parsePeriod('2022-09')!;
      const runAt = at('2022-10-01T01:00:00Z');
      const [first, second] = await Promise.all([
        runBilling(portal.billing, period, { now: runAt, concurrency: 3 }),
        runBilling(portal.billing, period, { now: runAt, concurrency: 3 }),
      ]);
      expect(first.created + second.created).toBe(5);
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .find({ where: { period: '2022-09' }, order: { sequence: 'ASC' } });
      expect(invoices.map((invoice) => invoice.sequence)).toEqual([1, 2, 3, 4, 5]);
      expect(await chargesOf(invoices)).toEqual(
        invoices.map(() => ({ status: InvoiceStatus.PAID, attempts: 1, charges: 1 })),
      );
    });

    // Last here: its companies stay billable in every later month.
    it('should start no other company or charge once stopped (shutdown), and leave the rest to the next run', async () => {
      const since = at('2031-01-01T00:00:00Z');
      const mine = (await automaticPayers(5, since)).map((company) => company.id);
      const period = parsePeriod('2031-05')!;
      const runAt = at('2031-06-01T01:00:00Z');
      const stopping = new AbortController();
      // stopped as the first company is done: only the ones already under way (two) finish
      const stopped = await runBilling(portal.billing, period, {
        now: runAt,
        concurrency: 2,
        signal: stopping.signal,
        onProgress: () => stopping.abort(),
      });
      expect(stopped.created).toBeLessThanOrEqual(2);
      expect(stopped.charged).toBe(0);

      await runBilling(portal.billing, period, { now: runAt });
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .find({ where: { period: '2031-05' }, order: { sequence: 'ASC' } });
      // each company once, numbers without a gap, and the stopped run's invoices charged too
      expect(invoices.map((invoice) => invoice.sequence)).toEqual(
        invoices.map((_invoice, index) => index + 1),
      );
      const ofMine = invoices.filter((invoice) => mine.includes(invoice.companyId));
      expect(ofMine.map((invoice) => invoice.companyId).sort()).toEqual([...mine].sort());
      expect(ofMine.map((invoice) => invoice.status)).toEqual(mine.map(() => InvoiceStatus.PAID));
    });
  });
});
