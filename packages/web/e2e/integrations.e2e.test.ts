import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  DESKTOP,
  browserSuite,
  chromiumAvailable,
  expectHeading,
  expectNoAxeViolations,
  expectPageFitsAndPassesAxe,
  expectPath,
  field,
  screenshot,
} from './support/suite';
import { CORE_WORDS, INTEGRATIONS_WORDS, fill, type Lang } from './support/words';

/** The task's phone: the narrowest common one. */
const PHONE_375 = { width: 375, height: 812 };
const ADMIN_PASSWORD = 'webhooks over the harbour 2026';

/** expect.poll with room for a busy machine (its default gives up after one second). */
function poll<T>(actual: () => T) {
  return expect.poll(actual, { timeout: 20_000, interval: 200 });
}

/** An accessible name that starts with `text` (a checkbox's label also holds its hint). */
function startingWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback: records every POST and answers 204. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/entry`, received, server };
}

/**
 * Whether the delivery carries a valid Standard Webhooks signature made with `secret`
 * (whsec_<base64 key>): HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>".
 */
function signedWith(secret: string, { headers, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return String(headers['webhook-signature'])
    .split(' ')
    .some((signature) => signature === `v1,${expected}`);
}

describe.skipIf(!chromiumAvailable('integrations'))(
  'The Integrations page in Chromium',
  { timeout: 300_000 },
  () => {
    // A receiver on 127.0.0.1 is a private address: the server must be told to allow it.
    const suite = browserSuite({ serverEnv: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
    let receiver: Awaited<ReturnType<typeof startReceiver>>;

    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await new Promise((closed) => receiver?.server.close(closed));
    });

    /** A payment admin of a new approved company with billing set up and two sites. */
    async function paymentAdmin(lang: Lang) {
      const email = uniqueEmail(`payment.${lang}`);
      const session = await suite.api.activePerson(
        { email, firstName: 'Ines', lastName: `Integrator ${lang}`, locale: lang },
        ADMIN_PASSWORD,
      );
      await suite.api.completeBillingSetup(session);
      await suite.api.createSite(session, { name: `Quai Nord ${lang}`, address: '1 Quai Nord' });
      await suite.api.createSite(session, { name: `Parc Sud ${lang}`, address: '2 Parc Sud' });
      return session;
    }

    /** The partner API, called as a partner would: with the key and nothing else. */
    async function callWithKey(secret: string) {
      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${secret}`,
        },
        body: JSON.stringify({ query: '{ sites(first: 10) { edges { node { name } } } }' }),
      });
      return (await response.json()) as {
        data?: { sites: { edges: { node: { name: string } }[] } } | null;
        errors?: { extensions?: { code?: string } }[];
      };
    }

    /** The secret in the "shown once" dialog, copied with its button and read back. */
    async function copySecret(page: Page, lang: Lang): Promise<string> {
      const words = INTEGRATIONS_WORDS[lang];
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: words.secret.copy }).click();
      await dialog.getByText(words.secret.copied).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(await dialog.getByRole('textbox').inputValue()).toBe(copied);
      return copied;
    }

    async function closeSecret(page: Page, lang: Lang) {
      await page
        .getByRole('dialog')
        .getByRole('button', { name: INTEGRATIONS_WORDS[lang].secret.done })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    /** The delivery log's rows as "event | status" after pressing Refresh until `until` holds. */
    async function refreshLogUntil(log: Locator, lang: Lang, until: (rows: string[]) => boolean) {
      const words = INTEGRATIONS_WORDS[lang];
      const rows = () =>
        log.locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll('th, td')]
              .slice(0, 3)
              .map((cell) => (cell as HTMLElement).innerText.replace(/^.*\n/, '').trim())
              .join(' | '),
          ),
        );
      await poll(async () => {
        await log.getByRole('button', { name: words.integrations.refresh }).click();
        await log.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
        return until(await rows());
      }).toBe(true);
      return rows();
    }

    it.each<Lang>(['en', 'fr'])(
      'should let a payment admin manage a key and an endpoint end to end when the language is %s',
      async (lang) => {
        const words = INTEGRATIONS_WORDS[lang];
        const core = CORE_WORDS[lang];
        const session = await paymentAdmin(lang);
        const { page, errors, context } = await suite.openPage({
          storedLanguage: lang,
          session,
        });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: suite.server.url,
        });

        // 1. The navigation leads there; nothing yet.
        await page.goto('/');
        await page
          .getByRole('navigation', { name: core.layout.mainNavigation })
          .getByRole('link', { name: core.nav.integrations })
          .click();
        await expectPath(page, '/integrations');
        await expectHeading(page, words.integrations.heading);
        await page.getByText(words.apiKeys.none).waitFor();
        await page.getByText(words.webhooks.none).waitFor();
        await expectPageFitsAndPassesAxe(page, { name: 'integrations-empty', lang, phone: false });

        // 2. A key limited to one site, reading sites and invoices; its secret shown once.
        await page.getByRole('button', { name: words.apiKeys.create }).click();
        const form = page.getByRole('dialog', { name: words.apiKeyForm.heading });
        // Nothing filled in: the shared rules' words at the fields, focus on the first.
        await form.getByRole('button', { name: words.apiKeyForm.submit }).click();
        await poll(() => page.evaluate(() => document.activeElement?.id ?? null)).toBe(
          'api-key-name',
        );
        await expectNoAxeViolations(page, `the key form with its errors (${lang})`);
        const keyName = `ERP ${lang}`;
        await field(form, words.apiKeyForm.name).fill(keyName);
        await form
          .getByRole('checkbox', { name: startingWith(words.apiScopes.SITES_READ.label) })
          .check();
        await form
          .getByRole('checkbox', { name: startingWith(words.apiScopes.INVOICES_READ.label) })
          .check();
        const sites = form.getByRole('combobox', { name: startingWith(words.apiKeyForm.sites) });
        await sites.pressSequentially('Quai');
        await form.getByRole('option', { name: startingWith(`Quai Nord ${lang}`) }).click();
        await form.getByRole('button', { name: words.apiKeyForm.submit }).click();
        await page
          .getByRole('dialog', { name: fill(words.secret.keyCreatedHeading, { name: keyName }) })
          .waitFor();
        await screenshot(page, `${lang}-integrations-key-secret`);
        await expectNoAxeViolations(page, `the new key's secret (${lang})`);
        const secret = await copySecret(page, lang);
        expect(secret).toMatch(/^epk_/);
        await closeSecret(page, lang);

        // The key works, and sees only its site.
        const answer = await callWithKey(secret);
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.sites.edges.map(({ node }) => node.name)).toEqual([
          `Quai Nord ${lang}`,
        ]);
        const keys = page.getByRole('table', { name: words.apiKeys.caption });
        const row = keys.getByRole('row', { name: startingWith(keyName) });
        await row.waitFor();
        expect(await row.innerText()).toContain(secret.slice(0, 8));
        expect(await row.innerText()).toContain(`Quai Nord ${lang}`);

        // 3. Rotate with no overlap: the old secret stops, the new one works.
        await row
          .getByRole('button', { name: fill(words.apiKeys.rotateNamed, { name: keyName }) })
          .click();
        const rotate = page.getByRole('dialog', {
          name: fill(words.apiKeyRotate.heading, { name: keyName }),
        });
        await field(rotate, words.apiKeyRotate.overlap).fill('0');
        await rotate.getByRole('button', { name: words.apiKeyRotate.submit }).click();
        await page
          .getByRole('dialog', { name: fill(words.secret.keyRotatedHeading, { name: keyName }) })
          .waitFor();
        await page.getByText(words.secret.keyOverlapNone).waitFor();
        const rotated = await copySecret(page, lang);
        expect(rotated).not.toBe(secret);
        await closeSecret(page, lang);
        expect((await callWithKey(secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect((await callWithKey(rotated)).errors).toBeUndefined();

        // 4. Revoke, confirmed: it stops at once and leaves the list of live keys.
        await row
          .getByRole('button', { name: fill(words.apiKeys.revokeNamed, { name: keyName }) })
          .click();
        const revoke = page.getByRole('dialog', {
          name: fill(words.apiKeyRevoke.heading, { name: keyName }),
        });
        await revoke.getByRole('button', { name: words.apiKeyRevoke.confirm }).click();
        await poll(() => page.getByRole('status').allInnerTexts()).toContain(
          fill(words.apiKeys.revoked, { name: keyName }),
        );
        expect((await callWithKey(rotated)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        await page.getByText(words.apiKeys.none).waitFor();
        await page.getByRole('checkbox', { name: words.apiKeys.includeRevoked }).check();
        const revokedStatus = words.apiKeys.status.revoked.split('{{')[0]!.trim();
        await poll(() =>
          keys.getByRole('row', { name: startingWith(keyName) }).innerText(),
        ).toContain(revokedStatus);

        // 5. An endpoint at the loopback receiver, with its signing secret shown once.
        await page.getByRole('button', { name: words.webhooks.add }).click();
        const endpointForm = page.getByRole('dialog', { name: words.endpointForm.createHeading });
        await field(endpointForm, words.endpointForm.url).fill(receiver.url);
        await field(endpointForm, words.endpointForm.description).fill(`ERP ${lang}`);
        await endpointForm
          .getByRole('checkbox', { name: words.webhookEvents.SITE_CREATED })
          .check();
        await endpointForm
          .getByRole('checkbox', { name: words.webhookEvents.INVOICE_PAID })
          .check();
        await endpointForm.getByRole('button', { name: words.endpointForm.create }).click();
        await page.getByRole('dialog', { name: words.secret.endpointCreatedHeading }).waitFor();
        const signingSecret = await copySecret(page, lang);
        expect(signingSecret).toMatch(/^whsec_/);
        await closeSecret(page, lang);
        const card = page.getByRole('listitem').filter({
          has: page.getByRole('heading', { name: receiver.url }),
        });
        await card.getByText(words.webhooks.enabled, { exact: true }).waitFor();

        // 6. A test event: delivered to the receiver (signed with that secret) and logged.
        const before = receiver.received.length;
        await card.getByRole('button', { name: words.webhooks.sendTest }).click();
        await poll(() => page.getByRole('status').allInnerTexts()).toContain(
          fill(words.webhooks.testSent, { url: receiver.url }),
        );
        const log = card.getByRole('region', { name: words.deliveryLog.heading });
        const ping = `${words.webhookEvents.PING} | `;
        const delivered = words.deliveryLog.statuses.SUCCEEDED;
        await refreshLogUntil(log, lang, (rows) =>
          rows.some((text) => text.startsWith(ping) && text.endsWith(delivered)),
        );
        await poll(() => receiver.received.length).toBe(before + 1);
        const first = receiver.received[before]!;
        expect(signedWith(signingSecret, first)).toBe(true);
        expect(JSON.parse(first.body)).toMatchObject({ type: 'PING' });
        const eventId = String(first.headers['webhook-id']);
        expect(await log.locator('tbody tr').first().innerText()).toContain(eventId);
        await screenshot(page, `${lang}-integrations-delivery-log`);
        await expectNoAxeViolations(page, `the delivery log (${lang})`);

        // 7. Redelivered: a new row, the same event id at the receiver.
        await log
          .getByRole('button', { name: startingWith(`${words.deliveryLog.redeliver}`) })
          .first()
          .click();
        await poll(() => log.getByRole('status').allInnerTexts()).toContain(
          words.deliveryLog.redelivered,
        );
        await refreshLogUntil(
          log,
          lang,
          (rows) =>
            rows.filter((text) => text.startsWith(ping) && text.endsWith(delivered)).length === 2,
        );
        await poll(() => receiver.received.length).toBe(before + 2);
        expect(receiver.received[before + 1]!.headers['webhook-id']).toBe(eventId);

        // 8. Disabled: says so, and the page still fits a phone and passes axe there.
        await card.getByRole('button', { name: words.webhooks.disable, exact: true }).click();
        await poll(() => page.getByRole('status').allInnerTexts()).toContain(
          fill(words.webhooks.disabledDone, { url: receiver.url }),
        );
        await card.getByText(words.webhooks.disabled, { exact: true }).waitFor();
        await page.setViewportSize(PHONE_375);
        await expectPageFitsAndPassesAxe(page, { name: 'integrations', lang, phone: true });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          'no sideways scroll at 375 px',
        ).toBeLessThanOrEqual(PHONE_375.width);
        await page.setViewportSize(DESKTOP);
        await expectPageFitsAndPassesAxe(page, { name: 'integrations', lang, phone: false });
        expect(errors).toEqual([]);
      },
    );

    it('should offer a system admin no invoice scope or events when the language is Dutch', async () => {
      const lang: Lang = 'nl';
      const words = INTEGRATIONS_WORDS[lang];
      const admin = await paymentAdmin(lang);
      // A system admin, invited by the payment admin, who accepts and signs in.
      const email = uniqueEmail('system.nl');
      const { data } = await suite.api.graphql<{
        invitePerson: { person: { id: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: InvitePersonInput!) {
          invitePerson(input: $input) { person { id } userErrors { field code message } }
        }`,
        {
          input: {
            firstName: 'Sem',
            lastName: 'Systeem',
            email,
            accessLevel: 'SYSTEM_ADMIN',
            locale: lang,
          },
        },
        admin,
      );
      expect(data.invitePerson.userErrors).toEqual([]);
      const mail = await suite.api.latestMail(email, 'invitation');
      const token = /accept-invitation\?token=([^\s"<>&]+)/.exec(mail.text)?.[1];
      if (!token) throw new Error(`No invitation link in the email:\n${mail.text}`);
      const accepted = await suite.api.graphql<{ acceptInvitation: { token: string | null } }>(
        `mutation ($token: String!, $password: String!) {
          acceptInvitation(token: $token, password: $password) { token }
        }`,
        { token: decodeURIComponent(token), password: ADMIN_PASSWORD },
      );
      const session = accepted.data.acceptInvitation.token;
      if (!session) throw new Error('acceptInvitation answered no token');

      const { page, errors } = await suite.openPage({ storedLanguage: lang, session });
      await page.goto('/');
      await page
        .getByRole('navigation', { name: CORE_WORDS.nl.layout.mainNavigation })
        .getByRole('link', { name: CORE_WORDS.nl.nav.integrations })
        .click();
      await expectHeading(page, words.integrations.heading);

      await page.getByRole('button', { name: words.apiKeys.create }).click();
      const form = page.getByRole('dialog', { name: words.apiKeyForm.heading });
      await form
        .getByRole('checkbox', { name: startingWith(words.apiScopes.SITES_READ.label) })
        .waitFor();
      expect(await form.getByRole('checkbox').count()).toBe(3);
      expect(
        await form
          .getByRole('checkbox', { name: startingWith(words.apiScopes.INVOICES_READ.label) })
          .count(),
      ).toBe(0);
      await form
        .getByText(
          fill(words.apiKeyForm.invoicesOnlyPaymentAdmin, { paymentAdmin: 'Systeembeheerder' }),
        )
        .waitFor();
      await expectNoAxeViolations(page, 'the key form of a system admin (nl)');
      await form.getByRole('button', { name: words.integrations.cancel }).click();

      await page.getByRole('button', { name: words.webhooks.add }).click();
      const endpointForm = page.getByRole('dialog', { name: words.endpointForm.createHeading });
      await endpointForm
        .getByRole('checkbox', { name: words.webhookEvents.SITE_CREATED })
        .waitFor();
      expect(
        await endpointForm
          .getByRole('checkbox', { name: words.webhookEvents.INVOICE_PAID })
          .count(),
      ).toBe(0);
      expect(
        await endpointForm.getByRole('group', { name: words.webhookEventGroups.invoices }).count(),
      ).toBe(0);
      await screenshot(page, 'nl-integrations-endpoint-form-system-admin');
      await expectNoAxeViolations(page, 'the endpoint form of a system admin (nl)');
      expect(errors).toEqual([]);
    });
  },
);
