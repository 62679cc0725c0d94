/**
 * The cluster benchmark (issue 19): the portal on a 3-node MariaDB Galera cluster on this
 * machine (scripts/galera-cluster.cjs), measured three ways.
 *
 *   1. Billing: last month for the benchmark data set (100,000 sites) with two `billing:run`
 *      processes started at once on two nodes (one bills, the other waits for the billing lease
 *      and then finds the month billed): wall time until both are done, each company billed once,
 *      numbers gap-free, no invoice charged twice.
 *   2. API: two portal processes on two nodes (the load split between them) against one portal on
 *      the single MariaDB server, rounds interleaved: req/s ratio and p99.
 *   3. Outage: a steady mix of reads and writes on both processes while the first one's node is
 *      killed (-9) and later restarted: seconds of 503s, failures that were not 503s, writes a
 *      client saw succeed that are missing afterwards, and how long the node took to rejoin.
 *
 *   cd packages/server && pnpm build && node -r @swc-node/register bench/cluster.ts
 *     [--single mysql://root@127.0.0.1:3306/entry_bench]  the single server's database
 *     [--reuse-single]     that database is seeded already (tokens in bench-results/seed-tokens.json)
 *     [--scale 0.1]        a smaller data set of the same shape
 *     [--duration 5] [--rounds 3] [--connections 10]   the API part's autocannon runs
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { startGaleraCluster, type GaleraCluster } from '../../../scripts/galera-cluster.cjs';
import { previousPeriod } from '../src/billing/billing-period';
import {
  BENCH_SECRETS_KEY,
  SERVER_DIR,
  startPortalProcess,
  waitForPortalIdle,
  type ServerProcess,
} from './processes';
import { SITES_WITH_ADMINS } from './queries';
import { figure, round, writeBenchReport, type BenchFigure } from './report';
import {
  DEFAULT_BENCH_MYSQL_URL,
  readSeedTokens,
  scaledSeedOptions,
  seedAndReport,
  seedBench,
  seedProgressBar,
  type SeedResult,
} from './seed';

const BILLING_GOAL_SECONDS = 90;
const OUTAGE_GOAL_SECONDS = 5;
const CLUSTER_DATABASE = 'entry_bench_cluster';

type Tokens = SeedResult['tokens'];

async function count(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(sql, params);
    return Number(rows[0]!['n']);
  } finally {
    await connection.end();
  }
}

/** `billing:run` (the built CLI) as its own process on the nodes in `nodes` order. */
function billingProcess(
  cluster: GaleraCluster,
  nodes: number[],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli/run-billing.js'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SECRETS_KEY: BENCH_SECRETS_KEY,
        DATABASE_URL: cluster.databaseUrl(CLUSTER_DATABASE, nodes),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function billingPart(cluster: GaleraCluster): Promise<BenchFigure[]> {
  const url = cluster.databaseUrl(CLUSTER_DATABASE, [2]);
  const period = previousPeriod(new Date()).period;
  const sites = await count(url, 'SELECT COUNT(*) AS n FROM site');
  const billable = await count(
    url,
    "SELECT COUNT(*) AS n FROM company WHERE billingSetupComplete = 1 AND status IN ('APPROVED', 'SUSPENDED')",
  );
  console.log(
    `billing ${period} on the cluster: ${sites} sites, ${billable} companies, two processes at once`,
  );
  const started = performance.now();
  const runs = await Promise.all([
    billingProcess(cluster, [0, 1, 2]),
    billingProcess(cluster, [1, 2, 0]),
  ]);
  const seconds = (performance.now() - started) / 1000;
  for (const [index, run] of runs.entries())
    if (run.code !== 0) throw new Error(`billing process ${index + 1} failed:\n${run.output}`);
  const invoices = await count(url, 'SELECT COUNT(*) AS n FROM invoice WHERE period = ?', [period]);
  const companiesBilledTwice = await count(
    url,
    'SELECT COUNT(*) AS n FROM (SELECT companyId FROM invoice WHERE period = ? GROUP BY companyId HAVING COUNT(*) > 1) twice',
    [period],
  );
  const year = new Date().getUTCFullYear();
  const numbers = await count(
    url,
    'SELECT COUNT(DISTINCT sequence) AS n FROM invoice WHERE year = ?',
    [year],
  );
  const highest = await count(
    url,
    'SELECT COALESCE(MAX(sequence), 0) AS n FROM invoice WHERE year = ?',
    [year],
  );
  const chargedTwice = await count(
    url,
    `SELECT COUNT(*) AS n FROM (SELECT a.invoiceId FROM payment_attempt a JOIN sandbox_charge c
       ON c.idempotencyKey = a.idempotencyKey GROUP BY a.invoiceId HAVING COUNT(*) > 1) twice`,
  );
  const toCharge = await count(
    url,
    "SELECT COUNT(*) AS n FROM invoice WHERE period = ? AND paymentMethod = 'AUTOMATIC'",
    [period],
  );
  const charged = await count(
    url,
    `SELECT COUNT(DISTINCT a.invoiceId) AS n FROM payment_attempt a
       JOIN sandbox_charge c ON c.idempotencyKey = a.idempotencyKey`,
  );
  return [
    figure('cluster: billing 100,000 sites, two processes at once', round(seconds, 1), 's', {
      atMost: BILLING_GOAL_SECONDS,
    }),
    figure('cluster: billing: sites', sites, 'sites'),
    figure(
      'cluster: billing: companies without their one invoice',
      billable - invoices,
      'companies',
      {
        atMost: 0,
      },
    ),
    figure('cluster: billing: companies billed twice', companiesBilledTwice, 'companies', {
      atMost: 0,
    }),
    figure('cluster: billing: gaps in the invoice numbers', highest - numbers, 'numbers', {
      atMost: 0,
    }),
    figure('cluster: billing: automatic invoices not charged', toCharge - charged, 'invoices', {
      atMost: 0,
    }),
    figure('cluster: billing: invoices charged twice', chargedTwice, 'invoices', { atMost: 0 }),
  ];
}

interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly failed: number;
}

