import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { BILLING_LEASE } from '../../src/billing/billing-lease';
import { startBillingScheduler } from '../../src/billing/billing-scheduler';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import { PaymentMethodType } from '../../src/companies/company.entity';
import { JobLeaseEntity } from '../../src/jobs/job-lease.entity';
import { buildCompany, buildEntryUser, buildPerson, buildSite } from '../factories';
import { describeOnDialects } from '../support/dialects';

describeOnDialects('billing scheduler on %s', (suite) => {
  const portal = suite.startPortal();

  /** A company that pays by invoice, with one user active since `since`: billable every month. */
  async function billableCompany(since: Date) {
    const company = await buildCompany(portal.dataSource, {
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.MANUAL,
      createdAt: since,
    });
    await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    await portal.dataSource
      .getRepository(BillingAccountEntity)
      .insert({ companyId: company.id, vatNumberValid: false, createdAt: since, updatedAt: since });
    const site = await buildSite(portal.dataSource, company, { createdAt: since });
    await buildEntryUser(portal.dataSource, site, { activeFrom: since });
    return company;
  }

  it('should catch up the month missed while down at its first pass, then bill nothing twice', async () => {
    const company = await billableCompany(new Date('2026-08-01T00:00:00Z'));

    // the server comes back on the 3rd of September: August was never billed
    const clock = { now: new Date('2026-09-03T08:00:00Z') };
    const scheduler = startBillingScheduler(portal.billing, {
      intervalMs: 3_600_000,
      now: () => clock.now,
    });
    try {
      await scheduler.tick();
      const invoices = await portal.dataSource
        .getRepository(InvoiceEntity)
        .findBy({ companyId: company.id });
      expect(invoices.map((invoice) => [invoice.period, invoice.status])).toEqual([
        ['2026-08', InvoiceStatus.OPEN],
      ]);
      clock.now = new Date('2026-09-03T09:00:00Z');
      await scheduler.tick();
      expect(
        await portal.dataSource.getRepository(InvoiceEntity).countBy({ companyId: company.id }),
      ).toBe(1);
      // on the 1st of October it bills September
      clock.now = new Date('2026-10-01T00:30:00Z');
      await scheduler.tick();
      const periods = (
        await portal.dataSource.getRepository(InvoiceEntity).findBy({ companyId: company.id })
      )
        .map((invoice) => invoice.period)
        .sort();
      expect(periods).toEqual(['2026-08', '2026-09']);
    } finally {
      await scheduler.stop();
    }
  });

  it('should let a shutdown stop its pass before the next company, and bill that month at the next start', async () => {
    const company = await billableCompany(new Date('2025-01-01T00:00:00Z'));
    const invoices = () =>
      portal.dataSource.getRepository(InvoiceEntity).countBy({ companyId: company.id });
    const options = { intervalMs: 3_600_000, now: () => new Date('2025-06-02T08:00:00Z') };

    // its first pass starts at once; the shutdown comes before it reached a company
    await startBillingScheduler(portal.billing, options).stop();
    expect(await invoices()).toBe(0);

    const restarted = startBillingScheduler(portal.billing, options);
    try {
      await restarted.tick();
      expect(await invoices()).toBe(1);
    } finally {
      await restarted.stop();
    }
  });

  it('should wait while another process holds the billing lease, and take the month over once a killed holder lets it run out', async () => {
    const company = await billableCompany(new Date('2025-01-01T00:00:00Z'));
    const invoices = () =>
      portal.dataSource.getRepository(InvoiceEntity).countBy({ companyId: company.id });
    // a process that was billing was killed: its lease stands until it runs out
    await portal.dataSource.getRepository(JobLeaseEntity).insert({
      name: BILLING_LEASE,
      holder: 'a killed process',
      expiresAt: new Date(Date.now() + 1_500),
    });
    const scheduler = startBillingScheduler(portal.billing, {
      intervalMs: 3_600_000,
      now: () => new Date('2025-07-02T08:00:00Z'),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await invoices()).toBe(0);
      await scheduler.tick();
      expect(await invoices()).toBe(1);
      expect(
        await portal.dataSource.getRepository(JobLeaseEntity).countBy({ name: BILLING_LEASE }),
      ).toBe(0);
    } finally {
      await scheduler.stop();
    }
  });
});
