import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The real server, built by the root `pnpm build`. E2E_SERVER_MAIN points at another entry. */
const serverMain = process.env.E2E_SERVER_MAIN
  ? resolve(process.env.E2E_SERVER_MAIN)
  : join(repoRoot, 'packages/server/dist/main.js');
const webIndex = join(repoRoot, 'packages/web/dist/index.html');
const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningServer {
  /** e.g. http://localhost:41234 */
  url: string;
  /** What the server printed so far: attach it to a failure. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** More environment for the server, e.g. OPERATOR_EMAIL and OPERATOR_PASSWORD. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Starts the server on a free port with a fresh SQLite file, and resolves once GET /healthz
 * answers 200. The server serves packages/web/dist at `/`, so both must be built first. No
 * SMTP_URL is passed on: emails stay in the dev outbox (GET /api/dev/outbox).
 */
export async function startServer({ env = {} }: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(serverMain)) {
    throw new Error(`No server build at ${serverMain}: run "pnpm build" at the repository root.`);
  }
  if (!existsSync(webIndex)) {
    throw new Error(`No web build at ${webIndex}: run "pnpm --filter @entry/web build".`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'entry-e2e-'));
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...withoutSmtp(process.env),
      // every browser suite registers its companies from this one machine; the limit itself is
      // tested by the server's hardening suite
      REGISTRATION_LIMIT_PER_HOUR: '1000',
      ...env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.sqlite')}`,
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, exited);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- server output ---\n${output}`, { cause: error });
  }
  return { url, output: () => output, stop };
}

/** The caller's environment without SMTP_URL, so no test ever sends a real email. */
function withoutSmtp(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SMTP_URL: _smtp, ...rest } = env;
  return rest;
}

async function waitForHealth(url: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server at ${serverMain} exited before ${url}/healthz answered`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`${url}/healthz did not answer 200 within ${HEALTH_TIMEOUT_MS} ms (${last})`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}
