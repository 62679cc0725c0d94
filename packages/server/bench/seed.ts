import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import mysql from 'mysql2/promise';
import type { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { currencyForCountry, foldForSearch, type AccessLevelCode } from '@entry/shared';
import { createSession } from '../src/accounts/session.service';
import { BillingAccountEntity } from '../src/billing/billing-account.entity';
import { createSandboxProvider } from '../src/billing/payments/sandbox-provider';
import { SandboxCardEntity } from '../src/billing/sandbox-card.entity';
import { CURRENT_TERMS } from '../src/billing/terms-of-service';
import {
  CompanyEntity,
  CompanyStatus,
  CompanyType,
  PaymentMethodType,
} from '../src/companies/company.entity';
import { loadConfig, type DatabaseConfig } from '../src/config/config';
import { createDataSource } from '../src/database/data-source';
import { sqlDateTime } from '../src/database/sql-values';
import { personKeys } from '../src/people/person-keys';
import { PersonEntity, PersonStatus } from '../src/people/person.entity';
import { syncAccessLevels } from '../src/people/sync-access-levels';
import { EntryUserEntity } from '../src/sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../src/sites/site-active-period.entity';
import { SiteAssignmentEntity } from '../src/sites/site-assignment.entity';
import { SiteEntity } from '../src/sites/site.entity';
import { BENCH_RESULTS_DIR, figure, round, writeBenchReport } from './report';

/**
 * The benchmark data set, bulk-loaded: multi-row INSERTs in transactions of a few thousand rows
 * through the driver, after the committed migrations (never synchronize). Every company is
 * approved, has a payment admin and billing set up with a sandbox card that charges, and its
 * sites and Entry app users are active since the first day of the month before last, so last
 * month is billable in full.
 *
 *   cd packages/server && node -r @swc-node/register bench/seed.ts
 *     [--database mysql://root@127.0.0.1:3306/entry_bench | sqlite:/tmp/entry_bench.sqlite]
 *     [--scale 0.1]   a smaller data set of the same shape
 *     [--keep]        seed into the existing database instead of dropping and recreating it
 */
export interface SeedOptions {
  /** company A: the one the API benchmark reads */
  readonly companyASites: number;
  readonly usersPerSiteA: number;
  /** site admins of company A, with 1 to maxSitesPerAdmin sites each */
  readonly siteAdmins: number;
  readonly maxSitesPerAdmin: number;
  /** the other companies: the billing benchmark bills them all */
  readonly otherCompanies: number;
  readonly sitesPerOtherCompany: number;
  readonly usersPerOtherSite: number;
  /** drop and recreate the database first (only databases whose name contains "bench") */
  readonly reset: boolean;
  /** "now": activity starts on the first day of the month before this one */
  readonly now: Date;
}

export const DEFAULT_SEED_OPTIONS: Omit<SeedOptions, 'now'> = {
  companyASites: 10_000,
  usersPerSiteA: 10,
  siteAdmins: 1_000,
  maxSitesPerAdmin: 50,
  otherCompanies: 1_000,
  sitesPerOtherCompany: 90,
  usersPerOtherSite: 3,
  reset: true,
};

/** A smaller data set of the same shape (quick runs while developing): counts times `scale`. */
export function scaledSeedOptions(scale: number): Partial<SeedOptions> {
  const scaled = (value: number) => Math.max(1, Math.round(value * scale));
  return {
    companyASites: Math.max(DEFAULT_SEED_OPTIONS.maxSitesPerAdmin, scaled(10_000)),
    siteAdmins: Math.max(DEFAULT_SEED_OPTIONS.maxSitesPerAdmin, scaled(1_000)),
    otherCompanies: scaled(1_000),
  };
}

export type SeedDialect = DatabaseConfig['type'];

export interface SeedResult {
  readonly dialect: SeedDialect;
  /** the DATABASE_URL the portal opens this database with */
  readonly databaseUrl: string;
  readonly options: Omit<SeedOptions, 'now'> & { readonly now: string };
  /** rows inserted per table */
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** when the seeded activity starts (first day of the month before last, UTC) */
  readonly activeFrom: string;
  readonly companyA: {
    readonly id: string;
    readonly paymentAdminId: string;
    readonly systemAdminId: string;
    /** a site admin with maxSitesPerAdmin sites */
    readonly siteAdminId: string;
  };
  /** bearer tokens of fresh sessions (no password sign-in needed) */
  readonly tokens: { readonly paymentAdmin: string; readonly siteAdmin: string };
}

export interface SeedProgress {
  readonly done: number;
  readonly total: number;
  readonly table: string;
}

/** Rows per INSERT: SQLite allows at most 32,766 bound values per statement. */
const MAX_ROWS_PER_STATEMENT = 1_000;
const MAX_VALUES_PER_STATEMENT = 30_000;
/** rows per transaction */
const ROWS_PER_TRANSACTION = 5_000;

/** Deterministic names: the same data set at every run (ids are random UUIDs as in the portal). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Björn', 'Cécile', 'Daan', 'Elin', 'François', 'Greta', 'Hugo', 'Ingrid', 'Jonas',
  'Karin', 'Lars', 'Maja', 'Noah', 'Olivia', 'Pär', 'Rosa', 'Sven', 'Thérèse', 'Ulf', 'Vera',
  'Willem', 'Zoë', 'Åsa', 'Émile', 'Nils', 'Sofia', 'Emma', 'Lucas', 'Fatima',
];
// prettier-ignore
const LAST_NAMES = [
  'Andersson', 'Bakker', 'Berg', 'Dubois', 'de Vries', 'Eriksson', 'Fournier', 'Gustafsson',
  'Jansen', 'Johansson', 'Karlsson', 'Lefèvre', 'Lindqvist', 'Martin', 'Nilsson', 'Öberg',
  'Persson', 'Ström', 'Svensson', 'van Dijk', 'Visser', 'Ångström', 'Moreau', 'Larsson', 'Holm',
];
// prettier-ignore
const STREETS = [
  'Kungsgatan', 'Drottninggatan', 'Storgatan', 'Vasagatan', 'Sveavägen', 'Prinsengracht',
  'Keizersgracht', 'Herengracht', 'Rue de Rivoli', 'Avenue Foch', 'Södergatan', 'Norra Allén',
  'Östra Hamngatan', 'Västra Vägen', 'Bergsgatan', 'Åsgatan', 'Lindvägen', 'Parkvägen',
  'Strandvägen', 'Skolgatan',
];
const CITIES = ['Stockholm', 'Göteborg', 'Malmö', 'Amsterdam', 'Utrecht', 'Paris', 'Lyon'];
const COUNTRIES = ['SE', 'NL', 'FR', 'DE', 'BE', 'DK', 'NO', 'FI'];
const LOCALES = ['en', 'nl', 'sv', 'fr'] as const;

/** A value as the driver takes it in a plain INSERT: what TypeORM would have written. */
function sqlValue(dataSource: DataSource, value: unknown): unknown {
  if (value instanceof Date) return sqlDateTime(dataSource, value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

type Row = Record<string, unknown>;

/**
 * Buffers rows per table and writes them with multi-row INSERTs, parents before children (the
 * foreign keys are checked), committing every few thousand rows. Column names come from the
 * entity metadata, so a renamed property fails here instead of writing a wrong column.
 */
class BulkWriter {
  private readonly buffers = new Map<string, { columns: string[]; rows: Row[] }>();
  /** tables in insertion order: a child table is never flushed before its parents */
  private readonly order: string[] = [];
  private readonly counts: Record<string, number> = {};
  private sinceCommit = 0;
  private done = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: QueryRunner,
    private readonly total: number,
    private readonly onProgress: (progress: SeedProgress) => void,
  ) {}

  get rows(): Readonly<Record<string, number>> {
    return this.counts;
  }

  async begin(): Promise<void> {
    await this.runner.startTransaction();
  }

  async add<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Partial<T>): Promise<void> {
    const metadata = this.dataSource.getMetadata(entity);
    const table = metadata.tableName;
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = { columns: Object.keys(row), rows: [] };
      for (const property of buffer.columns) {
        if (!metadata.findColumnWithPropertyName(property))
          throw new Error(`seed: ${table} has no column for property "${property}"`);
      }
      this.buffers.set(table, buffer);
      this.order.push(table);
    }
    buffer.rows.push(row as Row);
    const perStatement = Math.min(
      MAX_ROWS_PER_STATEMENT,
      Math.floor(MAX_VALUES_PER_STATEMENT / buffer.columns.length),
    );
    if (buffer.rows.length >= perStatement) await this.flush();
  }

  /** Writes every buffered row, parents first; commits when enough rows are pending. */
  async flush(commit = false): Promise<void> {
    let lastTable = '';
    for (const table of this.order) {
      const buffer = this.buffers.get(table)!;
      if (!buffer.rows.length) continue;
      await this.insert(table, buffer.columns, buffer.rows);
      this.counts[table] = (this.counts[table] ?? 0) + buffer.rows.length;
      this.sinceCommit += buffer.rows.length;
      this.done += buffer.rows.length;
      lastTable = table;
      buffer.rows = [];
    }
    if (commit || this.sinceCommit >= ROWS_PER_TRANSACTION) {
      await this.runner.commitTransaction();
      this.sinceCommit = 0;
      if (!commit) await this.runner.startTransaction();
    }
    if (lastTable) this.onProgress({ done: this.done, total: this.total, table: lastTable });
  }

  private async insert(table: string, properties: string[], rows: Row[]): Promise<void> {
    const metadata = this.dataSource.getMetadata(table);
    const driver = this.dataSource.driver;
    const columns = properties.map(
      (property) => metadata.findColumnWithPropertyName(property)!.databaseName,
    );
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const values: unknown[] = [];
    for (const row of rows)
      for (const property of properties) values.push(sqlValue(this.dataSource, row[property]));
    await this.runner.query(
      `INSERT INTO ${driver.escape(table)} (${columns.map((c) => driver.escape(c)).join(', ')}) VALUES ${rows
        .map(() => placeholders)
        .join(', ')}`,
      values,
    );
  }
}

