import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from './support/portal-api';
import {
  DESKTOP,
  E2E_OPERATOR,
  PHONE,
  SCREENSHOTS_DIR,
  SLOW,
  browserSuite,
  chromiumAvailable,
  description,
  expectHeading,
  expectNoAxeViolations as expectNoAxeViolationsIn,
  expectPageFitsAndPassesAxe,
  expectPath,
  field,
  focusedId,
  screenshot,
  signInThroughForm,
} from './support/suite';
import { ACCOUNTS_WORDS as WORDS, LANGS } from './support/words';

describe.skipIf(!chromiumAvailable('account'))('Accounts in Chromium', () => {
  const suite = browserSuite();
  const { openPage } = suite;

  // The email's HTML part is the mail templates' (packages/server), shown in a sandbox where axe
  // cannot run; the iframe element itself (its title) is still checked.
  const MAIL_HTML = ['iframe.mail-html'];
  const expectNoAxeViolations = (page: Page, what: string) =>
    expectNoAxeViolationsIn(page, what, { exclude: MAIL_HTML });

  it('should take a company from registration in Swedish through approval to its first own password', async () => {
    const sv = WORDS.sv;
    const email = uniqueEmail('anna.berg');
    const companyName = `Berg Porttelefoni ${Date.now().toString(36)}`;

    // 1. Register, in Swedish: the browser's region picks the country.
    const { page, errors } = await openPage({ locale: 'sv-SE' });
    await page.goto('/register');
    await expectHeading(page, sv.register.heading);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await field(page, sv.register.fields.country).inputValue()).toBe('SE');
    const submit = page.getByRole('button', { name: sv.register.submit });

    // Nothing filled in: every required field says so, and focus goes to the first one.
    await submit.click();
    await expect.poll(() => focusedId(page), SLOW).toBe('register-type-INSTALLER');
    const companyNameInput = field(page, sv.register.fields.companyName);
    expect(await companyNameInput.getAttribute('aria-invalid')).toBe('true');
    expect(await description(companyNameInput)).toContain('Fältet är obligatoriskt.');
    await screenshot(page, 'sv-register-errors');
    await expectNoAxeViolations(page, 'the register page with errors (sv)');

    // The helper for those who are not sure which type they are.
    await page.getByText(sv.register.helper.title).click();
    expect(await page.getByText(sv.register.helper.systemManagerAnswer).isVisible()).toBe(true);
    expect(await page.getByText(sv.register.helper.systemManagerPayment).isVisible()).toBe(true);

    await page
      .getByRole('radio', { name: new RegExp(`^${sv.companyType.SYSTEM_MANAGER}`) })
      .check();
    await companyNameInput.fill(companyName);
    await field(page, sv.register.fields.companyAddress).fill('Storgatan 1\n111 22 Stockholm');
    await field(page, sv.register.fields.firstName).fill('Anna');
    await field(page, sv.register.fields.lastName).fill('Berg');
    // Inline validation by the shared rules, as soon as the field is left.
    const emailInput = field(page, sv.register.fields.email);
    await emailInput.fill('anna.berg@');
    await emailInput.blur();
    await expect
      .poll(() => description(emailInput))
      .toContain('Ange en e-postadress som namn@exempel.se.');
    await emailInput.fill(email);
    await expect.poll(() => emailInput.getAttribute('aria-invalid')).toBeNull();
    await field(page, sv.register.fields.vatNumber).fill('SE 5566 7788 9901');
    await submit.click();

    // 2. Request received.
    await expectPath(page, '/register/received');
    await expectHeading(page, sv.registerReceived.heading);
    expect(await page.getByText(email).isVisible()).toBe(true);
    // the hint appears once the page has asked whether the server has a dev outbox
    const outboxLink = page.getByRole('link', { name: '/dev/outbox' });
    await outboxLink.waitFor({ state: 'visible' });
    expect(await outboxLink.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the request-received page (sv)');

    // The same address again answers like any registration (nothing tells a stranger that an
    // address is known); its owner hears of it by email, in their language, instead.
    await page.goto('/register');
    await page.getByRole('radio', { name: new RegExp(`^${sv.companyType.INSTALLER}`) }).check();
    await field(page, sv.register.fields.companyName).fill('Dubblett AB');
    await field(page, sv.register.fields.companyAddress).fill('Storgatan 2');
    await field(page, sv.register.fields.firstName).fill('Anna');
    await field(page, sv.register.fields.lastName).fill('Berg');
    await field(page, sv.register.fields.email).fill(email);
    await page.getByRole('button', { name: sv.register.submit }).click();
    await expectPath(page, '/register/received');
    const attempted = await suite.api.latestMail(email, 'registration-attempted');
    expect(attempted.locale).toBe('sv');
    expect(attempted.subject).not.toContain('Dubblett AB');
    expect(errors).toEqual([]);

    // 3. The operator approves it in the console (signing in on the way).
    const operator = await openPage();
    await operator.page.goto('/operator');
    await expectPath(operator.page, '/sign-in');
    expect(new URL(operator.page.url()).searchParams.get('next')).toBe('/operator');
    await field(operator.page, 'Email address').fill(E2E_OPERATOR.email);
    await field(operator.page, 'Password').fill(E2E_OPERATOR.password);
    await operator.page.getByRole('button', { name: 'Sign in' }).click();
    await expectPath(operator.page, '/operator');
    await expectHeading(operator.page, 'Operator console');
    const card = operator.page.getByRole('article', { name: companyName });
    await card.waitFor();
    const details = await card.locator('dl').innerText();
    for (const text of [
      'System manager',
      'Sweden',
      'Storgatan 1',
      'Anna Berg',
      email,
      'SE5566778899',
      'Swedish',
    ])
      expect(details).toContain(text);
    await expectNoAxeViolations(operator.page, 'the operator console (en)');
    await card.getByRole('button', { name: `Approve ${companyName}` }).click();
    await expect
      .poll(() => operator.page.getByRole('status').allInnerTexts(), SLOW)
      .toContain(`${companyName} has been approved. We emailed a temporary password to ${email}.`);
    await expect.poll(() => card.count(), SLOW).toBe(0);
    expect(operator.errors).toEqual([]);

    // 4. The temporary password, from the Swedish approval email in the dev outbox.
    const temporaryPassword = await suite.api.temporaryPassword(email, 'sv');

    // 5. First sign-in: straight to choosing a password; nothing else opens before that.
    await signInThroughForm(page, { email, password: temporaryPassword, lang: 'sv' });
    await expectPath(page, '/choose-password');
    await expectHeading(page, sv.choosePassword.heading);
    await page.goto('/payment');
    await expectPath(page, '/choose-password');

    const current = field(page, sv.password.temporaryLabel);
    const newPassword = field(page, sv.password.newLabel);
    const confirm = field(page, sv.password.confirmLabel);
    await current.fill(temporaryPassword);
    // A weak one first: refused on the field itself, in the server's words.
    await newPassword.fill('abcabcabcabc');
    await confirm.fill('abcabcabcabc');
    expect(await page.locator('.strength-text').innerText()).toBe(
      `${sv.password.strengthLabel} ${sv.password.strength.weak}`,
    );
    await page.getByRole('button', { name: sv.choosePassword.submit }).click();
    await expect.poll(() => focusedId(page), SLOW).toBe('choose-password-newPassword');
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await description(newPassword)).toContain(
      'Undvik upprepade tecken och enkla följder som aaaa eller 1234.',
    );
    await expectNoAxeViolations(page, 'choose password with an error (sv)');

    await newPassword.fill('korall trappa ljusblå måne 42');
    await confirm.fill('korall trappa ljusblå måne 42');
    await page.getByRole('button', { name: sv.choosePassword.submit }).click();

    // 6. As a payment admin whose company has not set up billing, straight on to the billing
    //    wizard (useBillingSetupRedirect), with the person's name. (Home showed for a moment
    //    before the page carried who is signed in, and this used to check that moment.)
    await expectPath(page, '/billing/setup');
    await expect
      .poll(() => page.locator('.viewer').innerText(), SLOW)
      .toContain('Inloggad som Anna Berg');
    expect(errors).toEqual([]);
  }, 180_000);

  it('should reset a forgotten password with the emailed link and sign in with the new one', async () => {
    const fr = WORDS.fr;
    const email = uniqueEmail('claire.martin');
    await suite.api.activePerson(
      { email, firstName: 'Claire', lastName: 'Martin', locale: 'fr' },
      'ancien mot de passe très long 1',
    );
    const { page, errors } = await openPage({ locale: 'fr-FR' });

    await page.goto('/sign-in');
    await page.getByRole('link', { name: fr.signIn.forgotLink }).first().click();
    await expectPath(page, '/forgot-password');
    await field(page, fr.signIn.email).fill(email);
    await page.getByRole('button', { name: fr.forgotPassword.submit }).click();
    await expectHeading(page, fr.forgotPassword.sentHeading);
    expect(
      await page.getByText(fr.forgotPassword.sent.replace('{{email}}', email)).isVisible(),
    ).toBe(true);
    await screenshot(page, 'fr-forgot-password-sent');
    await expectNoAxeViolations(page, 'the reset link sent page (fr)');

    const { text } = await suite.api.latestMail(email, 'password-reset');
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(text)?.[0];
    expect(link, `a reset link in:\n${text}`).toBeDefined();
    const resetPath = `${new URL(link!).pathname}${new URL(link!).search}`;

    await page.goto(resetPath);
    await expectHeading(page, fr.resetPassword.heading);
    const newPassword = 'nouveau mot de passe des mouettes 7';
    await field(page, fr.password.newLabel).fill(newPassword);
    await field(page, fr.password.confirmLabel).fill(newPassword);
    await page.getByRole('button', { name: fr.resetPassword.submit }).click();
    await expectHeading(page, fr.resetPassword.doneHeading);
    await expectNoAxeViolations(page, 'the password-changed page (fr)');

    // The link works once.
    await page.goto(resetPath);
    await field(page, fr.password.newLabel).fill('encore un autre mot de passe 8');
    await field(page, fr.password.confirmLabel).fill('encore un autre mot de passe 8');
    await page.getByRole('button', { name: fr.resetPassword.submit }).click();
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.innerText(), SLOW)
      .toContain("Ce lien ou ce mot de passe temporaire n'est plus valable.");
    expect(await alert.getByRole('link', { name: fr.resetPassword.askAgain }).isVisible()).toBe(
      true,
    );
    await screenshot(page, 'fr-reset-password-invalid');

    // Signing in with the new password; the old one is refused first.
    await signInThroughForm(page, {
      email,
      password: 'ancien mot de passe très long 1',
      lang: 'fr',
    });
    await expect
      .poll(() => page.getByRole('alert').innerText(), SLOW)
      .toBe("L'adresse e-mail ou le mot de passe est incorrect.");
    expect(await field(page, fr.signIn.password).getAttribute('aria-invalid')).toBe('true');
    await field(page, fr.signIn.password).fill(newPassword);
    await page.getByRole('button', { name: fr.signIn.submit }).click();
    // Claire is the payment admin of a company without billing set up: signed in, she goes on to
    // the billing wizard (Home shows for a moment first, so '/' passed or failed by timing)
    await expectPath(page, '/billing/setup');
    await expect.poll(() => page.locator('.viewer').innerText(), SLOW).toContain('Claire Martin');
    expect(errors).toEqual([]);
  }, 120_000);

  it('should fetch the password checker (zxcvbn) only once a new password is typed', async () => {
    const { page, errors } = await openPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const checker = () => scripts.filter((path) => /zxcvbn-checker/.test(path));
    // A token that is not checked before the form is sent: the page shows its form.
    await page.goto('/reset-password?token=not-sent-yet');
    const password = field(page, WORDS.en.password.newLabel);
    await password.waitFor();
    await page.waitForLoadState('networkidle');
    expect(checker()).toEqual([]);
    await password.fill('blue lanterns by the old harbour');
    await expect.poll(checker, SLOW).toHaveLength(1);
    await page.locator('.strength-strong, .strength-good').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('should save the profile, switch the language with it, and sign out', async () => {
    const email = uniqueEmail('jan.devries');
    const session = await suite.api.activePerson(
      { email, firstName: 'Jan', lastName: 'de Vries', locale: 'nl' },
      'een heel lang wachtwoord met tulpen',
    );
    const { page, errors } = await openPage({ storedLanguage: 'nl', session });
    await page.goto('/profile');
    const nl = WORDS.nl;
    await expectHeading(page, nl.profile.heading);
    const firstName = field(page, nl.register.fields.firstName);
    await firstName.fill('');
    await page.getByRole('button', { name: nl.profile.save, exact: true }).click();
    await expect.poll(() => focusedId(page), SLOW).toBe('profile-firstName');
    expect(await description(firstName)).toContain('Dit veld is verplicht.');

    await firstName.fill('Johannes');
    await field(page, nl.profile.language).selectOption('en');
    await page.getByRole('button', { name: nl.profile.save, exact: true }).click();
    await expectHeading(page, WORDS.en.profile.heading);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect
      .poll(() => page.locator('.viewer').innerText(), SLOW)
      .toContain('Johannes de Vries');
    expect(await page.getByRole('status').first().innerText()).toBe(WORDS.en.profile.saved);

    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await expectPath(page, '/');
    await expect
      .poll(() => page.locator('nav').getByRole('link', { name: 'Sign in' }).count())
      .toBe(1);
    // The session is gone: the profile now asks to sign in first.
    await page.goto('/profile');
    await expectPath(page, '/sign-in');
    expect(errors).toEqual([]);
  });

  it('should show a person the not-allowed page and list the emails in the dev outbox', async () => {
    const email = uniqueEmail('sofie.peeters');
    const session = await suite.api.activePerson(
      { email, firstName: 'Sofie', lastName: 'Peeters', locale: 'en' },
      'a long passphrase with otters',
    );
    const { page, errors } = await openPage({ session });
    await page.goto('/operator');
    await expectHeading(page, WORDS.en.operator.notAllowedHeading);

    await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
    await expectHeading(page, WORDS.en.devOutbox.heading);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    // Newest first: the approval came after the "registration received" email.
    expect(await rows.first().innerText()).toContain('registration-approved');
    await rows.first().getByRole('button').click();
    await expect.poll(() => focusedId(page), SLOW).toBe('outbox-message-heading');
    expect(await page.locator('pre.mail-text').innerText()).toContain('Temporary password: ');
    const frame = page.locator('iframe.mail-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain('<html');
    await (await frame.elementHandle())?.contentFrame().then((child) => child?.waitForLoadState());
    await screenshot(page, 'en-dev-outbox-message');
    // Chromium does not paint a sandboxed (cross-origin) frame outside the viewport, so a
    // full-page screenshot shows it empty: this one shows the email itself.
    await frame.scrollIntoViewIfNeeded();
    await frame.screenshot({ path: join(SCREENSHOTS_DIR, 'en-dev-outbox-message-html.png') });
    await expectNoAxeViolations(page, 'the dev outbox with an email open');
    expect(errors).toEqual([]);
  });

  it.each(LANGS)(
    'should show every account page in %s, pass axe-core and fit a phone',
    async (lang) => {
      const words = WORDS[lang];
      // The states the pages need: a registration waiting, a temporary password, an active person.
      const waiting = uniqueEmail(`waiting.${lang}`);
      await suite.api.register({
        email: waiting,
        companyName: `Wachtend ${lang.toUpperCase()} ${Date.now().toString(36)}`,
        firstName: 'Wim',
        lastName: 'Wachter',
        locale: lang,
        country: 'BE',
        type: 'SYSTEM_MANAGER',
      });
      const temporary = await suite.api.personWithTemporaryPassword({
        email: uniqueEmail(`temporary.${lang}`),
        firstName: 'Tove',
        lastName: 'Tillfällig',
        locale: lang,
      });
      const active = await suite.api.activePerson(
        {
          email: uniqueEmail(`active.${lang}`),
          firstName: 'Aino',
          lastName: 'Aktiv',
          locale: lang,
        },
        `a passphrase of pebbles and rain ${lang}`,
      );
      const operatorSession = await suite.api.signIn(E2E_OPERATOR.email, E2E_OPERATOR.password);

      const pages: { name: string; path: string; heading: string; session?: string }[] = [
        { name: 'register', path: '/register', heading: words.register.heading },
        {
          name: 'register-received',
          path: '/register/received',
          heading: words.registerReceived.heading,
        },
        { name: 'sign-in', path: '/sign-in', heading: words.signIn.heading },
        {
          name: 'forgot-password',
          path: '/forgot-password',
          heading: words.forgotPassword.heading,
        },
        {
          name: 'reset-password',
          path: '/reset-password?token=from-the-email',
          heading: words.resetPassword.heading,
        },
        {
          name: 'choose-password',
          path: '/choose-password',
          heading: words.choosePassword.heading,
          session: temporary.token,
        },
        { name: 'profile', path: '/profile', heading: words.profile.heading, session: active },
        {
          name: 'operator',
          path: '/operator',
          heading: words.operator.heading,
          session: operatorSession,
        },
        { name: 'dev-outbox', path: '/dev/outbox', heading: words.devOutbox.heading },
      ];

      for (const { name, path, heading, session } of pages) {
        const { page, errors } = await openPage({ storedLanguage: lang, session });
        for (const viewport of [DESKTOP, PHONE]) {
          const phone = viewport === PHONE;
          await page.setViewportSize(viewport);
          await page.goto(path);
          await expectHeading(page, heading);
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
          await expect.poll(() => page.getByRole('status').count(), SLOW).toBe(0); // nothing loading
          if (name === 'operator') await page.locator('article.registration').first().waitFor();
          if (name === 'dev-outbox') await page.locator('tbody tr').first().waitFor();
          if (name === 'choose-password' || name === 'profile') {
            // The strength hint, with zxcvbn loaded.
            await field(page, words.password.newLabel).fill('blue lanterns by the old harbour');
            await page.locator('.strength-strong, .strength-good').first().waitFor();
          }
          await expectPageFitsAndPassesAxe(page, { name, lang, phone, exclude: MAIL_HTML });
        }
        expect(errors, `${name} in ${lang}`).toEqual([]);
        await page.context().close();
      }
    },
    300_000,
  );
});
