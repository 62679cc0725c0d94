import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  DESKTOP,
  PHONE,
  browserSuite,
  chromiumAvailable,
  description,
  expectHeading,
  expectNoAxeViolations,
  expectPageFitsAndPassesAxe,
  field,
  focusedId,
  screenshot,
} from './support/suite';
import { CORE_WORDS as WORDS, LANGS, fill, type Lang } from './support/words';

/** Where each language's company is registered: its currency follows (EUR, SEK). */
const COUNTRY: Record<Lang, string> = { en: 'IE', nl: 'NL', sv: 'SE', fr: 'FR' };

/** A CSV of `count` residents; `extra` lines are appended as they are. */
function residentsCsv(count: number, extra: string[] = [], prefix = 'resident'): string {
  const lines = ['first_name,last_name,email,apartment'];
  for (let i = 1; i <= count; i += 1) {
    const n = String(i).padStart(4, '0');
    lines.push(`Resident${n},Family${n},${prefix}${n}@example.com,${1000 + i}`);
  }
  return [...lines, ...extra].join('\r\n') + '\r\n';
}

describe.skipIf(!chromiumAvailable('sites'))('Sites and Entry app users in Chromium', () => {
  // downloads: the CSV export is saved and read back
  const suite = browserSuite({
    contextTimeoutMs: 30_000,
    contextOptions: { acceptDownloads: true },
  });
  const { openPage } = suite;

  /**
   * A payment admin of a newly approved company, the way accounts.test.ts makes one: register ->
   * the operator approves -> temporary password from the dev outbox -> own password.
   */
  async function paymentAdmin(lang: Lang, firstName: string, lastName: string) {
    const email = uniqueEmail(`${firstName.toLowerCase()}.${lang}`);
    // Registered in the language's country, so the company's currency is that of the country.
    const person = { email, firstName, lastName, locale: lang, country: COUNTRY[lang] };
    const session = await suite.api.activePerson(
      person,
      `pebbles and rain on the quay ${lang} 2026`,
    );
    return { email, session };
  }

  async function importCsv(session: string, siteId: string, csv: string): Promise<void> {
    const { data } = await suite.api.graphql<{ importEntryUsers: { importedCount: number } }>(
      `mutation ($siteId: ID!, $csv: String!) {
        importEntryUsers(siteId: $siteId, csv: $csv) { importedCount userErrors { code message } }
      }`,
      { siteId, csv },
      session,
    );
    if (data.importEntryUsers.importedCount === 0) throw new Error('importEntryUsers: none');
  }

  it('should take a payment admin from no billing setup through sites, residents, CSV import and export', async () => {
    const en = WORDS.en.sites;
    const { session } = await paymentAdmin('en', 'Karin', 'Lund');
    const { page, errors } = await openPage({ session });

    // 1. Before the billing setup: a notice that says what to do, and no way to add a site.
    await page.goto('/sites');
    await expectHeading(page, en.heading);
    await page.getByText(en.billing.heading).waitFor();
    expect(
      await page.getByRole('link', { name: en.billing.paymentLink }).getAttribute('href'),
    ).toBe('/payment');
    expect(await page.getByRole('button', { name: en.actions.add }).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: en.empty.heading }).waitFor();
    await expectNoAxeViolations(page, 'the sites page before billing setup');

    // 2. Billing set up (through the wizard's mutation); another site exists already.
    await suite.api.completeBillingSetup(session);
    await suite.api.createSite(session, {
      name: 'Hamnvägen 3',
      address: 'Hamnvägen 3, 413 01 Göteborg',
    });
    await page.reload();
    await page.getByRole('link', { name: 'Hamnvägen 3' }).waitFor();
    expect(await page.getByText(en.billing.heading).count()).toBe(0);

    // 3. Add a site: a name another site has is refused on the name field, in the form.
    await page.getByRole('button', { name: en.actions.add }).click();
    const dialog = page.getByRole('dialog', { name: en.form.createHeading });
    await dialog.waitFor();
    const name = field(dialog, en.form.name);
    await expect.poll(() => focusedId(page)).toBe('site-create-name');
    await name.fill('hamnvagen 3');
    await dialog.getByRole('button', { name: en.form.create }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await description(name)).toContain('Another site already has this name.');
    await screenshot(page, 'en-sites-add-dialog-error');
    await expectNoAxeViolations(page, 'the add-site dialog with an error');
    await name.fill('Kungsgatan 12');
    await field(dialog, en.form.address).fill('Kungsgatan 12, 111 22 Stockholm');
    await dialog.getByRole('button', { name: en.form.create }).click();

    // 4. The new site's page.
    await expectHeading(page, 'Kungsgatan 12');
    const siteId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(fill(en.messages.created, { name: 'Kungsgatan 12' })).waitFor();
    await page.getByText(en.users.empty).waitFor();

    // 5. Two residents by hand; the second one's email first without its domain.
    const add = page.getByRole('region', { name: en.users.addHeading });
    await field(add, en.users.firstName).fill('Astrid');
    await field(add, en.users.lastName).fill('Lindqvist');
    await field(add, en.users.email).fill('astrid.lindqvist@example.com');
    await field(add, en.users.apartment).fill('1102');
    await add.getByRole('button', { name: en.users.add }).click();
    await add.getByText(fill(en.users.added, { name: 'Astrid Lindqvist' })).waitFor();
    await expect.poll(() => focusedId(page)).toBe('add-user-firstName');
    await field(add, en.users.firstName).fill('Åsa');
    await field(add, en.users.lastName).fill('Öberg');
    const email = field(add, en.users.email);
    await email.fill('asa.oberg@');
    await add.getByRole('button', { name: en.users.add }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await description(email)).toContain('Enter an email address like name@example.com.');
    await email.fill('asa.oberg@example.com');
    await add.getByRole('button', { name: en.users.add }).click();
    await add.getByText(fill(en.users.added, { name: 'Åsa Öberg' })).waitFor();
    const users = page.getByRole('table', {
      name: fill(en.users.caption, { site: 'Kungsgatan 12' }),
    });
    await expect.poll(() => users.locator('tbody tr').count()).toBe(2);

    // 6. CSV import: 300 rows, 2 of them bad (an email without domain; an address a user of
    //    the site already has). The preview says so by line before anything is written.
    const csv = residentsCsv(298, [
      'Olof,Ek,olof.ek@,2001',
      'Astrid,Lindqvist,ASTRID.LINDQVIST@example.com,1102',
    ]);
    await page
      .getByLabel(en.import.fileLabel, { exact: true })
      .setInputFiles({ name: 'residents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page
      .getByRole('heading', {
        level: 3,
        name: fill(en.import.previewHeading, { file: 'residents.csv' }),
      })
      .waitFor();
    expect(
      await page.getByText(fill(en.import.summary, { total: 300, valid: 298, invalid: 2 })).count(),
    ).toBe(1);
    const problems = page.getByRole('table', { name: en.import.problemsCaption });
    const problemRows = problems.locator('tbody tr');
    expect(await problemRows.count()).toBe(2);
    expect(await problemRows.nth(0).locator('th').innerText()).toBe('300');
    expect(await problemRows.nth(0).innerText()).toContain(
      'Enter an email address like name@example.com.',
    );
    expect(await problemRows.nth(1).locator('th').innerText()).toBe('301');
    expect(await problemRows.nth(1).innerText()).toContain(
      'An Entry app user of this site already has this email address.',
    );
    await expectNoAxeViolations(page, 'the import preview');
    // Nothing was written yet.
    expect(await users.locator('tbody tr').count()).toBe(2);

    await page.getByRole('button', { name: fill(en.import.submit, { count: 298 }) }).click();
    const progress = page.getByRole('progressbar', { name: en.import.progressLabel });
    await page.getByText(en.import.doneHeading).waitFor();
    expect(await progress.getAttribute('max')).toBe('300');
    expect(await progress.getAttribute('value')).toBe('300');
    expect(await progress.evaluate((bar: HTMLProgressElement) => bar.position)).toBe(1);
    expect(
      await page.getByText(fill(en.import.progress, { processed: 300, total: 300 })).count(),
    ).toBe(1);
    await page.getByText(fill(en.import.done, { imported: 298 })).waitFor();
    await page.getByText(fill(en.import.skipped, { count: 2 })).waitFor();
    await page.getByText(fill(en.users.shown, { shown: 20, total: 300 })).waitFor();
    await screenshot(page, 'en-site-detail-imported');
    await expectNoAxeViolations(page, 'the site page after the import');

    // 7. Page through the residents, then search them (accents do not matter).
    await page.getByRole('button', { name: en.users.loadMore }).click();
    await page.getByText(fill(en.users.shown, { shown: 40, total: 300 })).waitFor();
    const userSearch = page.getByRole('searchbox', { name: en.users.searchLabel });
    await userSearch.fill('oberg');
    await expect.poll(() => users.locator('tbody tr').count()).toBe(1);
    expect(await users.locator('tbody tr th').innerText()).toBe('Åsa Öberg');
    expect(new URL(page.url()).searchParams.get('q')).toBe('oberg');

    // 8. Remove her, after confirming: the search then finds nobody.
    await users.getByRole('button', { name: 'Remove Åsa Öberg' }).click();
    const remove = page.getByRole('dialog', {
      name: fill(en.users.removeHeading, { name: 'Åsa Öberg' }),
    });
    expect(await remove.innerText()).toContain('Billing counts them up to and including today');
    await expectNoAxeViolations(page, 'the remove confirmation');
    await remove.getByRole('button', { name: en.users.removeConfirm }).click();
    await page.getByText(fill(en.users.removed, { name: 'Åsa Öberg' })).waitFor();
    await page.getByText(fill(en.users.noMatch, { search: 'oberg' })).waitFor();
    await userSearch.fill('');
    await page.getByText(fill(en.users.shown, { shown: 20, total: 299 })).waitFor();

    // 9. Export: the current users as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: en.export.link }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('entry-users-kungsgatan-12.csv');
    const exported = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = exported.trim().split(/\r?\n/);
    expect(lines[0]).toBe('first_name,last_name,email,apartment,move_in_date,move_out_date');
    expect(lines).toHaveLength(300);
    expect(exported).toContain('Astrid,Lindqvist,astrid.lindqvist@example.com,1102,,');
    expect(exported).not.toContain('asa.oberg@example.com');

    // 10. The sites list: "kungs" finds Kungsgatan 12 only, and the URL keeps the search.
    await page.getByRole('link', { name: en.detail.back }).click();
    await expectHeading(page, en.heading);
    const sitesTable = page.getByRole('table', { name: en.list.caption });
    await expect.poll(() => sitesTable.locator('tbody tr').count()).toBe(2);
    await page.getByRole('searchbox', { name: en.search.label }).fill('kungs');
    await expect.poll(() => sitesTable.locator('tbody tr').count()).toBe(1);
    expect(await sitesTable.locator('tbody tr').innerText()).toContain('Kungsgatan 12');
    expect(await sitesTable.locator('tbody tr').innerText()).toContain('299');
    expect(new URL(page.url()).search).toBe('?q=kungs');
    await page.reload();
    await expect.poll(() => sitesTable.locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: en.search.label }).inputValue()).toBe('kungs');
    await expectNoAxeViolations(page, 'the sites list with a search');

    // 11. Deactivate (billing stops from tomorrow) and reactivate, each after confirming.
    await sitesTable.getByRole('button', { name: 'Deactivate Kungsgatan 12' }).click();
    const deactivate = page.getByRole('dialog', {
      name: fill(en.deactivate.heading, { name: 'Kungsgatan 12' }),
    });
    expect(await deactivate.innerText()).toContain('Billing for this site stops from tomorrow');
    await expectNoAxeViolations(page, 'the deactivate confirmation');
    await deactivate.getByRole('button', { name: en.deactivate.confirm }).click();
    await page.getByText(fill(en.messages.deactivated, { name: 'Kungsgatan 12' })).waitFor();
    await expect
      .poll(() => sitesTable.locator('tbody tr').innerText())
      .toContain(en.status.inactive);
    await page.getByLabel(en.filter.label).selectOption('active');
    await page.getByText(fill(en.empty.noMatch, { search: 'kungs' })).waitFor();
    expect(new URL(page.url()).search).toBe('?q=kungs&status=active');
    await page.goBack();
    await expect.poll(() => sitesTable.locator('tbody tr').count()).toBe(1);
    await sitesTable.getByRole('button', { name: 'Reactivate Kungsgatan 12' }).click();
    await page
      .getByRole('dialog', { name: fill(en.reactivate.heading, { name: 'Kungsgatan 12' }) })
      .getByRole('button', { name: en.reactivate.confirm })
      .click();
    await page.getByText(fill(en.messages.reactivated, { name: 'Kungsgatan 12' })).waitFor();
    await expect.poll(() => sitesTable.locator('tbody tr').innerText()).toContain(en.status.active);

    // 12. Home: the counts and the estimate.
    await page.goto('/');
    await expectHeading(page, fill(WORDS.en.home.dashboard.heading, { name: 'Karin' }));
    const glance = page.getByRole('region', { name: WORDS.en.home.dashboard.glanceHeading });
    await glance.getByText(WORDS.en.home.dashboard.estimateHeading).waitFor();
    expect(await glance.innerText()).toContain('299');
    await expectNoAxeViolations(page, 'the home dashboard');
    expect(errors).toEqual([]);
    expect(siteId).toMatch(/^[0-9a-f-]{36}$/);
  }, 180_000);

  it('should show a localized not-found page for a site the person may not see', async () => {
    const { session } = await paymentAdmin('sv', 'Nils', 'Ek');
    const { page, errors } = await openPage({ session, storedLanguage: 'sv' });
    await page.goto('/sites/00000000-0000-4000-8000-000000000000');
    await expectHeading(page, WORDS.sv.sites.detail.notFoundHeading);
    expect(
      await page.getByRole('link', { name: WORDS.sv.sites.detail.back }).getAttribute('href'),
    ).toBe('/sites');
    await expectNoAxeViolations(page, 'the site not-found page (sv)');
    expect(errors).toEqual([]);
  });

  it.each(LANGS)(
    'should show the sites, a site and the dashboard in %s, pass axe-core and fit a phone',
    async (lang) => {
      const words = WORDS[lang];
      const { session } = await paymentAdmin(lang, 'Maja', 'Holm');
      await suite.api.completeBillingSetup(session);
      const siteId = await suite.api.createSite(session, {
        name: 'Kungsgatan 12',
        address: 'Kungsgatan 12, 111 22 Stockholm',
      });
      await importCsv(session, siteId, residentsCsv(45));
      await suite.api.createSite(session, {
        name: 'Grand Ave Suites',
        address: '12 Grand Avenue, Dublin',
      });
      const closed = await suite.api.createSite(session, {
        name: 'Quai des Brumes',
        address: '3 quai des Brumes, Rouen',
      });
      await suite.api.graphql(
        'mutation ($id: ID!) { deactivateSite(id: $id) { site { id } } }',
        { id: closed },
        session,
      );

      const pages = [
        { name: 'sites', path: '/sites', heading: words.sites.heading },
        { name: 'site-detail', path: `/sites/${siteId}`, heading: 'Kungsgatan 12' },
        {
          name: 'home-dashboard',
          path: '/',
          heading: fill(words.home.dashboard.heading, { name: 'Maja' }),
        },
      ];
      for (const { name, path, heading } of pages) {
        for (const viewport of [DESKTOP, PHONE]) {
          const phone = viewport === PHONE;
          const { page, errors } = await openPage({
            storedLanguage: lang,
            session,
            viewport,
            ...(phone ? { isMobile: true, hasTouch: true } : {}),
          });
          await page.goto(path);
          await expectHeading(page, heading);
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
          if (name === 'sites') await page.locator('table tbody tr').nth(2).waitFor();
          if (name === 'site-detail') {
            await page.locator('table tbody tr').first().waitFor();
            // The preview of a file with a problem, to see its table too.
            await page.getByLabel(words.sites.import.fileLabel, { exact: true }).setInputFiles({
              name: 'residents.csv',
              mimeType: 'text/csv',
              buffer: Buffer.from(residentsCsv(3, ['Olof,,olof@example.com,2001'], 'newcomer')),
            });
            await page.getByRole('table', { name: words.sites.import.problemsCaption }).waitFor();
          }
          if (name === 'home-dashboard') {
            await page.getByText(words.home.dashboard.estimateHeading).waitFor();
          }
          await expect.poll(() => page.getByRole('status').count()).toBe(0); // nothing loading
          await expectPageFitsAndPassesAxe(page, { name, lang, phone });
          expect(errors, `${name} in ${lang}`).toEqual([]);
          await page.context().close();
        }
      }
    },
    180_000,
  );
});
