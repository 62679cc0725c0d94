import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { REGISTRATION_DIGEST_WINDOW_MS } from '../../src/accounts/registration-digest';
import { ACCOUNT_IP_ATTEMPT_LIMIT, IP_ATTEMPT_LIMIT } from '../../src/accounts/sign-in-throttle';
import { SignInAttemptEntity } from '../../src/accounts/sign-in-attempt.entity';
import { OneTimeTokenEntity } from '../../src/accounts/one-time-token.entity';
import { CompanyEntity } from '../../src/companies/company.entity';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import { PersonEntity } from '../../src/people/person.entity';
import { type GraphQLResponse } from '../portal';
import { describeOnDialects } from '../support/dialects';

const OPERATOR = { email: 'ops@vendor.example', password: 'operator passphrase 2026' };
const STRONG = 'correct horse battery staple';

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { company { id name status type country currency } userErrors { field code message } }
}`;
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    token person { id email mustChangePassword } operator { id email } userErrors { field code message }
  }
}`;
const CHANGE_PASSWORD = `mutation ($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { person { id mustChangePassword } userErrors { field code message } }
}`;
const APPROVE = `mutation ($id: ID!) { approveRegistration(companyId: $id) { company { id status } userErrors { field code } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectRegistration(companyId: $id, reason: $reason) { company { id status } userErrors { field code message } } }`;

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type SignInResult = {
  signIn: {
    token: string | null;
    person: { id: string; mustChangePassword: boolean } | null;
    operator: { id: string } | null;
    userErrors: Errors;
  };
};

let sequence = 0;
function registration(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    type: 'INSTALLER',
    country: 'SE',
    companyName: `Nordic Doors ${sequence} AB`,
    companyAddress: 'Kungsgatan 12, 111 43 Stockholm',
    companyPhone: '+46 8 123 45 67',
    vatNumber: 'SE556677889901',
    firstName: 'Astrid',
    lastName: 'Lindqvist',
    email: `astrid.${sequence}.${Date.now()}@nordicdoors.example`,
    phone: '+46 70 123 45 67',
    locale: 'sv',
    ...overrides,
  };
}

