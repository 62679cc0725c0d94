/**
 * `pnpm bench --only abuse`: the hostile requests of the security review (issue 13), each sent
 * on its own to the built portal in production mode, measured inside the server: the longest
 * event-loop stall it caused (goal ≤ 50 ms: nobody else waits longer than that), the peak RSS
 * growth of the hostile CSV files (goal ≤ 50 MB), and /healthz's latency, asked every 10 ms from
 * here while they run. Loopback only, bounded: about a minute per database.
 *
 *   node -r @swc-node/register bench/abuse.ts [--dialect sqlite|mysql|both] [--server dist/main.js]
 *                                             [--name abuse]
 *
 * The server is started with bench/loop-probe.mjs preloaded, which measures and answers over IPC;
 * `--server` points at another build (e.g. the code before a fix) to compare with. MariaDB is
 * BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306); `both` skips it when it does not answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { createDataSource } from '../src/database/data-source';
import { createScratchDatabase, type ScratchDatabase } from '../src/database/scratch-database';
import { buildCompany, buildPerson, buildSite, tokenFor } from '../test/factories';
import { postInChunks } from '../test/support/event-loop';
import { BENCH_SECRETS_KEY, freePort, SERVER_DIR } from './processes';
import { figure, round, writeBenchReport, type BenchFigure } from './report';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'both' },
    server: { type: 'string', default: 'dist/main.js' },
    name: { type: 'string', default: 'abuse' },
  },
});

const MB = 1024 * 1024;
/** the longest any one request may hold the event loop (the goal) */
const STALL_GOAL_MS = 50;
const RSS_GOAL_MB = 50;
/** a hostile request that takes longer than this is cut off and reported as such */
const REQUEST_TIMEOUT_MS = 30_000;
const HEALTH_EVERY_MS = 10;

interface Probe {
  readonly maxStallMs: number;
  readonly rss: number;
  readonly peakRss: number | null;
}

interface Portal {
  readonly url: string;
  readonly child: ChildProcess;
  probe(kind: 'reset' | 'read'): Promise<Probe>;
  stop(): Promise<void>;
}

