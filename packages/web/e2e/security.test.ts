// Account security in the browser (issue 16): two-factor sign-in set up on the profile with
// codes computed from the key the page shows, the sign-in's second step with a code and with a
// recovery code, the company requirement sending a colleague to set it up, and the sessions list.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  SLOW,
  browserSuite,
  chromiumAvailable,
  description,
  expectHeading,
  expectNoAxeViolations,
  expectPath,
  field,
  focusedId,
  screenshot,
  signInThroughForm,
} from './support/suite';
import { enrollThroughApi, totpCode } from './support/two-factor';
import { ACCOUNTS_WORDS, CORE_WORDS, SECURITY_WORDS, fill, type Lang } from './support/words';

/** The narrowest phone the issue names. */
const NARROW_PHONE = { width: 375, height: 812 };
const PASSWORD = 'Correct horse battery 42';
/** How an iPhone's Safari names itself: the sessions list should say so. */
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe.skipIf(!chromiumAvailable('account security'))('Account security in Chromium', () => {
  const suite = browserSuite();
  const { openPage } = suite;

  /** A payment admin of an approved company with billing set up; resolves to their session. */
  async function paymentAdmin(lang: Lang, name: string) {
    const email = uniqueEmail(name.toLowerCase());
    const session = await suite.api.activePerson(
      { email, firstName: name, lastName: `Security ${lang}`, locale: lang },
      PASSWORD,
    );
    await suite.api.completeBillingSetup(session);
    return { email, session };
  }

  /** On a 375 px phone: nothing wider than the screen, a screenshot, and axe-core finds nothing. */
  async function expectFitsPhone(page: Page, name: string) {
    const size = page.viewportSize();
    await page.setViewportSize(NARROW_PHONE);
    // what sticks out, if anything (a box, or the text in it), named in the failure
    const wider = await page.evaluate((width) => {
      const out: string[] = [];
      for (const element of document.querySelectorAll('body *')) {
        const right = element.getBoundingClientRect().left + element.scrollWidth;
        if (right > width + 0.5 && ![...element.children].some((child) => child.scrollWidth))
          out.push(`${element.tagName.toLowerCase()}.${element.className}: ${Math.round(right)}`);
      }
      return out;
    }, NARROW_PHONE.width);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits 375 px; wider: ${wider.join(', ')}`,
    ).toBeLessThanOrEqual(NARROW_PHONE.width);
    await screenshot(page, `${name}-phone`);
    await expectNoAxeViolations(page, `${name} on a phone`);
    if (size) await page.setViewportSize(size);
  }

  /** The button that signs out of the portal (the menu's and the profile's say the same). */
  const signOut = (page: Page, lang: Lang) =>
    page
      .getByRole('navigation')
      .getByRole('button', { name: CORE_WORDS[lang].nav.signOut, exact: true });

  /** Signed out: the menu offers to sign in again. */
  const signedOut = (page: Page, lang: Lang) =>
    page
      .getByRole('navigation')
      .getByRole('link', { name: CORE_WORDS[lang].nav.signIn })
      .waitFor(SLOW);

  it('should turn two-factor sign-in on in the profile, then sign in with a code and with a recovery code', async () => {
    const lang: Lang = 'en';
    const words = SECURITY_WORDS[lang];
    const { email } = await paymentAdmin(lang, 'Tess');
    const { page, errors } = await openPage();
    await signInThroughForm(page, { email, password: PASSWORD });
    await expectPath(page, '/');

    // 1. The profile says it is off; turning it on shows a QR code and the key typed out.
    await page.goto('/profile');
    await expectHeading(page, ACCOUNTS_WORDS[lang].profile.heading);
    await page.getByText(words.security.off).waitFor();
    await page.getByRole('button', { name: words.security.turnOn }).click();
    await page.getByRole('img', { name: words.twoFactor.setup.qrLabel }).waitFor();
    const key = await page.getByTestId('totp-key').innerText();
    expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const code = field(page, words.twoFactor.code.label);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await expectNoAxeViolations(page, 'the profile with the two-factor set-up (en)');

    // Not six digits: said under the field before anything is sent.
    await code.fill('12345');
    await page.getByRole('button', { name: words.twoFactor.setup.submit, exact: true }).click();
    await expect.poll(() => description(code), SLOW).toContain(words.twoFactor.code.format);
    await code.fill(totpCode(key));
    await page.getByRole('button', { name: words.twoFactor.setup.submit, exact: true }).click();

    // 2. Ten recovery codes, once, with a download that holds them all.
    await page.getByRole('heading', { name: words.twoFactor.codes.heading }).waitFor(SLOW);
    const codes = await page.locator('.recovery-code-list code').allInnerTexts();
    expect(codes).toHaveLength(10);
    for (const recovery of codes) expect(recovery).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: words.twoFactor.codes.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('entry-portal-recovery-codes.txt');
    const file = readFileSync(await download.path(), 'utf8');
    expect(file).toContain(email);
    for (const recovery of codes) expect(file).toContain(recovery);
    await screenshot(page, 'en-recovery-codes');
    await expectNoAxeViolations(page, 'the recovery codes (en)');
    await expectFitsPhone(page, 'en-recovery-codes');
    await page.getByRole('button', { name: words.twoFactor.codes.done }).click();
    await page.getByText(words.security.enabled).waitFor();
    await page.getByRole('button', { name: words.security.newCodes }).waitFor();
    expect((await suite.api.latestMail(email, 'two-factor-enabled')).locale).toBe('en');

    // 3. Signing in again: the password, then the second step's code.
    await signOut(page, lang).click();
    await signedOut(page, lang);
    await signInThroughForm(page, { email, password: PASSWORD });
    const second = field(page, words.twoFactor.code.label);
    await second.waitFor(SLOW);
    await expect.poll(() => focusedId(page)).toBe('sign-in-code');
    expect(await second.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await second.getAttribute('inputmode')).toBe('numeric');
    await expectNoAxeViolations(page, "the sign-in's second step (en)");
    await expectFitsPhone(page, 'en-sign-in-code');
    // A wrong code is refused under the field; the page stays on the second step.
    await second.fill('000000');
    await page.getByRole('button', { name: words.twoFactor.signIn.submit }).click();
    await expect.poll(() => description(second), SLOW).toContain('This code is not correct');
    // The code just used to turn it on is spent: the next time step's, as a phone a little ahead.
    await second.fill(totpCode(key, 1));
    await page.getByRole('button', { name: words.twoFactor.signIn.submit }).click();
    await expectPath(page, '/');
    await expectHeading(page, fill(CORE_WORDS[lang].home.dashboard.heading, { name: 'Tess' }));

    // 4. And with a recovery code instead, typed in lower case without dashes.
    await signOut(page, lang).click();
    await signedOut(page, lang);
    await signInThroughForm(page, { email, password: PASSWORD });
    await page.getByRole('button', { name: words.twoFactor.code.useRecovery }).click();
    const recovery = field(page, words.twoFactor.code.recoveryLabel);
    await expect.poll(() => focusedId(page)).toBe('sign-in-code');
    expect(await recovery.getAttribute('autocomplete')).toBe('off');
    await recovery.fill(codes[0]!.replace(/-/g, '').toLowerCase());
    await page.getByRole('button', { name: words.twoFactor.signIn.submit }).click();
    await expectPath(page, '/');
    const used = await suite.api.latestMail(email, 'recovery-code-used');
    expect(used.text).toContain('Unused recovery codes left: 9.');
    expect(errors).toEqual([]);
  });

  it('should send a colleague the company requires it of to set it up first, in Dutch', async () => {
    const lang: Lang = 'nl';
    const words = SECURITY_WORDS[lang];
    const core = CORE_WORDS[lang];
    const admin = await paymentAdmin(lang, 'Noor');
    const { key: adminKey } = await enrollThroughApi(suite.api, admin.session);

    // 1. The payment admin requires it on the Administrator page (signed in with their code).
    const { page, errors } = await openPage({ storedLanguage: lang });
    await signInThroughForm(page, { email: admin.email, password: PASSWORD, lang });
    await field(page, words.twoFactor.code.label).fill(totpCode(adminKey, 1));
    await page.getByRole('button', { name: words.twoFactor.signIn.submit }).click();
    await expectPath(page, '/');
    await page.goto('/administrator');
    await expectHeading(page, core.administrator.heading);
    const requirement = page.getByRole('checkbox', { name: words.requireMfa.label });
    await requirement.waitFor(SLOW);
    expect(await requirement.isChecked()).toBe(false);
    await requirement.check();
    await page.getByRole('button', { name: words.requireMfa.save }).click();
    await page.getByText(words.requireMfa.savedOn).waitFor(SLOW);
    await expectNoAxeViolations(page, 'the Administrator page with the requirement (nl)');

    // 2. A colleague accepts an invitation: the portal opens nothing but the set-up.
    const colleagueEmail = uniqueEmail('sem.nl');
    const { data } = await suite.api.graphql<{
      invitePerson: { person: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: InvitePersonInput!) {
        invitePerson(input: $input) { person { id } userErrors { field code message } }
      }`,
      {
        input: {
          firstName: 'Sem',
          lastName: 'Collega',
          email: colleagueEmail,
          accessLevel: 'SYSTEM_ADMIN',
          locale: lang,
        },
      },
      admin.session,
    );
    expect(data.invitePerson.userErrors).toEqual([]);
    const mail = await suite.api.latestMail(colleagueEmail, 'invitation');
    const link = /\/accept-invitation\?token=[^\s"<>]+/.exec(mail.text)?.[0];
    if (!link) throw new Error(`No invitation link in the email:\n${mail.text}`);

    const colleague = await openPage({ storedLanguage: lang });
    await colleague.page.goto(link);
    await field(colleague.page, ACCOUNTS_WORDS[lang].password.newLabel).fill(PASSWORD);
    await field(colleague.page, ACCOUNTS_WORDS[lang].password.confirmLabel).fill(PASSWORD);
    await colleague.page.getByRole('button', { name: core.invitation.submit }).click();
    await expectPath(colleague.page, '/set-up-two-factor');
    await expectHeading(colleague.page, words.twoFactor.enroll.heading);
    await colleague.page.getByText(words.twoFactor.enroll.intro).waitFor();
    // No way around it: the menu is empty, another page leads back here.
    expect(
      await colleague.page
        .getByRole('navigation')
        .getByRole('link', { name: core.nav.sites })
        .count(),
    ).toBe(0);
    await colleague.page.goto('/sites');
    await expectPath(colleague.page, '/set-up-two-factor');
    await colleague.page.getByRole('img', { name: words.twoFactor.setup.qrLabel }).waitFor(SLOW);
    await expectNoAxeViolations(colleague.page, 'the set-up page (nl)');
    await expectFitsPhone(colleague.page, 'nl-set-up-two-factor');

    const key = await colleague.page.getByTestId('totp-key').innerText();
    await field(colleague.page, words.twoFactor.code.label).fill(totpCode(key));
    await colleague.page
      .getByRole('button', { name: words.twoFactor.setup.submit, exact: true })
      .click();
    await colleague.page
      .getByRole('heading', { name: words.twoFactor.codes.heading })
      .waitFor(SLOW);
    await colleague.page.getByRole('button', { name: words.twoFactor.codes.done }).click();
    await expectPath(colleague.page, '/');
    await colleague.page
      .getByRole('navigation')
      .getByRole('link', { name: core.nav.sites })
      .waitFor(SLOW);

    // 3. The profile says it is on and cannot be turned off while the company requires it.
    await colleague.page.goto('/profile');
    await colleague.page.getByText(words.security.required).waitFor(SLOW);
    expect(await colleague.page.getByRole('button', { name: words.security.turnOff }).count()).toBe(
      0,
    );
    expect(errors).toEqual([]);
    expect(colleague.errors).toEqual([]);
  });

  it('should list the sessions with their devices and sign out another one and all the others, in French', async () => {
    const lang: Lang = 'fr';
    const words = SECURITY_WORDS[lang];
    const { email, session: apiSession } = await paymentAdmin(lang, 'Luc');
    const phoneSession = await signInWithAgent(email, IPHONE_SAFARI);

    const { page, errors } = await openPage({ storedLanguage: lang });
    await signInThroughForm(page, { email, password: PASSWORD, lang });
    await expectPath(page, '/');
    await page.goto('/profile');
    const table = page.locator('.sessions-table');
    await table.waitFor(SLOW);
    // This browser, the phone and the API's session: newest first, this one marked.
    await expect.poll(() => table.locator('tbody tr').count(), SLOW).toBe(3);
    const thisRow = table.locator('tbody tr').filter({ hasText: words.sessions.thisDevice });
    expect(await thisRow.innerText()).toMatch(/Chrome \d+ sur Linux/);
    const phoneRow = table.locator('tbody tr').filter({ hasText: 'Safari 17 sur iPhone' });
    expect(await phoneRow.count()).toBe(1);
    expect(await phoneRow.innerText()).toMatch(/127\.0\.0\.1|::1/);
    await screenshot(page, 'fr-sessions');
    await expectNoAxeViolations(page, 'the sessions list (fr)');
    await expectFitsPhone(page, 'fr-sessions');

    // The phone's session ends at once: its token is refused from now on.
    await phoneRow.getByRole('button', { name: new RegExp(`^${words.sessions.signOut}`) }).click();
    await page.getByText(words.sessions.signedOutOne).waitFor(SLOW);
    await expect.poll(() => table.locator('tbody tr').count(), SLOW).toBe(2);
    expect(await whoIs(phoneSession)).toBeNull();
    expect(await whoIs(apiSession)).toBe(email);

    // Everywhere else: the API's session too; this browser stays signed in.
    await page.getByRole('button', { name: words.sessions.signOutOthers }).click();
    await page.getByText(fill(words.sessions.signedOutOthers_one, { count: 1 })).waitFor(SLOW);
    await page.getByText(words.sessions.onlyThis).waitFor(SLOW);
    expect(await whoIs(apiSession)).toBeNull();
    await page.reload();
    await expectHeading(page, ACCOUNTS_WORDS[lang].profile.heading);
    expect(errors).toEqual([]);
  });

  /** Signs in through the API as a browser with this User-Agent; resolves to the session. */
  async function signInWithAgent(email: string, userAgent: string): Promise<string> {
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        'user-agent': userAgent,
      },
      body: JSON.stringify({
        query: `mutation ($email: String!, $password: String!) {
          signIn(email: $email, password: $password) { token }
        }`,
        variables: { email, password: PASSWORD },
      }),
    });
    const body = (await response.json()) as { data?: { signIn: { token: string | null } } };
    const token = body.data?.signIn.token;
    if (!token) throw new Error(`signIn as ${userAgent}: ${JSON.stringify(body)}`);
    return token;
  }

  /** The email of whoever the session signs in, or null once it has ended. */
  async function whoIs(session: string): Promise<string | null> {
    const { data } = await suite.api.graphql<{ me: { email: string } | null }>(
      '{ me { email } }',
      {},
      session,
    );
    return data.me?.email ?? null;
  }
});
