// Setting the stage through the server's own API (GraphQL and the dev outbox), so each browser
// test starts from the state it needs: a registration waiting, a person with a temporary
// password, an active person. What the browser itself is tested on is done in the browser.

export const TEMPORARY_PASSWORD_LABELS = {
  en: 'Temporary password: ',
  nl: 'Tijdelijk wachtwoord: ',
  sv: 'Tillfälligt lösenord: ',
  fr: 'Mot de passe temporaire : ',
} as const;

export type MailLocale = keyof typeof TEMPORARY_PASSWORD_LABELS;

interface GraphQLResult<T> {
  data: T;
  /** the session token the server set as a cookie, if it did */
  sessionToken: string | null;
}

export interface OutboxItem {
  id: string;
  template: string;
  to: string;
  locale: string;
  subject: string;
  status: string;
  createdAt: string;
}

export interface OutboxMessage extends OutboxItem {
  text: string;
  html: string;
}

/** What registering a company asks of its first person (the rest is filled in for the tests). */
export interface Registration {
  email: string;
  firstName: string;
  lastName: string;
  locale: MailLocale;
  /** by default "<last name> <LOCALE> AB" */
  companyName?: string;
  /** by default NL */
  country?: string;
  /** by default INSTALLER */
  type?: 'INSTALLER' | 'SYSTEM_MANAGER';
}

let sequence = 0;

/** A unique, readable address for one test's person. */
export function uniqueEmail(prefix: string): string {
  sequence += 1;
  return `${prefix}.${Date.now().toString(36)}${sequence}@example.com`;
}

export class PortalApi {
  constructor(
    readonly url: string,
    private readonly operator: { email: string; password: string },
  ) {}

