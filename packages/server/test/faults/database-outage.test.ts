import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DATABASE_PROBE_INTERVAL_MS } from '../../src/database/availability';
import { DATABASE_CONNECT_TIMEOUT_MS } from '../../src/database/data-source';
import { testDialects } from '../databases';
import { buildCompany, buildPerson, buildSite, tokenFor } from '../factories';
import { startTestPortal, type TestPortal } from '../portal';
import { leaksIn } from '../support/leaks';
import { startToggleableProxy, type ToggleableProxy } from '../support/toggleable-proxy';
import { describeOnDialects } from '../support/dialects';

/** Generous: a refused request takes milliseconds; mysql2 alone would wait up to 10 s. */
const FAIL_FAST_MS = 1_000;
/** The probe runs every DATABASE_PROBE_INTERVAL_MS; the rest is slack for a busy machine. */
const RECOVERY_BOUND_MS = DATABASE_PROBE_INTERVAL_MS + 2_000;
/** DATABASE_STATEMENT_TIMEOUT_MS of the portals here (30 s by default): short, to keep tests short */
const STATEMENT_TIMEOUT_MS = 1_000;

const ME = '{ me { id firstName } }';
const SIGN_IN = `mutation { signIn(email: "nobody@example.com", password: "not the password") {
  userErrors { code } } }`;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> | null;
  readonly ms: number;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (a static file)
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    json,
    ms: performance.now() - started,
  };
}

