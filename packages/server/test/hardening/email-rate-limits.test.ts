import { REGISTRATION_DIGEST_WINDOW_MS } from '../../src/accounts/registration-digest';
import { RegistrationNoticeEntity } from '../../src/accounts/registration-notice.entity';
import { OperatorEntity } from '../../src/accounts/operator.entity';
import { CompanyEntity } from '../../src/companies/company.entity';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import { PersonStatus } from '../../src/people/person.entity';
import { RateLimitCounterEntity } from '../../src/rate-limits/rate-limit-counter.entity';
import { purgeEndedRateLimitWindows } from '../../src/rate-limits/rate-limiter';
import { testDialects } from '../databases';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import { gqlFrom } from '../support/client-address';
import { startTestPortal, type TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';

type Errors = Array<{ field: string[] | null; code: string; message: string }>;
type RegisterResult = { register: { company: { id: string } | null; userErrors: Errors } };

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { company { id } userErrors { field code message } }
}`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESEND = `mutation ($id: ID!) {
  resendInvitation(id: $id) { person { id } userErrors { field code message } }
}`;

let sequence = 0;
function registration(email = `registrant.${++sequence}.${Date.now()}@example.com`) {
  return {
    type: 'INSTALLER',
    country: 'NL',
    companyName: `Deuren ${sequence} B.V.`,
    companyAddress: 'Damrak 1, 1012 LG Amsterdam',
    firstName: 'Sanne',
    lastName: 'de Vries',
    email,
    locale: 'nl',
  };
}

/** A loopback address of its own per test: each test's client IP starts with fresh counts. */
let clientNumber = 1;
const nextClient = () => `127.0.${Math.floor(++clientNumber / 250)}.${(clientNumber % 250) + 2}`;

describeOnDialects('email-sending rate limits on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal({
    REGISTRATION_LIMIT_PER_HOUR: '10',
  });

  const register = (from: string, input = registration(), language = 'en') =>
    gqlFrom<RegisterResult>(portal.url, from, REGISTER, { input }, { 'accept-language': language });

  it('should refuse the 11th registration from one IP within the hour with THROTTLED and send it no email', async () => {
    const client = nextClient();
    for (let i = 0; i < 10; i++) {
      const accepted = await register(client);
      expect(accepted.data?.register.userErrors).toEqual([]);
    }
    const eleventh = registration();
    const refused = await register(client, eleventh, 'nl');
    expect(refused.data?.register.company).toBeNull();
    expect(refused.data?.register.userErrors).toEqual([
      {
        field: ['input'],
        code: 'THROTTLED',
        message: expect.stringMatching(
          /^Te veel pogingen\. Probeer het over \d+ minuten opnieuw\.$/,
        ),
      },
    ]);
    await portal.mailWorker.drain();
    expect(smtp.messagesTo(eleventh.email)).toHaveLength(0);
    expect(
      await portal.dataSource
        .getRepository(MailOutboxEntity)
        .countBy({ toAddress: eleventh.email }),
    ).toBe(0);
    expect(
      await portal.dataSource.getRepository(CompanyEntity).countBy({ name: eleventh.companyName }),
    ).toBe(0);
  });

  it('should let exactly the limit through when registrations from one IP arrive at once', async () => {
    const client = nextClient();
    const answers = await Promise.all(Array.from({ length: 25 }, () => register(client)));
    const codes = answers.map((answer) => answer.data?.register.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(10);
    expect(codes.filter((code) => code === 'THROTTLED')).toHaveLength(15);
  });

  it('should refuse registrations to one address past its limit when they come from different IPs', async () => {
    const target = `victim.${Date.now()}@example.com`;
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await register(nextClient(), registration(target));
      codes.push(answer.data?.register.userErrors[0]?.code ?? 'OK');
    }
    expect(codes[0]).toBe('OK');
    expect(codes.slice(1, 3)).not.toContain('THROTTLED');
    expect(codes[3]).toBe('THROTTLED');
  });

  it('should answer true but send no reset email when one IP asks for more resets than its limit', async () => {
    const company = await buildCompany(portal.dataSource);
    const people = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        buildPerson(portal.dataSource, company, { email: `reset.${i}.${Date.now()}@example.com` }),
      ),
    );
    const client = nextClient();
    // all at once: on MariaDB concurrent resets take gap locks in the token table and InnoDB
    // picks deadlock victims, which inTransaction runs again (they used to answer 500)
    const answers = await Promise.all(
      people.map((person) => gqlFrom(portal.url, client, REQUEST_RESET, { email: person.email })),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(answers.map((answer) => answer.data)).toEqual(
      people.map(() => ({ requestPasswordReset: true })),
    );
    const outbox = await portal.dataSource
      .getRepository(MailOutboxEntity)
      .findBy({ template: 'password-reset' });
    const addresses = new Set(people.map((person) => person.email));
    expect(outbox.filter((row) => addresses.has(row.toAddress))).toHaveLength(20);
  });

  it('should refuse resending an invitation past the limit for its address with THROTTLED', async () => {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const admin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      locale: 'sv',
    });
    const invited = await buildPerson(portal.dataSource, company, {
      status: PersonStatus.INVITED,
      passwordHash: null,
    });
    const token = await tokenFor(portal.dataSource, admin);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await portal.gql<{ resendInvitation: { userErrors: Errors } }>(
        RESEND,
        { id: invited.id },
        { token, acceptLanguage: 'sv' },
      );
      codes.push(answer.data?.resendInvitation.userErrors[0]?.code ?? 'OK');
      if (i === 5)
        expect(answer.data?.resendInvitation.userErrors[0]?.message).toMatch(/^För många försök/);
    }
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'THROTTLED']);
  });

  it('should ignore X-Forwarded-For for the per-IP limits when TRUST_PROXY is unset', async () => {
    const client = nextClient();
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const answer = await gqlFrom<RegisterResult>(
        portal.url,
        client,
        REGISTER,
        { input: registration() },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      codes.push(answer.data?.register.userErrors[0]?.code ?? 'OK');
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('OK'));
    expect(codes[10]).toBe('THROTTLED');
  });

  it('should delete the counters of ended windows and keep the current ones', async () => {
    await register(nextClient());
    const counters = portal.dataSource.getRepository(RateLimitCounterEntity);
    const current = await counters.count();
    expect(current).toBeGreaterThan(0);
    expect(await purgeEndedRateLimitWindows(portal.dataSource)).toBe(0);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect(await purgeEndedRateLimitWindows(portal.dataSource, later)).toBe(current);
    expect(await counters.count()).toBe(0);
  });
});

describe('email-sending rate limits shared by two servers on one MariaDB database', () => {
  const dialects = testDialects().filter((dialect) => dialect === 'mysql');
  const maybe = dialects.length ? it : it.skip;
  let first: TestPortal | undefined;
  let second: TestPortal | undefined;

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  maybe(
    'should throttle the 11th registration from one IP when the 10 before it went to the other server',
    async () => {
      first = await startTestPortal('mysql');
      second = await startTestPortal('mysql', { DATABASE_URL: first.databaseUrl });
      const client = nextClient();
      for (let i = 0; i < 10; i++) {
        const server = i % 2 === 0 ? first : second;
        const answer = await gqlFrom<RegisterResult>(server.url, client, REGISTER, {
          input: registration(),
        });
        expect(answer.data?.register.userErrors).toEqual([]);
      }
      const refused = await gqlFrom<RegisterResult>(first.url, client, REGISTER, {
        input: registration(),
      });
      expect(refused.data?.register.userErrors[0]?.code).toBe('THROTTLED');
      const refusedToo = await gqlFrom<RegisterResult>(second.url, client, REGISTER, {
        input: registration(),
      });
      expect(refusedToo.data?.register.userErrors[0]?.code).toBe('THROTTLED');
    },
  );
});

// Which client a request comes from does not depend on the database: one dialect is enough.
describe('per-IP limits behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal('sqlite', { TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('should count each forwarded client on its own when they all come through one proxy', async () => {
    const proxy = nextClient();
    const through = (client: string) =>
      gqlFrom<RegisterResult>(
        portal.url,
        proxy,
        REGISTER,
        { input: registration() },
        // the proxy appends the address it saw; anything before it is the client's own claim
        { 'x-forwarded-for': `10.9.9.9, ${client}` },
      );
    for (let i = 0; i < 10; i++)
      expect((await through('203.0.113.1')).data?.register.userErrors).toEqual([]);
    expect((await through('203.0.113.1')).data?.register.userErrors[0]?.code).toBe('THROTTLED');
    expect((await through('203.0.113.2')).data?.register.userErrors).toEqual([]);
  });
});

describeOnDialects("the operators' registration digest on %s", (suite) => {
  const { portal, smtp } = suite.startMailingPortal({
    REGISTRATION_LIMIT_PER_HOUR: '100',
  });
  let second: TestPortal | undefined;
  const OPERATORS = [
    'ops.one@vendor.example',
    'ops.two@vendor.example',
    'ops.three@vendor.example',
  ];

  beforeAll(async () => {
    await buildOperators(portal);
    // a second server on the same database, as a deployment with two processes has (MariaDB)
    if (suite.dialect === 'mysql')
      second = await startTestPortal(suite.dialect, {
        DATABASE_URL: portal.databaseUrl,
        SMTP_URL: smtp.url,
      });
  });
  afterAll(async () => {
    await second?.close();
  });

  async function buildOperators(portal: TestPortal) {
    const repository = portal.dataSource.getRepository(OperatorEntity);
    const now = new Date();
    for (const email of OPERATORS)
      await repository.insert({
        email,
        name: 'Ops',
        passwordHash: 'x',
        createdAt: now,
        updatedAt: now,
      });
  }

  it('should send each operator one digest for 25 registrations in a burst, with no user text in its subject', async () => {
    const client = nextClient();
    const inputs = Array.from({ length: 25 }, () => registration());
    for (const input of inputs)
      expect(
        (await gqlFrom<RegisterResult>(portal.url, client, REGISTER, { input })).data?.register
          .userErrors,
      ).toEqual([]);
    const later = new Date(Date.now() + REGISTRATION_DIGEST_WINDOW_MS + 1000);
    // every server's housekeeping at once, twice: still one digest
    const servers = [portal, ...(second ? [second] : [])];
    await Promise.all(
      servers.flatMap((server) => [
        server.housekeeping.tick(later),
        server.housekeeping.tick(later),
      ]),
    );
    // either server's mail worker may send them
    await Promise.all(OPERATORS.map((operator) => smtp.waitForMailTo(operator)));
    await Promise.all(servers.map((server) => server.mailWorker.drain()));
    for (const operator of OPERATORS) {
      const digests = smtp.messagesTo(operator);
      expect(digests).toHaveLength(1);
      expect(digests[0]!.template).toBe('registration-digest');
      expect(digests[0]!.subject).toBe('New registrations waiting for approval (25)');
      for (const input of inputs) expect(digests[0]!.subject).not.toContain(input.companyName);
      expect(digests[0]!.text).toContain(inputs[0]!.companyName);
      expect(digests[0]!.text).toContain('5 more');
    }
    expect(await portal.dataSource.getRepository(RegistrationNoticeEntity).count()).toBe(0);
  });
});
