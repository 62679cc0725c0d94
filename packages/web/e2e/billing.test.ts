import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import billingEn from '../src/i18n/billing/en.json';
import billingFr from '../src/i18n/billing/fr.json';
import billingNl from '../src/i18n/billing/nl.json';
import billingSv from '../src/i18n/billing/sv.json';
import { uniqueEmail } from './support/portal-api';
import {
  DESKTOP,
  E2E_OPERATOR,
  SLOW,
  browserSuite,
  chromiumAvailable,
  description,
  expectNoAxeViolations,
  expectPath,
  field,
  focusedId,
  screenshot as screenshotNow,
  signInThroughForm,
} from './support/suite';
import { ACCOUNTS_WORDS, LANGS, type Lang } from './support/words';

/** The words the billing pages show, straight from their translation files. */
const WORDS = { en: billingEn, nl: billingNl, sv: billingSv, fr: billingFr } as const;

const accountsEn = ACCOUNTS_WORDS.en;

/** A card expiry a few years ahead, as MM/YY. */
const EXPIRY = `12/${String((new Date().getFullYear() + 4) % 100).padStart(2, '0')}`;

// The server's own SQLite driver: the browser tests add no native module of their own.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));

interface SqliteDatabase {
  prepare(sql: string): {
    run(...values: unknown[]): { changes: number };
    get(...values: unknown[]): unknown;
  };
  close(): void;
}
type SqliteConstructor = new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean },
) => SqliteDatabase;

/** "2026-10" and "2026-10-01 00:00:00.000" for the month `monthsAgo` before this one (UTC). */
function pastMonth(monthsAgo: number): { period: string; firstDay: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  const period = first.toISOString().slice(0, 7);
  return { period, firstDay: `${period}-01 00:00:00.000` };
}

/**
 * The e2e server's SQLite file (support/server.ts keeps it in a fresh `entry-e2e-*` folder of
 * the temp dir and does not say which): the one that holds this test's person. Other suites'
 * servers may be running at the same time, so the email, unique per test, tells them apart.
 */
function databaseOf(email: string): string {
  const Database = requireFromServer('better-sqlite3') as SqliteConstructor;
  const candidates = readdirSync(tmpdir())
    .filter((name) => name.startsWith('entry-e2e-'))
    .map((name) => join(tmpdir(), name, 'e2e.sqlite'))
    .filter((file) => existsSync(file));
  const found = candidates.filter((file) => {
    let db: SqliteDatabase | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      return db.prepare('SELECT 1 FROM person WHERE email = ?').get(email) !== undefined;
    } catch {
      return false; // another suite's database, being created or removed right now
    } finally {
      db?.close();
    }
  });
  if (found.length !== 1) throw new Error(`${found.length} e2e databases hold ${email}`);
  return found[0]!;
}

/**
 * Billing charges the days Entry app users were active in the month billed, and users added
 * through the API are active from today: this month, not the months the test bills. So their
 * start (and their site's active period) is moved back to `firstDay`, straight in the e2e
 * server's SQLite file, for the company of `email` only. No API sets a past start, on purpose.
 */
function backdateUsage(email: string, firstDay: string): void {
  const Database = requireFromServer('better-sqlite3') as SqliteConstructor;
  const db = new Database(databaseOf(email));
  try {
    const company = '(SELECT companyId FROM person WHERE email = ?)';
    const users = db
      .prepare(`UPDATE entry_user SET activeFrom = ? WHERE companyId = ${company}`)
      .run(firstDay, email);
    const periods = db
      .prepare(
        `UPDATE site_active_period SET startedAt = ? WHERE siteId IN (SELECT id FROM site WHERE companyId = ${company})`,
      )
      .run(firstDay, email);
    if (users.changes === 0 || periods.changes === 0)
      throw new Error(`Nothing to backdate for ${email}`);
  } finally {
    db.close();
  }
}

