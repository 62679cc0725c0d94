import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  DESKTOP,
  PHONE,
  browserSuite,
  chromiumAvailable,
  expectHeading,
  expectNoAxeViolations,
  expectPath,
  field,
  focusedId,
  screenshot,
} from './support/suite';
import { ACCOUNTS_WORDS as ACCOUNTS, CORE_WORDS as WORDS, LANGS, type Lang } from './support/words';

/** The level names the API (and the notes) use; the dropdown shows these. */
const SITE_ADMIN = {
  en: 'Site admin',
  nl: 'Locatie beheerder',
  sv: 'Anläggningsadmin',
  fr: 'Administrateur du site',
} as const;

const ADMIN_PASSWORD = 'lanterns over the harbour 2026';

/** expect.poll with room for a busy machine (its default gives up after one second). */
function poll<T>(actual: () => T) {
  return expect.poll(actual, { timeout: 15_000, interval: 100 });
}

describe.skipIf(!chromiumAvailable('people'))(
  'People and access levels in Chromium',
  { timeout: 180_000 },
  () => {
    const suite = browserSuite({ contextOptions: { acceptDownloads: true } });
    const { openPage } = suite;
    let adminEmail: string;
    let adminSession: string;
    const sites = new Map<string, string>();

    beforeAll(async () => {
      try {
        // A payment admin of an approved company (register -> approve -> temporary password
        // from the dev outbox -> own password), with billing set up and a few dozen sites.
        adminEmail = uniqueEmail('camille.martin');
        adminSession = await suite.api.activePerson(
          { email: adminEmail, firstName: 'Camille', lastName: 'Martin', locale: 'fr' },
          ADMIN_PASSWORD,
        );
        await suite.api.completeBillingSetup(adminSession);
        const names = [
          'Grand Ave Suites',
          'Harbour View Lofts',
          'Quai des Brumes',
          // More than one combobox page (20): the two above must be found by typing.
          ...Array.from(
            { length: 22 },
            (_, i) => `Résidence Les Tilleuls ${String(i + 1).padStart(2, '0')}`,
          ),
        ];
        for (const name of names) sites.set(name, await createSite(name));
      } catch (error) {
        throw new Error(`${String(error)}\n--- server output ---\n${suite.server.output()}`, {
          cause: error,
        });
      }
    });

    /** One of the payment admin's sites; resolves to its id. */
    function createSite(name: string): Promise<string> {
      return suite.api.createSite(adminSession, {
        name,
        address: `${name.length} Rue de la Gare, Lyon`,
      });
    }

    /** An invitation through the API; resolves to the path of its emailed link. */
    async function invite(lang: Lang): Promise<string> {
      const email = uniqueEmail(`invitee.${lang}`);
      const { data } = await suite.api.graphql<{
        invitePerson: { person: { id: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: InvitePersonInput!) {
        invitePerson(input: $input) { person { id } userErrors { field code message } }
      }`,
        {
          input: {
            firstName: 'Sam',
            lastName: `Invitee ${lang}`,
            email,
            accessLevel: 'SYSTEM_ADMIN',
            locale: lang,
          },
        },
        adminSession,
      );
      if (!data.invitePerson.person)
        throw new Error(`invite: ${JSON.stringify(data.invitePerson)}`);
      return invitationPath(email);
    }

    /** The /accept-invitation?token=… link of the newest invitation email to `email`. */
    async function invitationPath(email: string): Promise<string> {
      const mail = await suite.api.latestMail(email, 'invitation');
      const link = /https?:\/\/\S+?\/accept-invitation\?token=[^\s"<>]+/.exec(mail.text)?.[0];
      if (!link) throw new Error(`No invitation link in the email:\n${mail.text}`);
      const url = new URL(link);
      return `${url.pathname}${url.search}`;
    }

    /** Waits for a table by its caption; on failure says where the page was and what it showed. */
    async function waitForTable(page: Page, caption: string, what: string): Promise<Locator> {
      const table = page.getByRole('table', { name: caption });
      try {
        await table.waitFor();
      } catch (error) {
        await screenshot(page, `failed-${what}`);
        const main = await page
          .locator('main')
          .innerText()
          .catch(() => '(no main)');
        throw new Error(
          `No table "${caption}" at ${page.url()} (${what}). The page says:\n${main}`,
          {
            cause: error,
          },
        );
      }
      return table;
    }

    async function noHorizontalScroll(page: Page): Promise<boolean> {
      return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    }

    /** A GraphQL request from the page, with its session cookie. */
    async function graphqlFromPage<T>(page: Page, query: string, variables = {}) {
      return page.evaluate(
        async ([q, v]) => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
            body: JSON.stringify({ query: q, variables: v }),
          });
          return (await response.json()) as {
            data?: unknown;
            errors?: { extensions?: { code?: string } }[];
          };
        },
        [query, variables] as const,
      ) as Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }>;
    }

    it('should invite a site admin with two sites in French, who accepts and sees only those sites', async () => {
      const fr = WORDS.fr;
      const daisyEmail = `daisyburton-${Date.now().toString(36)}@email.co.uk`;

      // 1. Administrateur -> the people list, the payment admin herself in it.
      const { page, errors } = await openPage({ storedLanguage: 'fr', session: adminSession });
      await page.goto('/');
      await page
        .getByRole('navigation', { name: fr.layout.mainNavigation })
        .getByRole('link', { name: fr.nav.administrator })
        .click();
      await expectPath(page, '/administrator');
      await expectHeading(page, fr.administrator.heading);
      const table = page.getByRole('table', { name: fr.people.caption });
      await table.getByRole('rowheader', { name: /Camille Martin/ }).waitFor();
      // Nobody removes or disables themselves, nor changes their own level.
      const ownRow = table.getByRole('row', { name: /Camille Martin/ });
      expect(await ownRow.getByRole('button').count()).toBe(0);
      await screenshot(page, 'fr-administrator-people');
      await expectNoAxeViolations(page, 'the people list (fr)');

      // 2. Ajouter une nouvelle personne: the French note's form, field by field.
      await page.getByRole('link', { name: fr.people.add }).click();
      await expectPath(page, '/administrator/people/new');
      await expectHeading(page, fr.people.add);
      const breadcrumb = page.getByRole('navigation', { name: fr.lists.breadcrumb });
      expect((await breadcrumb.innerText()).replace(/\s+/g, ' ')).toMatch(
        /PERSONNES\s*›?\s*AJOUTER UNE NOUVELLE PERSONNE/,
      );
      // Saving nothing: every required field says so; focus goes to the first.
      await page.getByRole('button', { name: fr.people.form.save }).click();
      await poll(() => focusedId(page)).toBe('add-person-firstName');
      await field(page, fr.people.form.firstName).fill('Daisy');
      await field(page, fr.people.form.lastName).fill('Burton');
      await field(page, fr.people.form.email).fill(daisyEmail);
      const level = field(page, fr.people.form.accessLevel);
      expect(await level.locator('option').allInnerTexts()).toEqual([
        fr.people.form.chooseLevel,
        'Administrateur des paiements',
        'Administrateur système',
        'Administrateur du site',
      ]);
      await level.selectOption({ label: SITE_ADMIN.fr });
      expect(await page.locator('#add-person-accessLevel-description').innerText()).toContain(
        'certains sites sélectionnés',
      );

      // Sites: a combobox over every site; two found by typing, by keyboard and by pointer.
      const combobox = page.getByRole('combobox', { name: /^Sites/ });
      expect(await combobox.getAttribute('placeholder')).toBe(fr.lists.combobox.placeholder);
      await combobox.click();
      const listbox = page.getByRole('listbox', { name: fr.people.form.sites });
      await listbox.waitFor();
      await poll(() => listbox.getByRole('option').count()).toBe(20);
      expect(await page.locator('.combobox-status').innerText()).toBe(
        '20 affichés sur 25. Tapez pour affiner la liste.',
      );
      await screenshot(page, 'fr-add-person-sites-open');
      await expectNoAxeViolations(page, 'the add person form with the sites list open (fr)');
      await combobox.pressSequentially('grand ave');
      await poll(() => listbox.getByRole('option').allInnerTexts()).toEqual([
        expect.stringContaining('Grand Ave Suites'),
      ]);
      await combobox.press('ArrowDown');
      expect(await combobox.getAttribute('aria-activedescendant')).toBe(
        'add-person-siteIds-option-0',
      );
      await combobox.press('Enter');
      await combobox.pressSequentially('Harbour');
      await listbox.getByRole('option', { name: /Harbour View Lofts/ }).click();
      const chosen = page.getByRole('list', { name: fr.lists.combobox.chosen });
      await poll(() => chosen.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining('Grand Ave Suites'),
        expect.stringContaining('Harbour View Lofts'),
      ]);
      expect(await combobox.evaluate((input) => input === document.activeElement)).toBe(true);
      await screenshot(page, 'fr-add-person');
      await expectNoAxeViolations(page, 'the add person form (fr)');

      // 3. Enregistrer: back to the list, which says where the invitation went.
      await page.getByRole('button', { name: fr.people.form.save }).click();
      await expectPath(page, '/administrator');
      await poll(() => page.getByRole('status').allInnerTexts()).toContain(
        `Invitation envoyée à ${daisyEmail}.`,
      );
      const daisyRow = table.getByRole('row', { name: /Daisy Burton/ });
      await daisyRow.waitFor();
      const daisyText = await daisyRow.innerText();
      expect(daisyText).toContain('Invitée');
      expect(daisyText).toContain('Grand Ave Suites, Harbour View Lofts');
      expect(
        await daisyRow.getByRole('button', { name: /Renvoyer l'invitation/ }).isVisible(),
      ).toBe(true);
      expect(errors).toEqual([]);

      // 4. The invitation email's link, opened in a browser of its own.
      const link = await invitationPath(daisyEmail);
      const invitee = await openPage({ locale: 'fr-FR' });
      await invitee.page.goto(link);
      await expectHeading(invitee.page, fr.invitation.heading);
      await screenshot(invitee.page, 'fr-accept-invitation-page');
      await expectNoAxeViolations(invitee.page, 'accept invitation (fr)');
      const password = 'copper kettles beside the quay 2026';
      await field(invitee.page, ACCOUNTS.fr.password.newLabel).fill(password);
      await field(invitee.page, ACCOUNTS.fr.password.confirmLabel).fill(password);
      await invitee.page.getByRole('button', { name: fr.invitation.submit }).click();
      await expectPath(invitee.page, '/');
      await poll(() => invitee.page.getByText('Connecté en tant que Daisy Burton').count()).toBe(1);

      // 5. The site admin sees exactly her two sites, and nothing of people or payments.
      const ownSites = await graphqlFromPage<{ sites: { edges: { node: { name: string } }[] } }>(
        invitee.page,
        '{ sites(first: 100) { edges { node { name } } } }',
      );
      expect(ownSites.data?.sites.edges.map(({ node }) => node.name).sort()).toEqual([
        'Grand Ave Suites',
        'Harbour View Lofts',
      ]);
      const other = await graphqlFromPage<{ site: unknown }>(
        invitee.page,
        'query ($id: ID!) { site(id: $id) { id name } }',
        { id: sites.get('Quai des Brumes') },
      );
      expect(other.data?.site).toBeNull();
      const people = await graphqlFromPage(invitee.page, '{ people { totalCount } }');
      expect(people.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const payment = await graphqlFromPage(invitee.page, '{ company { paymentMethod } }');
      expect(payment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The Sites page (built alongside) shows the same two, when it can list them.
      await invitee.page.goto('/sites');
      const listed = invitee.page.getByText('Harbour View Lofts').first();
      const failed = invitee.page.getByRole('alert').first();
      await listed.or(failed).waitFor();
      if (await listed.isVisible()) {
        expect(await invitee.page.getByText('Grand Ave Suites').count()).toBeGreaterThan(0);
        expect(await invitee.page.getByText('Quai des Brumes').count()).toBe(0);
      } else {
        console.warn(
          `The Sites page could not list the sites (${await failed.innerText()}); ` +
            'checked through the sites query above instead.',
        );
      }

      await invitee.page.goto('/administrator');
      await expectHeading(invitee.page, fr.administrator.heading);
      await invitee.page.getByText(/En tant qu'Administrateur du site/).waitFor();
      expect(await invitee.page.getByRole('link', { name: fr.people.add }).count()).toBe(0);
      expect(await invitee.page.getByRole('table').count()).toBe(0);
      await expectNoAxeViolations(invitee.page, 'the Administrator page of a site admin (fr)');
      await invitee.page.goto('/administrator/people/new');
      await expectHeading(invitee.page, fr.people.add);
      expect(await invitee.page.getByRole('textbox').count()).toBe(0);
      await invitee.page.goto('/administrator/audit');
      await expectHeading(invitee.page, fr.audit.heading);
      expect(await invitee.page.getByRole('table').count()).toBe(0);
      expect(invitee.errors).toEqual([]);

      // The link works once: opened again, it says so and who to ask.
      const again = await openPage({ locale: 'fr-FR' });
      await again.page.goto(link);
      await field(again.page, ACCOUNTS.fr.password.newLabel).fill(password);
      await field(again.page, ACCOUNTS.fr.password.confirmLabel).fill(password);
      await again.page.getByRole('button', { name: fr.invitation.submit }).click();
      const refused = again.page.getByRole('alert');
      await poll(() => refused.innerText()).toContain(fr.invitation.invalidTokenHeading);
      expect(await refused.innerText()).toContain('Demandez au collègue qui vous a invité');

      // Her edit page lists her two sites; an unknown id is "not found".
      await page.goto('/administrator');
      await page.getByRole('link', { name: 'Modifier Daisy Burton' }).click();
      await expectHeading(page, 'Modifier Daisy Burton');
      await poll(() =>
        page.getByRole('list', { name: fr.lists.combobox.chosen }).getByRole('listitem').count(),
      ).toBe(2);
      await screenshot(page, 'fr-edit-person');
      await expectNoAxeViolations(page, 'the edit person page (fr)');
      await page.goto('/administrator/people/00000000-0000-4000-8000-000000000000');
      await expectHeading(page, fr.people.form.notFoundHeading);

      // 6. The audit log: the invitation and its acceptance, newest first.
      await page.goto('/administrator');
      await page.getByRole('link', { name: fr.people.auditLink }).click();
      await expectPath(page, '/administrator/audit');
      await expectHeading(page, fr.audit.heading);
      const log = page.getByRole('table', { name: fr.audit.caption });
      await log.waitFor();
      const kinds = await log.locator('tbody tr td:nth-child(3)').allInnerTexts();
      expect(kinds.slice(0, 2)).toEqual(['Invitation acceptée', 'Personne invitée']);
      const invited = log.locator('tbody tr', { hasText: 'Personne invitée' });
      const invitedText = await invited.innerText();
      expect(invitedText).toContain(daisyEmail);
      expect(invitedText).toContain('Administrateur du site');
      expect(invitedText).toContain('Camille Martin');
      await screenshot(page, 'fr-audit-log');
      await expectNoAxeViolations(page, 'the audit log (fr)');

      // Filtered by kind; the CSV export carries the same filter.
      await field(page, fr.audit.filters.kind).selectOption('person.invited');
      await poll(() => log.locator('tbody tr').count()).toBe(1);
      const exportLink = page.getByRole('link', { name: fr.audit.export });
      const href = (await exportLink.getAttribute('href')) ?? '';
      expect(href).toBe('/api/audit-events.csv?kind=person.invited');
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
      expect(csv).toContain('person.invited');
      expect(csv).toContain(daisyEmail);
      expect(csv).not.toContain('person.invitation_accepted');
      // Filtered by person, found by typing in its combobox.
      await field(page, fr.audit.filters.kind).selectOption('');
      const personFilter = page.getByRole('combobox', { name: fr.audit.filters.person });
      await personFilter.pressSequentially('Daisy');
      await page.getByRole('option', { name: /Daisy Burton/ }).click();
      await poll(() => new URL(page.url()).searchParams.get('personId')).toBeTruthy();
      await poll(() => log.locator('tbody tr').count()).toBe(2);
      expect(errors).toEqual([]);
    });

    it.each(LANGS)(
      'should show the people pages in %s without axe violations, on a desktop and a phone',
      async (lang) => {
        const words = WORDS[lang];
        const { page, errors } = await openPage({ storedLanguage: lang, session: adminSession });

        await page.goto('/administrator');
        await expectHeading(page, words.administrator.heading);
        await waitForTable(page, words.people.caption, `${lang}-people`);
        await screenshot(page, `${lang}-administrator-people`);
        await expectNoAxeViolations(page, `the people list (${lang})`);

        await page.getByRole('link', { name: words.people.add }).click();
        await expectHeading(page, words.people.add);
        await field(page, words.people.form.firstName).fill('Daisy');
        await field(page, words.people.form.lastName).fill('Burton');
        await field(page, words.people.form.email).fill('daisyburton@email.co.uk');
        await field(page, words.people.form.accessLevel).selectOption({ label: SITE_ADMIN[lang] });
        const combobox = page.getByRole('combobox', {
          name: new RegExp(`^${words.people.form.sites}`),
        });
        await combobox.pressSequentially('Grand');
        await page.getByRole('option', { name: /Grand Ave Suites/ }).click();
        await page.getByRole('list', { name: words.lists.combobox.chosen }).waitFor();
        await screenshot(page, `${lang}-add-person`);
        await expectNoAxeViolations(page, `the add person form (${lang})`);

        // The phone: one column, nothing wider than the screen.
        await page.setViewportSize(PHONE);
        expect(await noHorizontalScroll(page)).toBe(true);
        await screenshot(page, `${lang}-add-person-phone`);
        await page.goto('/administrator');
        await waitForTable(page, words.people.caption, `${lang}-people-phone`);
        expect(await noHorizontalScroll(page)).toBe(true);
        await screenshot(page, `${lang}-administrator-people-phone`);
        await expectNoAxeViolations(page, `the people list on a phone (${lang})`);
        await page.setViewportSize(DESKTOP);

        await page.goto('/administrator/audit');
        await expectHeading(page, words.audit.heading);
        await waitForTable(page, words.audit.caption, `${lang}-audit`);
        await screenshot(page, `${lang}-audit-log`);
        await expectNoAxeViolations(page, `the audit log (${lang})`);
        await page.setViewportSize(PHONE);
        expect(await noHorizontalScroll(page)).toBe(true);
        await screenshot(page, `${lang}-audit-log-phone`);
        expect(errors).toEqual([]);

        const link = await invite(lang);
        const invitee = await openPage({ storedLanguage: lang });
        await invitee.page.goto(link);
        await expectHeading(invitee.page, words.invitation.heading);
        await field(invitee.page, ACCOUNTS[lang].password.newLabel).fill('short');
        await invitee.page.getByText(ACCOUNTS[lang].password.strengthLabel).waitFor();
        await screenshot(invitee.page, `${lang}-accept-invitation`);
        await expectNoAxeViolations(invitee.page, `accept invitation (${lang})`);
        expect(invitee.errors).toEqual([]);
      },
    );
  },
);
