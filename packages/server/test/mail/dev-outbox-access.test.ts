import http from 'node:http';
import { isFromThisMachine } from '../../src/mail/dev-outbox-access';
import { buildCompany, buildOperator, buildPerson, tokenFor } from '../factories';
import { startTestPortal, type TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';

/** A GET with exactly these headers (fetch would not let a test choose the Host header). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body,
        }),
      );
    });
    request.on('error', reject);
  });
}

describe('isFromThisMachine', () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress }, headers: { host: 'localhost:4000', ...headers } }) as never;

  it('should accept a loopback socket with a loopback Host and no proxy headers', () => {
    expect(isFromThisMachine(request('127.0.0.1'), 'portal.example')).toBe(true);
    expect(isFromThisMachine(request('::ffff:127.0.0.1'), 'portal.example')).toBe(true);
    expect(isFromThisMachine(request('::1', { host: '[::1]:4000' }), 'portal.example')).toBe(true);
    expect(
      isFromThisMachine(request('127.0.0.1', { host: 'portal.example' }), 'portal.example'),
    ).toBe(true);
  });

  it('should refuse another machine, a proxied request and a foreign Host', () => {
    expect(isFromThisMachine(request('203.0.113.9'), 'portal.example')).toBe(false);
    expect(isFromThisMachine(request('10.0.0.7'), 'portal.example')).toBe(false);
    expect(isFromThisMachine(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), 'x')).toBe(
      false,
    );
    expect(isFromThisMachine(request('127.0.0.1', { forwarded: 'for=203.0.113.9' }), 'x')).toBe(
      false,
    );
    expect(isFromThisMachine(request('127.0.0.1', { host: 'evil.example:4000' }), 'x')).toBe(false);
    expect(isFromThisMachine(request('127.0.0.1', { host: '' }), 'x')).toBe(false);
  });
});

describeOnDialects('who may read the dev outbox on %s', (suite) => {
  const portal = suite.startPortal({ PUBLIC_URL: 'http://portal.test' });
  let outbox: string;
  beforeAll(async () => {
    outbox = `${portal.url}/api/dev/outbox?first=1`;
  });

  it('should serve someone at this machine: loopback, no proxy headers', async () => {
    const answer = await get(outbox);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('items');
  });

  it('should refuse a request that came through a proxy, unless an operator signed in', async () => {
    const proxied = { 'x-forwarded-for': '203.0.113.9' };
    const stranger = await get(outbox, proxied);
    expect(stranger.status).toBe(401);
    expect(JSON.parse(stranger.body)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await get(outbox, { forwarded: 'for=203.0.113.9' })).status).toBe(401);

    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const person = await buildPerson(portal.dataSource, company);
    const personToken = await tokenFor(portal.dataSource, person);
    const asPerson = await get(outbox, { ...proxied, authorization: `Bearer ${personToken}` });
    expect(asPerson.status).toBe(403);

    const operatorToken = await tokenFor(portal.dataSource, await buildOperator(portal.dataSource));
    const asOperator = await get(outbox, {
      ...proxied,
      authorization: `Bearer ${operatorToken}`,
    });
    expect(asOperator.status).toBe(200);
  });

  it('should refuse a Host that does not name this machine (DNS rebinding)', async () => {
    const port = new URL(portal.url).port;
    const rebound = await get(outbox, { host: `attacker.example:${port}` });
    expect(rebound.status).toBe(401);
    expect(rebound.body).not.toContain('items');
    expect((await get(outbox, { host: `portal.test:${port}` })).status).toBe(200);
  });
});

describe('the dev outbox in production', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal('sqlite', { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('should not be served at all, not even to this machine', async () => {
    const answer = await get(`${portal.url}/api/dev/outbox?first=1`);
    expect(answer.contentType).not.toContain('application/json');
    expect(answer.body).not.toContain('"items"');
  });
});
