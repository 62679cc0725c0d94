import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { startPortalProcess, waitForPortalIdle, type ServerProcess } from './processes';
import { figure, round, writeBenchReport, type BenchFigure } from './report';
import { DEFAULT_BENCH_MYSQL_URL, scaledSeedOptions, seedBench } from './seed';

/**
 * The webhook benchmark (issue 15): the built portal (production settings) on a small seeded
 * MariaDB database, and receivers on 127.0.0.1.
 *
 * 1. Delivery: an endpoint subscribed to ENTRY_USER_ADDED, `--events` addEntryUser mutations
 *    (`--connections` at a time), and a receiver that answers 204 at once. Measured: deliveries
 *    per second, and the delay from the event's createdAt (written in the mutation's
 *    transaction) to its receipt: p50 and p99 (goal p99 ≤ 2 s).
 * 2. Isolation: rounds of `--mutations` addEntryUser with the endpoint at a receiver that answers
 *    at once, at one that accepts the connection and never answers (every attempt waits for the
 *    10 s timeout), and with no endpoint for reference. Measured: the mutations' p99 in each
 *    (goal: the dead receiver's at most 1.25× the answering one's, this machine's noise).
 *
 *   cd packages/server && pnpm build && node -r @swc-node/register bench/webhooks.ts
 *     [--database mysql://root@127.0.0.1:3306/entry_bench_webhooks]   created afresh, dropped after
 *     [--events 10000] [--mutations 2000] [--rounds 5] [--connections 10]
 */

const DELAY_P99_GOAL_MS = 2_000;
const ISOLATION_GOAL = 1.25;

interface Receipt {
  readonly id: string;
  readonly delayMs: number;
  readonly at: number;
}

