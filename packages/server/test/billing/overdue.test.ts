import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { startBillingScheduler } from '../../src/billing/billing-scheduler';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import { runOverdueSteps } from '../../src/billing/overdue';
import { PaymentAttemptEntity } from '../../src/billing/payment-attempt.entity';
import { createStripeProvider } from '../../src/billing/payments/stripe-provider';
import {
  CompanyEntity,
  CompanyStatus,
  PaymentMethodType,
} from '../../src/companies/company.entity';
import { silentLogger } from '../../src/observability/logger';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import {
  buildCompany,
  buildEntryUser,
  buildInvoice,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import type { TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';
import type { SmtpCapture } from '../support/smtp-capture';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const after = (date: Date, ms: number) => new Date(date.getTime() + ms);

/**
 * A company that pays by invoice, with a Dutch payment admin, a French accounts-payable address,
 * a site with a resident, and one invoice due at `dueAt`.
 */
async function overdueWorld(
  dataSource: DataSource,
  dueAt: Date,
  overrides: { paymentMethod?: PaymentMethodType; status?: CompanyStatus } = {},
) {
  const company = await buildCompany(dataSource, {
    billingSetupComplete: true,
    paymentMethod: overrides.paymentMethod ?? PaymentMethodType.MANUAL,
    status: overrides.status ?? CompanyStatus.APPROVED,
    country: 'NL',
    currency: 'EUR',
  });
  const admin = await buildPerson(dataSource, company, {
    accessLevel: 'PAYMENT_ADMIN',
    locale: 'nl',
    firstName: 'Daan',
  });
  const accountsPayable = `crediteuren.${company.id.slice(0, 8)}@example.com`;
  await dataSource.getRepository(BillingAccountEntity).insert({
    companyId: company.id,
    vatNumberValid: false,
    billingEmails: [accountsPayable],
    billingEmailsLocale: 'fr',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const site = await buildSite(dataSource, company);
  const resident = await buildEntryUser(dataSource, site);
  const invoice = await buildInvoice(dataSource, company, {
    dueAt,
    issuedAt: after(dueAt, -14 * DAY_MS),
    purchaseOrderNumber: 'PO-77',
  });
  return { company, admin, accountsPayable, site, resident, invoice };
}

const auditKinds = async (dataSource: DataSource, companyId: string) =>
  (
    await dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { companyId }, order: { createdAt: 'ASC' } })
  )
    .map((event) => event.kind)
    .filter((kind) => kind.startsWith('invoice.') || kind.startsWith('company.'));

const statusOf = async (dataSource: DataSource, companyId: string) =>
  (await dataSource.getRepository(CompanyEntity).findOneByOrFail({ id: companyId })).status;

/** What a company's recipients were mailed of the overdue path: [address, template, subject]. */
function mailsOf(smtp: SmtpCapture, ...addresses: string[]) {
  return smtp.messages
    .filter((mail) => addresses.some((address) => mail.to.includes(address)))
    .filter((mail) => mail.template !== 'invoice-issued')
    .map((mail) => [mail.to[0], mail.template, mail.subject]);
}

describeOnDialects('overdue invoices on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal();
  // a second server process on the same database (SQLite is one process's file: there the
  // same server runs its pass twice at once)
  const second: TestPortal =
    suite.dialect === 'mysql'
      ? suite.startPortal(() => ({
          DATABASE_URL: portal.databaseUrl,
          // its mail worker sends too: to the same capture
          SMTP_URL: smtp.url,
          PUBLIC_URL: 'http://portal.test',
        }))
      : portal;

  it('should remind on the due date and 7 days after and suspend at 14 days, each once with two servers, in each recipient language', async () => {
    const dueAt = new Date('2031-03-15T00:30:00Z');
    const world = await overdueWorld(portal.dataSource, dueAt);
    const { company, admin, accountsPayable } = world;
    const bothServers = async (now: Date) => {
      const [a, b] = await Promise.all([
        runOverdueSteps(portal.billing, now),
        runOverdueSteps(second.billing, now),
      ]);
      await portal.mailWorker.drain();
      return a.reminded + b.reminded + a.suspended + b.suspended;
    };

    expect(await bothServers(after(dueAt, -HOUR_MS))).toBe(0);
    expect(await bothServers(after(dueAt, HOUR_MS))).toBe(1);
    expect(await bothServers(after(dueAt, 2 * HOUR_MS))).toBe(0);
    expect(await bothServers(after(dueAt, 7 * DAY_MS + HOUR_MS))).toBe(1);
    expect(await bothServers(after(dueAt, 13 * DAY_MS))).toBe(0);
    expect(await statusOf(portal.dataSource, company.id)).toBe(CompanyStatus.APPROVED);
    expect(await bothServers(after(dueAt, 14 * DAY_MS + HOUR_MS))).toBe(1);
    expect(await bothServers(after(dueAt, 15 * DAY_MS))).toBe(0);
    expect(await statusOf(portal.dataSource, company.id)).toBe(CompanyStatus.SUSPENDED);

    // two servers' mail workers send: the order of arrival is not the order of the steps
    const expected = [
      [admin.email, 'invoice-reminder', `Factuur ${world.invoice.number} vervalt vandaag`],
      [
        accountsPayable,
        'invoice-reminder',
        `La facture ${world.invoice.number} arrive à échéance aujourd’hui`,
      ],
      [admin.email, 'invoice-reminder', `Herinnering: factuur ${world.invoice.number} is te laat`],
      [
        accountsPayable,
        'invoice-reminder',
        `Rappel : la facture ${world.invoice.number} est en retard`,
      ],
      [admin.email, 'account-suspended', 'Uw account is opgeschort vanwege een onbetaalde factuur'],
      [accountsPayable, 'account-suspended', 'Votre compte est suspendu pour une facture impayée'],
    ];
    for (const [to, , subject] of expected)
      await smtp.waitFor((mail) => mail.to.includes(to!) && mail.subject === subject);
    expect(mailsOf(smtp, admin.email, accountsPayable).sort()).toEqual(expected.sort());
    const overdue = smtp.lastTo(admin.email, 'invoice-reminder')!;
    expect(overdue.text).toContain('Beste Daan,');
    expect(overdue.text).toContain('29 maart 2031');
    expect(overdue.text).toContain('Inkoopordernummer: PO-77');
    expect(await auditKinds(portal.dataSource, company.id)).toEqual([
      'invoice.reminder_sent',
      'invoice.reminder_sent',
      'company.suspended',
    ]);
  });

  it('should catch up after a restart: back 8 days after the due date it sends the second reminder only, once', async () => {
    const dueAt = new Date('2031-05-01T00:30:00Z');
    const { company, admin, accountsPayable } = await overdueWorld(portal.dataSource, dueAt);
    const clock = { now: after(dueAt, 8 * DAY_MS) };
    // the scheduler's first pass starts at once, like a server starting
    const scheduler = startBillingScheduler(portal.billing, {
      intervalMs: HOUR_MS,
      now: () => clock.now,
    });
    try {
      await scheduler.tick();
      clock.now = after(clock.now, HOUR_MS);
      await scheduler.tick();
    } finally {
      await scheduler.stop();
    }
    // the other server's mail worker may be the one sending
    await smtp.waitForMailTo(accountsPayable, 'invoice-reminder');
    await smtp.waitForMailTo(admin.email, 'invoice-reminder');
    // the second reminder ("te laat", "en retard"), once to each, and not the first
    const sent = mailsOf(smtp, admin.email, accountsPayable);
    expect(sent.map(([to, template]) => `${to} ${template}`).sort()).toEqual(
      [`${admin.email} invoice-reminder`, `${accountsPayable} invoice-reminder`].sort(),
    );
    for (const [, , subject] of sent) expect(subject).toMatch(/^(Herinnering|Rappel)/);
    expect(await auditKinds(portal.dataSource, company.id)).toEqual(['invoice.reminder_sent']);
  });

  describe('a suspended company', () => {
    /** Suspended by the real path: an invoice 15 days past its due date, on today's clock. */
    async function suspendedWorld() {
      const world = await overdueWorld(portal.dataSource, after(new Date(), -15 * DAY_MS));
      await runOverdueSteps(portal.billing, new Date());
      expect(await statusOf(portal.dataSource, world.company.id)).toBe(CompanyStatus.SUSPENDED);
      return { ...world, token: await tokenFor(portal.dataSource, world.admin) };
    }

    const codeOf = (answer: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
      answer.errors?.[0]?.extensions?.['code'];

    it('should refuse what grows with ACCOUNT_SUSPENDED in the viewer language and keep everything else working', async () => {
      const { token, site, resident, company } = await suspendedWorld();
      const created = await portal.as(
        token,
        'mutation { createSite(input: { name: "Nieuw" }) { site { id } } }',
      );
      expect(created.errors?.[0]).toMatchObject({
        message:
          'Het account van uw bedrijf is opgeschort vanwege een onbetaalde factuur: geen nieuwe locaties, Entry app-gebruikers of uitnodigingen tot die betaald is. Al het andere blijft werken.',
        extensions: { code: 'ACCOUNT_SUSPENDED' },
      });
      for (const growth of [
        `mutation { addEntryUser(siteId: "${site.id}", input: { firstName: "A", lastName: "B", email: "ab@example.com" }) { entryUser { id } } }`,
        `mutation { importEntryUsers(siteId: "${site.id}", csv: "first_name,last_name,email\\nA,B,ab@example.com") { importedCount } }`,
        'mutation { invitePerson(input: { firstName: "A", lastName: "B", email: "ab@example.com", accessLevel: SYSTEM_ADMIN }) { person { id } } }',
      ])
        expect(codeOf(await portal.as(token, growth))).toBe('ACCOUNT_SUSPENDED');
      const upload = await fetch(`${portal.url}/api/sites/${site.id}/entry-users/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: 'first_name,last_name,email\nA,B,ab@example.com\n',
      });
      expect(upload.status).toBe(403);
      expect(((await upload.json()) as { error: { code: string } }).error.code).toBe(
        'ACCOUNT_SUSPENDED',
      );
      expect(
        await portal.dataSource.getRepository(EntryUserEntity).countBy({ siteId: site.id }),
      ).toBe(1);

      // what exists keeps working: the sites, the residents (who keep their doors), the preview
      const read = await portal.as<{ sites: { totalCount: number } }>(
        token,
        '{ sites { totalCount } }',
      );
      expect(read.data!.sites.totalCount).toBe(1);
      const edited = await portal.as<{ updateEntryUser: { entryUser: { status: string } } }>(
        token,
        `mutation { updateEntryUser(id: "${resident.id}", input: { firstName: "Astrid", lastName: "Lindqvist", email: "${resident.email}", apartment: "12" }) { entryUser { status } } }`,
      );
      expect(edited.data!.updateEntryUser.entryUser.status).toBe('ACTIVE');
      const preview = await portal.as(
        token,
        `mutation { previewEntryUserImport(siteId: "${site.id}", csv: "first_name,last_name,email\\nA,B,ab@example.com") { validCount } }`,
      );
      expect(preview.errors).toBeUndefined();
      const banner = await portal.as<{
        company: { status: string; overdue: { invoiceCount: number; total: number } };
      }>(token, '{ company { status overdue { invoiceCount total currency } } }');
      expect(banner.data!.company).toMatchObject({
        status: 'SUSPENDED',
        overdue: { invoiceCount: 1, total: 12_500 },
      });
      // a system admin sees the state, not the amounts
      const sysadmin = await buildPerson(portal.dataSource, company, {
        accessLevel: 'SYSTEM_ADMIN',
      });
      const quiet = await portal.as<{ company: { status: string } }>(
        await tokenFor(portal.dataSource, sysadmin),
        '{ company { status } }',
      );
      expect(quiet.data!.company.status).toBe('SUSPENDED');
    });

    it('should be restored at once, with its email and audit event, when a card payment in the portal leaves nothing overdue', async () => {
      const { token, company, admin, invoice } = await suspendedWorld();
      // a second invoice, overdue for a day: paying the first alone leaves the company suspended
      const second = await buildInvoice(portal.dataSource, company, {
        period: '2026-02',
        dueAt: after(new Date(), -DAY_MS),
      });
      const pay = (id: string) =>
        portal.as<{ payInvoice: { invoice: { status: string }; userErrors: unknown[] } }>(
          token,
          'mutation ($id: ID!) { payInvoice(id: $id, paymentMethodToken: "pm_card_visa") { invoice { status } userErrors { code } } }',
          { id },
        );
      expect((await pay(invoice.id)).data!.payInvoice).toEqual({
        invoice: { status: 'PAID' },
        userErrors: [],
      });
      expect(await statusOf(portal.dataSource, company.id)).toBe(CompanyStatus.SUSPENDED);
      expect((await pay(second.id)).data!.payInvoice.invoice.status).toBe('PAID');
      expect(await statusOf(portal.dataSource, company.id)).toBe(CompanyStatus.APPROVED);

      const restored = await smtp.waitForMailTo(admin.email, 'account-restored');
      expect(restored.subject).toBe('Uw account is weer volledig actief');
      // the reminder and the suspension came in the same pass (the same instant)
      const kinds = await auditKinds(portal.dataSource, company.id);
      expect(kinds.slice(0, 2).sort()).toEqual(['company.suspended', 'invoice.reminder_sent']);
      expect(kinds.slice(2)).toEqual(['company.restored']);
      const created = await portal.as<{ createSite: { site: { id: string } } }>(
        token,
        'mutation { createSite(input: { name: "Weer welkom" }) { site { id } } }',
      );
      expect(created.data!.createSite.site.id).toEqual(expect.any(String));
      const banner = await portal.as<{ company: { overdue: unknown } }>(
        token,
        '{ company { overdue { total } } }',
      );
      expect(banner.data!.company.overdue).toBeNull();
    });
  });
});

const SECRET_KEY = 'sk_test_overdue';
const WEBHOOK_SECRET = 'whsec_overdue_test_secret';

describeOnDialects('a suspended company restored by the payment provider on %s', (suite) => {
  const smtp = suite.startSmtpCapture();
  const standin = suite.startStripeStandin(SECRET_KEY);
  const portal = suite.startPortal(() => ({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://portal.test',
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_overdue',
    STRIPE_API_BASE: standin.url,
  }));

  it("should be restored at once when the provider's webhook says the automatic retry succeeded", async () => {
    const { company, admin, accountsPayable, invoice } = await overdueWorld(
      portal.dataSource,
      after(new Date(), -16 * DAY_MS),
      { paymentMethod: PaymentMethodType.AUTOMATIC, status: CompanyStatus.SUSPENDED },
    );
    await portal.dataSource
      .getRepository(InvoiceEntity)
      .update({ id: invoice.id }, { status: InvoiceStatus.PAYMENT_FAILED });
    // the scheduler's retry went out; its answer comes by webhook
    const attempt = portal.dataSource.getRepository(PaymentAttemptEntity).create({
      invoiceId: invoice.id,
      attempt: 2,
      idempotencyKey: `invoice-${invoice.id}-attempt-2`,
      amount: invoice.total,
      currency: invoice.currency,
      status: 'PENDING' as never,
      trigger: 'RETRY',
      providerPaymentId: null,
      failureCode: null,
      failureMessage: null,
      createdAt: new Date(),
      completedAt: null,
    });
    await portal.dataSource.getRepository(PaymentAttemptEntity).insert(attempt);
    const stripe = createStripeProvider(portal.config.stripe!, { logger: silentLogger });
    const customerId = await stripe.ensureCustomer({
      id: company.id,
      name: company.name,
      email: admin.email,
    });
    const { methodId } = await stripe.saveCard(customerId, 'pm_card_visa');
    const charged = await stripe.charge({
      customerId,
      methodId,
      amount: attempt.amount,
      currency: attempt.currency,
      idempotencyKey: attempt.idempotencyKey,
      description: `Invoice ${invoice.number}`,
      metadata: { attemptId: attempt.id, invoiceId: invoice.id },
    });
    const event = standin.event(
      'payment_intent.succeeded',
      standin.paymentIntent(charged.paymentId!)!,
    );
    const answer = await standin.sendWebhook(`${portal.url}/api/stripe/webhook`, event, {
      secret: WEBHOOK_SECRET,
    });
    expect(answer.status).toBe(200);

    expect(await statusOf(portal.dataSource, company.id)).toBe(CompanyStatus.APPROVED);
    const restored = await smtp.waitForMailTo(accountsPayable, 'account-restored');
    expect(restored.subject).toBe('Votre compte est entièrement rétabli');
    expect(restored.text.split('\n')[0]).toBe('Bonjour,');
    expect(await auditKinds(portal.dataSource, company.id)).toEqual(['company.restored']);
  });
});
