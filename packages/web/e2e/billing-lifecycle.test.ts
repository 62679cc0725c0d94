import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  E2E_OPERATOR,
  SLOW,
  browserSuite,
  chromiumAvailable,
  expectNoAxeViolations,
  field,
  screenshot,
} from './support/suite';
import { CORE_WORDS, LIFECYCLE_WORDS, fill } from './support/words';

/** The narrowest phone the portal is made for. */
const PHONE_375 = { width: 375, height: 812 };

const nl = { ...CORE_WORDS.nl, ...LIFECYCLE_WORDS.nl };

/** A day `offset` days from today (UTC), as the date fields take it. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Nothing on the page is wider than the phone's screen. */
async function expectFitsPhone(page: Page, what: string) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${what} fits 375 px`,
  ).toBeLessThanOrEqual(PHONE_375.width);
}

describe.skipIf(!chromiumAvailable('billing lifecycle'))('Billing lifecycle in Chromium', () => {
  const suite = browserSuite({ contextOptions: { viewport: PHONE_375 } });

  /**
   * A Dutch installer that pays automatically with a card every charge of which fails (the
   * sandbox's pm_card_visa_chargeDeclined): an invoice is overdue as soon as it is issued. One
   * site with one resident, through the API as the app would.
   */
  async function dutchInstaller() {
    const email = uniqueEmail('sanne.de.vries');
    const session = await suite.api.activePerson(
      {
        email,
        firstName: 'Sanne',
        lastName: 'de Vries',
        locale: 'nl',
        country: 'NL',
        type: 'INSTALLER',
        companyName: `De Vries Installaties ${Date.now().toString(36)}`,
      },
      'sleutels onder de oude deurmat 9',
    );
    const { data: terms } = await suite.api.graphql<{ termsOfService: { version: string } }>(
      '{ termsOfService { version } }',
    );
    await suite.api.graphql(
      `mutation ($input: BillingSetupInput!) {
        completeBillingSetup(input: $input) { company { id } userErrors { code } }
      }`,
      {
        input: {
          acceptTermsVersion: terms.termsOfService.version,
          paymentMethod: 'AUTOMATIC',
          paymentMethodToken: 'pm_card_visa_chargeDeclined',
        },
      },
      session,
    );
    const siteId = await suite.api.createSite(session, {
      name: 'Prinsengracht 263',
      address: 'Prinsengracht 263, Amsterdam',
    });
    await suite.api.graphql(
      `mutation ($siteId: ID!) {
        addEntryUser(siteId: $siteId, input: { firstName: "Bram", lastName: "Bakker", email: "bram.bakker@example.nl" }) {
          entryUser { id } userErrors { code }
        }
      }`,
      { siteId },
      session,
    );
    return { session, siteId, email };
  }

  it('should save the billing details, give a resident a move-out date and show the overdue banner, in Dutch on a 375 px phone', async () => {
    const { session, siteId } = await dutchInstaller();
    const { page, errors } = await suite.openPage({ session, storedLanguage: 'nl' });

    // 1. Billing details on the Payment page: two addresses, their language and the PO number.
    await page.goto('/payment');
    const details = page.getByRole('region', { name: nl.billingDetails.heading });
    await details.getByRole('button', { name: nl.billingDetails.edit }).click();
    await field(details, fill(nl.billingDetails.emailLabel, { number: 1 })).fill(
      'crediteuren@devries.example.nl',
    );
    await details.getByRole('button', { name: nl.billingDetails.addEmail }).click();
    await field(details, fill(nl.billingDetails.emailLabel, { number: 2 })).fill('boekhouding@');
    await field(details, nl.billingDetails.language).selectOption('sv');
    await field(details, nl.billingDetails.purchaseOrder).fill('PO-2027-0042');
    await details.getByRole('button', { name: nl.billingDetails.save }).click();
    // the second address is refused under its own field, in Dutch, before anything is sent
    const second = field(details, fill(nl.billingDetails.emailLabel, { number: 2 }));
    await expect.poll(() => second.getAttribute('aria-invalid'), SLOW).toBe('true');
    await expectNoAxeViolations(page, 'the billing details form with a problem (nl, 375 px)');
    await second.fill('boekhouding@devries.example.nl');
    await details.getByRole('button', { name: nl.billingDetails.save }).click();
    await expect
      .poll(() => details.getByRole('status').innerText(), SLOW)
      .toBe(nl.billingDetails.saved);
    expect(await details.getByText('PO-2027-0042').isVisible()).toBe(true);
    expect(await details.getByText('Zweeds').isVisible()).toBe(true);
    await expectFitsPhone(page, 'the Payment page');
    await expectNoAxeViolations(page, 'the Payment page with billing details (nl, 375 px)');
    await screenshot(page, 'nl-billing-details-phone');

    // 2. The resident's move-out date, on the site's page.
    await page.goto(`/sites/${siteId}`);
    await page.getByRole('button', { name: `${nl.sites.users.edit} Bram Bakker` }).click();
    const dialog = page.getByRole('dialog');
    const moveOut = field(dialog, nl.moveDates.moveOutDate);
    await moveOut.fill(day(-1));
    await dialog.getByRole('button', { name: nl.sites.users.save }).click();
    await expect.poll(() => moveOut.getAttribute('aria-invalid'), SLOW).toBe('true');
    await moveOut.fill(day(30));
    await dialog.getByRole('button', { name: nl.sites.users.save }).click();
    await expect
      .poll(() => page.getByText(fill(nl.sites.users.saved, { name: 'Bram Bakker' })).count(), SLOW)
      .toBe(1);
    // the list says when (its rows stack on a phone: read them as text)
    const movesOut = nl.sites.users.movesOut.split('{{')[0]!.trim();
    await expect.poll(() => page.getByText(new RegExp(`^${movesOut} `)).count(), SLOW).toBe(1);
    await expectFitsPhone(page, "the site's page");
    await expectNoAxeViolations(page, "the site's page with a move-out date (nl, 375 px)");

    // 3. The month is billed (an operator runs it); the card is refused: the invoice is overdue
    //    from its due date, the day it was issued.
    const operator = await suite.api.signIn(E2E_OPERATOR.email, E2E_OPERATOR.password);
    const period = new Date().toISOString().slice(0, 7);
    const { data: run } = await suite.api.graphql<{
      runBilling: { created: number; failed: number };
    }>(
      'mutation ($period: String!) { runBilling(period: $period) { created charged failed userErrors { code } } }',
      { period },
      operator,
    );
    expect(run.runBilling.created).toBeGreaterThanOrEqual(1);
    expect(run.runBilling.failed).toBeGreaterThanOrEqual(1);

    await page.goto('/sites');
    const banner = page.getByText(nl.standing.overdueTitle);
    await expect.poll(() => banner.isVisible(), SLOW).toBe(true);
    const pay = page.getByRole('link', { name: nl.standing.pay });
    expect(await pay.getAttribute('href')).toMatch(/^\/payment\/invoices\//);
    await expectFitsPhone(page, 'the overdue banner');
    await expectNoAxeViolations(page, 'the overdue banner (nl, 375 px)');
    await screenshot(page, 'nl-overdue-banner-phone');

    // 4. The invoice carries the references as they were at issue.
    await pay.click();
    await expect.poll(() => page.getByText('PO-2027-0042').count(), SLOW).toBeGreaterThan(0);
    expect(await page.getByText('crediteuren@devries.example.nl').count()).toBeGreaterThan(0);
    const mail = await suite.api.latestMail('crediteuren@devries.example.nl', 'invoice-issued');
    expect(mail.text).toContain('Hej,');
    expect(mail.text).toContain('Inköpsordernummer: PO-2027-0042');
    expect(errors).toEqual([]);
  });
});
