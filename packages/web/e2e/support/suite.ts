// What every browser suite does the same way: find Chromium, start the built portal and one
// browser for the suite, open fresh browser profiles, and the checks the suites share (axe-core,
// the page's heading and path, labelled fields, screenshots).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, checkChromium, launchChromium } from './browser';
import { PortalApi, type MailLocale } from './portal-api';
import { startServer, type RunningServer } from './server';
import { ACCOUNTS_WORDS } from './words';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
/** The operator the suites' server provisions (approves registrations, reads the outbox). */
export const E2E_OPERATOR = {
  email: 'operator@example.com',
  password: 'operator e2e passphrase 2026',
};
/** Where the app remembers a picked language (src/app/i18n.ts, LOCALE_STORAGE_KEY). */
const LOCALE_STORAGE_KEY = 'entry-portal.locale';
/**
 * Server round trips (password hashing, the reset request's constant-time floor) take a moment
 * on a busy 2-core machine: poll for longer than expect.poll's default second.
 */
export const SLOW = { timeout: 15_000 };

/**
 * Whether Chromium is there for the suite `what`. Without it, CI gets a failing test that says
 * how to install it; a developer's machine gets a warning and the suite is skipped.
 */
export function chromiumAvailable(what: string): boolean {
  const check = checkChromium();
  if (check.available) return true;
  if (process.env.CI === 'true') {
    describe(`${what} browser tests`, () => {
      it('should find Chromium when running in CI', () => {
        throw new Error(check.message);
      });
    });
  } else {
    console.warn(`Skipping the ${what} browser tests. ${check.message}`);
  }
  return false;
}

export interface OpenOptions extends BrowserContextOptions {
  /** the language picked earlier (as if chosen in the header) */
  storedLanguage?: MailLocale;
  /** a session token from the API: the browser is signed in as that person or operator */
  session?: string;
}

export interface OpenedPage {
  page: Page;
  /** uncaught errors of the page: a test expects none */
  errors: string[];
  context: BrowserContext;
}

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly api: PortalApi;
  /** A fresh browser profile, closed with the suite. */
  openPage(options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * The built portal (fresh SQLite, E2E_OPERATOR provisioned) and one Chromium, started before the
 * enclosing describe's tests and stopped after them. Call it at the top of the describe block.
 */
export function browserSuite({
  contextTimeoutMs = 20_000,
  contextOptions = {},
  serverEnv = {},
}: {
  /** how long a page action may take (generous: the machine runs builds and browsers at once) */
  contextTimeoutMs?: number;
  /** defaults for every profile the suite opens (a test's own options win) */
  contextOptions?: BrowserContextOptions;
  /** more settings for the suite's server, e.g. WEBHOOK_ALLOW_PRIVATE_URLS for a local receiver */
  serverEnv?: Readonly<Record<string, string>>;
} = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let api: PortalApi | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    server = await startServer({
      env: {
        ...serverEnv,
        OPERATOR_EMAIL: E2E_OPERATOR.email,
        OPERATOR_PASSWORD: E2E_OPERATOR.password,
      },
    });
    api = new PortalApi(server.url, E2E_OPERATOR);
    try {
      browser = await launchChromium();
    } catch (error) {
      await server.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is not started yet`);
    return value;
  };

  return {
    get server() {
      return started(server, 'server');
    },
    get api() {
      return started(api, 'API client');
    },
    async openPage({ storedLanguage, session, ...options } = {}) {
      const url = started(server, 'server').url;
      const context = await started(browser, 'browser').newContext({
        baseURL: url,
        locale: 'en-US',
        viewport: DESKTOP,
        ...contextOptions,
        ...options,
      });
      contexts.push(context);
      context.setDefaultTimeout(contextTimeoutMs);
      if (storedLanguage) {
        await context.addInitScript(
          ([key, value]) => localStorage.setItem(key!, value!),
          [LOCALE_STORAGE_KEY, storedLanguage],
        );
      }
      if (session) await context.addCookies([{ name: 'portal_session', value: session, url }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors, context };
    },
  };
}

/** axe-core finds nothing on the page (`exclude`: selectors axe cannot run in, e.g. sandboxes). */
export async function expectNoAxeViolations(
  page: Page,
  what: string,
  { exclude }: { exclude?: string[] } = {},
): Promise<void> {
  const violations = await axeViolations(page, { exclude });
  expect(violations, `axe-core on ${what}`).toEqual([]);
}

/** The page's first h1 reads `text`; if it never does, the failure says what the page showed. */
export async function expectHeading(page: Page, text: string): Promise<void> {
  try {
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), SLOW)
      .toBe(text);
  } catch (error) {
    const shown = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no body)');
    throw new Error(`No heading "${text}" at ${page.url()}; the page shows:\n${shown}`, {
      cause: error,
    });
  }
}

export async function expectPath(page: Page, pathname: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname, SLOW).toBe(pathname);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** A form control by its label's exact words (then " *" or "(optional)", as the form shows). */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*| \\(.+\\))?$`));
}

/** The ids the control's aria-describedby points at, as the texts a screen reader reads. */
export async function description(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const texts = await Promise.all(
    ids.filter(Boolean).map((id) => control.page().locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' | ');
}

/** The id of the element that has focus (poll it: focus moves once the page has answered). */
export async function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** Signs in through the sign-in page's form, in the words of `lang`. */
export async function signInThroughForm(
  page: Page,
  { email, password, lang = 'en' }: { email: string; password: string; lang?: MailLocale },
): Promise<void> {
  const words = ACCOUNTS_WORDS[lang].signIn;
  await page.goto('/sign-in');
  await field(page, words.email).fill(email);
  await field(page, words.password).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
}

/**
 * How every "each page in each language" check ends: on a phone, nothing wider than the screen;
 * a screenshot (`<lang>-<name>`, `-phone` on a phone); and no axe-core violations.
 */
export async function expectPageFitsAndPassesAxe(
  page: Page,
  {
    name,
    lang,
    phone,
    exclude,
  }: { name: string; lang: string; phone: boolean; exclude?: string[] },
): Promise<void> {
  if (phone) {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} in ${lang} fits a phone`,
    ).toBeLessThanOrEqual(PHONE.width);
  }
  await screenshot(page, phone ? `${lang}-${name}-phone` : `${lang}-${name}`);
  await expectNoAxeViolations(page, `${name} in ${lang}${phone ? ' on a phone' : ''}`, { exclude });
}