/** autocannon on each server at once, `connections` split between them; req/s summed. */
async function loadTogether(
  servers: readonly ServerProcess[],
  token: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const results = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: `${server.url}/graphql`,
        connections: Math.max(1, Math.round(connections / servers.length)),
        duration: seconds,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: SITES_WITH_ADMINS, variables: { first: 50 } }),
      }),
    ),
  );
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    p99Ms: Math.max(...results.map((result) => result.latency.p99)),
    failed: results.reduce(
      (sum, result) => sum + result.non2xx + result.errors + result.timeouts,
      0,
    ),
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function apiPart(
  clusterPortals: readonly ServerProcess[],
  single: ServerProcess,
  tokens: { cluster: Tokens; single: Tokens },
  settings: { duration: number; rounds: number; connections: number },
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const cluster: LoadResult[] = [];
  const alone: LoadResult[] = [];
  const run = {
    cluster: (seconds: number) =>
      loadTogether(clusterPortals, tokens.cluster.paymentAdmin, seconds, settings.connections),
    single: (seconds: number) =>
      loadTogether([single], tokens.single.paymentAdmin, seconds, settings.connections),
  };
  await run.cluster(2);
  await run.single(2);
  for (let index = 0; index < settings.rounds; index++) {
    const order =
      index % 2 === 0 ? (['cluster', 'single'] as const) : (['single', 'cluster'] as const);
    for (const which of order) {
      const result = await run[which](settings.duration);
      (which === 'cluster' ? cluster : alone).push(result);
      console.log(
        `  round ${index + 1} ${which.padEnd(7)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${result.p99Ms} ms  failed ${result.failed}`,
      );
    }
  }
  const clusterRps = median(cluster.map((r) => r.requestsPerSecond));
  const singleRps = median(alone.map((r) => r.requestsPerSecond));
  return {
    figures: [
      figure(
        'cluster: API, 2 processes on the cluster / 1 on single MariaDB',
        round(clusterRps / singleRps, 3),
        '×',
      ),
      figure('cluster: API on the cluster (2 processes)', round(clusterRps, 1), 'req/s'),
      figure('cluster: API on single MariaDB (1 process)', round(singleRps, 1), 'req/s'),
      figure('cluster: API p99 on the cluster', median(cluster.map((r) => r.p99Ms)), 'ms'),
      figure('cluster: API p99 on single MariaDB', median(alone.map((r) => r.p99Ms)), 'ms'),
      figure(
        'cluster: API failed requests',
        [...cluster, ...alone].reduce((sum, r) => sum + r.failed, 0),
        'requests',
        { atMost: 0 },
      ),
    ],
    details: { scenario: 'SITES_WITH_ADMINS as payment admin', settings, cluster, single: alone },
  };
}

