#!/usr/bin/env node
// `pnpm test`: every test of the project, in the order that fails fastest.
//   1. the server's Jest suites (and the shared package's), on SQLite and, when a MySQL/MariaDB
//      server answers, on it too (TEST_MYSQL_URL, default root@127.0.0.1:3306);
//   2. the Galera suites: a 3-node MariaDB Galera cluster with two portal processes on it
//      (about 1.5 minutes; skipped where mariadbd/galera are not installed, required in CI);
//   3. the web app's unit tests (Vitest);
//   4. the browser tests: the built portal driven through Debian's Chromium.
// Prints one closing line with the totals. With CI=true a missing MariaDB or Chromium fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'entry-test-'));

async function findMysql() {
  const url = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const require = createRequire(path.join(root, 'packages/server/package.json'));
  const mysql = require('mysql2/promise');
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await connection.end();
    return url;
  } catch (error) {
    const message = `MySQL/MariaDB not reachable at ${url} (${error.code ?? error.message})`;
    if (ci) {
      console.error(`${message}: CI needs it (start MariaDB, or set TEST_MYSQL_URL)`);
      process.exit(1);
    }
    console.warn(`${message}: the server suites run on SQLite only this time`);
    return null;
  }
}

/** The Redis of the Redis rate-limit suite (TEST_REDIS_URL, default 127.0.0.1:6379): PING. */
async function findRedis() {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  const net = await import('node:net');
  const socket = net.connect({ host: hostname, port: Number(port || 6379) });
  const answered = await new Promise((resolve) => {
    socket.setTimeout(3000, () => resolve(false));
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => resolve(data.toString().startsWith('+PONG')));
  });
  socket.destroy();
  if (answered) return url;
  const message = `Redis not reachable at ${url}`;
  if (ci) {
    console.error(`${message}: CI needs it (start redis-server, or set TEST_REDIS_URL)`);
    process.exit(1);
  }
  console.warn(`${message}: the Redis rate-limit suite is skipped this time`);
  return null;
}

function run(label, command, args, options = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

function count(file, read) {
  try {
    return read(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const fromJestJson = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
});

const mysqlUrl = await findMysql();
const redisUrl = await findRedis();
const env = {
  ...process.env,
  ...(mysqlUrl ? { TEST_MYSQL_URL: mysqlUrl } : {}),
  ...(redisUrl ? { TEST_REDIS_URL: redisUrl } : {}),
};
const totals = { passed: 0, failed: 0 };
const add = ({ passed, failed }) => {
  totals.passed += passed;
  totals.failed += failed;
};
let ok = true;

const serverReport = path.join(reports, 'server.json');
ok =
  run(
    'server and shared (Jest)',
    'pnpm',
    ['--filter', '@entry/server', 'exec', 'jest', '--json', `--outputFile=${serverReport}`],
    { env },
  ) && ok;
add(count(serverReport, fromJestJson));

// Apart from the suites above (never beside them): a cluster of three MariaDB nodes and two
// portal processes take the machine's two cores.
const { galeraAvailability } = createRequire(import.meta.url)('./galera-cluster.cjs');
const galera = galeraAvailability();
if (galera.available) {
  const galeraReport = path.join(reports, 'galera.json');
  ok =
    run(
      'Galera cluster (Jest)',
      'pnpm',
      [
        '--filter',
        '@entry/server',
        'exec',
        'jest',
        '-c',
        'jest.galera.config.cjs',
        '--json',
        `--outputFile=${galeraReport}`,
      ],
      { env },
    ) && ok;
  add(count(galeraReport, fromJestJson));
} else if (ci) {
  console.error(`the Galera suites need ${galera.missing.join(', ')}: CI installs them (.ci/run)`);
  ok = false;
  add({ passed: 0, failed: 1 });
} else {
  console.warn(`\nGalera suites skipped: install ${galera.missing.join(', ')}`);
}

const webReport = path.join(reports, 'web.json');
ok =
  run(
    'web unit tests (Vitest)',
    'pnpm',
    [
      '--filter',
      '@entry/web',
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${webReport}`,
    ],
    { env },
  ) && ok;
add(count(webReport, fromJestJson));

ok = run('build for the browser tests', 'pnpm', ['build'], { env }) && ok;
const e2eReport = path.join(reports, 'e2e.json');
ok =
  run(
    'browser tests (Chromium)',
    'pnpm',
    [
      '--filter',
      '@entry/web',
      'exec',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${e2eReport}`,
    ],
    { env },
  ) && ok;
add(count(e2eReport, fromJestJson));

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
