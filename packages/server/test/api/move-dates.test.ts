import { utcDay } from '@entry/shared';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { parsePeriod } from '../../src/billing/billing-period';
import { billCompany } from '../../src/billing/billing-run';
import { InvoiceLineUserEntity } from '../../src/billing/invoice-line-user.entity';
import { InvoiceLineEntity } from '../../src/billing/invoice-line.entity';
import { PaymentMethodType } from '../../src/companies/company.entity';
import { nextInvoiceEstimate } from '../../src/home/dashboard.service';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { addEntryUser, updateEntryUser } from '../../src/sites/entry-users.service';
import { removeMovedOutUsers } from '../../src/sites/move-outs';
import type { SiteScope } from '../../src/sites/site-scope';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';

const LONG_AGO = new Date('2025-01-01T00:00:00Z');
const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);
const SYSTEM = { viewer: null, ip: null };

const ENTRY_USER = `{ entryUser { id status moveInDate moveOutDate activeFrom } userErrors { field code message } }`;

interface EntryUserAnswer {
  entryUser: {
    id: string;
    status: string;
    moveInDate: string | null;
    moveOutDate: string | null;
    activeFrom: string;
  } | null;
  userErrors: Array<{ field: string[]; code: string; message: string }>;
}

describeOnDialects('move-in and move-out dates on %s', (suite) => {
  const portal = suite.startPortal();
  // A second server process on the same database: the move-out job must act once across both.
  // SQLite is one process's file (its connection is the only writer), so there the second
  // server is the same one ticking twice at once.
  const second =
    suite.dialect === 'mysql'
      ? suite.startPortal(() => ({ DATABASE_URL: portal.databaseUrl }))
      : portal;

  async function aCompany() {
    const company = await buildCompany(portal.dataSource, {
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.MANUAL,
      country: 'SE',
      currency: 'SEK',
      createdAt: LONG_AGO,
    });
    const admin = await buildPerson(portal.dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    await portal.dataSource.getRepository(BillingAccountEntity).insert({
      companyId: company.id,
      vatNumberValid: false,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    const site = await buildSite(portal.dataSource, company, { createdAt: LONG_AGO });
    const scope: SiteScope = { kind: 'company', companyId: company.id };
    return { company, admin, site, scope, token: await tokenFor(portal.dataSource, admin) };
  }

  const resident = (
    email: string,
    dates: { moveInDate?: string | null; moveOutDate?: string | null },
  ) => ({
    firstName: 'Astrid',
    lastName: 'Lindqvist',
    email,
    ...dates,
  });

  describe('the API', () => {
    const today = () => utcDay(new Date());
    const inDays = (days: number) => utcDay(new Date(Date.now() + days * DAY_MS));

    it('should add a resident before moving in as UPCOMING, billed from the start of the move-in day', async () => {
      const { site, token } = await aCompany();
      const added = await portal.as<{ addEntryUser: EntryUserAnswer }>(
        token,
        `mutation ($siteId: ID!, $input: EntryUserInput!) { addEntryUser(siteId: $siteId, input: $input) ${ENTRY_USER} }`,
        {
          siteId: site.id,
          input: resident('upcoming@example.com', {
            moveInDate: inDays(10),
            moveOutDate: inDays(40),
          }),
        },
      );
      expect(added.data!.addEntryUser).toEqual({
        entryUser: {
          id: expect.any(String),
          status: 'UPCOMING',
          moveInDate: inDays(10),
          moveOutDate: inDays(40),
          activeFrom: `${inDays(10)}T00:00:00.000Z`,
        },
        userErrors: [],
      });
      // a move-in day already past: moving in is today, billing starts now
      const late = await portal.as<{ addEntryUser: EntryUserAnswer }>(
        token,
        `mutation ($siteId: ID!, $input: EntryUserInput!) { addEntryUser(siteId: $siteId, input: $input) ${ENTRY_USER} }`,
        { siteId: site.id, input: resident('late@example.com', { moveInDate: inDays(-3) }) },
      );
      expect(late.data!.addEntryUser.entryUser).toMatchObject({
        status: 'ACTIVE',
        moveInDate: inDays(-3),
      });
      expect(Date.parse(late.data!.addEntryUser.entryUser!.activeFrom)).toBeGreaterThan(
        Date.now() - 60_000,
      );
    });

    it('should refuse a day that is not one, a move-out in the past or before moving in, and a new move-in once moved in', async () => {
      const { site, token } = await aCompany();
      const add = (input: Record<string, unknown>) =>
        portal.as<{ addEntryUser: EntryUserAnswer }>(
          token,
          `mutation ($siteId: ID!, $input: EntryUserInput!) { addEntryUser(siteId: $siteId, input: $input) ${ENTRY_USER} }`,
          { siteId: site.id, input },
        );
      const problems = async (input: Record<string, unknown>) =>
        (await add(input)).data!.addEntryUser.userErrors.map((error) => [
          error.field.join('.'),
          error.code,
          error.message,
        ]);
      expect(await problems(resident('a@example.com', { moveInDate: '2027-02-30' }))).toEqual([
        ['input.moveInDate', 'INVALID', 'Enter a day as YYYY-MM-DD, e.g. 2027-03-31.'],
      ]);
      expect(await problems(resident('a@example.com', { moveOutDate: inDays(-1) }))).toEqual([
        [
          'input.moveOutDate',
          'INVALID',
          'The move-out date has passed. To remove the user today, remove them instead.',
        ],
      ]);
      expect(
        await problems(
          resident('a@example.com', { moveInDate: inDays(9), moveOutDate: inDays(8) }),
        ),
      ).toEqual([
        ['input.moveOutDate', 'INVALID', 'The move-out date cannot be before the move-in date.'],
      ]);
      expect(
        await portal.dataSource.getRepository(EntryUserEntity).countBy({ siteId: site.id }),
      ).toBe(0);

      const active = (await add(resident('a@example.com', {}))).data!.addEntryUser.entryUser!;
      const update = (input: Record<string, unknown>) =>
        portal.as<{ updateEntryUser: EntryUserAnswer }>(
          token,
          `mutation ($id: ID!, $input: EntryUserInput!) { updateEntryUser(id: $id, input: $input) ${ENTRY_USER} }`,
          { id: active.id, input },
        );
      const moved = await update(resident('a@example.com', { moveInDate: inDays(5) }));
      expect(moved.data!.updateEntryUser.userErrors).toEqual([
        {
          field: ['input', 'moveInDate'],
          code: 'INVALID',
          message: 'The user has moved in already: the move-in date can no longer change.',
        },
      ]);
      // a move-out today is fine: the user is removed at the end of the day
      const leaving = await update(resident('a@example.com', { moveOutDate: today() }));
      expect(leaving.data!.updateEntryUser.entryUser).toMatchObject({
        status: 'ACTIVE',
        moveOutDate: today(),
      });
      // left out: kept; null: cleared
      const renamed = await update({ ...resident('a@example.com', {}), firstName: 'Åsa' });
      expect(renamed.data!.updateEntryUser.entryUser!.moveOutDate).toBe(today());
      const staying = await update(resident('a@example.com', { moveOutDate: null }));
      expect(staying.data!.updateEntryUser.entryUser!.moveOutDate).toBeNull();
    });
  });

  describe('billing with a shifted clock', () => {
    it('should bill exactly the days between moving in and moving out, before and after the move-out job ran', async () => {
      const { company, site, scope } = await aCompany();
      // added on 10 March to move in on the 20th and out on 12 April
      const mover = await addEntryUser(
        portal.dataSource,
        scope,
        site.id,
        resident('mover@example.com', { moveInDate: '2026-03-20', moveOutDate: '2026-04-12' }),
        SYSTEM,
        at('2026-03-10T09:00:00Z'),
      );
      // added and moving out on the same day: one day
      const visitor = await addEntryUser(
        portal.dataSource,
        scope,
        site.id,
        resident('visitor@example.com', { moveOutDate: '2026-03-05' }),
        SYSTEM,
        at('2026-03-05T15:00:00Z'),
      );
      // billed a minute after midnight: the job has not removed the visitor yet
      const march = (await billCompany(
        portal.billing,
        company,
        parsePeriod('2026-03')!,
        at('2026-04-01T00:01:00Z'),
      ))!;
      expect(await daysBilled(march.id)).toEqual({ [mover.id]: 12, [visitor.id]: 1 });
      expect(
        (await portal.dataSource.getRepository(EntryUserEntity).findOneByOrFail({ id: visitor.id }))
          .removedAt,
      ).toBeNull();

      expect(await removeMovedOutUsers(portal.dataSource, at('2026-04-13T00:00:30Z'))).toBe(2);
      const removed = await portal.dataSource
        .getRepository(EntryUserEntity)
        .findOneByOrFail({ id: mover.id });
      expect(removed.removedAt).toEqual(at('2026-04-12T23:59:59.999Z'));
      expect(removed.activeEmail).toBeNull();
      const april = (await billCompany(
        portal.billing,
        company,
        parsePeriod('2026-04')!,
        at('2026-05-01T02:00:00Z'),
      ))!;
      expect(await daysBilled(april.id)).toEqual({ [mover.id]: 12 });
      // SEK 17.00 a month: 12 of 30 days
      const [line] = await portal.dataSource
        .getRepository(InvoiceLineEntity)
        .findBy({ invoiceId: april.id });
      expect(line).toMatchObject({ quantity: 1, amount: 680 });
    });

    it("should let the Home estimate follow a resident's move-out date", async () => {
      const { company, site, scope } = await aCompany();
      const user = await buildEntryUser(portal.dataSource, site, { activeFrom: LONG_AGO });
      const now = at('2026-06-05T10:00:00Z');
      const estimate = () =>
        nextInvoiceEstimate(portal.dataSource, company, { SEK: 3000 }, 'en', now);
      expect(await estimate()).toMatchObject({
        activeEntryUsers: 1,
        billedEntryUsers: 1,
        subtotal: 3000,
      });
      await updateEntryUser(
        portal.dataSource,
        scope,
        user.id,
        { ...resident(user.email, {}), moveOutDate: '2026-06-10' },
        SYSTEM,
        now,
      );
      // 10 of 30 days
      expect(await estimate()).toMatchObject({
        activeEntryUsers: 1,
        billedEntryUsers: 1,
        subtotal: 1000,
      });
      await addEntryUser(
        portal.dataSource,
        scope,
        site.id,
        resident('next@example.com', { moveInDate: '2026-06-21' }),
        SYSTEM,
        now,
      );
      // the next tenant counts from the 21st (10 days) but is not active yet
      expect(await estimate()).toMatchObject({
        activeEntryUsers: 1,
        billedEntryUsers: 2,
        subtotal: 2000,
      });
    });
  });

  describe('the move-out job', () => {
    it('should remove each resident once at the end of the move-out day, whichever of two servers gets there, with one audit event each', async () => {
      const { company, site } = await aCompany();
      const leaving = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          buildEntryUser(portal.dataSource, site, {
            activeFrom: LONG_AGO,
            email: `leaving.${index}@example.com`,
            moveOutDate: '2030-01-31',
          }),
        ),
      );
      const staying = await buildEntryUser(portal.dataSource, site, {
        activeFrom: LONG_AGO,
        moveOutDate: '2030-02-01',
      });
      // both servers' housekeeping runs just after midnight
      const night = at('2030-02-01T00:00:10Z');
      await Promise.all([portal.housekeeping.tick(night), second.housekeeping.tick(night)]);
      await Promise.all([portal.housekeeping.tick(night), second.housekeeping.tick(night)]);

      const users = await portal.dataSource
        .getRepository(EntryUserEntity)
        .findBy({ siteId: site.id });
      const removedAt = Object.fromEntries(users.map((user) => [user.id, user.removedAt]));
      for (const user of leaving)
        expect(removedAt[user.id]).toEqual(at('2030-01-31T23:59:59.999Z'));
      expect(removedAt[staying.id]).toBeNull();
      const events = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ companyId: company.id, kind: 'entry_user.moved_out' });
      expect(events.map((event) => event.subjectId).sort()).toEqual(
        leaving.map((user) => user.id).sort(),
      );
      expect(events[0]).toMatchObject({
        actorPersonId: null,
        after: { moveOutDate: '2030-01-31', removedAt: '2030-01-31T23:59:59.999Z' },
      });
    });

    it('should import and export the move dates in the CSV file, and skip a row whose move-out has passed', async () => {
      const { site, token } = await aCompany();
      const csv = [
        'first_name,last_name,email,move_in_date,move_out_date',
        'Astrid,Lindqvist,astrid@example.com,2099-05-01,2099-06-30',
        'Nils,Ek,nils@example.com,,2000-01-01',
      ].join('\n');
      const imported = await portal.as<{
        importEntryUsers: {
          importedCount: number;
          skipped: Array<{ line: number; problems: Array<{ field: string[]; message: string }> }>;
        };
      }>(
        token,
        'mutation ($siteId: ID!, $csv: String!) { importEntryUsers(siteId: $siteId, csv: $csv) { importedCount skipped { line problems { field message } } } }',
        { siteId: site.id, csv },
      );
      expect(imported.data!.importEntryUsers).toEqual({
        importedCount: 1,
        skipped: [
          {
            line: 3,
            problems: [
              {
                field: ['rows', '3', 'move_out_date'],
                message:
                  'The move-out date has passed. To remove the user today, remove them instead.',
              },
            ],
          },
        ],
      });
      const exported = await fetch(`${portal.url}/api/sites/${site.id}/entry-users.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const lines = (await exported.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toEqual([
        'first_name,last_name,email,apartment,move_in_date,move_out_date',
        'Astrid,Lindqvist,astrid@example.com,,2099-05-01,2099-06-30',
      ]);
    });
  });

  /** Days billed per Entry app user id on an invoice. */
  async function daysBilled(invoiceId: string): Promise<Record<string, number>> {
    const lines = await portal.dataSource.getRepository(InvoiceLineEntity).findBy({ invoiceId });
    const users = await portal.dataSource
      .getRepository(InvoiceLineUserEntity)
      .find({ where: lines.map((line) => ({ invoiceLineId: line.id })) });
    return Object.fromEntries(users.map((user) => [user.entryUserId, user.days]));
  }
});