const CREATE_SITE = `mutation ($input: SiteInput!) { createSite(input: $input) { site { id } userErrors { code } } }`;

interface Outcome {
  readonly portal: number;
  readonly write: string | null;
  readonly status: number | 'network';
  readonly ok: boolean;
  readonly at: number;
  readonly ms: number;
}

async function outagePart(
  cluster: GaleraCluster,
  portals: readonly ServerProcess[],
  token: string,
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const outcomes: Outcome[] = [];
  const started = Date.now();
  let stopping = false;
  const client = async (portal: number, name: string) => {
    for (let n = 0; !stopping; n++) {
      const write = n % 2 === 0 ? `Outage ${name}-${n}` : null;
      const body = write
        ? { query: CREATE_SITE, variables: { input: { name: write } } }
        : { query: SITES_WITH_ADMINS, variables: { first: 10 } };
      const sent = Date.now();
      try {
        const response = await fetch(`${portals[portal]!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await response.json()) as {
          errors?: unknown[];
          data?: { createSite?: { userErrors: unknown[] } };
        };
        const ok =
          response.status === 200 &&
          !answer.errors &&
          (!write || answer.data?.createSite?.userErrors.length === 0);
        outcomes.push({
          portal,
          write,
          status: response.status,
          ok,
          at: sent - started,
          ms: Date.now() - sent,
        });
      } catch {
        outcomes.push({
          portal,
          write,
          status: 'network',
          ok: false,
          at: sent - started,
          ms: Date.now() - sent,
        });
      }
    }
  };
  const clients = portals.flatMap((_, portal) =>
    [1, 2, 3, 4].map((n) => client(portal, `p${portal + 1}c${n}`)),
  );
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const killedAt = Date.now() - started;
  console.log(`outage: kill -9 of node1 (the first process's node) at ${killedAt} ms`);
  await cluster.kill(0);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const rejoin = await cluster.restart(0);
  console.log(
    `outage: node1 rejoined by ${rejoin.transfer ?? '?'} in ${round(rejoin.seconds, 1)} s`,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  stopping = true;
  await Promise.all(clients);

  const unavailable = outcomes.filter((o) => o.status === 503);
  const otherFailures = outcomes.filter((o) => !o.ok && o.status !== 503);
  const outageSeconds = unavailable.length
    ? (Math.max(...unavailable.map((o) => o.at + o.ms)) -
        Math.min(...unavailable.map((o) => o.at))) /
      1000
    : 0;
  const acknowledged = outcomes.filter((o) => o.ok && o.write).map((o) => o.write!);
  const url = cluster.databaseUrl(CLUSTER_DATABASE, [0]);
  const connection = await mysql.createConnection({ uri: url });
  let missing = 0;
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      "SELECT name, COUNT(*) AS n FROM site WHERE name LIKE 'Outage %' GROUP BY name",
    );
    const found = new Map(rows.map((row) => [String(row['name']), Number(row['n'])]));
    missing = acknowledged.filter((name) => found.get(name) !== 1).length;
  } finally {
    await connection.end();
  }
  const whole = (await Promise.all([0, 1, 2].map((node) => cluster.status(node)))).every(
    (status) => status?.state === 'Synced' && status.clusterSize === 3,
  );
  const around = outcomes.filter((o) => o.at >= killedAt - 1_000 && o.at <= killedAt + 10_000);
  return {
    figures: [
      figure(
        'cluster: outage seen when a node is killed (seconds of 503s)',
        round(outageSeconds, 2),
        's',
        {
          atMost: OUTAGE_GOAL_SECONDS,
        },
      ),
      figure(
        'cluster: outage: failed requests that were not 503',
        otherFailures.length,
        'requests',
        {
          atMost: 0,
        },
      ),
      figure(
        'cluster: outage: acknowledged writes missing or doubled afterwards',
        missing,
        'writes',
        {
          atMost: 0,
        },
      ),
      figure('cluster: outage: 503 answers', unavailable.length, 'requests'),
      figure('cluster: outage: requests in all', outcomes.length, 'requests'),
      figure(
        'cluster: outage: slowest request around the kill (the cluster waits for the dead node)',
        Math.max(0, ...around.map((o) => o.ms)),
        'ms',
      ),
      figure('cluster: outage: node rejoin (IST/SST) until Synced', round(rejoin.seconds, 1), 's'),
      figure('cluster: outage: cluster whole again (3 nodes Synced)', whole ? 1 : 0, 'yes', {
        atLeast: 1,
      }),
    ],
    details: {
      killedAtMs: killedAt,
      rejoin,
      unavailable: unavailable.map((o) => ({ portal: o.portal + 1, at: o.at - killedAt })),
      otherFailures: otherFailures.slice(0, 20),
      acknowledgedWrites: acknowledged.length,
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      single: {
        type: 'string',
        default: `${process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL}/entry_bench_single`,
      },
      'reuse-single': { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
    },
  });
  const scale = Number(values.scale);
  const settings = {
    duration: Number(values.duration),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
  };
  const seedOptions = scale === 1 ? {} : scaledSeedOptions(scale);
  const cluster = await startGaleraCluster({ log: (line) => console.log(line) });
  const servers: ServerProcess[] = [];
  try {
    const bar = seedProgressBar('seed the cluster');
    let clusterSeed: SeedResult;
    try {
      clusterSeed = await seedBench(
        cluster.databaseUrl(CLUSTER_DATABASE, [0]),
        seedOptions,
        bar.onProgress,
      );
    } finally {
      bar.stop();
    }
    console.log(`seeded the cluster in ${clusterSeed.seconds} s (${clusterSeed.totalRows} rows)`);
    const billing = await billingPart(cluster);

    const singleTokens = values['reuse-single']
      ? readSeedTokens(values.single)
      : (await seedAndReport(values.single, seedOptions)).tokens;
    const [first, second] = await Promise.all([
      startPortalProcess(cluster.databaseUrl(CLUSTER_DATABASE, [0, 1, 2])),
      startPortalProcess(cluster.databaseUrl(CLUSTER_DATABASE, [1, 2, 0])),
    ]);
    servers.push(first!, second!);
    const single = await startPortalProcess(values.single);
    servers.push(single);
    for (const url of [cluster.databaseUrl(CLUSTER_DATABASE, [0]), values.single])
      await waitForPortalIdle(url, (companies, mail) =>
        console.log(
          `waiting for the start-up billing pass: ${companies} companies, ${mail} emails`,
        ),
      );
    const api = await apiPart(
      [first!, second!],
      single,
      { cluster: clusterSeed.tokens, single: singleTokens },
      settings,
    );
    await single.stop();
    servers.pop();
    const outage = await outagePart(cluster, [first!, second!], clusterSeed.tokens.paymentAdmin);
    writeBenchReport('cluster', [...billing, ...api.figures, ...outage.figures], {
      nodes: 3,
      scale,
      api: api.details,
      outage: outage.details,
    });
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `cluster bench failed: ${error.stack}` : error);
  process.exit(1);
});