describe.skipIf(!chromiumAvailable('billing'))('Billing in Chromium', () => {
  // taller than the other suites' desktop: the wizard's steps fit without scrolling
  const suite = browserSuite({
    contextTimeoutMs: 10_000,
    contextOptions: { viewport: { ...DESKTOP, height: 900 } },
  });
  const { openPage } = suite;
  /** The installer of the first test, with two invoices (one paid there), for the screenshots. */
  const installer = { token: '', dueInvoiceId: '', paidInvoiceId: '' };

  /** Waits for the wizard's step heading ("Step 2 of 6 Billing terms") and checks it has focus. */
  async function expectStep(page: Page, words: (typeof WORDS)[Lang], step: string, focus = true) {
    const heading = page.locator('#wizard-step-heading');
    await expect.poll(() => heading.innerText(), SLOW).toContain(step);
    if (focus) {
      await expect.poll(() => focusedId(page), SLOW).toBe('wizard-step-heading');
    }
    expect(await page.getByRole('list', { name: words.billing.wizard.progress }).isVisible()).toBe(
      true,
    );
  }

  /** A screenshot once nothing is loading any more. */
  async function screenshot(page: Page, name: string) {
    await expect.poll(() => page.getByRole('status').count(), SLOW).toBe(0);
    await screenshotNow(page, name);
  }

  async function fillCard(page: Page, words: (typeof WORDS)[Lang], number: string) {
    await field(page, words.billing.card.number).fill(number);
    await field(page, words.billing.card.expiry).fill(EXPIRY);
    await field(page, words.billing.card.cvc).fill('123');
  }

  /** A company registered and approved, its first person with a password of their own. */
  async function activeCompany(input: {
    email: string;
    firstName: string;
    lastName: string;
    locale: Lang;
    country: string;
    type: 'INSTALLER' | 'SYSTEM_MANAGER';
    password: string;
  }): Promise<string> {
    return suite.api.activePerson(
      {
        ...input,
        companyName: `${input.lastName} ${input.type === 'INSTALLER' ? 'Installaties' : 'Fastigheter'} ${Date.now().toString(36)}`,
      },
      input.password,
    );
  }

  it('should take an installer through the wizard, then pay an invoice after a refused card', async () => {
    const en = WORDS.en;
    const email = uniqueEmail('pieter.jansen');
    const password = 'lantaarns langs de oude haven 7';
    const temporary = await suite.api.approvedRegistration({
      email,
      firstName: 'Pieter',
      lastName: 'Jansen',
      locale: 'en',
      country: 'NL',
      type: 'INSTALLER',
      companyName: `Jansen Installaties ${Date.now().toString(36)}`,
    });

    // 1. First sign-in: a password of their own, then straight to the billing wizard.
    const { page, errors } = await openPage();
    await signInThroughForm(page, { email, password: temporary });
    await expectPath(page, '/choose-password');
    await field(page, accountsEn.password.temporaryLabel).fill(temporary);
    await field(page, accountsEn.password.newLabel).fill(password);
    await field(page, accountsEn.password.confirmLabel).fill(password);
    await page.getByRole('button', { name: accountsEn.choosePassword.submit }).click();
    await expectPath(page, '/billing/setup');
    await expectStep(page, en, en.billing.steps.welcome, false);
    expect(
      await page
        .getByText(/per Entry app user per month/)
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(page, 'wizard: welcome');

    // 2. Terms: Next without accepting is refused on the box; then accepted.
    await page.getByRole('button', { name: en.billing.wizard.start }).click();
    await expectStep(page, en, en.billing.steps.terms);
    await page.getByRole('button', { name: en.billing.wizard.next }).click();
    const accept = page.getByRole('checkbox', { name: /I have read and accept/ });
    await expect.poll(() => description(accept), SLOW).toContain(en.billing.terms.required);
    await expectNoAxeViolations(page, 'wizard: terms with an error');
    await accept.check();
    await page.getByRole('button', { name: en.billing.wizard.next }).click();

    // 3. A VAT number in the right format but with wrong check digits: only the server knows.
    await expectStep(page, en, en.billing.steps.vat);
    const vat = field(page, en.billing.vat.label);
    await vat.fill('NL123456789B02');
    await page.getByRole('button', { name: en.billing.wizard.next }).click();

    // 4. Manual payment: no card step, this step finishes.
    await expectStep(page, en, en.billing.steps.method);
    await page.getByRole('radio', { name: new RegExp(en.billing.method.MANUAL.label) }).check();
    await expect.poll(() => page.locator('#wizard-step-heading').innerText()).toContain('4 of 5');
    await page.getByRole('button', { name: en.billing.wizard.finish }).click();

    // The server refuses the number: back on the VAT step, the problem on the field.
    await expectStep(page, en, en.billing.steps.vat, false);
    await expect.poll(() => vat.getAttribute('aria-invalid'), SLOW).toBe('true');
    expect(await description(vat)).toContain('This is not a valid VAT number');
    await expect.poll(() => focusedId(page)).toBe('vat-number');
    await screenshot(page, 'en-billing-wizard-vat-error');
    await expectNoAxeViolations(page, 'wizard: VAT number refused by the server');
    await vat.fill('NL004495445B01');
    await page.getByRole('button', { name: en.billing.wizard.next }).click();
    await expectStep(page, en, en.billing.steps.method);
    await page.getByRole('button', { name: en.billing.wizard.finish }).click();

    // 5. Done: the summary.
    await expectStep(page, en, en.billing.steps.done);
    const summary = await page.locator('.wizard-step dl').innerText();
    expect(summary).toContain('NL004495445B01');
    expect(summary).toContain(en.billing.method.MANUAL.label);
    await expectNoAxeViolations(page, 'wizard: done');
    expect(errors).toEqual([]);

    // 6. Sites and Entry app users through the API, as that person; billing as the operator.
    const token = await suite.api.signIn(email, password);
    const siteId = await suite.api.createSite(token, {
      name: 'Grand Ave Suites',
      address: 'Damrak 1, Amsterdam',
    });
    for (const [firstName, lastName] of [
      ['Daisy', 'Burton'],
      ['Ravi', 'Patel'],
      ['Sanne', 'de Vries'],
    ]) {
      const added = await suite.api.graphql<{ addEntryUser: { userErrors: unknown[] } }>(
        `mutation ($siteId: ID!, $input: EntryUserInput!) {
            addEntryUser(siteId: $siteId, input: $input) { userErrors { code message } }
          }`,
        {
          siteId,
          input: { firstName, lastName, email: uniqueEmail(firstName!.toLowerCase()) },
        },
        token,
      );
      expect(added.data.addEntryUser.userErrors).toEqual([]);
    }
    const twoMonthsAgo = pastMonth(2);
    const lastMonth = pastMonth(1);
    backdateUsage(email, twoMonthsAgo.firstDay);
    const operatorToken = await suite.api.signIn(E2E_OPERATOR.email, E2E_OPERATOR.password);
    for (const { period } of [twoMonthsAgo, lastMonth]) {
      const run = await suite.api.graphql<{
        runBilling: { created: number; userErrors: unknown[] };
      }>(
        `mutation ($period: String!) { runBilling(period: $period) { created userErrors { code } } }`,
        { period },
        operatorToken,
      );
      expect(run.data.runBilling.userErrors).toEqual([]);
      expect(run.data.runBilling.created).toBeGreaterThanOrEqual(1);
    }

    // 7. The invoices on the Payment page: due, newest first.
    await page.goto('/payment');
    const table = page.getByRole('table', { name: en.payment.invoices.caption });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count(), SLOW).toBe(2);
    const newest = rows.first();
    expect(await newest.innerText()).toContain(en.payment.status.DUE);
    await expectNoAxeViolations(page, 'payment with due invoices');
    const olderLink = rows.nth(1).getByRole('link');
    installer.dueInvoiceId = ((await olderLink.getAttribute('href')) ?? '').split('/').pop()!;

    // 8. Open the newest one and pay it: a card refused when it is saved, then a good one.
    await newest.getByRole('link').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), SLOW)
      .toMatch(new RegExp(`^Invoice \\S+\\s+${en.payment.status.DUE}$`));
    installer.paidInvoiceId = new URL(page.url()).pathname.split('/').pop()!;
    await expectNoAxeViolations(page, 'an open invoice');
    const pay = page.getByRole('button', { name: /^Pay .+ now$/ });
    await fillCard(page, en, '4000 0000 0000 0002');
    await pay.click();
    const number = field(page, en.billing.card.number);
    await expect.poll(() => number.getAttribute('aria-invalid'), SLOW).toBe('true');
    expect(await description(number)).toContain('The card was refused (Your card was declined.)');
    await screenshot(page, 'en-invoice-card-refused');
    await expectNoAxeViolations(page, 'an invoice with a refused card');

    await number.fill('4242 4242 4242 4242');
    await pay.click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts(), SLOW)
      .toEqual([expect.stringMatching(/^Thank you: .+ is paid\.$/)]);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), SLOW)
      .toMatch(new RegExp(`${en.payment.status.PAID}$`));
    await expectNoAxeViolations(page, 'a paid invoice');

    // 9. The PDF, as the link opens it (in the interface's language), from the page's session.
    const pdfHref = await page
      .getByRole('link', { name: new RegExp(en.payment.invoice.pdf) })
      .getAttribute('href');
    expect(pdfHref).toMatch(/\/api\/invoices\/[0-9a-f-]+\.pdf\?lang=en$/);
    const pdf = await page.evaluate(async (href) => {
      const response = await fetch(href!, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        magic: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, pdfHref);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' });

    // Back on the list: the paid one says so.
    await page.getByRole('link', { name: en.payment.invoice.back }).click();
    await expect.poll(() => rows.first().innerText(), SLOW).toContain(en.payment.status.PAID);
    expect(errors).toEqual([]);
    installer.token = token;
  }, 120_000);

  it('should let a system manager pay automatically only, and show the saved card on Payment', async () => {
    const sv = WORDS.sv;
    const email = uniqueEmail('karin.lund');
    const token = await activeCompany({
      email,
      firstName: 'Karin',
      lastName: 'Lund',
      locale: 'sv',
      country: 'SE',
      type: 'SYSTEM_MANAGER',
      password: 'korall trappa ljusblå måne 42',
    });
    const { page, errors } = await openPage({ session: token, storedLanguage: 'sv' });
    await page.goto('/billing/setup');
    await expectStep(page, sv, sv.billing.steps.welcome, false);
    await page.getByRole('button', { name: sv.billing.wizard.start }).click();
    await expectStep(page, sv, sv.billing.steps.terms);
    await page.getByRole('checkbox', { name: /Jag har läst och godkänner/ }).check();
    await page.getByRole('button', { name: sv.billing.wizard.next }).click();
    await expectStep(page, sv, sv.billing.steps.vat);
    expect(await description(field(page, sv.billing.vat.label))).toContain('SE för Sverige');
    await page.getByRole('button', { name: sv.billing.wizard.next }).click();

    // Automatic only, with the Swedish note's reason; no choice to make.
    await expectStep(page, sv, sv.billing.steps.method);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByText(sv.billing.method.systemManagerOnly).isVisible()).toBe(true);
    await screenshot(page, 'sv-billing-wizard-method-system-manager');
    await expectNoAxeViolations(page, 'wizard: method for a system manager');
    await page.getByRole('button', { name: sv.billing.wizard.next }).click();

    await expectStep(page, sv, sv.billing.steps.card);
    await field(page, sv.billing.card.number).fill('4242 4242 4242 4242');
    await expect.poll(() => page.locator('.card-brand').innerText()).toBe('Korttyp: Visa');
    await field(page, sv.billing.card.expiry).fill(EXPIRY);
    await field(page, sv.billing.card.cvc).fill('123');
    await screenshot(page, 'sv-billing-wizard-card');
    await expectNoAxeViolations(page, 'wizard: card');
    await page.getByRole('button', { name: sv.billing.wizard.finish }).click();

    await expectStep(page, sv, sv.billing.steps.done);
    const summary = await page.locator('.wizard-step dl').innerText();
    expect(summary).toContain(sv.billing.method.AUTOMATIC.label);
    expect(summary).toMatch(/Visa •••• 4242/);
    await screenshot(page, 'sv-billing-wizard-done');

    await page.getByRole('link', { name: sv.billing.done.paymentLink }).click();
    await expectPath(page, '/payment');
    const method = page.getByRole('region', { name: sv.payment.method.heading });
    await expect.poll(() => method.innerText(), SLOW).toMatch(/visa •••• 4242/i);
    expect(await method.innerText()).toContain(sv.billing.method.AUTOMATIC.label);
    // No switching to manual for system managers: the reason instead.
    expect(await page.getByRole('button', { name: sv.payment.method.change }).count()).toBe(0);
    expect(await method.getByText(sv.billing.method.systemManagerOnly).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'payment for a system manager');
    expect(errors).toEqual([]);
  }, 90_000);

  it('should show the wizard, Payment and an invoice in every language without axe violations', async () => {
    expect(installer.token, 'the installer test ran first').not.toBe('');
    const countries: Record<Lang, string> = { en: 'GB', nl: 'NL', sv: 'SE', fr: 'FR' };
    for (const lang of LANGS) {
      const words = WORDS[lang];
      const token = await activeCompany({
        email: uniqueEmail(`wizard.${lang}`),
        firstName: 'Alex',
        lastName: 'Visser',
        locale: lang,
        country: countries[lang],
        type: 'INSTALLER',
        password: `a passphrase of pebbles and rain ${lang}`,
      });
      const { page, errors } = await openPage({ session: token, storedLanguage: lang });
      await page.goto('/billing/setup');
      await expectStep(page, words, words.billing.steps.welcome, false);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await screenshot(page, `${lang}-billing-wizard-welcome`);
      await expectNoAxeViolations(page, `wizard welcome in ${lang}`);

      await page.getByRole('button', { name: words.billing.wizard.start }).click();
      await expectStep(page, words, words.billing.steps.terms);
      await page.locator('.terms-text p').first().waitFor();
      await screenshot(page, `${lang}-billing-wizard-terms`);
      await expectNoAxeViolations(page, `wizard terms in ${lang}`);
      await page.locator('#terms-accept').check();
      await page.getByRole('button', { name: words.billing.wizard.next }).click();

      await expectStep(page, words, words.billing.steps.vat);
      await screenshot(page, `${lang}-billing-wizard-vat`);
      await expectNoAxeViolations(page, `wizard VAT number in ${lang}`);
      await page.getByRole('button', { name: words.billing.wizard.next }).click();

      await expectStep(page, words, words.billing.steps.method);
      await page.locator('#method-AUTOMATIC').check();
      await screenshot(page, `${lang}-billing-wizard-method`);
      await expectNoAxeViolations(page, `wizard payment method in ${lang}`);
      await page.getByRole('button', { name: words.billing.wizard.next }).click();

      await expectStep(page, words, words.billing.steps.card);
      // A card that is no test card: refused in the browser, in the language shown.
      await fillCard(page, words, '4111 1111 1111 1111');
      await page.getByRole('button', { name: words.billing.wizard.finish }).click();
      await expect
        .poll(() => description(field(page, words.billing.card.number)), SLOW)
        .toContain(words.billing.card.errors.number.NOT_TEST_CARD.split('{{')[0]!);
      await screenshot(page, `${lang}-billing-wizard-card`);
      await expectNoAxeViolations(page, `wizard card in ${lang}`);
      expect(errors, `wizard in ${lang}`).toEqual([]);
      await page.context().close();

      // The installer's Payment page and its unpaid invoice, in this language.
      const payment = await openPage({ session: installer.token, storedLanguage: lang });
      await payment.page.goto('/payment');
      await payment.page.getByRole('table', { name: words.payment.invoices.caption }).waitFor();
      await payment.page.locator('.spend-chart-svg').waitFor();
      await screenshot(payment.page, `${lang}-payment`);
      await expectNoAxeViolations(payment.page, `payment in ${lang}`);
      await payment.page.goto(`/payment/invoices/${installer.dueInvoiceId}`);
      await expect
        .poll(() => payment.page.getByRole('heading', { level: 1 }).innerText(), SLOW)
        .toContain(words.payment.status.DUE);
      await screenshot(payment.page, `${lang}-invoice`);
      await expectNoAxeViolations(payment.page, `invoice in ${lang}`);
      expect(payment.errors, `payment pages in ${lang}`).toEqual([]);
      await payment.page.context().close();
    }
  }, 240_000);
});
