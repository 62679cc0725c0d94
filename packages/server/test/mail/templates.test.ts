import { ACCESS_LEVEL_LABELS, SUPPORTED_LOCALES, type Locale } from '@entry/shared';
import { mailLinks } from '../../src/mail/mail-links';
import {
  MAIL_TEMPLATE_NAMES,
  renderMail,
  TEMPORARY_PASSWORD_LABELS,
  type MailTemplateData,
  type MailTemplateName,
} from '../../src/mail/mail-templates';
import { mailTemplate, type LocalizedTemplate } from '../../src/mail/templates/template';

const PUBLIC_URL = 'https://portal.example.com';
const links = mailLinks(PUBLIC_URL);

function securityNotice(userText: string) {
  return {
    firstName: userText,
    occurredAtIso: '2026-12-03T08:15:00.000Z',
    ip: '203.0.113.9',
    securityUrl: links.profile,
  };
}

/** Data for every template, with every user-typed text set to `userText`. */
function sampleData(userText: string): { [T in MailTemplateName]: MailTemplateData[T] } {
  return {
    'registration-received': { firstName: userText, companyName: userText },
    'registration-digest': {
      total: 1,
      registrations: [
        {
          companyName: userText,
          companyType: 'INSTALLER',
          country: 'SE',
          registrantName: userText,
          registrantEmail: 'daisy@example.com',
        },
      ],
      operatorUrl: links.operator,
    },
    'registration-approved': {
      firstName: userText,
      companyName: userText,
      temporaryPassword: 'Tq7-ZmW4-pX9k',
      signInUrl: links.signIn,
    },
    'registration-rejected': { firstName: userText, companyName: userText, reason: userText },
    'registration-attempted': {
      firstName: userText,
      signInUrl: links.signIn,
      forgotPasswordUrl: links.forgotPassword,
    },
    'password-reset': { firstName: userText, resetUrl: links.resetPassword('reset-token_123') },
    invitation: {
      firstName: userText,
      inviterName: userText,
      companyName: userText,
      accessLevel: 'SYSTEM_ADMIN',
      acceptUrl: links.acceptInvitation('invite-token_456'),
    },
    'invitation-address-in-use': {
      firstName: userText,
      inviterName: userText,
      companyName: userText,
    },
    'invoice-issued': {
      firstName: userText,
      companyName: userText,
      invoiceNumber: '2026-000123',
      periodLabel: 'November 2026',
      total: '€31.17',
      dueDate: '15 December 2026',
      automatic: false,
      purchaseOrderNumber: userText,
      costCenters: userText,
      invoiceUrl: links.invoice('0b6b2c1e-0000-4000-8000-000000000001'),
    },
    'payment-failed': {
      firstName: userText,
      invoiceNumber: '2026-000123',
      total: '€31.17',
      reason: 'Your card was declined.',
      nextAttempt: '4 December 2026',
      invoiceUrl: links.invoice('0b6b2c1e-0000-4000-8000-000000000001'),
    },
    'invoice-reminder': {
      firstName: userText,
      stage: 'overdue',
      invoiceNumber: '2026-000123',
      total: '€31.17',
      dueDate: '15 December 2026',
      suspensionDate: '29 December 2026',
      purchaseOrderNumber: userText,
      invoiceUrl: links.invoice('0b6b2c1e-0000-4000-8000-000000000001'),
    },
    'account-suspended': {
      firstName: userText,
      companyName: userText,
      invoiceNumbers: '2026-000123',
      total: '€31.17',
      paymentUrl: links.payment,
    },
    'account-restored': { firstName: userText, companyName: userText, portalUrl: links.home },
    'webhook-endpoint-disabled': {
      firstName: userText,
      companyName: userText,
      endpointUrl: 'https://erp.example.com/hooks/entry',
      failingSinceIso: '2026-12-03T08:15:00.000Z',
      lastProblem: 'TIMEOUT: no complete answer within 10000 ms',
      integrationsUrl: links.integrations,
    },
    'two-factor-enabled': securityNotice(userText),
    'two-factor-disabled': securityNotice(userText),
    'recovery-codes-regenerated': securityNotice(userText),
    'recovery-code-used': { ...securityNotice(userText), remaining: 2 },
    'site-transfer-requested': {
      firstName: userText,
      senderCompanyName: userText,
      senderName: userText,
      siteName: userText,
      entryUserCount: 42,
      message: userText,
      expiresOn: '2026-12-17',
      register: true,
      actionUrl: links.registerForTransfer('b@example.com', '0b6b2c1e-0000-4000-8000-000000000002'),
    },
    'site-transfer-accepted': {
      firstName: userText,
      siteName: userText,
      receiverCompanyName: userText,
      effectiveDate: '2026-12-03',
      entryUserCount: 42,
      transfersUrl: links.transfer('0b6b2c1e-0000-4000-8000-000000000002'),
    },
    'site-transfer-declined': {
      firstName: userText,
      siteName: userText,
      recipientEmail: 'b@example.com',
      reason: userText,
      transfersUrl: links.transfer('0b6b2c1e-0000-4000-8000-000000000002'),
    },
    'site-transfer-expired': {
      firstName: userText,
      side: 'sender',
      siteName: userText,
      otherParty: userText,
      transfersUrl: links.transfer('0b6b2c1e-0000-4000-8000-000000000002'),
    },
  };
}

