#!/usr/bin/env node
// `pnpm bench`: every benchmark of the portal, one after the other on a MariaDB server, then one
// table of every figure against its goal (bench-results/summary.json). `pnpm build` runs first
// (see package.json): the API benchmark starts the built server.
//
//   pnpm bench                       everything (about 15 minutes on an idle 2-core machine)
//   pnpm bench --only api,statements some parts: seed-mariadb seed-sqlite statements api billing
//                                    webhooks abuse cluster web
//   pnpm bench --quick               a smaller data set and short runs, to check the machinery
//
// BENCH_MYSQL_URL names the MariaDB/MySQL server (default mysql://root@127.0.0.1:3306); the
// benchmarks create and drop databases named entry_bench* on it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'packages/server');
const webDir = path.join(root, 'packages/web');
const mysqlUrl = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});

async function checkMariaDb() {
  const mysql = createRequire(path.join(serverDir, 'package.json'))('mysql2/promise');
  try {
    const connection = await mysql.createConnection({ uri: mysqlUrl, connectTimeout: 5_000 });
    await connection.query('SELECT 1');
    await connection.end();
  } catch (error) {
    console.error(
      `pnpm bench needs a MariaDB (or MySQL) server at ${mysqlUrl}, and could not reach it: ${error.message}\n` +
        'Start one (see /work/shared/STACK.md or README.md, "Benchmarks") or point BENCH_MYSQL_URL at one, e.g.\n' +
        '  BENCH_MYSQL_URL=mysql://user:password@host:3306 pnpm bench',
    );
    process.exit(1);
  }
}

const ts = (file, ...args) => ({
  cwd: serverDir,
  command: ['-r', '@swc-node/register', file, ...args],
});
const quick = values.quick;
const sqliteFile = path.join(os.tmpdir(), 'entry_bench.sqlite');
const scale = quick ? ['--scale', '0.1'] : [];

const STEPS = [
  {
    name: 'seed-mariadb',
    ...ts('bench/seed.ts', '--database', `${mysqlUrl}/entry_bench`, ...scale),
  },
  { name: 'seed-sqlite', ...ts('bench/seed.ts', '--database', `sqlite:${sqliteFile}`, ...scale) },
  { name: 'statements', ...ts('bench/statements.ts') },
  {
    name: 'api',
    // reuses the database seeded above (`--only api` seeds its own)
    ...ts(
      'bench/api.ts',
      '--database',
      `${mysqlUrl}/entry_bench`,
      ...(quick ? ['--duration', '1', '--rounds', '3', '--warmup', '1'] : []),
    ),
    reuseSeed: true,
  },
  {
    name: 'billing',
    ...ts('bench/billing.ts', ...scale),
    optional: path.join(serverDir, 'bench/billing.ts'),
  },
  {
    // the built server on a small database of its own, with receivers on loopback
    name: 'webhooks',
    ...ts('bench/webhooks.ts', ...(quick ? ['--events', '1000', '--mutations', '300'] : [])),
  },
  {
    // the built server with bench/loop-probe.mjs preloaded, on scratch databases of its own
    name: 'abuse',
    ...ts('bench/abuse.ts'),
  },
  {
    // a 3-node Galera cluster of its own (scripts/galera-cluster.cjs): billing with two processes
    // at once, two processes on the cluster vs one on single MariaDB, a node killed under load
    name: 'cluster',
    ...ts(
      'bench/cluster.ts',
      '--single',
      `${mysqlUrl}/entry_bench`,
      ...scale,
      ...(quick ? ['--duration', '2', '--rounds', '1'] : []),
    ),
    // the single server's data set seeded just before (`--only cluster` seeds its own)
    reuseSingle: true,
  },
  {
    name: 'web',
    cwd: webDir,
    command: ['bench/run.mjs'],
    optional: path.join(webDir, 'bench/run.mjs'),
  },
];

const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
if (only) {
  const unknown = [...only].filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length) {
    console.error(
      `unknown part(s): ${unknown.join(', ')}; parts: ${STEPS.map((s) => s.name).join(' ')}`,
    );
    process.exit(1);
  }
}

await checkMariaDb();
const startedAt = new Date();
const ran = [];
for (const step of STEPS) {
  if (only && !only.has(step.name)) continue;
  if (step.optional && !fs.existsSync(step.optional)) {
    console.log(
      `\n== ${step.name}: skipped (${path.relative(root, step.optional)} does not exist)`,
    );
    ran.push({ name: step.name, skipped: true });
    continue;
  }
  const args = [...step.command];
  // the API benchmark reads the MariaDB data set seeded just before, instead of seeding again
  if (step.reuseSeed && ran.some((r) => r.name === 'seed-mariadb' && r.exitCode === 0))
    args.push('--reuse');
  else if (step.reuseSeed && quick) args.push('--scale', '0.1');
  if (step.reuseSingle && ran.some((r) => r.name === 'seed-mariadb' && r.exitCode === 0))
    args.push('--reuse-single');
  console.log(`\n== ${step.name}: node ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, {
    cwd: step.cwd,
    stdio: 'inherit',
    env: { ...process.env, BENCH_MYSQL_URL: mysqlUrl },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const exitCode = result.status ?? 1;
  ran.push({ name: step.name, seconds, exitCode });
  console.log(
    `== ${step.name}: ${exitCode === 0 ? 'done' : `FAILED (exit code ${exitCode})`} in ${seconds} s`,
  );
}

const totalSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
console.log(`\n== summary (all parts took ${totalSeconds} s)`);
spawnSync(
  process.execPath,
  [
    '-r',
    '@swc-node/register',
    'bench/summary.ts',
    '--since',
    startedAt.toISOString(),
    '--steps',
    JSON.stringify({ ran, totalSeconds }),
  ],
  { cwd: serverDir, stdio: 'inherit' },
);
const failed = ran.filter((r) => r.exitCode);
if (failed.length) {
  console.error(`failed: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
