import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  browserSuite,
  chromiumAvailable,
  expectHeading,
  expectNoAxeViolations,
  expectPageFitsAndPassesAxe,
  field,
  SLOW,
} from './support/suite';
import { ACCOUNTS_WORDS, CORE_WORDS, TRANSFERS_WORDS, fill, type Lang } from './support/words';

/** The task's phone: the narrowest common one. */
const PHONE_375 = { width: 375, height: 812 };
const PASSWORD = 'a harbour handed over 2026';

describe.skipIf(!chromiumAvailable('transfers'))(
  'Site transfers in Chromium',
  { timeout: 300_000 },
  () => {
    const suite = browserSuite({ contextTimeoutMs: 30_000 });

    /** A payment admin of a new approved company with billing set up. */
    async function paymentAdmin(lang: Lang, lastName: string) {
      const email = uniqueEmail(`transfer.${lang}`);
      const session = await suite.api.activePerson(
        { email, firstName: 'Tove', lastName, locale: lang },
        PASSWORD,
      );
      await suite.api.completeBillingSetup(session);
      return { email, session };
    }

    /** A site of the session's company with `residents` Entry app users. */
    async function siteWithResidents(session: string, name: string, residents: number) {
      const siteId = await suite.api.createSite(session, { name, address: '4 Hamngatan' });
      for (let i = 1; i <= residents; i += 1) {
        const { data } = await suite.api.graphql<{ addEntryUser: { userErrors: unknown[] } }>(
          `mutation ($siteId: ID!, $input: EntryUserInput!) {
            addEntryUser(siteId: $siteId, input: $input) { userErrors { code } }
          }`,
          {
            siteId,
            input: { firstName: `Resident${i}`, lastName: 'Berg', email: uniqueEmail('resident') },
          },
          session,
        );
        expect(data.addEntryUser.userErrors).toEqual([]);
      }
      return siteId;
    }

    /** The sender offers the site to `email` from the site's page, in the sender's language. */
    async function offerFromSitePage(page: Page, lang: Lang, siteId: string, email: string) {
      const words = TRANSFERS_WORDS[lang].transfers;
      await page.goto(`/sites/${siteId}`);
      await page.getByRole('button', { name: CORE_WORDS[lang].sites.actions.transfer }).click();
      const dialog = page.getByRole('dialog');
      await field(dialog, words.request.email).fill(email);
      await field(dialog, words.request.message).fill('Hello,\nthe building is yours now.');
      await expectNoAxeViolations(page, `the transfer dialog in ${lang}`);
      await dialog.getByRole('button', { name: words.request.submit }).click();
      await dialog.waitFor({ state: 'detached' });
      return page.getByRole('status');
    }

    it('should walk a transfer from an English sender to a Swedish receiver who accepts it on a phone', async () => {
      const sender = await paymentAdmin('en', 'Sender');
      const receiver = await paymentAdmin('sv', 'Mottagare');
      const siteName = `Hamngatan 4 ${Date.now().toString(36)}`;
      const siteId = await siteWithResidents(sender.session, siteName, 2);
      const en = TRANSFERS_WORDS.en.transfers;
      const sv = TRANSFERS_WORDS.sv.transfers;

      // the sender's side, in English
      const senderView = await suite.openPage({ session: sender.session, storedLanguage: 'en' });
      const notice = await offerFromSitePage(senderView.page, 'en', siteId, receiver.email);
      await expect.poll(() => notice.innerText(), SLOW).toContain(`The transfer of ${siteName}`);

      // the receiver's email links to the transfer
      const mail = await suite.api.latestMail(receiver.email, 'site-transfer-requested');
      const link = /http\S+\/transfers\?transfer=[\w-]+/.exec(mail.text)?.[0];
      expect(link, mail.text).toBeDefined();

      // the receiver's side, in Swedish, on a phone
      const receiverView = await suite.openPage({
        session: receiver.session,
        storedLanguage: 'sv',
        viewport: PHONE_375,
      });
      const page = receiverView.page;
      await page.goto(new URL(link!).pathname + new URL(link!).search);
      await expectHeading(page, sv.heading);
      const card = page.getByRole('article', { name: siteName });
      await expect.poll(() => card.innerText(), SLOW).toContain('2');
      expect(await card.innerText()).toContain(sv.fields.firstDay);
      expect(await card.innerText()).toContain('the building is yours now.');
      await expectPageFitsAndPassesAxe(page, {
        name: 'transfers-incoming',
        lang: 'sv',
        phone: true,
      });

      await card.getByRole('button', { name: `${sv.actions.accept} ${siteName}` }).click();
      const dialog = page.getByRole('dialog', {
        name: fill(sv.accept.heading, { site: siteName }),
      });
      await expectNoAxeViolations(page, 'the accept dialog in sv');
      await dialog.getByRole('button', { name: sv.accept.confirm }).click();
      await expect
        .poll(() => page.getByRole('status').innerText(), SLOW)
        .toBe(fill(sv.accept.done, { site: siteName }));
      const history = page.getByRole('table', { name: sv.history.heading });
      await expect.poll(() => history.innerText(), SLOW).toContain(sv.status.ACCEPTED);
      await expectPageFitsAndPassesAxe(page, {
        name: 'transfers-accepted',
        lang: 'sv',
        phone: true,
      });
      // the site is the receiver's now
      await history.getByRole('link', { name: siteName }).click();
      await expectHeading(page, siteName);

      // back on the sender's side: accepted, and the site is gone from its pages
      await senderView.page.goto('/transfers');
      await expectHeading(senderView.page, en.heading);
      const senderHistory = senderView.page.getByRole('table', { name: en.history.heading });
      await expect.poll(() => senderHistory.innerText(), SLOW).toContain(en.status.ACCEPTED);
      expect(await senderHistory.getByRole('link').count()).toBe(0);
      await expectPageFitsAndPassesAxe(senderView.page, {
        name: 'transfers-sent',
        lang: 'en',
        phone: false,
      });
      await senderView.page.goto(`/sites/${siteId}`);
      await expectHeading(senderView.page, CORE_WORDS.en.sites.detail.notFoundHeading);
      expect(senderView.errors).toEqual([]);
      expect(receiverView.errors).toEqual([]);
    });

    it('should let a Dutch receiver decline with a reason the French sender reads, and the sender cancel another', async () => {
      const sender = await paymentAdmin('fr', 'Expéditeur');
      const receiver = await paymentAdmin('nl', 'Ontvanger');
      const declinedName = `Quai Ouest ${Date.now().toString(36)}`;
      const cancelledName = `Quai Est ${Date.now().toString(36)}`;
      const declinedId = await siteWithResidents(sender.session, declinedName, 1);
      const cancelledId = await siteWithResidents(sender.session, cancelledName, 0);
      const fr = TRANSFERS_WORDS.fr.transfers;
      const nl = TRANSFERS_WORDS.nl.transfers;

      const senderView = await suite.openPage({ session: sender.session, storedLanguage: 'fr' });
      await offerFromSitePage(senderView.page, 'fr', declinedId, receiver.email);
      await offerFromSitePage(senderView.page, 'fr', cancelledId, uniqueEmail('nobody'));

      const receiverView = await suite.openPage({
        session: receiver.session,
        storedLanguage: 'nl',
      });
      const page = receiverView.page;
      await page.goto('/transfers');
      await expectHeading(page, nl.heading);
      const card = page.getByRole('article', { name: declinedName });
      await card.getByRole('button', { name: `${nl.actions.decline} ${declinedName}` }).click();
      const dialog = page.getByRole('dialog');
      await field(dialog, nl.decline.reason).fill('Niet ons gebouw.');
      await expectNoAxeViolations(page, 'the decline dialog in nl');
      await dialog.getByRole('button', { name: nl.decline.confirm }).click();
      await expect
        .poll(() => page.getByRole('status').innerText(), SLOW)
        .toBe(fill(nl.decline.done, { site: declinedName }));
      await expect.poll(() => page.getByText(nl.incoming.empty).count(), SLOW).toBe(1);

      // the sender reads the decision and its reason, and cancels the other transfer
      const sent = senderView.page;
      await sent.goto('/transfers');
      await expectHeading(sent, fr.heading);
      const history = sent.getByRole('table', { name: fr.history.heading });
      await expect.poll(() => history.innerText(), SLOW).toContain(fr.status.DECLINED);
      expect(await history.innerText()).toContain('Niet ons gebouw.');
      const pending = sent.getByRole('article', { name: cancelledName });
      await pending.getByRole('button', { name: `${fr.actions.cancel} ${cancelledName}` }).click();
      await sent.getByRole('dialog').getByRole('button', { name: fr.cancel.confirm }).click();
      await expect
        .poll(() => sent.getByRole('status').innerText(), SLOW)
        .toBe(fill(fr.cancel.done, { site: cancelledName }));
      await expectPageFitsAndPassesAxe(sent, {
        name: 'transfers-history',
        lang: 'fr',
        phone: false,
      });
      expect(senderView.errors).toEqual([]);
      expect(receiverView.errors).toEqual([]);
    });

    it('should fill in the registration form from the link of a transfer to an unknown address', async () => {
      const sender = await paymentAdmin('en', 'Installer');
      const siteId = await siteWithResidents(
        sender.session,
        `Ny gata ${Date.now().toString(36)}`,
        0,
      );
      const unknown = uniqueEmail('manager');
      const { data } = await suite.api.graphql<{
        requestSiteTransfer: { userErrors: unknown[] };
      }>(
        `mutation ($input: RequestSiteTransferInput!) {
          requestSiteTransfer(input: $input) { userErrors { code } }
        }`,
        { input: { siteId, recipientEmail: unknown } },
        sender.session,
      );
      expect(data.requestSiteTransfer.userErrors).toEqual([]);
      const mail = await suite.api.latestMail(unknown, 'site-transfer-requested');
      const link = new URL(/http\S+\/register\?\S+/.exec(mail.text)?.[0] ?? '');

      const { page, errors } = await suite.openPage({ storedLanguage: 'sv', viewport: PHONE_375 });
      await page.goto(link.pathname + link.search);
      const words = ACCOUNTS_WORDS.sv.register;
      await expectHeading(page, words.heading);
      expect(await field(page, words.fields.email).inputValue()).toBe(unknown);
      await expect.poll(() => page.getByText(words.transferNote).count(), SLOW).toBe(1);
      await expectPageFitsAndPassesAxe(page, {
        name: 'register-for-transfer',
        lang: 'sv',
        phone: true,
      });
      expect(errors).toEqual([]);
    });
  },
);
