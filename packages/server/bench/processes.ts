import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';
import { previousPeriod } from '../src/billing/billing-period';

/** packages/server: where dist/main.js and the bench sources are. */
export const SERVER_DIR = path.resolve(__dirname, '..');

/**
 * The SECRETS_KEY of the benchmark's production portals (a production start refuses to run
 * without one); the benchmark data holds no two-factor secrets.
 */
export const BENCH_SECRETS_KEY = Buffer.alloc(32, 11).toString('base64');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** the last lines it wrote (shown when it fails) */
  output(): string;
  /** SIGTERM, then waits for it to exit (SIGKILL after 20 s) */
  stop(): Promise<void>;
}

const KEPT_OUTPUT = 60;

/** Starts a server as a child process on a free port and waits until its /healthz answers 200. */
export async function startServerProcess(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  options: { readonly healthTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const lines: string[] = [];
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ServerProcess = {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
  try {
    await waitForHealth(server, options.healthTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited during start-up:\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${server.name} did not answer /healthz within ${timeoutMs} ms:\n${server.output()}`,
  );
}

/**
 * Waits until the portal's background work has settled: at start-up its billing scheduler bills
 * last month (every seeded company is billable) and the mail worker then sends an invoice email
 * per company. Measuring during that would measure billing, not the API.
 */
export async function waitForPortalIdle(
  databaseUrl: string,
  onWait: (pendingCompanies: number, pendingMail: number) => void = () => {},
  timeoutMs = 30 * 60_000,
): Promise<{ seconds: number }> {
  const started = Date.now();
  const period = previousPeriod(new Date()).period;
  const connection = await mysql.createConnection({ uri: databaseUrl });
  try {
    for (;;) {
      const [[billing]] = await connection.query<mysql.RowDataPacket[]>(
        `SELECT COUNT(*) AS pending FROM company c
          WHERE c.billingSetupComplete = 1 AND c.status IN ('APPROVED', 'SUSPENDED')
            AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.companyId = c.id AND i.period = ?)`,
        [period],
      );
      // billing charges after every invoice exists: an automatic invoice with no payment
      // attempt yet is still to be charged by this pass
      const [[charging]] = await connection.query<mysql.RowDataPacket[]>(
        `SELECT COUNT(*) AS pending FROM invoice i
          WHERE i.period = ? AND i.status = 'OPEN' AND i.paymentMethod = 'AUTOMATIC'
            AND NOT EXISTS (SELECT 1 FROM payment_attempt a WHERE a.invoiceId = i.id)`,
        [period],
      );
      const [[mail]] = await connection.query<mysql.RowDataPacket[]>(
        "SELECT COUNT(*) AS pending FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')",
      );
      const pendingCompanies = Number(billing!['pending']) + Number(charging!['pending']);
      const pendingMail = Number(mail!['pending']);
      if (pendingCompanies === 0 && pendingMail === 0) break;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `the portal was still busy after ${timeoutMs / 1000} s: ${pendingCompanies} companies to bill or charge, ${pendingMail} emails to send`,
        );
      onWait(pendingCompanies, pendingMail);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    await connection.end();
  }
  // the last company's charge and the scheduler's retry/suspension queries finish right after
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return { seconds: Math.round((Date.now() - started) / 1000) };
}

/**
 * The portal as production runs it: the built dist/main.js. With `cpuProfileDir`, it carries the
 * bench's CPU profiler (cpu-profiler.mjs): `toggleCpuProfile` starts and stops it. `env` adds
 * settings (e.g. a key rate limit the load cannot reach).
 */
export function startPortalProcess(
  databaseUrl: string,
  options: { readonly cpuProfileDir?: string; readonly env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const profiler = options.cpuProfileDir
    ? ['--import', pathToFileURL(path.join(__dirname, 'cpu-profiler.mjs')).href]
    : [];
  return startServerProcess('portal', [...profiler, 'dist/main.js'], {
    NODE_ENV: 'production',
    SECRETS_KEY: BENCH_SECRETS_KEY,
    DATABASE_URL: databaseUrl,
    ...(options.cpuProfileDir ? { BENCH_CPU_PROFILE_DIR: options.cpuProfileDir } : {}),
    ...options.env,
  });
}

/**
 * Starts the CPU profiler of a portal started with `cpuProfileDir`, or stops it and resolves
 * with the profile file it wrote (the n-th stop writes <dir>/<n>.cpuprofile).
 */
export async function toggleCpuProfile(
  server: ServerProcess,
  dir: string,
  stopNumber: number | null,
): Promise<string | null> {
  server.child.kill('SIGUSR2');
  if (stopNumber === null) return null;
  const file = path.join(dir, `${stopNumber}.cpuprofile`);
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (fs.existsSync(file)) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the portal wrote no CPU profile ${file}`);
}

/** The raw baseline (bench/baseline/server.ts), compiled on load by @swc-node/register. */
export function startBaselineProcess(databaseUrl: string): Promise<ServerProcess> {
  return startServerProcess('baseline', ['-r', '@swc-node/register', 'bench/baseline/server.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
  });
}
