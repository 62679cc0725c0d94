import 'reflect-metadata';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import path from 'node:path';
import autocannon from 'autocannon';
import { MY_SITES, PEOPLE_WITH_SITES, SITES_OF_SITE_ADMIN, SITES_WITH_ADMINS } from './queries';
import {
  startBaselineProcess,
  startPortalProcess,
  toggleCpuProfile,
  waitForPortalIdle,
  type ServerProcess,
} from './processes';
import { summarizeCpuProfiles } from './profile-summary';
import { BENCH_RESULTS_DIR, figure, round, writeBenchReport, type BenchFigure } from './report';
import { DEFAULT_BENCH_MYSQL_URL, readSeedTokens, scaledSeedOptions, seedAndReport } from './seed';

/**
 * The API benchmark: the portal (dist/main.js, production settings) against the raw baseline
 * (bench/baseline) on the same seeded MariaDB database, for the same operations with the same
 * bearer tokens. Answers are compared once per scenario before timing; then each scenario runs
 * rounds of autocannon, the two servers interleaved, and the medians are reported.
 *
 *   cd packages/server && pnpm build && node -r @swc-node/register bench/api.ts
 *     [--database mysql://root@127.0.0.1:3306/entry_bench]  seeded afresh unless --reuse
 *     [--reuse]             use the data set its last seed left (tokens: bench-results/seed-tokens.json)
 *     [--scale 0.1]         a smaller data set of the same shape
 *     [--duration 5] [--warmup 2] [--rounds 5] [--connections 10]   seconds, rounds, autocannon
 *     [--only MY_SITES]     the scenarios whose name contains this
 *     [--profile]           CPU profile of the portal during each scenario's rounds, summarized
 */

interface Scenario {
  readonly name: string;
  readonly as: 'paymentAdmin' | 'siteAdmin';
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** the GraphQL error code every answer must carry (both servers answer 200 with it) */
  readonly expectError?: string;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'SITES_WITH_ADMINS as payment admin',
    as: 'paymentAdmin',
    query: SITES_WITH_ADMINS,
    variables: { first: 50 },
  },
  {
    name: 'SITES_OF_SITE_ADMIN as site admin',
    as: 'siteAdmin',
    query: SITES_OF_SITE_ADMIN,
    variables: { first: 50 },
  },
  {
    name: 'PEOPLE_WITH_SITES as payment admin',
    as: 'paymentAdmin',
    query: PEOPLE_WITH_SITES,
    variables: { first: 50 },
  },
  {
    name: 'PEOPLE_WITH_SITES as site admin (FORBIDDEN)',
    as: 'siteAdmin',
    query: PEOPLE_WITH_SITES,
    variables: { first: 50 },
    expectError: 'FORBIDDEN',
  },
  { name: 'MY_SITES as site admin', as: 'siteAdmin', query: MY_SITES, variables: { first: 50 } },
];

const RATIO_GOAL = 0.9;

interface Round {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

function requestOf(scenario: Scenario, token: string) {
  return {
    method: 'POST' as const,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  };
}

async function answerOf(server: ServerProcess, scenario: Scenario, token: string) {
  const request = requestOf(scenario, token);
  const response = await fetch(`${server.url}/graphql`, request);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(
      `${server.name} answered ${scenario.name} with ${response.status}, not JSON: ${text.slice(0, 300)}`,
    );
  }
  return {
    status: response.status,
    body: body as { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> },
  };
}

/** One request to each server: the answers must be the same JSON, and what the scenario expects. */
async function assertSameAnswers(
  portal: ServerProcess,
  baseline: ServerProcess,
  scenario: Scenario,
  token: string,
): Promise<{ edges: number | null }> {
  const ours = await answerOf(portal, scenario, token);
  const theirs = await answerOf(baseline, scenario, token);
  const show = (value: unknown) => JSON.stringify(value).slice(0, 1500);
  if (ours.status !== 200 || theirs.status !== 200)
    throw new Error(
      `${scenario.name}: HTTP ${ours.status} from the portal, ${theirs.status} from the baseline\nportal: ${show(ours.body)}\nbaseline: ${show(theirs.body)}`,
    );
  if (!isDeepStrictEqual(ours.body, theirs.body))
    throw new Error(
      `${scenario.name}: the portal and the baseline answer differently\nportal:   ${show(ours.body)}\nbaseline: ${show(theirs.body)}`,
    );
  const codes = (ours.body.errors ?? []).map((error) => error.extensions?.code);
  if (scenario.expectError) {
    if (codes.length !== 1 || codes[0] !== scenario.expectError)
      throw new Error(
        `${scenario.name}: expected one ${scenario.expectError} error, got ${show(ours.body)}`,
      );
    return { edges: null };
  }
  if (codes.length)
    throw new Error(`${scenario.name}: unexpected errors ${show(ours.body.errors)}`);
  const data = ours.body.data as Record<
    string,
    { edges?: unknown[]; sites?: { edges?: unknown[] } }
  >;
  const list = data['sites'] ?? data['people'] ?? data['me']?.sites;
  const edges = list?.edges?.length ?? 0;
  if (edges !== scenario.variables['first'])
    throw new Error(
      `${scenario.name}: expected a full page of ${String(scenario.variables['first'])}, got ${edges}`,
    );
  return { edges };
}