function render<T extends MailTemplateName>(template: T, locale: Locale, userText = 'Acme') {
  return renderMail(template, locale, sampleData(userText)[template]);
}

const EVERY_TEMPLATE_AND_LOCALE = MAIL_TEMPLATE_NAMES.flatMap((template) =>
  SUPPORTED_LOCALES.map((locale) => [template, locale] as const),
);

describe('mail templates', () => {
  it.each(EVERY_TEMPLATE_AND_LOCALE)(
    'should render a subject, a text part and an HTML part when %s is rendered in %s',
    (template, locale) => {
      const mail = render(template, locale, 'Daisy Burton');
      expect(mail.subject.trim()).not.toBe('');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain('Daisy Burton');
      expect(mail.html).toMatch(/^<!DOCTYPE html>/);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain('Entry Portal');
      expect(mail.html).toContain('Daisy Burton');
      expect(mail.text).not.toMatch(/undefined|\[object Object\]/);
      expect(mail.html).not.toMatch(/undefined|\[object Object\]/);
    },
  );

  it.each(EVERY_TEMPLATE_AND_LOCALE)(
    'should escape markup in user data when %s is rendered in %s',
    (template, locale) => {
      const hostile = `<script>alert("x")</script><img src=x onerror='y'> & Co`;
      const mail = render(template, locale, hostile);
      expect(mail.html).not.toContain('<script');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(mail.html).toContain('onerror=&#39;y&#39;&gt; &amp; Co');
      // the text part is plain text: the name reads as typed
      expect(mail.text).toContain(hostile);
    },
  );

  it('should give every template a subject of its own in each language', () => {
    for (const template of MAIL_TEMPLATE_NAMES) {
      const subjects = SUPPORTED_LOCALES.map((locale) => render(template, locale).subject);
      expect(new Set(subjects).size).toBe(SUPPORTED_LOCALES.length);
    }
  });

  it.each([
    ['en', 'Temporary password: '],
    ['nl', 'Tijdelijk wachtwoord: '],
    ['sv', 'Tillfälligt lösenord: '],
    ['fr', 'Mot de passe temporaire : '],
  ] as const)(
    'should put the temporary password alone on a line after the label when approval is rendered in %s',
    (locale, label) => {
      expect(TEMPORARY_PASSWORD_LABELS[locale]).toBe(label);
      const { text, html } = render('registration-approved', locale);
      const lines = text.split('\n').filter((line) => line.startsWith(label));
      expect(lines).toEqual([`${label}Tq7-ZmW4-pX9k`]);
      expect(html).toContain('Tq7-ZmW4-pX9k');
      expect(text).toContain(`${PUBLIC_URL}/sign-in`);
      expect(html).toContain(`href="${PUBLIC_URL}/sign-in"`);
      expect(text).toMatch(/7/);
    },
  );

  it.each([
    ['en', 'Hello,'],
    ['nl', 'Goedendag,'],
    ['sv', 'Hej,'],
    ['fr', 'Bonjour,'],
  ] as const)(
    'should greet a billing address, whose name nobody knows, without one in %s',
    (locale, greeting) => {
      const data = { ...sampleData('Acme')['invoice-issued'], firstName: null };
      const { text } = renderMail('invoice-issued', locale, data);
      expect(text.split('\n')[0]).toBe(greeting);
    },
  );

  it('should keep a name on one line when it holds line breaks', () => {
    const forged = 'Eve\n\nTemporary password: not-the-real-one\n';
    const { text } = renderMail('registration-approved', 'en', {
      firstName: forged,
      companyName: 'Acme\r\nLtd',
      temporaryPassword: 'Tq7-ZmW4-pX9k',
      signInUrl: links.signIn,
    });
    const lines = text.split('\n').filter((line) => line.startsWith('Temporary password: '));
    expect(lines).toEqual(['Temporary password: Tq7-ZmW4-pX9k']);
    expect(text).toContain('Hello Eve Temporary password: not-the-real-one,');
    expect(text).toContain('Acme Ltd');
  });

  it('should keep the line breaks of the reason when a rejection is rendered', () => {
    const { text, html } = renderMail('registration-rejected', 'en', {
      firstName: 'Daisy',
      companyName: 'Acme',
      reason: 'We could not verify the VAT number.\nPlease register again <with> the right one.',
    });
    expect(text).toContain(
      '> We could not verify the VAT number.\n> Please register again <with> the right one.',
    );
    expect(html).toContain(
      'We could not verify the VAT number.<br>Please register again &lt;with&gt; the right one.',
    );
  });

  it.each(SUPPORTED_LOCALES)(
    'should link to reset-password with the token when a password reset is rendered in %s',
    (locale) => {
      const { text, html } = render('password-reset', locale);
      const link = `${PUBLIC_URL}/reset-password?token=reset-token_123`;
      expect(text.split('\n')).toContain(link);
      expect(html).toContain(`href="${link}"`);
      expect(text).toMatch(/\b1\b/);
    },
  );

  it.each(SUPPORTED_LOCALES)(
    'should name the inviter, the company and the access level when an invitation is rendered in %s',
    (locale) => {
      const { text, html } = renderMail('invitation', locale, {
        firstName: 'Daisy',
        inviterName: 'Oscar Lindqvist',
        companyName: 'Nordic Doors AB',
        accessLevel: 'SITE_ADMIN',
        acceptUrl: links.acceptInvitation('invite-token_456'),
      });
      const link = `${PUBLIC_URL}/accept-invitation?token=invite-token_456`;
      expect(text).toContain('Oscar Lindqvist');
      expect(text).toContain('Nordic Doors AB');
      expect(text).toContain(ACCESS_LEVEL_LABELS.SITE_ADMIN[locale]);
      expect(text).toContain('72');
      expect(text.split('\n')).toContain(link);
      expect(html).toContain(`href="${link}"`);
    },
  );

  it.each(EVERY_TEMPLATE_AND_LOCALE)(
    'should keep user-written text out of the subject when %s is rendered in %s',
    (template, locale) => {
      const written = 'Claim your prize at evil.example';
      const mail = render(template, locale, written);
      expect(mail.subject).not.toContain(written);
      expect(mail.text).toContain(written);
    },
  );

  it.each([
    ['en', 'Company: '],
    ['nl', 'Bedrijf: '],
    ['sv', 'Företag: '],
    ['fr', 'Entreprise : '],
  ] as const)(
    'should show the typed company name only as a labelled value when a registration is received in %s',
    (locale, label) => {
      const written = 'Call +1 555 0100 to claim your prize';
      const { text } = renderMail('registration-received', locale, {
        firstName: 'Daisy',
        companyName: written,
      });
      const lines = text.split('\n').filter((line) => line.includes(written));
      expect(lines).toEqual([`${label}${written}`]);
    },
  );

  it.each([
    ['en', 'New registrations waiting for approval (23)', 'Installer', 'Sweden (SE)'],
    ['nl', 'Nieuwe registraties wachten op goedkeuring (23)', 'Installateur', 'Zweden (SE)'],
    ['sv', 'Nya registreringar väntar på godkännande (23)', 'Installatör', 'Sverige (SE)'],
    ['fr', 'Nouvelles inscriptions en attente d’approbation (23)', 'Installateur', 'Suède (SE)'],
  ] as const)(
    'should count the registrations, list them as data and link the queue when operators get the digest in %s',
    (locale, subject, type, country) => {
      const {
        subject: actual,
        text,
        html,
      } = renderMail('registration-digest', locale, {
        total: 23,
        registrations: [
          {
            companyName: 'Nordic Doors AB',
            companyType: 'INSTALLER',
            country: 'SE',
            registrantName: 'Daisy\u202eBurton',
            registrantEmail: 'daisy@example.com',
          },
        ],
        operatorUrl: links.operator,
      });
      expect(actual).toBe(subject);
      expect(text).toContain('Nordic Doors AB');
      expect(text).toContain(type);
      expect(text).toContain(country);
      // a list entry is cleaned like any other user text
      expect(text).toContain('DaisyBurton');
      expect(text).toContain('daisy@example.com');
      expect(text).toContain('22');
      expect(text.split('\n')).toContain(`${PUBLIC_URL}/operator`);
      expect(html).toContain(`href="${PUBLIC_URL}/operator"`);
    },
  );

  it('should refuse to render a link that is not an absolute http(s) URL', () => {
    expect(() =>
      renderMail('password-reset', 'en', { firstName: 'Daisy', resetUrl: 'javascript:alert(1)' }),
    ).toThrow(/http\(s\)/);
  });

  it('should refuse at compile time a template that lacks a language', () => {
    // @ts-expect-error: every template must cover every supported locale
    const incomplete: LocalizedTemplate<object> = {
      en: () => ({ subject: 's', greeting: 'g', blocks: [] }),
    };
    expect(incomplete).toBeDefined();
  });
});

describe('mailTemplate', () => {
  const words = { subject: 'Hi', greeting: 'Hello {firstName},' };
  const greeting = mailTemplate(
    { en: words, nl: words, sv: words, fr: words },
    (say, data: Record<string, string>) => ({
      subject: say('subject'),
      greeting: say('greeting', data),
      blocks: [],
    }),
  );

  it('should insert a value as it is, even when it looks like message syntax', () => {
    expect(greeting.en({ firstName: "{x, plural, other {#}} '{'" }).greeting).toBe(
      "Hello {x, plural, other {#}} '{',",
    );
  });

  it('should refuse a message whose value the template does not give', () => {
    expect(() => greeting.fr({})).toThrow(/firstName/);
  });
});
