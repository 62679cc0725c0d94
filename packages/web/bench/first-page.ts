// What a page of the built portal makes the browser download in JavaScript, gzipped: measured in
// headless Chromium against the real server, and checked against Vite's build manifest.
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** Sizes in kB of 1,000 bytes, as Vite prints them. */
export const KB = 1000;

/** The issue's goal for the first page's JavaScript, gzipped. */
export const FIRST_PAGE_GOAL_KB = 150;

/**
 * The words every page shows, in English (the bench's Chromium's language): the core words and,
 * loaded with them (src/app/i18n.ts), the user errors' words from the shared package.
 */
export const ENGLISH_CORE_WORDS = [
  'src/i18n/en.json',
  '../shared/src/user-error-words/en.ts',
] as const;

/**
 * The page a newcomer's first visit shows: `/`, the welcome page for visitors (public: no
 * redirect to sign in), with its page chunk and the words of the browser's language: the
 * modules it loads with import(), for the manifest check.
 */
export const FIRST_PAGE = {
  path: '/',
  modules: ['src/features/home/HomePage.tsx', ...ENGLISH_CORE_WORDS],
} as const;

/** packages/web/dist, which the server serves and Vite writes. */
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export interface ScriptSize {
  /** e.g. assets/index-Dl3tGgsn.js */
  file: string;
  /** bytes on the wire when the browser accepts gzip (the server leaves files under 1 kB as they are) */
  served: number;
  /** bytes after gzip -9: the same figure whatever the server's compression level */
  gzip9: number;
  raw: number;
}

export interface PageScripts {
  path: string;
  /** where the browser ended up (a redirect shows here) */
  finalPath: string;
  scripts: ScriptSize[];
  served: number;
  gzip9: number;
  raw: number;
}

export interface MeasureOptions {
  /** Waits until the page shows what it is for; by default, its first heading. */
  ready?: (page: Page) => Promise<void>;
  /** A session cookie value: measures the page as a signed-in person sees it. */
  sessionToken?: string;
}

/**
 * Opens `path` in a fresh browser context (empty cache) and records every script the page
 * fetched until it showed its content and the network went quiet, then sizes each one as the
 * server sends it gzipped.
 */
export async function measurePageScripts(
  browser: Browser,
  baseUrl: string,
  path: string,
  { ready = firstHeading, sessionToken }: MeasureOptions = {},
): Promise<PageScripts> {
  const context = await browser.newContext();
  try {
    if (sessionToken) await context.addCookies([sessionCookie(baseUrl, sessionToken)]);
    const page = await context.newPage();
    const origin = new URL(baseUrl).origin;
    const urls = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && request.url().startsWith(origin))
        urls.add(request.url());
    });
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const scripts = await Promise.all([...urls].map((url) => sizeScript(url, origin)));
    scripts.sort((a, b) => b.served - a.served);
    return {
      path,
      finalPath: new URL(page.url()).pathname,
      scripts,
      ...totals(scripts),
    };
  } finally {
    await context.close();
  }
}

async function firstHeading(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
}

/** The cookie the server sets on signIn (its name is the server's; see e2e/support/portal-api.ts). */
function sessionCookie(baseUrl: string, token: string) {
  return { name: 'portal_session', value: token, url: baseUrl, httpOnly: true };
}

async function sizeScript(url: string, origin: string): Promise<ScriptSize> {
  const { served, body } = await fetchGzipped(url);
  return {
    file: url.slice(origin.length + 1),
    served,
    gzip9: gzipSync(body, { level: 9 }).length,
    raw: body.length,
  };
}

/** GET with `Accept-Encoding: gzip`: the compressed length on the wire and the decoded body. */
function fetchGzipped(url: string): Promise<{ served: number; body: Buffer }> {
  return new Promise((done, fail) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        if (response.statusCode !== 200) {
          fail(new Error(`GET ${url} answered ${response.statusCode}`));
          return;
        }
        const wire = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        if (encoding && encoding !== 'gzip') {
          fail(new Error(`GET ${url} came back as ${encoding}, not gzip`));
          return;
        }
        done({ served: wire.length, body: encoding === 'gzip' ? gunzipSync(wire) : wire });
      });
    }).on('error', fail);
  });
}