describeOnDialects('accounts on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal({
    OPERATOR_EMAIL: OPERATOR.email,
    OPERATOR_PASSWORD: OPERATOR.password,
    // every registration here comes from 127.0.0.1; the limit has its own suite
    // (test/hardening/email-rate-limits.test.ts)
    REGISTRATION_LIMIT_PER_HOUR: '1000',
  });
  let operatorToken: string;

  beforeAll(async () => {
    const signedIn = await portal.gql<SignInResult>(SIGN_IN, OPERATOR);
    operatorToken = signedIn.data!.signIn.token!;
  });

  const asOperator = <T>(query: string, variables?: Record<string, unknown>) =>
    portal.gql<T>(query, variables, { token: operatorToken });

  /** The company whose registrant holds `email`, as the operators find it (null: none). */
  async function registeredCompany(email: string): Promise<CompanyEntity | null> {
    const registrant = await portal.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ activeEmail: email.toLowerCase() });
    return registrant
      ? portal.dataSource.getRepository(CompanyEntity).findOneBy({ id: registrant.companyId })
      : null;
  }

  async function register(overrides: Record<string, unknown> = {}) {
    const input = registration(overrides);
    const response = await portal.gql<{
      register: { company: { id: string; status: string } | null; userErrors: Errors };
    }>(REGISTER, { input });
    const userErrors = response.data?.register.userErrors ?? [];
    return {
      input,
      response,
      // the answer never names the company (a known address must look like a new one)
      company: userErrors.length ? null : await registeredCompany(input.email),
      userErrors,
    };
  }

  /** register → approve: the registration and the temporary password emailed to its registrant. */
  async function approvedRegistration(overrides: Record<string, unknown> = {}) {
    const { input, company } = await register(overrides);
    await asOperator(APPROVE, { id: company!.id });
    const mail = await smtp.waitForMailTo(input.email, 'registration-approved');
    const temporary = mail.valueAfter(
      input.locale === 'en' ? 'Temporary password: ' : 'Tillfälligt lösenord: ',
    )!;
    return { input, company, temporary };
  }

  /** register → approve → sign in with the temporary password → choose a password. */
  async function activeAccount(overrides: Record<string, unknown> = {}) {
    const { input, company, temporary } = await approvedRegistration(overrides);
    const first = await portal.gql<SignInResult>(SIGN_IN, {
      email: input.email,
      password: temporary,
    });
    await portal.gql(
      CHANGE_PASSWORD,
      { current: temporary, next: STRONG },
      { token: first.data!.signIn.token! },
    );
    return { input, company: company!, temporary };
  }

  async function counts() {
    const [companies, people, mails] = await Promise.all([
      portal.dataSource.getRepository(CompanyEntity).count(),
      portal.dataSource.getRepository(PersonEntity).count(),
      portal.dataSource.getRepository(MailOutboxEntity).count(),
    ]);
    return { companies, people, mails };
  }

  describe('register', () => {
    it('should create a pending company, email the registrant and tell the operators in their digest when every field is valid', async () => {
      const { input, response, company } = await register();
      expect(response.data).toEqual({ register: { company: null, userErrors: [] } });
      expect(company).toMatchObject({
        status: 'PENDING_APPROVAL',
        type: 'INSTALLER',
        country: 'SE',
        currency: 'SEK',
      });
      const received = await smtp.waitForMailTo(input.email, 'registration-received');
      expect(received.subject).toMatch(/./);
      expect(received.text).toContain(input.companyName);
      // the operators' digest goes out once the registration has waited its window
      await portal.housekeeping.tick(new Date(Date.now() + REGISTRATION_DIGEST_WINDOW_MS));
      await portal.mailWorker.drain();
      const digest = await smtp.waitForMailTo(OPERATOR.email, 'registration-digest');
      expect(digest.text).toContain(input.companyName);
      const person = await portal.dataSource
        .getRepository(PersonEntity)
        .findOneByOrFail({ email: input.email.toLowerCase() });
      expect(person).toMatchObject({
        status: 'PENDING_APPROVAL',
        accessLevel: 'PAYMENT_ADMIN',
        locale: 'sv',
        passwordHash: null,
      });
    });

    it('should report every invalid field at once and write nothing when the input is bad', async () => {
      const before = await counts();
      const { company, userErrors } = await register({
        country: 'XX',
        companyName: '  ',
        companyAddress: '',
        email: 'not-an-email',
        companyPhone: 'call me',
        vatNumber: '12',
        firstName: 'x'.repeat(101),
        locale: 'de',
      });
      expect(company).toBeNull();
      expect(userErrors.map((error) => [error.field?.join('.'), error.code])).toEqual([
        ['input.country', 'INVALID'],
        ['input.companyName', 'REQUIRED'],
        ['input.companyAddress', 'REQUIRED'],
        ['input.companyPhone', 'INVALID'],
        ['input.vatNumber', 'INVALID'],
        ['input.firstName', 'TOO_LONG'],
        ['input.email', 'INVALID'],
        ['input.locale', 'INVALID'],
      ]);
      expect(userErrors.every((error) => error.message.length > 0)).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it("should word the errors in the registrant's language when the browser asks for French", async () => {
      const response = await portal.gql<{ register: { userErrors: Errors } }>(
        REGISTER,
        { input: registration({ email: 'nope', locale: null }) },
        { acceptLanguage: 'fr' },
      );
      expect(response.data?.register.userErrors[0]?.message).toBe(
        'Saisissez une adresse e-mail du type nom@exemple.fr.',
      );
    });

    it('should answer as for a new address, write nothing but a mail and tell the owner when the address is already used in another case', async () => {
      const { input } = await register({ locale: 'nl' });
      const before = await counts();
      const again = await register({ email: input.email.toUpperCase(), locale: 'fr' });
      expect(again.response.data).toEqual({ register: { company: null, userErrors: [] } });
      expect(await counts()).toEqual({ ...before, mails: before.mails + 1 });
      // in the owner's language (Dutch), not the one the second registrant asked for
      const attempted = await smtp.waitForMailTo(input.email, 'registration-attempted');
      expect(attempted.html).toContain('<html lang="nl">');
      expect(attempted.text).toContain('Iemand probeerde');
      expect(attempted.text).not.toContain(again.input.companyName);
    });

    it('should create one company and answer both alike when two registrations with one address arrive at once', async () => {
      const email = `race.${Date.now()}@example.com`;
      const before = await counts();
      const results = await Promise.all([
        register({ email }),
        register({ email: email.toUpperCase() }),
      ]);
      for (const result of results)
        expect(result.response.data).toEqual({ register: { company: null, userErrors: [] } });
      expect((await counts()).companies).toBe(before.companies + 1);
      await smtp.waitForMailTo(email, 'registration-received');
      await smtp.waitForMailTo(email, 'registration-attempted');
    });
  });

  describe('operators', () => {
    it('should list pending registrations oldest first with all details when an operator asks', async () => {
      const first = await register();
      const second = await register();
      const { data, errors } = await asOperator<{
        pendingRegistrations: Array<{ id: string; registration: Record<string, unknown> }>;
      }>(
        '{ pendingRegistrations { id name createdAt registration { companyAddress companyPhone vatNumber firstName lastName email phone locale } } }',
      );
      expect(errors).toBeUndefined();
      const ids = data!.pendingRegistrations.map((company) => company.id);
      expect(ids.indexOf(first.company!.id)).toBeLessThan(ids.indexOf(second.company!.id));
      const details = data!.pendingRegistrations.find(
        (company) => company.id === first.company!.id,
      )!.registration;
      expect(details).toEqual({
        companyAddress: first.input.companyAddress,
        companyPhone: first.input.companyPhone,
        vatNumber: first.input.vatNumber,
        firstName: 'Astrid',
        lastName: 'Lindqvist',
        email: first.input.email.toLowerCase(),
        phone: first.input.phone,
        locale: 'sv',
      });
    });

    it('should refuse pendingRegistrations to anonymous callers and to company people', async () => {
      expect(
        (await portal.gql('{ pendingRegistrations { id } }')).errors?.[0]?.extensions?.['code'],
      ).toBe('UNAUTHENTICATED');
      const { input } = await activeAccount();
      const token = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: STRONG })
      ).data!.signIn.token!;
      expect(
        (await portal.gql('{ pendingRegistrations { id } }', {}, { token })).errors?.[0]
          ?.extensions?.['code'],
      ).toBe('FORBIDDEN');
      expect(
        (await portal.gql(APPROVE, { id: 'x' }, { token })).errors?.[0]?.extensions?.['code'],
      ).toBe('FORBIDDEN');
    });

    it('should email one temporary password and record one audit event when approval is repeated or concurrent', async () => {
      const { input, company } = await register();
      const results = await Promise.all([
        asOperator(APPROVE, { id: company!.id }),
        asOperator(APPROVE, { id: company!.id }),
      ]);
      const again = await asOperator<{
        approveRegistration: { company: { status: string }; userErrors: Errors };
      }>(APPROVE, { id: company!.id });
      for (const result of [...results, again])
        expect(result.data).toMatchObject({
          approveRegistration: { company: { status: 'APPROVED' }, userErrors: [] },
        });
      const mail = await smtp.waitForMailTo(input.email, 'registration-approved');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.messagesTo(input.email, 'registration-approved')).toHaveLength(1);
      // the text part holds the password alone on the line after the localized label
      expect(mail.valueAfter('Tillfälligt lösenord: ')).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
      const audit = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: company!.id, kind: 'registration.approved' });
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actorOperatorId).not.toBeNull();
    });

    it('should email the reason, disable the registrant and refuse a later approval when a registration is rejected', async () => {
      const { input, company } = await register({ locale: 'en' });
      const empty = await asOperator<{ rejectRegistration: { userErrors: Errors } }>(REJECT, {
        id: company!.id,
        reason: '   ',
      });
      expect(empty.data?.rejectRegistration.userErrors).toEqual([
        expect.objectContaining({ field: ['reason'], code: 'REQUIRED' }),
      ]);
      const rejected = await asOperator<{ rejectRegistration: { company: { status: string } } }>(
        REJECT,
        { id: company!.id, reason: 'We could not verify the company registration number.' },
      );
      expect(rejected.data?.rejectRegistration.company.status).toBe('REJECTED');
      const mail = await smtp.waitForMailTo(input.email, 'registration-rejected');
      expect(mail.text).toContain('We could not verify the company registration number.');
      const approve = await asOperator<{ approveRegistration: { userErrors: Errors } }>(APPROVE, {
        id: company!.id,
      });
      expect(approve.data?.approveRegistration.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_STATE' }),
      ]);
      const signIn = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email,
        password: 'anything at all here',
      });
      expect(signIn.data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
    });

    it('should answer NOT_FOUND when the company does not exist', async () => {
      const result = await asOperator<{ approveRegistration: { userErrors: Errors } }>(APPROVE, {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(result.data?.approveRegistration.userErrors).toEqual([
        expect.objectContaining({ field: ['companyId'], code: 'NOT_FOUND' }),
      ]);
    });
  });

  describe('temporary password and first sign-in', () => {
    it('should open a session that only allows me, changePassword and signOut when signing in with the temporary password', async () => {
      const { input, company, temporary } = await approvedRegistration({ locale: 'en' });
      // typed loosely: lower case, without the dashes
      const signIn = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email,
        password: temporary.toLowerCase().replace(/-/g, ''),
      });
      expect(signIn.data?.signIn.userErrors).toEqual([]);
      expect(signIn.data?.signIn.person?.mustChangePassword).toBe(true);
      const token = signIn.data!.signIn.token!;
      expect(
        (await portal.gql('{ company { id } }', {}, { token })).errors?.[0]?.extensions?.['code'],
      ).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await portal.gql('{ me { id mustChangePassword } }', {}, { token })).data).toEqual({
        me: { id: signIn.data!.signIn.person!.id, mustChangePassword: true },
      });

      // works once
      const again = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email,
        password: temporary,
      });
      expect(again.data?.signIn.userErrors[0]?.code).toBe('INVALID_TOKEN');

      const changed = await portal.gql<{
        changePassword: { person: { mustChangePassword: boolean }; userErrors: Errors };
      }>(CHANGE_PASSWORD, { current: temporary, next: STRONG }, { token });
      expect(changed.data?.changePassword).toEqual({
        person: { id: signIn.data!.signIn.person!.id, mustChangePassword: false },
        userErrors: [],
      });
      expect((await portal.gql('{ company { id status } }', {}, { token })).data).toEqual({
        company: { id: company!.id, status: 'APPROVED' },
      });
    });

    it('should refuse an expired temporary password with INVALID_TOKEN', async () => {
      const { input, temporary } = await approvedRegistration({ locale: 'en' });
      await portal.dataSource
        .getRepository(PersonEntity)
        .update(
          { email: input.email.toLowerCase() },
          { temporaryPasswordExpiresAt: new Date(Date.now() - 1000) },
        );
      const signIn = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email,
        password: temporary,
      });
      expect(signIn.data?.signIn.userErrors[0]?.code).toBe('INVALID_TOKEN');
      expect(signIn.data?.signIn.token).toBeNull();
    });
  });

  describe('passwords', () => {
    it.each([
      ['short', 'TOO_SHORT'],
      ['password1234', 'COMMON'],
      ['Password2024!', 'COMMON'],
      ['aaaaaaaaaaaaaaaa', 'REPEATED'],
      ['lindqvist forever and ever', 'PERSONAL'],
    ])('should refuse %s as WEAK_PASSWORD (%s) with a helpful message', async (weak, reason) => {
      const { input, temporary } = await approvedRegistration({ locale: 'en' });
      const token = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: temporary })
      ).data!.signIn.token!;
      const result = await portal.gql<{ changePassword: { person: null; userErrors: Errors } }>(
        CHANGE_PASSWORD,
        { current: temporary, next: weak },
        { token },
      );
      expect(result.data?.changePassword.userErrors).toEqual([
        expect.objectContaining({ field: ['newPassword'], code: 'WEAK_PASSWORD' }),
      ]);
      const message = result.data!.changePassword.userErrors[0]!.message;
      const expectedWords: Record<string, RegExp> = {
        TOO_SHORT: /at least 12/,
        COMMON: /common or leaked/,
        REPEATED: /repeated/,
        PERSONAL: /name or email/,
      };
      expect(message).toMatch(expectedWords[reason]!);
    });

    it('should accept a 64-character passphrase and revoke the other sessions when the password changes', async () => {
      const { input } = await activeAccount();
      const other = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: STRONG })
      ).data!.signIn.token!;
      const current = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: STRONG })
      ).data!.signIn.token!;
      const long = 'the quick brown fox jumps over the lazy dog near the river bank!';
      expect([...long]).toHaveLength(64);
      const changed = await portal.gql<{ changePassword: { userErrors: Errors } }>(
        CHANGE_PASSWORD,
        { current: STRONG, next: long },
        { token: current },
      );
      expect(changed.data?.changePassword.userErrors).toEqual([]);
      expect((await portal.gql('{ me { id } }', {}, { token: other })).data).toEqual({ me: null });
      expect(
        (await portal.gql<{ me: { id: string } }>('{ me { id } }', {}, { token: current })).data
          ?.me,
      ).not.toBeNull();
      expect(
        (await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: long })).data
          ?.signIn.userErrors,
      ).toEqual([]);
    });

    it('should answer WRONG_PASSWORD when the current password is wrong', async () => {
      const { input } = await activeAccount();
      const token = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: STRONG })
      ).data!.signIn.token!;
      const result = await portal.gql<{ changePassword: { userErrors: Errors } }>(
        CHANGE_PASSWORD,
        { current: 'not my password at all', next: 'another fine passphrase' },
        { token },
      );
      expect(result.data?.changePassword.userErrors).toEqual([
        expect.objectContaining({ field: ['currentPassword'], code: 'WRONG_PASSWORD' }),
      ]);
    });
  });

  describe('signIn', () => {
    // Every test signs in from 127.0.0.1: forget the failures around these tests so one test's
    // per-IP count does not throttle the next.
    const forgetAttempts = () => portal.dataSource.getRepository(SignInAttemptEntity).clear();
    beforeEach(forgetAttempts);
    afterEach(forgetAttempts);

    it('should throttle an address after too many failures across accounts', async () => {
      for (let i = 0; i < IP_ATTEMPT_LIMIT; i++) {
        const failed = await portal.gql<SignInResult>(SIGN_IN, {
          email: `spray.${i}@example.com`,
          password: 'wrong password',
        });
        expect(failed.data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
      }
      const next = await portal.gql<SignInResult>(SIGN_IN, {
        email: OPERATOR.email,
        password: OPERATOR.password,
      });
      expect(next.data?.signIn.userErrors[0]?.code).toBe('THROTTLED');
    });

    it('should set an HttpOnly SameSite cookie and return the same token as a bearer', async () => {
      const { input } = await activeAccount();
      const response = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email.toUpperCase(),
        password: STRONG,
      });
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(new RegExp(`^portal_session=${response.data!.signIn.token}`));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
    });

    it('should give the same answer for an unknown email and a wrong password, in about the same time', async () => {
      const { input } = await activeAccount();
      const time = async (email: string) => {
        const started = performance.now();
        const result = await portal.gql<SignInResult>(
          SIGN_IN,
          { email, password: 'wrong password 123' },
          { acceptLanguage: 'en' },
        );
        return { ms: performance.now() - started, errors: result.data!.signIn.userErrors };
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await time(input.email);
        const b = await time(`nobody.${Date.now()}.${i}@example.com`);
        expect(a.errors).toEqual(b.errors);
        expect(a.errors[0]?.code).toBe('INVALID_CREDENTIALS');
        known.push(a.ms);
        unknown.push(b.ms);
      }
      const median = (values: number[]) => [...values].sort((x, y) => x - y)[1]!;
      // Both paths run one Argon2id verification; the difference is noise, not a lookup.
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(
        Math.max(median(known), median(unknown)) * 0.6,
      );
    });

    it('should throttle an account after too many failures, even for the right password', async () => {
      const { input } = await activeAccount({ locale: 'en' });
      for (let i = 0; i < ACCOUNT_IP_ATTEMPT_LIMIT; i++) {
        const failed = await portal.gql<SignInResult>(SIGN_IN, {
          email: input.email,
          password: `wrong ${i} password`,
        });
        expect(failed.data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
      }
      const throttled = await portal.gql<SignInResult>(
        SIGN_IN,
        { email: input.email, password: STRONG },
        { acceptLanguage: 'en' },
      );
      expect(throttled.data?.signIn.token).toBeNull();
      expect(throttled.data?.signIn.userErrors[0]?.code).toBe('THROTTLED');
      expect(throttled.data?.signIn.userErrors[0]?.message).toMatch(
        /^Too many attempts\. Try again in \d+ minutes\.$/,
      );
    });

    it('should count every attempt batched as aliases in one request', async () => {
      const { input } = await activeAccount();
      const aliases = Array.from(
        { length: 10 },
        (_, i) =>
          `a${i}: signIn(email: $email, password: "wrong password ${i}") { token userErrors { code } }`,
      ).join('\n');
      const response = await portal.gql<
        Record<string, { token: string | null; userErrors: Errors }>
      >(`mutation ($email: String!) { ${aliases} }`, { email: input.email });
      const codes = Object.values(response.data!).map((result) => result.userErrors[0]?.code);
      expect(codes.filter((code) => code === 'THROTTLED').length).toBeGreaterThanOrEqual(
        10 - ACCOUNT_IP_ATTEMPT_LIMIT,
      );
      const after = await portal.gql<SignInResult>(SIGN_IN, {
        email: input.email,
        password: STRONG,
      });
      expect(after.data?.signIn.userErrors[0]?.code).toBe('THROTTLED');
    });
  });

  describe('password reset', () => {
    const REQUEST = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
    const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) { person { id } userErrors { field code } } }`;

    it('should answer true without an email when the address is unknown', async () => {
      const email = `ghost.${Date.now()}@example.com`;
      expect((await portal.gql(REQUEST, { email })).data).toEqual({ requestPasswordReset: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.messagesTo(email)).toHaveLength(0);
    });

    it('should take at least as long for an unknown address as for a known one', async () => {
      const { input } = await activeAccount();
      const time = async (email: string) => {
        const started = performance.now();
        await portal.gql(REQUEST, { email });
        return performance.now() - started;
      };
      const known = await time(input.email);
      const unknown = await time(`ghost.${Date.now()}@example.com`);
      expect(known).toBeGreaterThanOrEqual(390);
      expect(unknown).toBeGreaterThanOrEqual(390);
    });

    it('should reset the password once with the emailed link and end every session', async () => {
      const { input } = await activeAccount({ locale: 'en' });
      const session = (
        await portal.gql<SignInResult>(SIGN_IN, { email: input.email, password: STRONG })
      ).data!.signIn.token!;
      await portal.gql(REQUEST, { email: input.email });
      const mail = await smtp.waitForMailTo(input.email, 'password-reset');
      expect(mail.link('/reset-password')).toMatch(
        /^http:\/\/portal\.test\/reset-password\?token=/,
      );
      const token = mail.token('/reset-password')!;
      const weak = await portal.gql<{ resetPassword: { userErrors: Errors } }>(RESET, {
        token,
        password: 'short',
      });
      expect(weak.data?.resetPassword.userErrors).toEqual([
        expect.objectContaining({ field: ['newPassword'], code: 'WEAK_PASSWORD' }),
      ]);
      const reset = await portal.gql<{
        resetPassword: { person: { id: string }; userErrors: Errors };
      }>(RESET, { token, password: 'a brand new passphrase' });
      expect(reset.data?.resetPassword.userErrors).toEqual([]);
      expect((await portal.gql('{ me { id } }', {}, { token: session })).data).toEqual({
        me: null,
      });
      expect(
        (
          await portal.gql<SignInResult>(SIGN_IN, {
            email: input.email,
            password: 'a brand new passphrase',
          })
        ).data?.signIn.userErrors,
      ).toEqual([]);
      const reused = await portal.gql<{ resetPassword: { userErrors: Errors } }>(RESET, {
        token,
        password: 'yet another passphrase',
      });
      expect(reused.data?.resetPassword.userErrors).toEqual([
        expect.objectContaining({ field: ['token'], code: 'INVALID_TOKEN' }),
      ]);
    });

    it('should refuse a forged token and an expired one', async () => {
      const { input } = await activeAccount();
      const forged = await portal.gql<{ resetPassword: { userErrors: Errors } }>(RESET, {
        token: 'forged-token',
        password: 'a brand new passphrase',
      });
      expect(forged.data?.resetPassword.userErrors[0]?.code).toBe('INVALID_TOKEN');
      await portal.gql(REQUEST, { email: input.email });
      const token = (await smtp.waitForMailTo(input.email, 'password-reset')).token(
        '/reset-password',
      )!;
      const person = await portal.dataSource
        .getRepository(PersonEntity)
        .findOneByOrFail({ email: input.email.toLowerCase() });
      await portal.dataSource
        .getRepository(OneTimeTokenEntity)
        .update({ personId: person.id }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await portal.gql<{ resetPassword: { userErrors: Errors } }>(RESET, {
        token,
        password: 'a brand new passphrase',
      });
      expect(expired.data?.resetPassword.userErrors[0]?.code).toBe('INVALID_TOKEN');
    });

    it('should void the older link when a new one is requested', async () => {
      const { input } = await activeAccount();
      await portal.gql(REQUEST, { email: input.email });
      const first = (await smtp.waitForMailTo(input.email, 'password-reset')).token(
        '/reset-password',
      )!;
      await portal.gql(REQUEST, { email: input.email });
      await smtp.waitFor(
        (mail) =>
          mail.to.includes(input.email.toLowerCase()) &&
          mail.template === 'password-reset' &&
          mail.token('/reset-password') !== first,
      );
      const result = await portal.gql<{ resetPassword: { userErrors: Errors } }>(RESET, {
        token: first,
        password: 'a brand new passphrase',
      });
      expect(result.data?.resetPassword.userErrors[0]?.code).toBe('INVALID_TOKEN');
    });
  });

  describe('operator sign-in', () => {
    it('should sign an operator in and show them as currentOperator', async () => {
      const signIn = await portal.gql<SignInResult>(SIGN_IN, {
        email: OPERATOR.email.toUpperCase(),
        password: OPERATOR.password,
      });
      expect(signIn.data?.signIn.operator).toEqual({
        id: expect.any(String),
        email: OPERATOR.email,
      });
      expect(signIn.data?.signIn.person).toBeNull();
      const token = signIn.data!.signIn.token!;
      const response: GraphQLResponse = await portal.gql(
        '{ currentOperator { email } me { id } }',
        {},
        { token },
      );
      expect(response.data).toEqual({ currentOperator: { email: OPERATOR.email }, me: null });
    });
  });
});
