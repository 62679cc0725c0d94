import type { DataSource } from 'typeorm';
import { BillingAccountEntity } from '../../src/billing/billing-account.entity';
import { previousPeriod } from '../../src/billing/billing-period';
import { runBilling } from '../../src/billing/billing-run';
import { InvoiceEntity } from '../../src/billing/invoice.entity';
import { createSandboxProvider } from '../../src/billing/payments/sandbox-provider';
import { PaymentMethodType, type CompanyEntity } from '../../src/companies/company.entity';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/observability/logger';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import {
  buildCompany,
  buildEntryUser,
  buildOperator,
  buildPerson,
  buildSite,
  tokenFor,
} from '../factories';
import { buildWorld, type World } from '../support/world';
import {
  createClusterDatabase,
  describeOnGalera,
  openClusterDataSource,
  startGaleraCluster,
  startPortalOnCluster,
  type GaleraCluster,
  type PortalProcess,
} from './cluster-suite';

type UserErrors = Array<{ field: string[] | null; code: string }>;

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { userErrors { field code } }
}`;
const INVITE = `mutation ($input: InvitePersonInput!) {
  invitePerson(input: $input) { person { id } userErrors { field code } }
}`;
const CREATE_SITE = `mutation ($input: SiteInput!) {
  createSite(input: $input) { site { id } userErrors { field code } }
}`;
const IMPORT = `mutation ($siteId: ID!, $csv: String!) {
  importEntryUsers(siteId: $siteId, csv: $csv) { importedCount userErrors { field code } }
}`;
const ADD_USER = `mutation ($siteId: ID!, $input: EntryUserInput!) {
  addEntryUser(siteId: $siteId, input: $input) { entryUser { id } userErrors { field code } }
}`;
const PAY = `mutation ($id: ID!) {
  payInvoice(id: $id, paymentMethodToken: "pm_card_visa") { invoice { status } userErrors { field code } }
}`;
const RUN_BILLING = `mutation ($period: String!) {
  runBilling(period: $period) { created userErrors { code } }
}`;

/** The payload's userErrors of an answer that must be a success or a clean user error. */
function userErrorsOf(
  answer: Awaited<ReturnType<PortalProcess['gql']>>,
  field: string,
): UserErrors {
  // never an internal error, never a refusal of the whole request
  expect({ status: answer.status, errors: answer.errors }).toEqual({
    status: 200,
    errors: undefined,
  });
  return (answer.data as Record<string, { userErrors: UserErrors }>)[field]!.userErrors;
}

const count = async (dataSource: DataSource, sql: string, params: unknown[] = []) =>
  Number(((await dataSource.query(sql, params)) as Array<{ n: number | string }>)[0]!.n);

describeOnGalera('two portal processes on two nodes of a Galera cluster', () => {
  let cluster: GaleraCluster;
  let database: string;
  /** talks to node 1 first, then 2, 3 */
  let a: PortalProcess;
  /** talks to node 2 first, then 3, 1 */
  let b: PortalProcess;
  /** the test's own connections: node 3 first */
  let dataSource: DataSource;
  let world: World;

  beforeAll(async () => {
    cluster = await startGaleraCluster({ dir: process.env['GALERA_TEST_DIR'] });
    try {
      database = await createClusterDatabase(cluster);
      // both at once on an empty database: one applies the migrations, the other waits
      [a, b] = await Promise.all([
        startPortalOnCluster(cluster, database, [0, 1, 2]),
        startPortalOnCluster(cluster, database, [1, 2, 0]),
      ]);
      dataSource = await openClusterDataSource(cluster, database, [2, 1, 0]);
      world = await buildWorld(dataSource);
    } catch (error) {
      await Promise.all([a?.stop(), b?.stop()]);
      if (dataSource?.isInitialized) await dataSource.destroy();
      await cluster.stop();
      throw error;
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await cluster?.stop();
  }, 120_000);

  it('should register the same email once when both processes get it at the same moment', async () => {
    for (let round = 0; round < 15; round++) {
      const email = `same.registrant.${round}@example.com`;
      const input = {
        type: 'INSTALLER',
        country: 'NL',
        companyName: `Twee Deuren ${round} B.V.`,
        companyAddress: 'Damrak 1, 1012 LG Amsterdam',
        firstName: 'Sanne',
        lastName: 'de Vries',
        email,
      };
      const answers = await Promise.all([a.gql(REGISTER, { input }), b.gql(REGISTER, { input })]);
      // an address that has an account answers like a new one (no one learns who has one)
      for (const answer of answers) expect(userErrorsOf(answer, 'register')).toEqual([]);
      expect(
        await count(dataSource, 'SELECT COUNT(*) AS n FROM person WHERE email = ?', [email]),
      ).toBe(1);
    }
  });

  it('should invite the same person once when both processes get the invitation at once', async () => {
    const token = world.tokens.paymentAdmin;
    for (let round = 0; round < 10; round++) {
      const email = `same.invitee.${round}@example.com`;
      const input = { firstName: 'Daisy', lastName: 'Burton', email, accessLevel: 'SYSTEM_ADMIN' };
      const answers = await Promise.all([
        a.gql(INVITE, { input }, token),
        b.gql(INVITE, { input }, token),
      ]);
      const codes = answers.map((answer) =>
        userErrorsOf(answer, 'invitePerson').map((error) => error.code),
      );
      expect(codes.filter((errors) => errors.length === 0)).toHaveLength(1);
      expect(codes.filter((errors) => errors.length > 0)).toEqual([['TAKEN']]);
      expect(
        await count(dataSource, 'SELECT COUNT(*) AS n FROM person WHERE email = ?', [email]),
      ).toBe(1);
    }
  });

  it('should create the same site once and import the same file into it once when both processes get them at once', async () => {
    const token = world.tokens.paymentAdmin;
    const input = { name: 'Twin Towers', address: 'Kungsgatan 1, Stockholm' };
    const created = await Promise.all([
      a.gql(CREATE_SITE, { input }, token),
      b.gql(CREATE_SITE, { input }, token),
    ]);
    const outcomes = created.map((answer) => userErrorsOf(answer, 'createSite'));
    expect(outcomes.filter((errors) => errors.length === 0)).toHaveLength(1);
    expect(outcomes.flat().map((error) => error.code)).toEqual(['TAKEN']);
    const [site] = await dataSource
      .getRepository(SiteEntity)
      .findBy({ companyId: world.company.id, name: input.name });
    expect(site).toBeDefined();

    const csv = `first_name,last_name,email,apartment\r\n${Array.from(
      { length: 200 },
      (_, n) => `Resident,Number ${n},twin.${n}@example.com,${n}`,
    ).join('\r\n')}\r\n`;
    const imported = await Promise.all([
      a.gql(IMPORT, { siteId: site!.id, csv }, token),
      b.gql(IMPORT, { siteId: site!.id, csv }, token),
    ]);
    const counts = imported.map(
      (answer) =>
        (answer.data as { importEntryUsers: { importedCount: number } }).importEntryUsers
          .importedCount,
    );
    for (const answer of imported) userErrorsOf(answer, 'importEntryUsers');
    // all or nothing per import: one imported every row, the other none (a conflict, or every
    // address taken by then)
    expect(counts.sort((x, y) => x - y)).toEqual([0, 200]);
    expect(await dataSource.getRepository(EntryUserEntity).countBy({ siteId: site!.id })).toBe(200);
  });

  it('should charge an invoice once when both processes are asked to pay it at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const invoice = await world.newInvoice();
      const answers = await Promise.all([
        a.gql(PAY, { id: invoice.id }, world.tokens.paymentAdmin),
        b.gql(PAY, { id: invoice.id }, world.tokens.paymentAdmin),
      ]);
      const codes = answers.flatMap((answer) =>
        userErrorsOf(answer, 'payInvoice').map((error) => error.code),
      );
      // the second either joined the first's attempt (same idempotency key) or found it paid
      expect(codes.every((code) => code === 'ALREADY_PAID' || code === 'PAYMENT_PENDING')).toBe(
        true,
      );
      const charged = await count(
        dataSource,
        'SELECT COUNT(*) AS n FROM sandbox_charge WHERE idempotencyKey LIKE ?',
        [`invoice-${invoice.id}-%`],
      );
      expect(charged).toBe(1);
      const paid = await dataSource
        .getRepository(InvoiceEntity)
        .findOneByOrFail({ id: invoice.id });
      expect(paid.status).toBe('PAID');
    }
  });

  describe('billing on both at once', () => {
    /** Companies ready to bill for last month: every other one pays automatically by card. */
    async function billableCompanies(count: number): Promise<CompanyEntity[]> {
      const sandbox = createSandboxProvider(dataSource);
      const longAgo = new Date('2026-01-01T00:00:00Z');
      const companies: CompanyEntity[] = [];
      for (let n = 0; n < count; n++) {
        const automatic = n % 2 === 0;
        const company = await buildCompany(dataSource, {
          billingSetupComplete: true,
          paymentMethod: automatic ? PaymentMethodType.AUTOMATIC : PaymentMethodType.MANUAL,
          createdAt: longAgo,
        });
        await buildPerson(dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
        const site = await buildSite(dataSource, company, { createdAt: longAgo });
        await buildEntryUser(dataSource, site, { activeFrom: longAgo });
        const account = {
          providerCustomerId: null as string | null,
          cardMethodId: null as string | null,
        };
        if (automatic) {
          account.providerCustomerId = await sandbox.ensureCustomer({
            id: company.id,
            name: company.name,
            email: 'payer@example.com',
          });
          account.cardMethodId = (
            await sandbox.saveCard(account.providerCustomerId, 'pm_card_visa')
          ).methodId;
        }
        await dataSource.getRepository(BillingAccountEntity).insert({
          companyId: company.id,
          ...account,
          vatNumberValid: false,
          createdAt: longAgo,
          updatedAt: longAgo,
        });
        companies.push(company);
      }
      return companies;
    }

    /** Each company billed once, numbers gap-free after `before`, each automatic one charged once. */
    async function expectBilledOnce(companies: CompanyEntity[], year: number, before: number) {
      const ids = companies.map((company) => company.id);
      const invoices = await dataSource
        .getRepository(InvoiceEntity)
        .createQueryBuilder('invoice')
        .where('invoice.companyId IN (:...ids)', { ids })
        .getMany();
      expect(invoices).toHaveLength(companies.length);
      expect(new Set(invoices.map((invoice) => invoice.companyId)).size).toBe(companies.length);
      const sequences = (
        (await dataSource.query(
          'SELECT sequence FROM invoice WHERE year = ? AND sequence > ? ORDER BY sequence',
          [year, before],
        )) as Array<{ sequence: number }>
      ).map((row) => Number(row.sequence));
      expect(sequences).toEqual(sequences.map((_, index) => before + index + 1));
      const automatic = invoices.filter(
        (invoice) => invoice.paymentMethod === PaymentMethodType.AUTOMATIC,
      );
      expect(automatic.length).toBe(Math.ceil(companies.length / 2));
      for (const invoice of automatic) {
        expect(
          await count(
            dataSource,
            'SELECT COUNT(*) AS n FROM sandbox_charge WHERE idempotencyKey LIKE ?',
            [`invoice-${invoice.id}-%`],
          ),
        ).toBe(1);
      }
    }

    const lastSequence = async (year: number) =>
      count(dataSource, 'SELECT COALESCE(MAX(sequence), 0) AS n FROM invoice WHERE year = ?', [
        year,
      ]);

    it('should bill each company once with gap-free numbers when the operation runs on both processes at once', async () => {
      const companies = await billableCompanies(20);
      const operator = await buildOperator(dataSource);
      const token = await tokenFor(dataSource, operator);
      const now = new Date();
      const before = await lastSequence(now.getUTCFullYear());
      const period = previousPeriod(now).period;
      const answers = await Promise.all([
        a.gql(RUN_BILLING, { period }, token, 120_000),
        b.gql(RUN_BILLING, { period }, token, 120_000),
      ]);
      for (const answer of answers) expect(userErrorsOf(answer, 'runBilling')).toEqual([]);
      await expectBilledOnce(companies, now.getUTCFullYear(), before);
    }, 120_000);

    it('should bill each company once with gap-free numbers when two processes bill without waiting for each other (conflicts on the counter row at COMMIT)', async () => {
      const companies = await billableCompanies(20);
      const now = new Date();
      const before = await lastSequence(now.getUTCFullYear());
      const period = previousPeriod(now);
      const other = await openClusterDataSource(cluster, database, [0, 1, 2]);
      try {
        const config = loadConfig({ NODE_ENV: 'test' });
        // straight to runBilling, past the billing lease: both really bill side by side
        const [first, second] = await Promise.all(
          [dataSource, other].map((source) =>
            runBilling(
              {
                dataSource: source,
                config,
                logger: silentLogger,
                payments: createSandboxProvider(source),
              },
              period,
              { now },
            ),
          ),
        );
        expect(first!.created + second!.created).toBeGreaterThanOrEqual(companies.length);
        await expectBilledOnce(companies, now.getUTCFullYear(), before);
      } finally {
        await other.destroy();
      }
    }, 120_000);
  });

  describe('a node killed (-9) while both processes take mutations', () => {
    it('should keep every acknowledged mutation exactly once, fail only with 503 for a few seconds, and rejoin the node', async () => {
      const token = world.tokens.paymentAdmin;
      const site = await buildSite(dataSource, world.company);
      const results: Array<{
        kind: 'site' | 'user';
        key: string;
        status: number | 'network';
        ok: boolean;
        at: number;
      }> = [];
      let stopping = false;
      const started = Date.now();
      const client = async (portal: PortalProcess, name: string) => {
        for (let n = 0; !stopping; n++) {
          const kind = n % 2 === 0 ? 'site' : 'user';
          const key = `${name}-${n}`;
          try {
            const answer =
              kind === 'site'
                ? await portal.gql(CREATE_SITE, { input: { name: `Fault ${key}` } }, token)
                : await portal.gql(
                    ADD_USER,
                    {
                      siteId: site.id,
                      input: {
                        firstName: 'Fault',
                        lastName: key,
                        email: `fault.${key}@example.com`,
                      },
                    },
                    token,
                  );
            const payload = answer.data
              ? (Object.values(answer.data)[0] as { userErrors: UserErrors })
              : null;
            results.push({
              kind,
              key,
              status: answer.status,
              ok: answer.status === 200 && !answer.errors && payload?.userErrors.length === 0,
              at: Date.now() - started,
            });
          } catch {
            results.push({ kind, key, status: 'network', ok: false, at: Date.now() - started });
          }
        }
      };
      const clients = [client(a, 'a1'), client(a, 'a2'), client(b, 'b1'), client(b, 'b2')];
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const killedAt = Date.now() - started;
      // node 1: process a's node
      await cluster.kill(0);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const rejoin = cluster.restart(0);
      await rejoin;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      stopping = true;
      await Promise.all(clients);

      const failed = results.filter((result) => !result.ok);
      // failures only as 503s, only for a few seconds after the kill
      expect(failed.filter((result) => result.status !== 503)).toEqual([]);
      if (failed.length > 0) {
        const window = failed.at(-1)!.at - failed[0]!.at;
        expect(failed[0]!.at).toBeGreaterThanOrEqual(killedAt - 100);
        expect(window).toBeLessThan(8_000);
      }
      const acknowledged = results.filter((result) => result.ok);
      expect(acknowledged.length).toBeGreaterThan(40);
      // process a lost its node and carried on through the next one, without a restart
      const aAfterKill = acknowledged.filter(
        (result) => result.key.startsWith('a') && result.at > killedAt + 1_000,
      );
      expect(aAfterKill.length).toBeGreaterThan(10);
      expect(a.output()).toContain(`new connections go to 127.0.0.1:${cluster.nodes[1]!.port}`);
      console.info(
        `galera fault: ${acknowledged.length} acknowledged, ${failed.length} answered 503 (${
          failed.length
            ? `${failed[0]!.at - killedAt} ms to ${failed.at(-1)!.at - killedAt} ms after the kill`
            : 'none'
        })`,
      );

      // acknowledged means durable, exactly once, on every node (the restarted one too)
      for (const node of [0, 1, 2]) {
        const sites = await cluster.query(
          node,
          `SELECT name, COUNT(*) FROM \`${database}\`.site WHERE name LIKE 'Fault %' GROUP BY name`,
        );
        const siteCounts = new Map(sites.map(([name, n]) => [name, Number(n)]));
        const users = await cluster.query(
          node,
          `SELECT lastName, COUNT(*) FROM \`${database}\`.entry_user WHERE siteId = '${site.id}' GROUP BY lastName`,
        );
        const userCounts = new Map(users.map(([name, n]) => [name, Number(n)]));
        for (const result of acknowledged) {
          const seen =
            result.kind === 'site'
              ? siteCounts.get(`Fault ${result.key}`)
              : userCounts.get(result.key);
          expect({ node, key: result.key, seen }).toEqual({ node, key: result.key, seen: 1 });
        }
        const createdEvents = await cluster.query(
          node,
          `SELECT COUNT(*) FROM \`${database}\`.audit_event e JOIN \`${database}\`.site s ON s.id = e.subjectId
            WHERE e.kind = 'site.created' AND s.name LIKE 'Fault %'`,
        );
        expect(Number(createdEvents[0]![0])).toBe(siteCounts.size);
      }
      // the cluster is whole again
      for (const node of [0, 1, 2])
        expect(await cluster.status(node)).toMatchObject({
          state: 'Synced',
          clusterSize: 3,
          primary: true,
        });
    }, 180_000);
  });
});