async function startPortal(databaseUrl: string): Promise<Portal> {
  const port = await freePort();
  const child = fork(path.resolve(SERVER_DIR, values.server!), [], {
    cwd: SERVER_DIR,
    execArgv: ['--import', pathToFileURL(path.join(SERVER_DIR, 'bench/loop-probe.mjs')).href],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SECRETS_KEY: BENCH_SECRETS_KEY,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OPERATOR_EMAIL: 'operator@bench.example',
      OPERATOR_PASSWORD: 'bench-operator-password-1',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const probe = (kind: 'reset' | 'read') =>
    new Promise<Probe>((resolve) => {
      const onMessage = (message: { probe?: string } & Probe) => {
        if (message.probe !== kind) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ probe: kind });
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited at start-up:\n${errors}`);
    if (Date.now() > deadline) throw new Error(`the portal did not start:\n${errors}`);
    const status = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    probe,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * A company with a payment admin (signed in) and a site, written once the server has migrated
 * the database and written the access levels.
 */
async function seed(scratch: ScratchDatabase) {
  const dataSource = createDataSource(scratch.database);
  await dataSource.initialize();
  try {
    const company = await buildCompany(dataSource, { billingSetupComplete: true });
    const person = await buildPerson(dataSource, company, { accessLevel: 'PAYMENT_ADMIN' });
    const site = await buildSite(dataSource, company);
    return { email: person.email, token: await tokenFor(dataSource, person), siteId: site.id };
  } finally {
    await dataSource.destroy();
  }
}

/** POSTs in 64 KB writes, as a browser or curl does; an early answer (413) ends the sending. */
const post = (url: string, body: Buffer, headers: Record<string, string>) =>
  postInChunks(url, body, headers, REQUEST_TIMEOUT_MS);

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  json({ query, variables });

interface Hostile {
  readonly name: string;
  /** sends the request(s) and resolves to their HTTP statuses */
  readonly send: () => Promise<number[]>;
  /** a file import, whose memory is a figure too */
  readonly file?: boolean;
}

function hostileRequests(
  url: string,
  world: { email: string; token: string; siteId: string },
): Hostile[] {
  const anonymous = { 'content-type': 'application/json' };
  const signedIn = { ...anonymous, authorization: `Bearer ${world.token}` };
  const csvHeaders = { 'content-type': 'text/csv', authorization: `Bearer ${world.token}` };
  const depth = 5_000_000;
  const deepBody = Buffer.from(
    `{"query":"{ __typename }","variables":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
  );
  const deepSmall = Buffer.from(
    `{"query":"{ __typename }","variables":{"deep":${'['.repeat(60_000)}${']'.repeat(60_000)}}}`,
  );
  const overLimit = graphql('{ __typename }', { padding: 'x'.repeat(10 * MB - 100) });
  const header = 'first_name,last_name,email\n';
  const tinyRows = `${header}${'a,b,c\n'.repeat(Math.floor((10 * MB - header.length) / 6))}`;
  const giantField = `${header}"${'x'.repeat(10 * MB - header.length - 10)}`;
  const importUrl = `${url}/api/sites/${world.siteId}/entry-users/import`;
  const once = (target: string, body: Buffer, headers: Record<string, string>) => async () => [
    (await post(target, body, headers)).status,
  ];
  const burst = (count: number, body: (index: number) => Buffer) => async () =>
    (
      await Promise.all(
        Array.from({ length: count }, (_, index) => post(`${url}/graphql`, body(index), anonymous)),
      )
    ).map((sent) => sent.status);
  const register = (index: number) =>
    graphql(
      `
        mutation ($input: RegisterInput!) {
          register(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      {
        input: {
          type: 'INSTALLER',
          country: 'SE',
          companyName: `Spam ${index} AB <a href="https://evil.example">prize</a>`,
          companyAddress: 'Storgatan 1, Malmö',
          firstName: 'Eve',
          lastName: 'Sender',
          email: `victim.${index}@example.com`,
        },
      },
    );
  const wrongSignIn = () =>
    graphql(
      `
        mutation ($email: String!, $password: String!) {
          signIn(email: $email, password: $password) {
            token
          }
        }
      `,
      { email: world.email, password: 'not-the-password-123' },
    );
  const forged = ['!!!', 'eyJ4IjoxfQ', 'W1tbW1tbW1s=', '\u0000', 'a'.repeat(4000)];
  const forgedCursors = async () =>
    Promise.all(
      forged.flatMap((after) =>
        [
          'query ($after: String) { sites(first: 5, after: $after) { totalCount } }',
          'query ($after: String) { auditEvents(first: 5, after: $after) { totalCount } }',
          'query ($after: String) { people(first: 5, after: $after) { totalCount } }',
        ].map(
          async (query) =>
            (await post(`${url}/graphql`, graphql(query, { after }), signedIn)).status,
        ),
      ),
    );
  const maxCost = graphql(
    '{ sites(first: 100) { edges { node { id name entryUsers(first: 40) { edges { node { id email } } } } } } }',
  );
  const idle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return [];
  };
  return [
    // what this machine does to a server that does nothing: the floor of every figure below
    { name: 'nothing sent, 1 s (the noise floor)', send: idle },
    {
      name: 'deep-nested JSON, 10 MB (5 million arrays)',
      send: once(`${url}/graphql`, deepBody, anonymous),
    },
    {
      name: 'deep-nested JSON, 120 KB (60,000 arrays)',
      send: once(`${url}/graphql`, deepSmall, anonymous),
    },
    { name: 'over-limit body, 10 MB', send: once(`${url}/graphql`, overLimit, anonymous) },
    {
      name: 'CSV import (REST), 10 MB of tiny rows',
      send: once(importUrl, Buffer.from(tinyRows), csvHeaders),
      file: true,
    },
    {
      name: 'CSV import (REST), 10 MB quoted field',
      send: once(importUrl, Buffer.from(giantField), csvHeaders),
      file: true,
    },
    {
      name: 'CSV preview (REST), 10 MB of tiny rows',
      send: once(`${importUrl}/preview`, Buffer.from(tinyRows), csvHeaders),
      file: true,
    },
    {
      name: 'CSV preview (GraphQL), 10 MB of tiny rows',
      send: once(
        `${url}/graphql`,
        graphql(
          'mutation ($siteId: ID!, $csv: String!) { previewEntryUserImport(siteId: $siteId, csv: $csv) { totalRows } }',
          // just under the 10 MB /graphql took before the fix once JSON escapes each \n
          { siteId: world.siteId, csv: tinyRows.slice(0, Math.floor((10 * MB * 6) / 7) - 1024) },
        ),
        signedIn,
      ),
      file: true,
    },
    { name: '25 registrations from one IP', send: burst(25, register) },
    { name: '25 wrong sign-ins', send: burst(25, wrongSignIn) },
    { name: 'forged cursors (15 requests)', send: forgedCursors },
    { name: 'max-cost GraphQL query', send: once(`${url}/graphql`, maxCost, signedIn) },
  ];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : 0;

interface Measured {
  readonly name: string;
  readonly statuses: (number | string)[];
  readonly seconds: number;
  readonly maxStallMs: number;
  readonly rssGrowthMb: number | null;
  readonly health: number[];
}

async function measure(portal: Portal, hostile: Hostile): Promise<Measured> {
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the previous one settle
  const before = await portal.probe('reset');
  const health: number[] = [];
  let running = true;
  const asking = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${portal.url}/healthz`).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();
  const started = performance.now();
  const statuses: (number | string)[] = await hostile
    .send()
    .catch((error: Error) => [error.message]);
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await asking;
  const after = await portal.probe('read');
  const peak = after.peakRss ?? after.rss;
  return {
    name: hostile.name,
    statuses,
    seconds,
    maxStallMs: after.maxStallMs,
    rssGrowthMb: (peak - before.rss) / MB,
    health,
  };
}

async function mysqlAnswers(): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({
      uri: process.env['BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306',
      connectTimeout: 3_000,
    });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

async function runOn(dialect: 'sqlite' | 'mysql'): Promise<Measured[]> {
  if (dialect === 'mysql' && !process.env['TEST_MYSQL_URL'])
    process.env['TEST_MYSQL_URL'] = process.env['BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
  const scratch = await createScratchDatabase(dialect);
  try {
    const databaseUrl =
      scratch.database.type === 'sqlite' ? `sqlite:${scratch.database.path}` : scratch.database.url;
    const portal = await startPortal(databaseUrl);
    try {
      const world = await seed(scratch);
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // start-up billing and mail
      const results: Measured[] = [];
      for (const hostile of hostileRequests(portal.url, world)) {
        const result = await measure(portal, hostile);
        results.push(result);
        const rss = hostile.file ? `, RSS +${round(result.rssGrowthMb ?? 0, 1)} MB` : '';
        console.log(
          `${dialect.padEnd(6)} ${hostile.name.padEnd(44)} ${String(result.statuses.slice(0, 3)).padEnd(12)} ` +
            `${round(result.seconds, 2)} s, longest stall ${round(result.maxStallMs, 1)} ms${rss}, ` +
            `/healthz max ${round(Math.max(0, ...result.health), 1)} ms`,
        );
        if (portal.child.exitCode !== null)
          throw new Error(`the portal died during "${hostile.name}"`);
      }
      return results;
    } finally {
      await portal.stop();
    }
  } finally {
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const wanted = values.dialect === 'both' ? ['sqlite', 'mysql'] : [values.dialect!];
  const figures: BenchFigure[] = [];
  const details: Record<string, unknown> = { server: values.server };
  for (const dialect of wanted as Array<'sqlite' | 'mysql'>) {
    if (dialect === 'mysql' && !(await mysqlAnswers())) {
      console.log('MariaDB does not answer: skipped');
      continue;
    }
    const results = await runOn(dialect);
    const label = dialect === 'mysql' ? 'MariaDB' : 'SQLite';
    for (const result of results) {
      figures.push(
        figure(`${label}: longest stall, ${result.name}`, round(result.maxStallMs, 1), 'ms', {
          atMost: STALL_GOAL_MS,
        }),
      );
      if (result.name.startsWith('CSV') && result.rssGrowthMb !== null)
        figures.push(
          figure(`${label}: RSS growth, ${result.name}`, round(result.rssGrowthMb, 1), 'MB', {
            atMost: RSS_GOAL_MB,
          }),
        );
    }
    const health = results.flatMap((result) => result.health).sort((a, b) => a - b);
    figures.push(
      figure(`${label}: /healthz p99 while they run`, round(percentile(health, 99), 1), 'ms'),
    );
    details[dialect] = results.map(({ health: latencies, ...rest }) => ({
      ...rest,
      healthP99Ms: round(
        percentile(
          [...latencies].sort((a, b) => a - b),
          99,
        ),
        1,
      ),
      healthMaxMs: round(Math.max(0, ...latencies), 1),
      healthAsked: latencies.length,
    }));
  }
  writeBenchReport(values.name!, figures, details);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
