import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { silentLogger } from '../src/observability/logger';
import { startPortal } from '../src/portal';
import { MY_SITES, PEOPLE_WITH_SITES, SITES_OF_SITE_ADMIN, SITES_WITH_ADMINS } from './queries';
import { BENCH_SECRETS_KEY, startPortalProcess, waitForPortalIdle } from './processes';
import { writeBenchReport, type BenchFigure } from './report';
import { startCountingProxy } from './sql-counting-proxy';
import { statementCounter } from './statement-counter';
import { DEFAULT_BENCH_MYSQL_URL, seedBench, seedProgressBar, type SeedResult } from './seed';

/**
 * SQL statements the server sends per request, for each benchmark operation at page sizes 10, 50
 * and 100. Goal: at most 3, and the same at every page size (no query per row).
 *   MariaDB: the built portal as a black box (a child process, production settings) talking to
 *     the database through a counting proxy (sql-counting-proxy.ts): the server's own counters
 *     (SHOW GLOBAL STATUS 'Questions') count every client of the shared database server, the
 *     proxy only this portal. Its mail worker polls the database every second, and a poll
 *     landing inside a request would add to its count; background work can only add, so the
 *     least of a few tries is the request's own count.
 *   SQLite: the portal in this process with a TypeORM logger that sees every statement (the
 *     mail worker and the billing scheduler off), as test/api/sites-statements.test.ts counts.
 *
 *   cd packages/server && pnpm build && node -r @swc-node/register bench/statements.ts
 *     [--mysql mysql://root@127.0.0.1:3306]   the server: it seeds entry_bench_statements there
 *     [--sqlite /tmp/entry_bench_statements.sqlite]
 */

const OPERATIONS = [
  { name: 'SITES_WITH_ADMINS', query: SITES_WITH_ADMINS, as: 'paymentAdmin' },
  { name: 'SITES_OF_SITE_ADMIN', query: SITES_OF_SITE_ADMIN, as: 'siteAdmin' },
  { name: 'PEOPLE_WITH_SITES', query: PEOPLE_WITH_SITES, as: 'paymentAdmin' },
  { name: 'MY_SITES', query: MY_SITES, as: 'siteAdmin' },
] as const;
const PAGE_SIZES = [10, 50, 100] as const;
const GOAL = 3;
const TRIES = 5;

/** Enough rows for full pages of 100 sites and 100 people, and little else: seeds in seconds. */
const STATEMENTS_SEED = {
  companyASites: 300,
  usersPerSiteA: 3,
  siteAdmins: 120,
  otherCompanies: 3,
  sitesPerOtherCompany: 5,
};

type Counts = Record<string, Record<number, number>>;

async function post(url: string, token: string, query: string, first: number): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { first } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || body.errors)
    throw new Error(`request failed (${response.status}): ${JSON.stringify(body).slice(0, 500)}`);
}

/**
 * For each operation at each page size, the statements `measure` saw for one request: their
 * count, and the SQL itself at first = 50.
 */
async function countEachOperation(
  tokens: SeedResult['tokens'],
  measure: (token: string, query: string, first: number) => Promise<string[]>,
): Promise<{ counts: Counts; sql: Record<string, string[]> }> {
  const counts: Counts = {};
  const sql: Record<string, string[]> = {};
  for (const operation of OPERATIONS) {
    counts[operation.name] = {};
    for (const first of PAGE_SIZES) {
      const statements = await measure(tokens[operation.as], operation.query, first);
      counts[operation.name]![first] = statements.length;
      if (first === 50) sql[operation.name] = statements;
    }
  }
  return { counts, sql };
}

async function seeded(databaseUrl: string): Promise<SeedResult> {
  const progress = seedProgressBar('seed (statements)');
  try {
    return await seedBench(databaseUrl, STATEMENTS_SEED, progress.onProgress);
  } finally {
    progress.stop();
  }
}

async function countOnMariaDb(
  databaseUrl: string,
): Promise<{ counts: Counts; sql: Record<string, string[]> }> {
  const seed = await seeded(databaseUrl);
  const database = new URL(databaseUrl);
  const proxy = await startCountingProxy({
    host: database.hostname,
    port: Number(database.port || 3306),
  });
  const throughProxy = new URL(databaseUrl);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(proxy.port);
  const portal = await startPortalProcess(throughProxy.toString()).catch(async (error: unknown) => {
    await proxy.close();
    throw error;
  });
  try {
    await waitForPortalIdle(databaseUrl);
    return await countEachOperation(seed.tokens, async (token, query, first) => {
      let least: string[] | null = null;
      for (let i = 0; i < TRIES; i++) {
        // the same request just before: the once-a-minute session touch is not counted
        await post(portal.url, token, query, first);
        const before = proxy.statements.length;
        await post(portal.url, token, query, first);
        const sent = proxy.statements.slice(before);
        if (!least || sent.length < least.length) least = sent;
      }
      return least!;
    });
  } finally {
    await portal.stop();
    await proxy.close();
  }
}

async function countOnSqlite(
  file: string,
): Promise<{ counts: Counts; sql: Record<string, string[]> }> {
  const seed = await seeded(`sqlite:${file}`);
  const counter = statementCounter();

  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      SECRETS_KEY: BENCH_SECRETS_KEY,
      DATABASE_URL: `sqlite:${file}`,
    }),
    port: 0,
  };
  // no timers: the outbox workers' polls would be counted with the request's statements
  const portal = await startPortal(config, silentLogger, {
    mailPollIntervalMs: null,
    billingIntervalMs: null,
    webhookPollIntervalMs: null,
    databaseLogger: counter.logger,
  });
  try {
    return await countEachOperation(seed.tokens, async (token, query, first) => {
      await post(portal.url, token, query, first);
      const { statements } = await counter.count(() => post(portal.url, token, query, first));
      return statements;
    });
  } finally {
    await portal.stop();
  }
}

function figuresOf(dialect: string, counts: Counts): BenchFigure[] {
  return Object.entries(counts).map(([operation, bySize]) => {
    const values = Object.values(bySize);
    const most = Math.max(...values);
    const constant = values.every((value) => value === values[0]);
    return {
      figure: `${operation} on ${dialect}: SQL statements per request (first ${PAGE_SIZES.join('/')}: ${values.join('/')})`,
      value: most,
      unit: 'statements',
      goal: `≤ ${GOAL} and constant`,
      met: most <= GOAL && constant,
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mysql: { type: 'string', default: process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL },
      sqlite: { type: 'string', default: path.join(os.tmpdir(), 'entry_bench_statements.sqlite') },
    },
  });
  const mariadbUrl = `${values.mysql.replace(/\/+$/, '')}/entry_bench_statements`;
  const mariadb = await countOnMariaDb(mariadbUrl);
  const sqlite = await countOnSqlite(values.sqlite);
  writeBenchReport(
    'statements',
    [...figuresOf('MariaDB', mariadb.counts), ...figuresOf('SQLite', sqlite.counts)],
    {
      pageSizes: PAGE_SIZES,
      mariadb: {
        databaseUrl: mariadbUrl,
        method: 'MySQL protocol commands through a counting proxy, least of 5 tries',
        counts: mariadb.counts,
        statementsAtFirst50: mariadb.sql,
      },
      sqlite: {
        file: values.sqlite,
        method: 'TypeORM logger in process',
        counts: sqlite.counts,
        statementsAtFirst50: sqlite.sql,
      },
    },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `statements bench failed: ${error.message}` : error);
  process.exit(1);
});
