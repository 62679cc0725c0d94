import { roundHalfUp } from '../../src/billing/proration';
import { PersonStatus } from '../../src/people/person.entity';
import { SiteActivePeriodEntity } from '../../src/sites/site-active-period.entity';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { buildWorld, type World } from '../support/world';

const COUNTS = `{ dashboard { siteCount activeSiteCount inactiveSiteCount entryUserCount invitedPeopleCount } }`;
const ESTIMATE = `{ dashboard { nextInvoiceEstimate {
  currency periodStart periodEnd activeEntryUsers billedEntryUsers unitAmount subtotal note
} } }`;

type Counts = {
  siteCount: number;
  activeSiteCount: number;
  inactiveSiteCount: number;
  entryUserCount: number;
  invitedPeopleCount: number | null;
};

const LONG_AGO = new Date('2020-01-01T00:00:00.000Z');

describeOnDialects('the Home dashboard on %s', (suite) => {
  const portal = suite.startPortal();
  let world: World;

  beforeAll(async () => {
    const dataSource = portal.dataSource;
    world = await buildWorld(dataSource);
    // own: 3 current users and 1 removed; other: 2; a deactivated site: 4 (not counted)
    for (let i = 0; i < 3; i++) await buildEntryUser(dataSource, world.assignedSite);
    await buildEntryUser(dataSource, world.assignedSite, { removedAt: new Date() });
    for (let i = 0; i < 2; i++) await buildEntryUser(dataSource, world.otherSite);
    const closed = await buildSite(dataSource, world.company, { active: false });
    for (let i = 0; i < 4; i++) await buildEntryUser(dataSource, closed);
    await buildEntryUser(dataSource, world.otherCompanySite);
    for (let i = 0; i < 2; i++)
      await buildPerson(dataSource, world.company, { status: PersonStatus.INVITED });
    await buildPerson(dataSource, world.otherCompany, { status: PersonStatus.INVITED });
  });

  it.each([
    ['a payment admin', 'paymentAdmin', [3, 2, 1, 5, 2]],
    ['a system admin', 'systemAdmin', [3, 2, 1, 5, 2]],
    ['a site admin', 'siteAdminAssigned', [1, 1, 0, 3, null]],
    ['a site admin without sites', 'siteAdminWithoutSites', [0, 0, 0, 0, null]],
    ['a payment admin of another company', 'otherCompanyPaymentAdmin', [1, 1, 0, 1, 1]],
    ['an operator', 'operator', [0, 0, 0, 0, null]],
  ] as const)('should count only what %s may see', async (_label, who, expected) => {
    const token = world.tokens[who];
    const response = await portal.as<{ dashboard: Counts }>(token, COUNTS);
    expect(response.errors).toBeUndefined();
    const [siteCount, activeSiteCount, inactiveSiteCount, entryUserCount, invitedPeopleCount] =
      expected;
    expect(response.data!.dashboard).toEqual({
      siteCount,
      activeSiteCount,
      inactiveSiteCount,
      entryUserCount,
      invitedPeopleCount,
    });
  });

  it('should answer UNAUTHENTICATED when nobody is signed in', async () => {
    const response = await portal.as(undefined, COUNTS);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a system admin', 'systemAdmin'],
    ['a site admin', 'siteAdminAssigned'],
    ['an operator', 'operator'],
  ] as const)(
    'should answer FORBIDDEN for the invoice estimate when %s asks',
    async (_label, who) => {
      const token = world.tokens[who];
      const response = await portal.as<{ dashboard: { nextInvoiceEstimate: unknown } }>(
        token,
        ESTIMATE,
      );
      expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.path).toEqual(['dashboard', 'nextInvoiceEstimate']);
    },
  );

  it('should estimate the current month prorated by the days each user is active at an active site', async () => {
    const dataSource = portal.dataSource;
    const company = await buildCompany(dataSource, { billingSetupComplete: true, currency: 'SEK' });
    const admin = await buildPerson(dataSource, company);
    const now = new Date();
    const daysInMonth = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0),
    ).getUTCDate();
    const today = now.getUTCDate(); // 1-based: days elapsed including today

    const established = await buildSite(dataSource, company, { createdAt: LONG_AGO });
    for (let i = 0; i < 3; i++)
      await buildEntryUser(dataSource, established, { activeFrom: LONG_AGO }); // whole month
    await buildEntryUser(dataSource, established, { activeFrom: LONG_AGO, removedAt: now }); // until today
    await buildEntryUser(dataSource, established, {
      activeFrom: LONG_AGO,
      removedAt: new Date('2021-01-01T00:00:00.000Z'),
    }); // gone before this month: not billed

    const fresh = await buildSite(dataSource, company, { createdAt: LONG_AGO });
    for (let i = 0; i < 2; i++) await buildEntryUser(dataSource, fresh, { activeFrom: now }); // today to the end

    // deactivated today: its user counts until today included
    const closing = await buildSite(dataSource, company, { createdAt: LONG_AGO, active: false });
    await dataSource
      .getRepository(SiteActivePeriodEntity)
      .update({ siteId: closing.id }, { endedAt: now });
    await buildEntryUser(dataSource, closing, { activeFrom: LONG_AGO });

    const response = await portal.as<{
      dashboard: {
        nextInvoiceEstimate: {
          currency: string;
          periodStart: string;
          periodEnd: string;
          activeEntryUsers: number;
          billedEntryUsers: number;
          unitAmount: number;
          subtotal: number;
          note: string;
        };
      };
    }>(await tokenFor(dataSource, admin), ESTIMATE);
    expect(response.errors).toBeUndefined();
    const estimate = response.data!.dashboard.nextInvoiceEstimate;
    // one invoice line per site, each rounded to the cent on its own (as the invoice does)
    const userDaysPerSite = [3 * daysInMonth + today, 2 * (daysInMonth - today + 1), today];
    const subtotal = userDaysPerSite.reduce(
      (sum, days) => sum + roundHalfUp(1700 * days, daysInMonth),
      0,
    );
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(estimate).toEqual({
      currency: 'SEK',
      periodStart: `${month}-01`,
      periodEnd: `${month}-${String(daysInMonth).padStart(2, '0')}`,
      activeEntryUsers: 5,
      billedEntryUsers: 7,
      unitAmount: 1700,
      subtotal,
      note: 'Estimate without VAT: VAT is added on the invoice.',
    });
  });

  it('should estimate nothing for a company without Entry app users', async () => {
    const company = await buildCompany(portal.dataSource, { currency: 'EUR', country: 'NL' });
    const admin = await buildPerson(portal.dataSource, company, { locale: 'nl' });
    const response = await portal.as<{
      dashboard: { nextInvoiceEstimate: { subtotal: number; unitAmount: number; note: string } };
    }>(await tokenFor(portal.dataSource, admin), ESTIMATE);
    expect(response.data!.dashboard.nextInvoiceEstimate).toMatchObject({
      subtotal: 0,
      unitAmount: 150,
      note: 'Schatting zonder btw: de btw komt er op de factuur bij.',
    });
  });
});
