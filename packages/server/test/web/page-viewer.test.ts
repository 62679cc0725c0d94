import express from 'express';
import { SIGNED_IN_PRELOADS_FILE, VIEWER_BOOTSTRAP_ELEMENT_ID } from '@entry/shared';
import { loadConfig } from '../../src/config/config';
import {
  VIEWER_IN_PAGE_DEADLINE_MS,
  jsonForScriptElement,
  webApp,
  type ViewerForPage,
} from '../../src/http/web-app';
import { silentLogger } from '../../src/observability/logger';
import { buildCompany, buildOperator, buildPerson, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback-server';
import { writeWebDist, type WebDist } from '../support/web-dist';

const INDEX_HTML =
  '<!doctype html><html><head><title>Entry Portal</title></head><body><div id="root"></div></body></html>';

const SIGNED_IN_SCRIPTS = ['/assets/apollo-Dkq5jWc_.js', '/assets/SignOutButton-DUP4ujIx.js'];

function webDist(): WebDist {
  return writeWebDist({
    'index.html': INDEX_HTML,
    // as the web build writes it, plus what no build writes: never put into a page
    [SIGNED_IN_PRELOADS_FILE]: JSON.stringify([
      ...SIGNED_IN_SCRIPTS,
      '"><script>alert(1)</script>',
      'https://elsewhere.example/x.js',
    ]),
  });
}

function modulePreloads(html: string): string[] {
  return [
    ...html.matchAll(/<link rel="modulepreload" crossorigin fetchpriority="low" href="([^"]*)">/g),
  ].map((match) => match[1]!);
}

interface Page {
  status: number;
  headers: Headers;
  html: string;
  /** the data block's JSON, parsed; undefined when the page carries none */
  viewer: { data: Record<string, unknown> } | undefined;
}

async function openPage(url: string, cookie?: string): Promise<Page> {
  const response = await fetch(url, {
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
  });
  const html = await response.text();
  const match = new RegExp(
    `<script type="application/json" id="${VIEWER_BOOTSTRAP_ELEMENT_ID}">(.*?)</script>`,
  ).exec(html);
  return {
    status: response.status,
    headers: response.headers,
    html,
    viewer: match ? (JSON.parse(match[1]!) as Page['viewer']) : undefined,
  };
}

describeOnDialects('the web app page says who is signed in, on %s', (suite) => {
  const dist = webDist();
  const portal = suite.startPortal({ WEB_DIST_DIR: dist.dir });
  afterAll(() => dist.remove());

  it('should tell a visitor nobody is signed in, and let no cache keep the page', async () => {
    const page = await openPage(`${portal.url}/sites`);
    expect(page.status).toBe(200);
    expect(page.viewer).toEqual({ data: { me: null, currentOperator: null } });
    // inside <head>, before the app's own scripts run
    expect(page.html.indexOf(VIEWER_BOOTSTRAP_ELEMENT_ID)).toBeLessThan(
      page.html.indexOf('</head>'),
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('vary')).toMatch(/cookie/i);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // a visitor's pages may never need Apollo Client: nothing fetched ahead for them
    expect(modulePreloads(page.html)).toEqual([]);
  });

  it("should carry a signed-in person with their access level and their company's billing setup and state", async () => {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const person = await buildPerson(portal.dataSource, company, {
      firstName: 'Karin',
      accessLevel: 'SYSTEM_ADMIN',
      locale: 'sv',
    });
    const token = await tokenFor(portal.dataSource, person);
    const page = await openPage(`${portal.url}/`, `portal_session=${token}`);
    expect(page.viewer).toEqual({
      data: {
        me: {
          __typename: 'Person',
          id: person.id,
          firstName: 'Karin',
          lastName: person.lastName,
          email: person.email,
          locale: 'sv',
          mustChangePassword: false,
          mustEnrollMfa: false,
          accessLevel: { __typename: 'AccessLevel', code: 'SYSTEM_ADMIN' },
          company: {
            __typename: 'Company',
            id: company.id,
            billingSetupComplete: true,
            status: 'APPROVED',
          },
        },
        currentOperator: null,
      },
    });
    // what every signed-in page loads besides the app's start, fetched alongside it
    expect(modulePreloads(page.html)).toEqual(SIGNED_IN_SCRIPTS);
    expect(page.html).not.toContain('elsewhere.example');
    expect(page.html).not.toContain('alert(1)');
  });

  it('should carry a signed-in operator', async () => {
    const operator = await buildOperator(portal.dataSource);
    const token = await tokenFor(portal.dataSource, operator);
    const page = await openPage(`${portal.url}/operator`, `portal_session=${token}`);
    expect(page.viewer?.data).toEqual({
      me: null,
      currentOperator: {
        __typename: 'Operator',
        id: operator.id,
        name: operator.name,
        email: operator.email,
        mustEnrollMfa: false,
      },
    });
  });

  it('should keep a name written to break out of the data block as text', async () => {
    const hostile = '</script><script>alert(1)</script><!--';
    const company = await buildCompany(portal.dataSource);
    const person = await buildPerson(portal.dataSource, company, { lastName: hostile });
    const page = await openPage(
      `${portal.url}/`,
      `portal_session=${await tokenFor(portal.dataSource, person)}`,
    );
    expect(page.html).not.toContain('<script>alert(1)');
    expect(page.html).not.toContain('<!--');
    expect((page.viewer?.data.me as { lastName: string }).lastName).toBe(hostile);
  });

  it('should treat an unknown session as a visitor', async () => {
    const page = await openPage(`${portal.url}/`, 'portal_session=not-a-session');
    expect(page.viewer).toEqual({ data: { me: null, currentOperator: null } });
  });
});

describe('a page whose answer about who is signed in does not come', () => {
  let server: LoopbackServer;
  let url: string;
  let dist: WebDist;
  const answers: { viewerForPage: ViewerForPage } = { viewerForPage: async () => null };

  beforeAll(async () => {
    dist = webDist();
    const config = loadConfig({ ...process.env, WEB_DIST_DIR: dist.dir });
    const app = express();
    app.use(webApp(config, silentLogger, (req, res) => answers.viewerForPage(req, res)));
    server = await serveOnLoopback(app);
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    dist?.remove();
  });

  it('should go out without it once the deadline passes (the app then asks the API itself)', async () => {
    answers.viewerForPage = () => new Promise(() => {});
    const started = performance.now();
    const page = await openPage(`${url}/sites`);
    const waited = performance.now() - started;
    expect(page.status).toBe(200);
    expect(page.viewer).toBeUndefined();
    expect(page.html).toBe(INDEX_HTML);
    expect(waited).toBeGreaterThanOrEqual(VIEWER_IN_PAGE_DEADLINE_MS - 20);
    expect(waited).toBeLessThan(VIEWER_IN_PAGE_DEADLINE_MS + 2_000);
  });

  it('should go out without it when answering failed', async () => {
    answers.viewerForPage = () => Promise.reject(new Error('database gone'));
    const page = await openPage(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.viewer).toBeUndefined();
  });
});

describe('jsonForScriptElement', () => {
  it.each([
    ['</script>', '\\u003c/script\\u003e'],
    ['<!--', '\\u003c!--'],
    ['a & b', 'a \\u0026 b'],
    ['line\u2028separator', 'line\\u2028separator'],
  ])('should write %j so no HTML parser sees markup, and read back the same', (text, written) => {
    const json = jsonForScriptElement({ text });
    expect(json).toBe(`{"text":"${written}"}`);
    expect(JSON.parse(json)).toEqual({ text });
  });
});