/** A receiver that answers every POST 204 at once and notes each event's delay once. */
async function startHealthyReceiver() {
  const receipts = new Map<string, Receipt>();
  let waiting: { count: number; resolve: () => void } | null = null;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        id: string;
        createdAt: string;
      };
      if (!receipts.has(body.id))
        receipts.set(body.id, { id: body.id, delayMs: at - Date.parse(body.createdAt), at });
      response.writeHead(204).end();
      if (waiting && receipts.size >= waiting.count) waiting.resolve();
    });
  });
  const url = await listen(server);
  return {
    url,
    receipts,
    /** resolves once `count` distinct events arrived, rejects after `timeoutMs` */
    until(count: number, timeoutMs: number): Promise<void> {
      if (receipts.size >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${receipts.size} of ${count} events arrived in time`)),
          timeoutMs,
        );
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
    close: () => closeServer(server),
  };
}

/** A receiver that takes the request and never answers: each attempt runs into the timeout. */
async function startDeadReceiver() {
  let requests = 0;
  const server = http.createServer(() => {
    requests += 1;
  });
  const url = await listen(server);
  return { url, requests: () => requests, close: () => closeServer(server) };
}

async function listen(server: http.Server): Promise<string> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  (server as http.Server & { sockets?: Set<Socket> }).sockets = sockets;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

function closeServer(server: http.Server): Promise<void> {
  for (const socket of (server as http.Server & { sockets?: Set<Socket> }).sockets ?? [])
    socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function graphql<T>(
  portal: ServerProcess,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${portal.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

const ADD_ENTRY_USER = `mutation ($siteId: ID!, $input: EntryUserInput!) {
  addEntryUser(siteId: $siteId, input: $input) { entryUser { id } userErrors { code } }
}`;

let serial = 0;

/**
 * Sends `amount` addEntryUser mutations, `connections` at a time, each for a new address.
 * Resolves with autocannon's latency p99 and how many answered with userErrors or failed.
 */
async function addEntryUsers(
  portal: ServerProcess,
  token: string,
  siteId: string,
  amount: number,
  connections: number,
) {
  const run = `${Date.now().toString(36)}`;
  let refused = 0;
  const result = await autocannon({
    url: `${portal.url}/graphql`,
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        setupRequest: (request) => {
          serial += 1;
          return {
            ...request,
            body: JSON.stringify({
              query: ADD_ENTRY_USER,
              variables: {
                siteId,
                input: {
                  firstName: 'Bench',
                  lastName: `User ${serial}`,
                  email: `bench.${run}.${serial}@example.com`,
                },
              },
            }),
          };
        },
        onResponse: (_status, body) => {
          if (!body.includes('"userErrors":[]')) refused += 1;
        },
      },
    ],
  });
  return {
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    failed: refused + result.non2xx + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: {
        type: 'string',
        default: `${process.env['BENCH_MYSQL_URL'] ?? DEFAULT_BENCH_MYSQL_URL}/entry_bench_webhooks`,
      },
      events: { type: 'string', default: '10000' },
      mutations: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
    },
  });
  const events = Number(values.events);
  const mutations = Number(values.mutations);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  if (![events, mutations, rounds, connections].every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--events, --mutations, --rounds and --connections must be positive integers');
  const databaseUrl = values.database;

  // a small data set: this measures webhooks, not lists
  const seeded = await seedBench(databaseUrl, scaledSeedOptions(0.01));
  const token = seeded.tokens.paymentAdmin;
  const healthy = await startHealthyReceiver();
  const dead = await startDeadReceiver();
  let portal: ServerProcess | undefined;
  try {
    portal = await startPortalProcess(databaseUrl, {
      env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', API_KEY_RATE_LIMIT: '100000000' },
    });
    await waitForPortalIdle(databaseUrl);
    const { sites } = await graphql<{ sites: { edges: Array<{ node: { id: string } }> } }>(
      portal,
      token,
      '{ sites(first: 1) { edges { node { id } } } }',
    );
    const siteId = sites.edges[0]!.node.id;
    const createEndpoint = async (url: string) => {
      const { createWebhookEndpoint } = await graphql<{
        createWebhookEndpoint: { webhookEndpoint: { id: string } | null; userErrors: unknown[] };
      }>(
        portal!,
        token,
        `
          mutation ($url: String!) {
            createWebhookEndpoint(input: { url: $url, events: [ENTRY_USER_ADDED] }) {
              webhookEndpoint {
                id
              }
              userErrors {
                code
                field
              }
            }
          }
        `,
        { url },
      );
      if (!createWebhookEndpoint.webhookEndpoint)
        throw new Error(`could not create an endpoint: ${JSON.stringify(createWebhookEndpoint)}`);
      return createWebhookEndpoint.webhookEndpoint.id;
    };
    const setEnabled = (id: string, url: string, enabled: boolean) =>
      graphql(
        portal!,
        token,
        `
          mutation ($id: ID!, $url: String!, $enabled: Boolean!) {
            updateWebhookEndpoint(
              id: $id
              input: { url: $url, events: [ENTRY_USER_ADDED], enabled: $enabled }
            ) {
              userErrors {
                code
              }
            }
          }
        `,
        { id, url, enabled },
      );

    // 1. delivery
    const healthyId = await createEndpoint(healthy.url);
    console.log(`delivery: ${events} addEntryUser mutations, ${connections} at a time`);
    const started = Date.now();
    const load = await addEntryUsers(portal, token, siteId, events, connections);
    await healthy.until(events, 10 * 60_000);
    const receipts = [...healthy.receipts.values()];
    const lastReceipt = Math.max(...receipts.map((r) => r.at));
    const deliveriesPerSecond = receipts.length / ((lastReceipt - started) / 1000);
    const delays = receipts.map((r) => r.delayMs);
    console.log(
      `  ${receipts.length} delivered in ${((lastReceipt - started) / 1000).toFixed(1)} s; mutations p99 ${load.p99Ms} ms`,
    );

    // 2. isolation: the same endpoint pointing at a receiver that answers at once, or at one
    // that never answers; both write the same outbox rows, so only the receiver differs. And,
    // for reference, no endpoint at all (the outbox's own cost).
    const deadId = await createEndpoint(dead.url);
    await setEnabled(deadId, dead.url, false);
    const kinds = ['healthy', 'dead', 'none'] as const;
    const p99: Record<(typeof kinds)[number], number[]> = { healthy: [], dead: [], none: [] };
    const label = {
      healthy: 'answering receiver',
      dead: 'dead receiver     ',
      none: 'no endpoint       ',
    };
    let failed = load.failed;
    for (let index = 0; index < rounds; index++) {
      // a different order each round, so no kind always runs on a warmer (or busier) machine
      const order = kinds.map((_, k) => kinds[(k + index) % kinds.length]!);
      for (const kind of order) {
        await setEnabled(healthyId, healthy.url, kind === 'healthy');
        await setEnabled(deadId, dead.url, kind === 'dead');
        const result = await addEntryUsers(portal, token, siteId, mutations, connections);
        p99[kind].push(result.p99Ms);
        failed += result.failed;
        console.log(
          `  round ${index + 1} ${label[kind]} p99 ${result.p99Ms} ms  ${result.requestsPerSecond.toFixed(0)} mutations/s`,
        );
      }
    }
    await setEnabled(healthyId, healthy.url, false);
    await setEnabled(deadId, dead.url, false);
    const medianOf = (list: number[]) => percentile(list, 50);

    const figures: BenchFigure[] = [
      figure(
        'webhooks: deliveries per second (10,000 events)',
        round(deliveriesPerSecond, 1),
        '/s',
      ),
      figure('webhooks: delay from the event to its receipt, p50', percentile(delays, 50), 'ms'),
      figure('webhooks: delay from the event to its receipt, p99', percentile(delays, 99), 'ms', {
        atMost: DELAY_P99_GOAL_MS,
      }),
      figure('webhooks: addEntryUser p99 while delivering', load.p99Ms, 'ms'),
      figure(
        'webhooks: addEntryUser p99, no endpoint (median of rounds)',
        medianOf(p99.none),
        'ms',
      ),
      figure(
        'webhooks: addEntryUser p99, endpoint answering at once (median of rounds)',
        medianOf(p99.healthy),
        'ms',
      ),
      figure(
        'webhooks: addEntryUser p99, endpoint that never answers (median of rounds)',
        medianOf(p99.dead),
        'ms',
      ),
      figure(
        'webhooks: p99 with a receiver that times out / one that answers',
        round(medianOf(p99.dead) / medianOf(p99.healthy), 2),
        '×',
        { atMost: ISOLATION_GOAL },
      ),
      figure('webhooks: failed or refused mutations', failed, 'requests', { atMost: 0 }),
    ];
    writeBenchReport('webhooks', figures, {
      databaseUrl,
      settings: { events, mutations, rounds, connections },
      deadReceiverRequests: dead.requests(),
      p99,
    });
  } finally {
    await portal?.stop();
    await healthy.close();
    await dead.close();
    const admin = await mysql.createConnection({ uri: databaseUrl.replace(/\/[^/]*$/, '') });
    await admin.query(`DROP DATABASE IF EXISTS \`${new URL(databaseUrl).pathname.slice(1)}\``);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `webhooks bench failed: ${error.message}` : error);
  process.exit(1);
});