function graphql(
  portal: TestPortal,
  query: string,
  options: { token?: string; acceptLanguage?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
  return send(`${portal.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
  });
}

const firstErrorOf = (answer: Answer) =>
  (answer.json?.['errors'] as Array<{ message: string; extensions?: { code?: string } }>)?.[0];

/** A GraphQL answer refused (at once, by default) with 503, Retry-After and the given message. */
function expectServiceUnavailable(answer: Answer, message: string, withinMs = FAIL_FAST_MS) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('1');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(answer.ms).toBeLessThan(withinMs);
  expect(leaksIn(answer.text)).toEqual([]);
  expect(firstErrorOf(answer)).toMatchObject({
    message,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}

/** Several requests at once while the database is known to be away: each refused at once. */
async function expectEachRefusedAtOnce(
  portal: TestPortal,
  token: string,
  acceptLanguage: string,
  message: string,
) {
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => graphql(portal, ME, { token, acceptLanguage })),
  );
  for (const answer of answers) expectServiceUnavailable(answer, message);
}

/** Polls until `succeeds` holds; resolves with how long that took. */
async function timeUntil(succeeds: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await succeeds()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`still failing after ${limitMs} ms`);
}

/** A tiny built web app, so the static half is served whether or not `pnpm build` ran. */
function webDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entry-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Entry Portal</title>');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describeOnDialects('a database error that is not an outage, on %s', (suite) => {
  const portal = suite.startPortal();
  let token: string;

  beforeAll(async () => {
    const company = await buildCompany(portal.dataSource);
    token = await tokenFor(portal.dataSource, await buildPerson(portal.dataSource, company));
  });

  // SQLite cannot "go down": it is a file opened inside the process. What can happen to it (and
  // to MariaDB) is a statement failing; that is a bug or a broken schema, not "try again soon".
  it('should answer a failing statement as INTERNAL_SERVER_ERROR, without SQL, and never as 503', async () => {
    await portal.dataSource.query('ALTER TABLE session RENAME TO session_elsewhere');
    try {
      const broken = await graphql(portal, ME, { token, acceptLanguage: 'nl' });
      expect(broken.status).toBe(500);
      expect(broken.headers.get('retry-after')).toBeNull();
      expect(firstErrorOf(broken)).toEqual({
        message: 'Er ging bij ons iets mis. Probeer het opnieuw.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(leaksIn(broken.text)).toEqual([]);
      // the database itself is there: the health check and the next requests say so
      expect((await send(`${portal.url}/healthz`)).status).toBe(200);
      expect((await graphql(portal, SIGN_IN)).status).toBe(200);
    } finally {
      await portal.dataSource.query('ALTER TABLE session_elsewhere RENAME TO session');
    }
    const healed = await graphql(portal, ME, { token });
    expect(healed.status).toBe(200);
    expect(healed.json?.['data']).toEqual({ me: { id: expect.any(String), firstName: 'Daisy' } });
  });
});

// Only a database server can go away and come back: this half runs where MariaDB does.
const onMariaDb = testDialects().includes('mysql') ? describe : describe.skip;

onMariaDb('MariaDB going away and coming back (through a TCP proxy)', () => {
  let proxy: ToggleableProxy;
  let portal: TestPortal;
  let token: string;
  let siteId: string;
  let webDir: string;

  beforeAll(async () => {
    webDir = webDist();
    proxy = await startToggleableProxy({ host: '127.0.0.1', port: 3306 });
    try {
      const env = {
        WEB_DIST_DIR: webDir,
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      };
      portal = await startTestPortal('mysql', env, undefined, (direct) => {
        // the same database, reached through the proxy the test can cut
        const url = new URL(direct);
        url.hostname = proxy.host;
        url.port = String(proxy.port);
        return url.toString();
      });
    } catch (error) {
      await proxy.close();
      throw error;
    }
    const company = await buildCompany(portal.dataSource);
    const admin = await buildPerson(portal.dataSource, company, { locale: 'sv' });
    token = await tokenFor(portal.dataSource, admin);
    siteId = (await buildSite(portal.dataSource, company)).id;
  });
  afterEach(async () => {
    await proxy?.restore();
  });
  afterAll(async () => {
    await portal?.close();
    await proxy?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  const csvUrl = () => `${portal.url}/api/sites/${siteId}/entry-users.csv`;

  it('should answer 503 at once while the database is away and serve again by itself when it is back', async () => {
    expect((await graphql(portal, ME, { token })).status).toBe(200);

    await proxy.cut();

    // The first request meets the dead pooled connection inside a resolver (signIn reads the
    // throttle table): that alone makes the whole answer a 503.
    expectServiceUnavailable(
      await graphql(portal, SIGN_IN, { acceptLanguage: 'fr' }),
      'Le service est momentanément indisponible. Veuillez réessayer dans un instant.',
    );
    // Known to be down now: refused before the session lookup. The viewer is not known, so
    // the language is the one the client asks for.
    expectServiceUnavailable(
      await graphql(portal, ME, { token, acceptLanguage: 'sv' }),
      'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    );
    expectServiceUnavailable(
      await graphql(portal, '{ accessLevels { code } }'),
      'The service is briefly unavailable. Please try again in a moment.',
    );

    const health = await send(`${portal.url}/healthz`);
    expect([health.status, health.json, health.headers.get('retry-after')]).toEqual([
      503,
      { status: 'unavailable', database: 'unreachable' },
      '1',
    ]);
    expect(health.ms).toBeLessThan(FAIL_FAST_MS);

    const csv = await send(csvUrl(), { headers: { authorization: `Bearer ${token}` } });
    expect([csv.status, csv.headers.get('retry-after'), csv.headers.get('cache-control')]).toEqual([
      503,
      '1',
      'no-store',
    ]);
    expect(csv.json).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is briefly unavailable. Please try again in a moment.',
      },
    });
    expect(csv.ms).toBeLessThan(FAIL_FAST_MS);

    // the web app needs no database: it keeps loading and shows the API's answers
    const favicon = await send(`${portal.url}/favicon.svg`);
    const page = await send(`${portal.url}/sites`, { headers: { accept: 'text/html' } });
    expect([favicon.status, page.status]).toEqual([200, 200]);
    expect(page.text).toContain('<title>Entry Portal</title>');

    // still down a few probes later: still 503, still at once
    await new Promise((resolve) => setTimeout(resolve, DATABASE_PROBE_INTERVAL_MS * 2));
    expectServiceUnavailable(
      await graphql(portal, ME, { token }),
      'The service is briefly unavailable. Please try again in a moment.',
    );

    await proxy.restore();
    await timeUntil(
      async () => (await graphql(portal, ME, { token })).status === 200,
      RECOVERY_BOUND_MS,
    );

    // back to normal everywhere, with no restart
    const me = await graphql(portal, ME, { token });
    expect(me.json?.['data']).toEqual({ me: { id: expect.any(String), firstName: 'Daisy' } });
    expect((await graphql(portal, SIGN_IN)).json?.['data']).toEqual({
      signIn: { userErrors: [{ code: 'INVALID_CREDENTIALS' }] },
    });
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
    expect((await send(csvUrl(), { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
  });

  it('should spend one connect timeout on a database that stopped answering, then refuse at once', async () => {
    expect((await graphql(portal, ME, { token })).status).toBe(200);

    await proxy.cut('blackhole');

    // the first request waits for the connection that never opens (mysql2 alone: 10 s)
    const first = await graphql(portal, ME, { token });
    expect(first.status).toBe(503);
    expect(first.ms).toBeLessThan(DATABASE_CONNECT_TIMEOUT_MS + FAIL_FAST_MS);
    expect(firstErrorOf(first)?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // the next ones are refused without trying, however many come at once
    await expectEachRefusedAtOnce(
      portal,
      token,
      'nl',
      'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    );
    const health = await send(`${portal.url}/healthz`);
    expect([health.status, health.ms < FAIL_FAST_MS]).toEqual([503, true]);

    await proxy.restore();
    // a probe that was waiting on the black hole times out first, then the next one gets through
    await timeUntil(
      async () => (await graphql(portal, ME, { token })).status === 200,
      DATABASE_CONNECT_TIMEOUT_MS + RECOVERY_BOUND_MS,
    );
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
  });

  it('should answer 503 within the statement timeout when the database keeps its connections open but stops answering, and serve again by itself', async () => {
    // several requests at once: the pool holds several open connections, all of them healthy
    const warm = await Promise.all([1, 2, 3].map(() => graphql(portal, ME, { token })));
    expect(warm.map((answer) => answer.status)).toEqual([200, 200, 200]);

    proxy.stall();

    // the request gets a pooled connection that looks fine and never answers: without a
    // statement timeout it would wait as long as TCP does (many minutes)
    const first = await graphql(portal, ME, { token, acceptLanguage: 'fr' });
    expectServiceUnavailable(
      first,
      'Le service est momentanément indisponible. Veuillez réessayer dans un instant.',
      STATEMENT_TIMEOUT_MS + FAIL_FAST_MS,
    );
    expect(first.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
    // known to be down now: refused at once while probes (each bounded too) find out more
    await expectEachRefusedAtOnce(
      portal,
      token,
      'sv',
      'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    );
    const health = await send(`${portal.url}/healthz`);
    expect([health.status, health.json, health.ms < FAIL_FAST_MS]).toEqual([
      503,
      { status: 'unavailable', database: 'unreachable' },
      true,
    ]);

    await proxy.restore();
    // a probe may be waiting on a stalled connection: it runs out first, then the next gets through
    await timeUntil(
      async () => (await graphql(portal, ME, { token })).status === 200,
      STATEMENT_TIMEOUT_MS + RECOVERY_BOUND_MS,
    );
    // no pooled connection is left with a stuck statement for the next request to queue behind
    const after = await Promise.all(
      Array.from({ length: 10 }, () => graphql(portal, ME, { token })),
    );
    expect(after.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(Math.max(...after.map((answer) => answer.ms))).toBeLessThan(FAIL_FAST_MS);
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
  });

  it('should cost at most the requests in flight when the server drops its connections but stays up', async () => {
    expect((await graphql(portal, ME, { token })).status).toBe(200);
    proxy.dropConnections();
    // the first request may meet a dead pooled connection; the probe it starts gets through
    // at once, so the breaker does not keep refusing a database that is there
    const first = await graphql(portal, ME, { token });
    expect([200, 503]).toContain(first.status);
    await timeUntil(
      async () => (await graphql(portal, ME, { token })).status === 200,
      RECOVERY_BOUND_MS,
    );
    const after = await Promise.all([1, 2, 3].map(() => graphql(portal, ME, { token })));
    expect(after.map((answer) => answer.status)).toEqual([200, 200, 200]);
  });
});

onMariaDb('MariaDB with every pooled connection busy', () => {
  const POOL_SIZE = 2;
  let portal: TestPortal;
  let token: string;
  let siteId: string;
  /** the test's own connection: it holds the lock the portal's statements wait for */
  let admin: mysql.Connection;

  beforeAll(async () => {
    portal = await startTestPortal(
      'mysql',
      { DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_QUEUE_LIMIT: '1' },
      // no worker polling: the pool's two connections and one waiting place are the requests'
      { mailPollIntervalMs: null, billingIntervalMs: null },
    );
    const company = await buildCompany(portal.dataSource);
    token = await tokenFor(portal.dataSource, await buildPerson(portal.dataSource, company));
    siteId = (await buildSite(portal.dataSource, company)).id;
    const { database } = portal.config;
    if (database.type !== 'mariadb') throw new Error('this suite runs on MariaDB');
    admin = await mysql.createConnection({ uri: database.url });
  });
  afterAll(async () => {
    await admin?.end();
    await portal?.close();
  });

  /** How many of the portal's statements wait for a table lock right now. */
  async function waitingForLock(): Promise<number> {
    const [rows] = await admin.query<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) AS waiting FROM information_schema.PROCESSLIST
        WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND STATE LIKE 'Waiting for table%'`,
    );
    return Number(rows[0]!['waiting']);
  }

  it('should answer 503 with Retry-After at once when the pool and its queue are full, without counting the database as down', async () => {
    // mysql2's pool: the public event for a request that has to wait for a connection
    const pool = (portal.dataSource.driver as unknown as { pool: EventEmitter }).pool;
    const queued = new Promise((resolve) => pool.once('enqueue', resolve));
    await admin.query('LOCK TABLES session WRITE');
    let held: Promise<Answer[]>;
    try {
      // two requests hold both connections (their session lookup waits for the lock), a third
      // waits in the queue for one of them
      held = Promise.all([1, 2, 3].map(() => graphql(portal, ME, { token })));
      await timeUntil(async () => (await waitingForLock()) === POOL_SIZE, 5_000);
      await queued;

      // the next one has nowhere to wait: refused at once, in the language asked for
      expectServiceUnavailable(
        await graphql(portal, ME, { token, acceptLanguage: 'nl' }),
        'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
      );
      const csv = await send(`${portal.url}/api/sites/${siteId}/entry-users.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([csv.status, csv.headers.get('retry-after'), csv.ms < FAIL_FAST_MS]).toEqual([
        503,
        '1',
        true,
      ]);
      expect(csv.json).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The service is briefly unavailable. Please try again in a moment.',
        },
      });
      const health = await send(`${portal.url}/healthz`);
      expect([health.status, health.json, health.headers.get('retry-after')]).toEqual([
        503,
        { status: 'unavailable', database: 'busy' },
        '1',
      ]);
    } finally {
      await admin.query('UNLOCK TABLES');
    }

    // the requests that had a place finish normally
    expect((await held).map((answer) => answer.status)).toEqual([200, 200, 200]);
    // and the database never counted as down: no probe to wait for, the next request is served
    const me = await graphql(portal, ME, { token });
    expect([me.status, me.ms < FAIL_FAST_MS]).toEqual([200, true]);
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
  });
});
