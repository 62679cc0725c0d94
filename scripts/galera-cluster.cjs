#!/usr/bin/env node
// A MariaDB Galera cluster of three nodes on loopback, in a temporary folder: for the Galera
// tests (packages/server/test/galera) and the benchmark's `cluster` part. Each node has its own
// data folder, socket, ports and error log; nothing touches the machine's MariaDB on 3306.
//
//   node scripts/galera-cluster.cjs start [--dir DIR]   start, print the URLs, stop on Ctrl-C
//   node scripts/galera-cluster.cjs check               start, kill -9 a node, restart it, stop
//
// From code: `const { startGaleraCluster } = require('…/scripts/galera-cluster.cjs')`; the
// types are in galera-cluster.d.cts. Needs Debian's mariadb-server (which brings galera-4),
// mariadb-backup (state transfers) and socat; galeraAvailability() says what is missing.
//
// CommonJS on purpose: Jest (CommonJS), the benchmark (ts through @swc-node/register) and .mjs
// scripts can all load it without a build step.
'use strict';

const { spawn, execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const MARIADBD = '/usr/sbin/mariadbd';
const CLUSTER_NAME = 'entry_galera';

/** What this machine lacks to run a cluster (empty: it can). */
function galeraAvailability() {
  const missing = [];
  if (!fs.existsSync(MARIADBD)) missing.push('mariadb-server (/usr/sbin/mariadbd)');
  if (!fs.existsSync(GALERA_PROVIDER)) missing.push(`galera-4 (${GALERA_PROVIDER})`);
  if (!onPath('mariadb-install-db')) missing.push('mariadb-server (mariadb-install-db)');
  if (!onPath('mariadb')) missing.push('mariadb-client (mariadb)');
  if (!onPath('mariabackup')) missing.push('mariadb-backup (mariabackup, for state transfers)');
  if (!onPath('socat')) missing.push('socat (streams state transfers)');
  return { available: missing.length === 0, missing };
}

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((folder) => folder && fs.existsSync(path.join(folder, command)));
}