function totals(scripts: readonly ScriptSize[]) {
  return {
    served: scripts.reduce((sum, script) => sum + script.served, 0),
    gzip9: scripts.reduce((sum, script) => sum + script.gzip9, 0),
    raw: scripts.reduce((sum, script) => sum + script.raw, 0),
  };
}

export interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The scripts a page needs according to Vite's manifest (dist/.vite/manifest.json): the entry
 * and, for each source module the page loads dynamically (its page component, the words of its
 * language), that chunk and every chunk imported statically from there.
 */
export function readManifest(distDir: string = DIST_DIR): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

function manifestScripts(
  manifest: Record<string, ManifestChunk>,
  dynamicModules: readonly string[],
): Set<string> {
  return manifestClosure(manifest, ['index.html', ...dynamicModules]);
}

/** The files of the chunks for `modules` (manifest keys) and of every chunk they import statically. */
export function manifestClosure(
  manifest: Record<string, ManifestChunk>,
  modules: readonly string[],
): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest: rebuild the web app`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of modules) visit(key);
  return files;
}

/**
 * The first page's scripts as the browser loaded them against the manifest's: what was loaded
 * but not foreseen, and the other way round (both empty when the measurement is the whole page).
 */
export function checkAgainstManifest(measured: PageScripts, distDir = DIST_DIR) {
  const manifest = readManifest(distDir);
  const expected = manifestScripts(manifest, FIRST_PAGE.modules);
  const loaded = new Set(measured.scripts.map((script) => script.file));
  const unexpected = [...loaded].filter((file) => !expected.has(file));
  const missing = [...expected].filter((file) => !loaded.has(file));
  const heavyLoaded = Object.entries(manifest)
    .filter(([source, chunk]) => LATER_ONLY.test(source) && loaded.has(chunk.file))
    .map(([source]) => source);
  const agree = unexpected.length === 0 && missing.length === 0 && heavyLoaded.length === 0;
  const summary = [
    unexpected.length + missing.length === 0
      ? `build manifest and browser agree on ${measured.path}: the same ${loaded.size} scripts`
      : `build manifest and browser DISAGREE on ${measured.path}: loaded but not foreseen ` +
        `${JSON.stringify(unexpected)}, foreseen but not loaded ${JSON.stringify(missing)}`,
    heavyLoaded.length === 0
      ? 'Stripe.js and zxcvbn stay out of the first page'
      : `the first page loads what only later screens need: ${heavyLoaded.join(', ')}`,
  ].join('\n');
  return { agree, unexpected, missing, heavyLoaded, summary };
}

/** Chunks only the billing screens (Stripe.js) and the password pages (zxcvbn) may load. */
const LATER_ONLY = /@stripe\/stripe-js|StripeCardFields|zxcvbn/;

/** One line per script, largest first, then the totals. */
export function formatPageScripts(measured: PageScripts): string {
  const kb = (bytes: number) => (bytes / KB).toFixed(2).padStart(8);
  const lines = [
    `${measured.path}${measured.finalPath === measured.path ? '' : ` (shown at ${measured.finalPath})`}`,
    `${'served'.padStart(8)} ${'gzip -9'.padStart(8)} ${'raw'.padStart(8)}  (kB)`,
    ...measured.scripts.map(
      (script) => `${kb(script.served)} ${kb(script.gzip9)} ${kb(script.raw)}  ${script.file}`,
    ),
    `${kb(measured.served)} ${kb(measured.gzip9)} ${kb(measured.raw)}  total, ${measured.scripts.length} scripts`,
  ];
  return lines.join('\n');
}