/** The database a URL names (sqlite:path or mysql://…/name), as the portal parses it. */
export function databaseOf(url: string): DatabaseConfig {
  return loadConfig({ DATABASE_URL: url }).database;
}

function assertBenchName(name: string): void {
  if (!/bench/i.test(name))
    throw new Error(
      `seed: refusing to reset "${name}": the benchmark only drops and recreates databases whose name contains "bench"`,
    );
}

/** An empty database to seed: dropped and recreated, or created if missing. */
async function prepareDatabase(database: DatabaseConfig, reset: boolean): Promise<void> {
  if (database.type === 'sqlite') {
    if (!reset) return;
    assertBenchName(path.basename(database.path));
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${database.path}${suffix}`, { force: true });
    fs.mkdirSync(path.dirname(database.path), { recursive: true });
    return;
  }
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/';
  const admin = await mysql.createConnection({ uri: url.toString() });
  try {
    if (reset) {
      assertBenchName(name);
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
}

function databaseUrlOf(database: DatabaseConfig): string {
  return database.type === 'sqlite' ? `sqlite:${database.path}` : database.url;
}

/** First instant (UTC) of the month before the one `now` falls in, minus one: "two months ago". */
function startOfMonthBeforeLast(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
}

/**
 * Seeds the benchmark data set into `target` (a DATABASE_URL or a parsed database) and opens
 * two sessions. Resolves with row counts, timings, the ids of company A's people and the tokens.
 */
export async function seedBench(
  target: string | DatabaseConfig,
  partialOptions: Partial<SeedOptions> = {},
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<SeedResult> {
  const options: SeedOptions = { ...DEFAULT_SEED_OPTIONS, now: new Date(), ...partialOptions };
  if (options.siteAdmins < 1 || options.companyASites < options.maxSitesPerAdmin)
    throw new Error('seed: company A needs a site admin and at least maxSitesPerAdmin sites');
  const database = typeof target === 'string' ? databaseOf(target) : target;
  const started = performance.now();
  await prepareDatabase(database, options.reset);
  const dataSource = createDataSource(database, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await syncAccessLevels(dataSource);
    const result = await insertDataSet(dataSource, options, onProgress);
    if (database.type === 'mariadb') {
      // fresh statistics for the query planner: InnoDB would otherwise refresh them in the
      // background at some point during the first benchmark
      await dataSource.query(
        'ANALYZE TABLE company, person, site, site_assignment, site_active_period, entry_user, billing_account, sandbox_card',
      );
    }
    const paymentAdmin = await createSession(dataSource, {
      personId: result.companyA.paymentAdminId,
    });
    const siteAdmin = await createSession(dataSource, { personId: result.companyA.siteAdminId });
    const seconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
    return {
      dialect: database.type,
      databaseUrl: databaseUrlOf(database),
      options: { ...options, now: options.now.toISOString() },
      rows: result.rows,
      totalRows,
      seconds: round(seconds, 1),
      rowsPerSecond: Math.round(totalRows / seconds),
      activeFrom: result.activeFrom.toISOString(),
      companyA: result.companyA,
      tokens: { paymentAdmin: paymentAdmin.token, siteAdmin: siteAdmin.token },
    };
  } finally {
    await dataSource.destroy();
  }
}

function totalRowsOf(options: SeedOptions): number {
  const aSites = options.companyASites;
  const assignments = Array.from(
    { length: options.siteAdmins },
    (_, i) => (i % options.maxSitesPerAdmin) + 1,
  ).reduce((sum, n) => sum + n, 0);
  const companyA = 3 + 2 + options.siteAdmins + aSites * 2 + aSites * options.usersPerSiteA;
  const other = 4 + options.sitesPerOtherCompany * (2 + options.usersPerOtherSite);
  return companyA + assignments + options.otherCompanies * other;
}

/**
 * Session settings of the seeding connection only (the portal never sees them). SQLite in WAL
 * mode stays consistent with synchronous=NORMAL; a crash could lose the last transactions of a
 * seed that would be rerun anyway.
 */
async function tuneForBulkLoad(runner: QueryRunner, dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await runner.query('PRAGMA synchronous = NORMAL');
  // random UUID keys touch pages all over each index: keep them in memory (256 MB)
  await runner.query('PRAGMA cache_size = -262144');
}

async function insertDataSet(
  dataSource: DataSource,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void,
) {
  const random = prng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const activeFrom = startOfMonthBeforeLast(options.now);
  const at = activeFrom;
  const sandbox = createSandboxProvider(dataSource);
  const runner = dataSource.createQueryRunner();
  const writer = new BulkWriter(dataSource, runner, totalRowsOf(options), onProgress);
  let residents = 0;
  let peopleCount = 0;

  const addCompany = async (name: string, country: string, type: CompanyType) => {
    const company: Partial<CompanyEntity> = {
      id: randomUUID(),
      name,
      type,
      country,
      address: `${pick(STREETS)} ${1 + Math.floor(random() * 200)}, ${pick(CITIES)}`,
      phone: null,
      vatNumber: null,
      status: CompanyStatus.APPROVED,
      currency: currencyForCountry(country),
      billingSetupComplete: true,
      paymentMethod: PaymentMethodType.AUTOMATIC,
      createdAt: at,
      updatedAt: at,
      approvedAt: at,
      rejectedAt: null,
      rejectionReason: null,
    };
    await writer.add(CompanyEntity, company);
    return company as CompanyEntity;
  };

  const addPerson = async (
    company: CompanyEntity,
    accessLevel: AccessLevelCode,
    email: string,
    locale: (typeof LOCALES)[number] = 'en',
  ) => {
    peopleCount += 1;
    const names = { firstName: pick(FIRST_NAMES), lastName: pick(LAST_NAMES), email };
    const person: Partial<PersonEntity> = {
      id: randomUUID(),
      companyId: company.id,
      ...names,
      activeEmail: email,
      ...personKeys(names),
      phone: null,
      locale,
      accessLevel,
      status: PersonStatus.ACTIVE,
      // sessions are opened directly: nobody signs in, so no password hash (argon2 is slow)
      passwordHash: null,
      mustChangePassword: false,
      temporaryPasswordExpiresAt: null,
      temporaryPasswordUsedAt: null,
      passwordChangedAt: at,
      createdAt: at,
      updatedAt: at,
      disabledAt: null,
    };
    await writer.add(PersonEntity, person);
    return person as PersonEntity;
  };

  /** Billing set up as the wizard leaves it: terms accepted, a sandbox card that charges. */
  const addBilling = async (company: CompanyEntity, paymentAdmin: PersonEntity) => {
    const customerId = await sandbox.ensureCustomer({
      id: company.id,
      name: company.name,
      email: paymentAdmin.email,
    });
    const cardId = `pm_sbx_${createHash('sha256').update(`bench:${company.id}`).digest('hex').slice(0, 24)}`;
    const expYear = options.now.getUTCFullYear() + 4;
    await writer.add(SandboxCardEntity, {
      id: cardId,
      customerId,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear,
      declinesCharges: false,
      createdAt: at,
    });
    await writer.add(BillingAccountEntity, {
      companyId: company.id,
      providerCustomerId: customerId,
      cardMethodId: cardId,
      cardBrand: 'visa',
      cardLast4: '4242',
      cardExpMonth: 12,
      cardExpYear: expYear,
      termsVersion: CURRENT_TERMS.version,
      termsAcceptedAt: at,
      termsAcceptedByPersonId: paymentAdmin.id,
      vatNumberValid: false,
      createdAt: at,
      updatedAt: at,
    });
  };

  const addSites = async (company: CompanyEntity, count: number, usersPerSite: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      // unique per company: the street cycles, the number grows
      const name = `${STREETS[i % STREETS.length]} ${Math.floor(i / STREETS.length) + 1}`;
      const address = `${name}, ${pick(CITIES)}`;
      const site: Partial<SiteEntity> = {
        id: randomUUID(),
        companyId: company.id,
        name,
        nameKey: foldForSearch(name),
        address,
        searchText: foldForSearch(`${name} ${address}`),
        active: true,
        createdAt: at,
        updatedAt: at,
        deactivatedAt: null,
      };
      await writer.add(SiteEntity, site);
      await writer.add(SiteActivePeriodEntity, {
        id: randomUUID(),
        siteId: site.id,
        startedAt: at,
        endedAt: null,
      });
      for (let u = 0; u < usersPerSite; u++) {
        residents += 1;
        const firstName = pick(FIRST_NAMES);
        const lastName = pick(LAST_NAMES);
        const email = `resident${residents}@example.net`;
        const apartment = String(1001 + u);
        await writer.add(EntryUserEntity, {
          id: randomUUID(),
          siteId: site.id!,
          companyId: company.id,
          firstName,
          lastName,
          email,
          activeEmail: email,
          apartment,
          sortKey: foldForSearch(`${lastName} ${firstName}`),
          searchText: foldForSearch(`${firstName} ${lastName} ${email} ${apartment}`),
          activeFrom: at,
          removedAt: null,
          createdAt: at,
          updatedAt: at,
        });
      }
      ids.push(site.id!);
    }
    return ids;
  };

  await runner.connect();
  try {
    await tuneForBulkLoad(runner, dataSource);
    await writer.begin();
    const companyA = await addCompany('Bench Entry Systems AB', 'SE', CompanyType.INSTALLER);
    const paymentAdmin = await addPerson(
      companyA,
      'PAYMENT_ADMIN',
      'payment.admin@bench-a.example.com',
    );
    const systemAdmin = await addPerson(
      companyA,
      'SYSTEM_ADMIN',
      'system.admin@bench-a.example.com',
    );
    await addBilling(companyA, paymentAdmin);
    const aSites = await addSites(companyA, options.companyASites, options.usersPerSiteA);

    let siteAdminId = '';
    for (let i = 0; i < options.siteAdmins; i++) {
      const count = (i % options.maxSitesPerAdmin) + 1;
      // the benchmark's site admin: all the sites one may have, and English messages
      const benchmarked = !siteAdminId && count === options.maxSitesPerAdmin;
      const admin = await addPerson(
        companyA,
        'SITE_ADMIN',
        `site.admin${i + 1}@bench-a.example.com`,
        benchmarked ? 'en' : LOCALES[i % LOCALES.length],
      );
      if (benchmarked) siteAdminId = admin.id;
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(aSites[Math.floor(random() * aSites.length)]!);
      for (const siteId of chosen)
        await writer.add(SiteAssignmentEntity, { personId: admin.id, siteId, createdAt: at });
    }

    for (let c = 0; c < options.otherCompanies; c++) {
      const country = COUNTRIES[c % COUNTRIES.length]!;
      const company = await addCompany(
        `Bench Company ${String(c + 1).padStart(4, '0')}`,
        country,
        c % 3 === 0 ? CompanyType.SYSTEM_MANAGER : CompanyType.INSTALLER,
      );
      const admin = await addPerson(
        company,
        'PAYMENT_ADMIN',
        `payment.admin@bench-${c + 1}.example.com`,
        LOCALES[c % LOCALES.length],
      );
      await addBilling(company, admin);
      await addSites(company, options.sitesPerOtherCompany, options.usersPerOtherSite);
    }
    await writer.flush(true);
    return {
      rows: writer.rows,
      activeFrom,
      companyA: {
        id: companyA.id,
        paymentAdminId: paymentAdmin.id,
        systemAdminId: systemAdmin.id,
        siteAdminId,
      },
      people: peopleCount,
    };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** A progress bar on the terminal (a line every few seconds when the output is not a terminal). */
export function seedProgressBar(label: string) {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {table}`,
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    hideCursor: true,
  });
  let started = false;
  return {
    onProgress(progress: SeedProgress) {
      if (!started) {
        bar.start(progress.total, 0, { table: progress.table });
        started = true;
      }
      bar.update(progress.done, { table: progress.table });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const SEED_TOKENS_FILE = path.join(BENCH_RESULTS_DIR, 'seed-tokens.json');

interface SeedTokensEntry {
  readonly companyA: SeedResult['companyA'];
  readonly paymentAdmin: string;
  readonly siteAdmin: string;
}

function readSeedTokensFile(): Record<string, SeedTokensEntry> {
  try {
    return JSON.parse(fs.readFileSync(SEED_TOKENS_FILE, 'utf8')) as Record<string, SeedTokensEntry>;
  } catch {
    return {};
  }
}

/** Records the tokens of a seed in bench-results/seed-tokens.json (git-ignored), by database URL. */
export function writeSeedTokens(result: SeedResult): string {
  const entry: SeedTokensEntry = { companyA: result.companyA, ...result.tokens };
  fs.mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    SEED_TOKENS_FILE,
    `${JSON.stringify({ ...readSeedTokensFile(), [result.databaseUrl]: entry }, null, 2)}\n`,
  );
  return SEED_TOKENS_FILE;
}

/** The tokens of the last seed of a database (a DATABASE_URL as the seed was given it). */
export function readSeedTokens(databaseUrl: string): SeedResult['tokens'] {
  const url = databaseUrlOf(databaseOf(databaseUrl));
  const entry = readSeedTokensFile()[url];
  if (!entry)
    throw new Error(
      `${SEED_TOKENS_FILE} holds no tokens for ${url}: seed it first (bench/seed.ts --database ${url})`,
    );
  return { paymentAdmin: entry.paymentAdmin, siteAdmin: entry.siteAdmin };
}

/** Seeds with a progress bar, prints and writes bench-results/seed-<dialect>.json and the tokens. */
export async function seedAndReport(
  databaseUrl: string,
  options: Partial<SeedOptions> = {},
): Promise<SeedResult> {
  const database = databaseOf(databaseUrl);
  const progress = seedProgressBar(`seed ${database.type}`);
  let result: SeedResult;
  try {
    result = await seedBench(database, options, progress.onProgress);
  } finally {
    progress.stop();
  }
  writeSeedTokens(result);
  writeBenchReport(
    `seed-${result.dialect}`,
    [
      figure(`seed on ${result.dialect}: time`, result.seconds, 's'),
      figure(`seed on ${result.dialect}: rows per second`, result.rowsPerSecond, 'rows/s'),
      figure(`seed on ${result.dialect}: rows`, result.totalRows, 'rows'),
    ],
    {
      databaseUrl: result.databaseUrl,
      rows: result.rows,
      options: result.options,
      activeFrom: result.activeFrom,
      companyA: result.companyA,
    },
  );
  return result;
}

export const DEFAULT_BENCH_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: {
        type: 'string',
        default: `${process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL}/entry_bench`,
      },
      scale: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error(`--scale must be a positive number (got "${values.scale}")`);
  await seedAndReport(values.database, {
    ...(scale === 1 ? {} : scaledSeedOptions(scale)),
    reset: !values.keep,
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `seed failed: ${error.message}` : error);
    process.exit(1);
  });
}