/**
 * `count` distinct free TCP ports on 127.0.0.1: all held open until every one is found, so the
 * same port is never handed out twice (another program may still take one before a node binds
 * it; a node that fails to start says so in its error log).
 */
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      servers.push(server);
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 60_000, ...options }, (error, stdout, stderr) => {
      if (error) {
        error.message += `\n${stderr}`;
        reject(error);
      } else resolve(stdout);
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One node's settings, as STACK.md's Galera notes found them to work here. Small buffers (three
 * nodes share a test machine), and wsrep_sync_wait=1: a read waits until the node has applied
 * every write set it has received, so a request that follows a change made through another node
 * sees that change (a session made on one portal process works at once on another).
 */
function nodeConfig(node, cluster) {
  const gcomm = cluster.nodes.map((other) => `127.0.0.1:${other.gcommPort}`).join(',');
  const providerOptions = [
    `gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort}`,
    `ist.recv_addr=127.0.0.1:${node.istPort}`,
    'gcache.size=128M',
    // A dead peer is declared gone after ~3 s instead of Galera's default ~6 s (suspect_timeout
    // 5 s): writes stall cluster-wide until then. Shorter made a node starved of CPU on this
    // 2-core machine look dead to the others; on a real network shorter timeouts mean false
    // alarms too (docs/DEPLOYMENT.md).
    'evs.keepalive_period=PT0.5S',
    'evs.inactive_check_period=PT0.5S',
    'evs.suspect_timeout=PT2.5S',
    'evs.inactive_timeout=PT5S',
    'evs.install_timeout=PT5S',
    // Optimistic parallel applying (MariaDB 10.11's default) applied a session row before the
    // operator row it refers to had been applied (foreign key error 1452): the node declared
    // itself inconsistent and left the cluster. Applying in certification order fixes that.
    'cert.optimistic_pa=NO',
  ].join(';');
  return `[mariadbd]
user=root
datadir=${node.datadir}
socket=${node.socket}
pid-file=${node.pidFile}
log-error=${node.errorLog}
port=${node.port}
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=400
innodb_buffer_pool_size=128M
innodb_log_file_size=64M
innodb_flush_log_at_trx_commit=2
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=${GALERA_PROVIDER}
wsrep_cluster_name=${CLUSTER_NAME}
wsrep_cluster_address=gcomm://${gcomm}
wsrep_node_name=${node.name}
wsrep_node_address=127.0.0.1
wsrep_provider_options="${providerOptions}"
wsrep_sst_method=mariabackup
wsrep_sst_auth=root:
wsrep_sst_receive_address=127.0.0.1:${node.sstPort}
wsrep_sync_wait=1
wsrep_slave_threads=4
wsrep_retry_autocommit=4
`;
}

/** A statement through the node's socket as root (no password), answered as tab-separated rows. */
async function query(node, sql) {
  const out = await run(
    'mariadb',
    ['--no-defaults', `--socket=${node.socket}`, '-uroot', '-N', '-B', '-e', sql],
    {
      timeout: 10_000,
    },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

/** wsrep_* status of a node, or null when it does not answer. */
async function wsrepStatus(node) {
  try {
    const rows = await query(
      node,
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready', 'wsrep_cluster_status', 'wsrep_local_state_uuid', 'wsrep_last_committed')",
    );
    const status = Object.fromEntries(rows.map(([name, value]) => [name, value]));
    return {
      state: status.wsrep_local_state_comment,
      clusterSize: Number(status.wsrep_cluster_size),
      ready: status.wsrep_ready === 'ON',
      primary: status.wsrep_cluster_status === 'Primary',
      stateUuid: status.wsrep_local_state_uuid,
      lastCommitted: Number(status.wsrep_last_committed),
    };
  } catch {
    return null;
  }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no error log)';
  }
}

/** Processes of every cluster in this process: killed if it exits without stopping them. */
const living = new Set();
process.on('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/**
 * Starts a Galera cluster of `size` nodes (3) on free loopback ports in `dir` (a new temporary
 * folder), and resolves once every node is Synced in one primary component. About 15 s here:
 * the first node is bootstrapped once and stopped, and its data folder copied to the others, so
 * they join without a state transfer; a node that is killed and restarted later rejoins by IST
 * (or SST) as it would in production.
 */
async function startGaleraCluster(options = {}) {
  const { available, missing } = galeraAvailability();
  if (!available) throw new Error(`a Galera cluster needs ${missing.join(', ')}`);
  const size = options.size ?? 3;
  const log = options.log ?? (() => {});
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'entry-galera-'));
  fs.mkdirSync(dir, { recursive: true });
  const ports = await freePorts(size * 4);
  const nodes = Array.from({ length: size }, (_, index) => {
    const name = `node${index + 1}`;
    const home = path.join(dir, name);
    return {
      index,
      name,
      home,
      datadir: path.join(home, 'data'),
      socket: path.join(home, 'mariadb.sock'),
      pidFile: path.join(home, 'mariadb.pid'),
      errorLog: path.join(home, 'error.log'),
      configFile: path.join(home, 'my.cnf'),
      port: ports[index * 4],
      gcommPort: ports[index * 4 + 1],
      istPort: ports[index * 4 + 2],
      sstPort: ports[index * 4 + 3],
      url: `mysql://root@127.0.0.1:${ports[index * 4]}`,
      child: null,
    };
  });
  const cluster = new GaleraCluster(dir, nodes, log, options.keepDir ?? options.dir !== undefined);
  try {
    for (const node of nodes) {
      fs.mkdirSync(node.home, { recursive: true });
      fs.writeFileSync(node.configFile, nodeConfig(node, cluster));
    }
    const [first, ...others] = nodes;
    const started = Date.now();
    await run('mariadb-install-db', [
      `--defaults-file=${first.configFile}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    // First life of node 1: a new cluster, the TCP root account, then a clean stop. Its data
    // folder, with the cluster's state id in grastate.dat, becomes every other node's, so they
    // join without a state transfer.
    await cluster.startNode(first, { newCluster: true });
    await cluster.waitUntil(() => cluster.synced([first]), 60_000, 'node1 to bootstrap');
    await query(
      first,
      "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES",
    );
    await cluster.stopNode(first);
    for (const node of others) fs.cpSync(first.datadir, node.datadir, { recursive: true });
    await cluster.startNode(first, { newCluster: true });
    await cluster.waitUntil(() => cluster.synced([first]), 60_000, 'node1 to start the cluster');
    for (const node of others) await cluster.startNode(node);
    await cluster.waitSynced(120_000);
    log(`galera: ${size} nodes synced in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`);
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

class GaleraCluster {
  constructor(dir, nodes, log, keepDir) {
    this.dir = dir;
    this.nodes = nodes;
    this.log = log;
    this.keepDir = keepDir;
    this.stopped = false;
  }

  /** A DATABASE_URL naming `database` on the given nodes, in that order (several: failover). */
  databaseUrl(database, nodeIndexes = [0]) {
    const hosts = nodeIndexes.map((index) => `127.0.0.1:${this.nodes[index].port}`).join(',');
    return `mysql://root@${hosts}/${database}`;
  }

  /** Runs SQL as root on a node (through its socket); rows of strings. */
  query(index, sql) {
    return query(this.nodes[index], sql);
  }

  status(index) {
    return wsrepStatus(this.nodes[index]);
  }

  isRunning(index) {
    const child = this.nodes[index].child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  async startNode(node, { newCluster = false } = {}) {
    const args = [`--defaults-file=${node.configFile}`];
    if (newCluster) args.push('--wsrep-new-cluster');
    const child = spawn(MARIADBD, args, { stdio: 'ignore' });
    node.child = child;
    living.add(child);
    child.once('exit', () => living.delete(child));
    this.log(`galera: ${node.name} started (pid ${child.pid}, port ${node.port})`);
  }

  async stopNode(node) {
    const child = node.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(killer);
  }

  /** Whether each of `nodes` is Synced and ready in a primary component of `size` nodes. */
  async synced(nodes = this.nodes, size = nodes.length) {
    const statuses = await Promise.all(nodes.map(wsrepStatus));
    return statuses.every(
      (status) =>
        status &&
        status.state === 'Synced' &&
        status.ready &&
        status.primary &&
        status.clusterSize === size,
    );
  }

  async waitUntil(check, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const node of this.nodes) {
        if (node.child && node.child.exitCode !== null) {
          throw new Error(
            `galera: ${node.name} exited while waiting for ${what}:\n${tail(node.errorLog)}`,
          );
        }
      }
      if (await check()) return;
      await sleep(250);
    }
    const logs = this.nodes
      .map((node) => `--- ${node.name}\n${tail(node.errorLog, 15)}`)
      .join('\n');
    throw new Error(`galera: timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
  }

  /** Resolves once every running node is Synced in one primary component of all running nodes. */
  waitSynced(timeoutMs = 120_000) {
    return this.waitUntil(
      () => {
        const running = this.nodes.filter((node) => this.isRunning(node.index));
        return this.synced(running, running.length);
      },
      timeoutMs,
      'every running node to be Synced',
    );
  }

  /** kill -9 of a node: no clean shutdown, its peers find out from the dropped connections. */
  async kill(index) {
    const node = this.nodes[index];
    const child = node.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.log(`galera: ${node.name} killed (-9)`);
  }

  /**
   * Starts a killed or stopped node again and resolves once it has rejoined (IST when the
   * others' gcache still holds what it missed, SST otherwise) and every node is Synced.
   */
  async restart(index, timeoutMs = 180_000) {
    const node = this.nodes[index];
    if (this.isRunning(index)) throw new Error(`galera: ${node.name} is running`);
    const started = Date.now();
    await this.startNode(node);
    await this.waitSynced(timeoutMs);
    this.log(`galera: ${node.name} rejoined in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { seconds: (Date.now() - started) / 1000, transfer: this.lastTransfer(node) };
  }

  /** How the node last caught up, read from its error log: 'IST', 'SST' or null. */
  lastTransfer(node) {
    const log = tail(node.errorLog, 400);
    const ist = log.lastIndexOf('IST received');
    const sst = Math.max(log.lastIndexOf('SST received'), log.lastIndexOf('SST succeeded'));
    if (ist < 0 && sst < 0) return null;
    return ist > sst ? 'IST' : 'SST';
  }

  /** Stops every node cleanly and removes the folder (unless it was given). */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((node) => this.stopNode(node)));
    if (!this.keepDir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.log('galera: stopped');
  }
}

async function cli(argv) {
  const [command = 'start', ...rest] = argv;
  const dirIndex = rest.indexOf('--dir');
  const dir = dirIndex >= 0 ? path.resolve(rest[dirIndex + 1]) : undefined;
  const log = (line) => console.log(line);
  const { available, missing } = galeraAvailability();
  if (!available) {
    console.error(`cannot start a Galera cluster here: install ${missing.join(', ')}`);
    process.exit(1);
  }
  if (command === 'start') {
    const cluster = await startGaleraCluster({ dir, log });
    for (const node of cluster.nodes)
      console.log(`${node.name}: ${node.url} (socket ${node.socket})`);
    console.log(
      `DATABASE_URL=${cluster.databaseUrl(
        'portal',
        cluster.nodes.map((n) => n.index),
      )}`,
    );
    console.log('(create the database first; Ctrl-C stops the cluster)');
    const stop = () => cluster.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  if (command === 'check') {
    const started = Date.now();
    const cluster = await startGaleraCluster({ dir, log });
    try {
      await cluster.query(0, 'CREATE DATABASE probe; CREATE TABLE probe.t (id INT PRIMARY KEY)');
      await cluster.kill(2);
      await cluster.query(0, 'INSERT INTO probe.t VALUES (1), (2), (3)');
      const { seconds, transfer } = await cluster.restart(2);
      const [[count]] = await cluster.query(2, 'SELECT COUNT(*) FROM probe.t');
      console.log(
        `node3 rejoined by ${transfer} in ${seconds.toFixed(1)} s and holds ${count} of 3 rows`,
      );
      if (count !== '3') process.exitCode = 1;
    } finally {
      await cluster.stop();
    }
    console.log(`check done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  console.error('usage: galera-cluster.cjs start [--dir DIR] | check [--dir DIR]');
  process.exit(2);
}

module.exports = { startGaleraCluster, galeraAvailability, GaleraCluster };

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