  async graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    sessionToken?: string | null,
    locale = 'en',
  ): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        'accept-language': locale,
        ...(sessionToken ? { authorization: `Bearer ${sessionToken}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!response.ok || body.errors || !body.data) {
      throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body)}`);
    }
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith('portal_session='));
    const sessionToken_ = cookie ? (cookie.split(';')[0]?.split('=')[1] ?? null) : null;
    return { data: body.data, sessionToken: sessionToken_ };
  }

  /** Signs in and returns the session token (the same one the browser would get as a cookie). */
  async signIn(email: string, password: string): Promise<string> {
    const { data } = await this.graphql<{
      signIn: { token: string | null; userErrors: { code: string }[] };
    }>(
      `mutation ($email: String!, $password: String!) {
        signIn(email: $email, password: $password) { token userErrors { code } }
      }`,
      { email, password },
    );
    if (!data.signIn.token) throw new Error(`signIn ${email}: ${JSON.stringify(data.signIn)}`);
    return data.signIn.token;
  }

  /** A company waiting for approval; resolves to its id. */
  async register(input: Registration & { companyName: string }): Promise<string> {
    const { data } = await this.graphql<{ register: { userErrors: unknown[] } }>(
      `mutation ($input: RegisterInput!) {
        register(input: $input) { userErrors { field code message } }
      }`,
      {
        input: {
          type: input.type ?? 'INSTALLER',
          country: input.country ?? 'NL',
          companyName: input.companyName,
          companyAddress: 'Stationsplein 1\n1012 AB Amsterdam',
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          locale: input.locale,
        },
      },
    );
    if (data.register.userErrors.length > 0)
      throw new Error(`register: ${JSON.stringify(data.register)}`);
    // The answer never names the company (a known address must look like a new one): the
    // operators' queue does.
    const token = await this.signIn(this.operator.email, this.operator.password);
    const { data: queue } = await this.graphql<{
      pendingRegistrations: { id: string; registration: { email: string } | null }[];
    }>('{ pendingRegistrations { id registration { email } } }', {}, token);
    const email = input.email.trim().toLowerCase();
    const company = queue.pendingRegistrations.find((row) => row.registration?.email === email);
    if (!company) throw new Error(`register: ${input.email} is not in the operators' queue`);
    return company.id;
  }

  async approve(companyId: string): Promise<void> {
    const token = await this.signIn(this.operator.email, this.operator.password);
    const { data } = await this.graphql<{ approveRegistration: { userErrors: unknown[] } }>(
      `mutation ($id: ID!) { approveRegistration(companyId: $id) { userErrors { code } } }`,
      { id: companyId },
      token,
    );
    if (data.approveRegistration.userErrors.length > 0)
      throw new Error(`approve: ${JSON.stringify(data.approveRegistration)}`);
  }

  /**
   * The first-login billing setup, through the billing wizard's own mutation: the terms
   * accepted and manual payment, which an installer may choose. Until it is done, sites and
   * invitations answer BILLING_SETUP_REQUIRED.
   */
  async completeBillingSetup(session: string): Promise<void> {
    const { data: terms } = await this.graphql<{ termsOfService: { version: string } }>(
      '{ termsOfService { version } }',
    );
    const { data } = await this.graphql<{
      completeBillingSetup: { company: { billingSetupComplete: boolean } | null };
    }>(
      `mutation ($input: BillingSetupInput!) {
        completeBillingSetup(input: $input) {
          company { billingSetupComplete }
          userErrors { field code message }
        }
      }`,
      { input: { acceptTermsVersion: terms.termsOfService.version, paymentMethod: 'MANUAL' } },
      session,
    );
    if (!data.completeBillingSetup.company?.billingSetupComplete)
      throw new Error(`completeBillingSetup: ${JSON.stringify(data.completeBillingSetup)}`);
  }

  /** A site of the session's company; resolves to its id. */
  async createSite(session: string, site: { name: string; address: string }): Promise<string> {
    const { data } = await this.graphql<{
      createSite: { site: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: SiteInput!) {
        createSite(input: $input) { site { id } userErrors { field code message } }
      }`,
      { input: site },
      session,
    );
    if (!data.createSite.site) throw new Error(`createSite: ${JSON.stringify(data.createSite)}`);
    return data.createSite.site.id;
  }

  /** The newest email of this template to this address, waiting briefly for it. */
  async latestMail(to: string, template: string): Promise<OutboxMessage> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const response = await fetch(
        `${this.url}/api/dev/outbox?first=20&to=${encodeURIComponent(to)}`,
        { headers: { accept: 'application/json' } },
      );
      if (!response.ok) throw new Error(`GET /api/dev/outbox answered ${response.status}`);
      const page = (await response.json()) as { items: OutboxItem[] };
      const found = page.items.find((item) => item.template === template);
      if (found) {
        const message = await fetch(`${this.url}/api/dev/outbox/${found.id}`, {
          headers: { accept: 'application/json' },
        });
        return (await message.json()) as OutboxMessage;
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`No ${template} email to ${to} in the dev outbox`);
  }

  /** The temporary password: the value after the localized label, on a line of its own. */
  async temporaryPassword(to: string, locale: MailLocale): Promise<string> {
    const { text } = await this.latestMail(to, 'registration-approved');
    const label = TEMPORARY_PASSWORD_LABELS[locale];
    const line = text.split(/\r?\n/).find((candidate) => candidate.startsWith(label));
    const password = line?.slice(label.length).trim();
    if (!password) throw new Error(`No "${label}" line in the approval email:\n${text}`);
    return password;
  }

  /**
   * Registered and approved (the company named after the person unless `companyName` says
   * otherwise); resolves to the temporary password of the approval email.
   */
  async approvedRegistration(person: Registration): Promise<string> {
    const companyId = await this.register({
      ...person,
      companyName: person.companyName ?? `${person.lastName} ${person.locale.toUpperCase()} AB`,
    });
    await this.approve(companyId);
    return this.temporaryPassword(person.email, person.locale);
  }

  /** Registered and approved: signs in with the temporary password; the session must change it. */
  async personWithTemporaryPassword(
    person: Registration,
  ): Promise<{ token: string; temporaryPassword: string }> {
    const temporaryPassword = await this.approvedRegistration(person);
    const token = await this.signIn(person.email, temporaryPassword);
    return { token, temporaryPassword };
  }

  /** Registered, approved and with a password of their own. */
  async activePerson(person: Registration, password: string): Promise<string> {
    const { token, temporaryPassword } = await this.personWithTemporaryPassword(person);
    const { data } = await this.graphql<{ changePassword: { userErrors: unknown[] } }>(
      `mutation ($current: String!, $next: String!) {
        changePassword(currentPassword: $current, newPassword: $next) { userErrors { code } }
      }`,
      { current: temporaryPassword, next: password },
      token,
    );
    if (data.changePassword.userErrors.length > 0)
      throw new Error(`changePassword: ${JSON.stringify(data.changePassword)}`);
    return token;
  }
}
