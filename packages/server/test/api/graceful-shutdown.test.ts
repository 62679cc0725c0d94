import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createScratchDatabase } from '../../src/database/scratch-database';
import { describeOnDialects } from '../support/dialects';
import { TEST_SECRETS_KEY } from '../portal';

const SERVER_DIR = path.resolve(__dirname, '../..');
/** From SIGTERM to exit, with a request in flight that finishes first. */
const EXIT_BOUND_MS = 5_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/** The real entry point (src/main.ts) as a child process, with what it prints kept. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  );
  return { child, exited, output: () => output };
}

/** Answers with its body once it ends; on its own socket, never reused. */
function post(
  url: string,
  body: string,
  send: (request: http.ClientRequest) => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    send(request);
  });
}

/** A request answered on a keep-alive connection that then stays open, idle; resolves with it. */
function idleKeepAliveConnection(url: string, agent: http.Agent): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/healthz`, { agent }, (res) => {
      res.resume();
      // the agent keeps the socket for the next request: it stays connected, idle
      res.on('end', () => resolve(socket));
    });
    let socket: net.Socket;
    request.on('socket', (assigned) => (socket = assigned)).on('error', reject);
  });
}

const SIGN_IN = JSON.stringify({
  query: `mutation { signIn(email: "nobody@example.com", password: "not the password") {
    userErrors { code } } }`,
});

describeOnDialects('graceful shutdown of the server on %s', (suite) => {
  const scratch = suite.startBefore(
    () => createScratchDatabase(suite.dialect),
    (database) => database.drop(),
  );

  // NODE_ENV=production, as deployed: under NODE_ENV=test Apollo installs no signal handlers of
  // its own, and it was those (racing ours) that left the process hanging on MariaDB.
  it('should finish a request in flight, close idle keep-alive connections and exit 0 soon after SIGTERM', async () => {
    const { database } = scratch;
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      DATABASE_URL: database.type === 'sqlite' ? `sqlite:${database.path}` : database.url,
      NODE_ENV: 'production',
      SECRETS_KEY: TEST_SECRETS_KEY,
    });
    const agent = new http.Agent({ keepAlive: true });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, main.child, main.output);

      const idle = await idleKeepAliveConnection(url, agent);
      const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));

      // A request whose body is still arriving when the signal comes: truly in flight.
      let signalledAt = 0;
      const inFlight = post(`${url}/graphql`, SIGN_IN, (request) => {
        request.write(SIGN_IN.slice(0, 10));
        setTimeout(() => {
          signalledAt = performance.now();
          main.child.kill('SIGTERM');
          setTimeout(() => request.end(SIGN_IN.slice(10)), 300);
        }, 200);
      });

      const answered = await inFlight;
      expect([answered.status, JSON.parse(answered.text)]).toEqual([
        200,
        { data: { signIn: { userErrors: [{ code: 'INVALID_CREDENTIALS' }] } } },
      ]);
      await idleClosed;
      const exit = await main.exited;
      expect({ code: exit.code, withinBound: exit.at - signalledAt < EXIT_BOUND_MS }).toEqual({
        code: 0,
        withinBound: true,
      });
      // every step of the stop ran (workers, then the database pool), not just the event loop
      // running dry
      expect(main.output()).toContain('"message":"SIGTERM: finishing requests in flight');
      expect(main.output()).toContain('"message":"stopped"');
    } finally {
      agent.destroy();
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('start-up with a bad setting', () => {
  it('should stop with one line naming the variable when the configuration is bad', async () => {
    const main = startMain({ PORT: 'eighty' });
    const { code } = await main.exited;
    expect(code).toBe(1);
    expect(main.output().trim()).toBe(
      'Configuration error: PORT must be a whole number from 1 to 65535 (got "eighty")',
    );
  });
});
