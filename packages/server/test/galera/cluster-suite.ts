import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  galeraAvailability,
  startGaleraCluster,
  type GaleraCluster,
} from '../../../../scripts/galera-cluster.cjs';
import { startServerProcess, type ServerProcess } from '../../bench/processes';
import { createDataSource } from '../../src/database/data-source';
import { TEST_SECRETS_KEY } from '../portal';

/**
 * The Galera suites need Debian's mariadb-server (with galera-4), mariadb-backup and socat.
 * `pnpm test` (scripts/test.mjs) runs them only where those are installed and says so otherwise
 * (in CI they are required: .ci/run installs them), so a run of this config on a machine without
 * them is a mistake, and fails saying what is missing.
 */
export function describeOnGalera(title: string, body: () => void): void {
  const { available, missing } = galeraAvailability();
  if (!available)
    throw new Error(`A Galera cluster cannot start here: install ${missing.join(', ')}`);
  describe(title, body);
}

export interface PortalProcess extends ServerProcess {
  /** the node order of its DATABASE_URL */
  readonly nodes: readonly number[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    timeoutMs?: number,
  ): Promise<{
    status: number;
    data?: T | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  }>;
}

/**
 * The portal as a real server process (src/main.ts through @swc-node/register: no build step)
 * on the cluster, its DATABASE_URL listing the nodes in `nodes` order: it talks to the first and
 * fails over to the next.
 */
export async function startPortalOnCluster(
  cluster: GaleraCluster,
  database: string,
  nodes: readonly number[],
  env: Record<string, string> = {},
): Promise<PortalProcess> {
  const server = await startServerProcess(
    `portal on node${nodes[0]! + 1}`,
    ['-r', '@swc-node/register', 'src/main.ts'],
    {
      NODE_ENV: 'test',
      SECRETS_KEY: TEST_SECRETS_KEY,
      DATABASE_URL: cluster.databaseUrl(database, nodes),
      // the tests register and invite far more than a person would
      REGISTRATION_LIMIT_PER_HOUR: '100000',
      ...env,
    },
  );
  return {
    ...server,
    nodes,
    async gql(query, variables = {}, token, timeoutMs = 30_000) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { status: response.status, ...body } as never;
    },
  };
}

/** A new database on the cluster (created through node 1: DDL reaches every node). */
export async function createClusterDatabase(cluster: GaleraCluster): Promise<string> {
  const name = `entry_galera_${randomBytes(4).toString('hex')}`;
  await cluster.query(
    0,
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  return name;
}

/** The test's own connections, for seeding and checking, through the nodes in `nodes` order. */
export async function openClusterDataSource(
  cluster: GaleraCluster,
  database: string,
  nodes: readonly number[],
): Promise<DataSource> {
  const dataSource = createDataSource({
    type: 'mariadb',
    url: cluster.databaseUrl(database, nodes),
  });
  await dataSource.initialize();
  return dataSource;
}

export { startGaleraCluster, type GaleraCluster };