async function load(
  server: ServerProcess,
  scenario: Scenario,
  token: string,
  seconds: number,
  connections: number,
): Promise<Round> {
  const result = await autocannon({
    url: `${server.url}/graphql`,
    connections,
    duration: seconds,
    ...requestOf(scenario, token),
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: {
        type: 'string',
        default: `${process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL}/entry_bench`,
      },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      scale: { type: 'string', default: '1' },
      reuse: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const scale = Number(values.scale);
  const databaseUrl = values.database;
  if (![duration, rounds, connections, scale].every((n) => n > 0) || !(warmup >= 0))
    throw new Error('--duration, --rounds, --connections and --scale must be positive numbers');

  const tokens = values.reuse
    ? readSeedTokens(databaseUrl)
    : (await seedAndReport(databaseUrl, scale === 1 ? {} : scaledSeedOptions(scale))).tokens;

  const profileDir = values.profile
    ? path.join(BENCH_RESULTS_DIR, 'profiles', `portal-${Date.now()}`)
    : undefined;
  const servers: ServerProcess[] = [];
  const profiles: Array<{ scenario: string; file: string }> = [];
  try {
    const portal = await startPortalProcess(databaseUrl, { cpuProfileDir: profileDir });
    servers.push(portal);
    const baseline = await startBaselineProcess(databaseUrl);
    servers.push(baseline);
    const idle = await waitForPortalIdle(databaseUrl, (companies, mail) =>
      console.log(
        `waiting for the portal's start-up billing pass: ${companies} companies to bill or charge, ${mail} emails to send`,
      ),
    );
    if (idle.seconds > 5) console.log(`the portal settled after ${idle.seconds} s`);

    const scenarios = SCENARIOS.filter((s) => !values.only || s.name.includes(values.only));
    const results = [];
    for (const scenario of scenarios) {
      const token = tokens[scenario.as];
      const { edges } = await assertSameAnswers(portal, baseline, scenario, token);
      console.log(
        `${scenario.name}: same answer from both${edges === null ? ` (${scenario.expectError})` : ` (${edges} rows)`}`,
      );
      if (warmup > 0) {
        await load(portal, scenario, token, warmup, connections);
        await load(baseline, scenario, token, warmup, connections);
      }
      const measured: Record<'portal' | 'baseline', Round[]> = { portal: [], baseline: [] };
      if (profileDir) await toggleCpuProfile(portal, profileDir, null);
      for (let index = 0; index < rounds; index++) {
        // alternate who goes first, so neither always runs on a warmer (or busier) machine
        const order = index % 2 === 0 ? [portal, baseline] : [baseline, portal];
        for (const server of order) {
          const result = await load(server, scenario, token, duration, connections);
          measured[server === portal ? 'portal' : 'baseline'].push(result);
          console.log(
            `  round ${index + 1} ${server.name.padEnd(8)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${result.p99Ms} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
          );
        }
      }
      if (profileDir)
        profiles.push({
          scenario: scenario.name,
          file: (await toggleCpuProfile(portal, profileDir, profiles.length + 1))!,
        });
      const summary = (list: Round[]) => ({
        medianRequestsPerSecond: round(median(list.map((r) => r.requestsPerSecond)), 1),
        medianP99Ms: median(list.map((r) => r.p99Ms)),
        non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
        errors: list.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
        rounds: list,
      });
      const portalSummary = summary(measured.portal);
      const baselineSummary = summary(measured.baseline);
      results.push({
        scenario: scenario.name,
        portal: portalSummary,
        baseline: baselineSummary,
        ratio: round(
          portalSummary.medianRequestsPerSecond / baselineSummary.medianRequestsPerSecond,
          3,
        ),
      });
    }

    const figures: BenchFigure[] = [];
    for (const result of results) {
      figures.push(
        figure(`${result.scenario}: portal/baseline throughput`, result.ratio, '×', {
          atLeast: RATIO_GOAL,
        }),
        figure(`${result.scenario}: portal`, result.portal.medianRequestsPerSecond, 'req/s'),
        figure(`${result.scenario}: baseline`, result.baseline.medianRequestsPerSecond, 'req/s'),
        figure(`${result.scenario}: portal p99`, result.portal.medianP99Ms, 'ms'),
        figure(`${result.scenario}: baseline p99`, result.baseline.medianP99Ms, 'ms'),
        figure(
          `${result.scenario}: failed requests (non-2xx, errors)`,
          result.portal.non2xx +
            result.portal.errors +
            result.baseline.non2xx +
            result.baseline.errors,
          'requests',
          { atMost: 0 },
        ),
      );
    }
    writeBenchReport('api', figures, {
      databaseUrl,
      settings: { duration, warmup, rounds, connections, scale },
      answersMatched: true,
      portalSettledAfterSeconds: idle.seconds,
      results,
    });
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
  for (const profile of profiles) {
    console.log(`\nCPU profile of the portal during ${profile.scenario}: ${profile.file}`);
    console.log(summarizeCpuProfiles([profile.file]));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `api bench failed: ${error.message}` : error);
  process.exit(1);
});
