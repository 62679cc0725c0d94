import { SUPPORTED_LOCALES, type Locale } from '@entry/shared';
import { testDialects } from '../databases';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import { startTestPortal, type TestPortal } from '../portal';

/** The GraphQL words of the two refusals, which the REST routes must use too. */
const WORDS: Readonly<Record<'UNAUTHENTICATED' | 'FORBIDDEN', Readonly<Record<Locale, string>>>> = {
  UNAUTHENTICATED: {
    en: 'Please sign in first.',
    nl: 'Log eerst in.',
    sv: 'Logga in först.',
    fr: "Veuillez d'abord vous connecter.",
  },
  FORBIDDEN: {
    en: 'Your access level does not allow this.',
    nl: 'Uw bevoegdheid staat dit niet toe.',
    sv: 'Din åtkomstnivå tillåter inte detta.',
    fr: "Votre niveau d'accès ne le permet pas.",
  },
};
const NO_SUCH_INVOICE: Readonly<Record<Locale, string>> = {
  en: 'No such invoice.',
  nl: 'Deze factuur bestaat niet.',
  sv: 'Fakturan finns inte.',
  fr: "Cette facture n'existe pas.",
};
const AUDIT_CSV = '/api/audit-events.csv';

describe.each(testDialects())('REST refusals on %s', (dialect) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(dialect);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it.each(SUPPORTED_LOCALES)(
    'should answer 401 in %s when an anonymous request asks for it in Accept-Language',
    async (locale) => {
      const response = await fetch(`${portal.url}${AUDIT_CSV}`, {
        headers: { 'accept-language': locale },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: WORDS.UNAUTHENTICATED[locale] },
      });
    },
  );

  it.each(SUPPORTED_LOCALES)(
    "should answer 403 in %s when that is the person's language, whatever the browser asks",
    async (locale) => {
      const company = await buildCompany(portal.dataSource);
      const siteAdmin = await buildPerson(portal.dataSource, company, {
        accessLevel: 'SITE_ADMIN',
        locale,
      });
      const response = await fetch(`${portal.url}${AUDIT_CSV}`, {
        headers: {
          authorization: `Bearer ${await tokenFor(portal.dataSource, siteAdmin)}`,
          'accept-language': locale === 'en' ? 'fr' : 'en',
        },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: 'FORBIDDEN', message: WORDS.FORBIDDEN[locale] },
      });
    },
  );

  it.each(SUPPORTED_LOCALES)(
    "should answer 404 in %s when the person's company has no such invoice",
    async (locale) => {
      const company = await buildCompany(portal.dataSource);
      const paymentAdmin = await buildPerson(portal.dataSource, company, { locale });
      const response = await fetch(
        `${portal.url}/api/invoices/00000000-0000-4000-8000-000000000000.csv`,
        { headers: { authorization: `Bearer ${await tokenFor(portal.dataSource, paymentAdmin)}` } },
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: NO_SUCH_INVOICE[locale] },
      });
    },
  );
});
