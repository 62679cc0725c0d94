import { Secret, TOTP } from 'otpauth';
import { hashPassword } from '../../src/accounts/passwords';
import { OneTimeTokenKind } from '../../src/accounts/one-time-token.entity';
import { issueOneTimeToken } from '../../src/accounts/one-time-tokens';
import { SignInAttemptEntity } from '../../src/accounts/sign-in-attempt.entity';
import { verifyMfa } from '../../src/accounts/sign-in.service';
import { createApiKey } from '../../src/api-keys/api-keys.service';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import type { CompanyEntity } from '../../src/companies/company.entity';
import { UserInputProblem } from '../../src/common/user-errors';
import { PersonStatus, type PersonEntity } from '../../src/people/person.entity';
import { MFA_CHALLENGE_TTL_MS } from '../../src/two-factor/mfa-challenges';
import { RecoveryCodeEntity } from '../../src/two-factor/recovery-code.entity';
import { TotpCredentialEntity } from '../../src/two-factor/totp-credential.entity';
import {
  confirmTotpEnrollment,
  startTotpEnrollment,
} from '../../src/two-factor/two-factor.service';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import type { GraphQLResponse, TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';

const PASSWORD = 'a long and boring passphrase';
const STEP_MS = 30_000;

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    token mfaRequired mfaChallenge person { id } operator { id } userErrors { field code message }
  }
}`;
const VERIFY = `mutation ($challenge: String!, $code: String!) {
  verifyMfa(challenge: $challenge, code: $code) {
    token mfaRequired mfaChallenge person { id mfaEnabled } operator { id } userErrors { field code message }
  }
}`;
const ACCEPT_INVITATION = `mutation ($token: String!, $password: String!) {
  acceptInvitation(token: $token, password: $password) {
    token mfaRequired mfaChallenge person { id } operator { id } userErrors { field code message }
  }
}`;
const RESET_PASSWORD = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) { person { id mfaEnabled } userErrors { code } }
}`;
const START = `mutation { startTotpEnrollment { enrollment { secret uri } userErrors { field code message } } }`;
const CONFIRM = `mutation ($code: String!) {
  confirmTotpEnrollment(code: $code) { recoveryCodes userErrors { field code message } }
}`;
const DISABLE = `mutation ($password: String!, $code: String!) {
  disableTotp(password: $password, code: $code) { person { id mfaEnabled } userErrors { field code message } }
}`;
const REGENERATE = `mutation ($code: String!) {
  regenerateRecoveryCodes(code: $code) { recoveryCodes userErrors { field code message } }
}`;
const REQUIRE = `mutation ($required: Boolean!) {
  setCompanyMfaRequirement(required: $required) { company { id requireMfa } userErrors { field code } }
}`;
const ME = '{ me { id mfaEnabled mustEnrollMfa company { requireMfa } } }';
const SITES = '{ sites { totalCount } }';

type UserErrors = Array<{ field: string[] | null; code: string; message: string }>;
interface SignInAnswer {
  token: string | null;
  mfaRequired: boolean;
  mfaChallenge: string | null;
  person: { id: string } | null;
  operator: { id: string } | null;
  userErrors: UserErrors;
}

/**
 * Waits out the last moments of a 30-second step: a code computed now is then checked by the
 * server within the same step, so "one step either side" means the same to the test and to it.
 */
async function awayFromStepEdge(marginMs = 2_500): Promise<void> {
  const intoStep = Date.now() % STEP_MS;
  if (intoStep > STEP_MS - marginMs)
    await new Promise((resolve) => setTimeout(resolve, STEP_MS - intoStep + 100));
}

/** The authenticator app's code `steps` steps from now, computed with the server's library. */
function codeAt(secret: string, steps = 0, now = Date.now()): string {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp: now + steps * STEP_MS });
}

/** Six digits that are no current code of the secret (none of the steps a server accepts now). */
function wrongCode(secret: string): string {
  const accepted = new Set([-1, 0, 1].map((steps) => codeAt(secret, steps)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!accepted.has(candidate)) return candidate;
  }
}

function userErrorCodes(payload: { userErrors: UserErrors } | undefined): string[] {
  return payload?.userErrors.map((error) => error.code) ?? [];
}

function refusalCode(response: GraphQLResponse): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

/** The helpers every suite here shares, over one portal. */
function accountSecurityHelpers(portal: TestPortal) {
  async function newPerson(
    company?: CompanyEntity,
    overrides: Partial<PersonEntity> & { accessLevel?: PersonEntity['accessLevel'] } = {},
  ) {
    const dataSource = portal.dataSource;
    const home = company ?? (await buildCompany(dataSource, { billingSetupComplete: true }));
    const person = await buildPerson(dataSource, home, {
      passwordHash: await hashPassword(PASSWORD),
      locale: 'sv',
      ...overrides,
    });
    return {
      person,
      company: home,
      email: person.email,
      token: await tokenFor(dataSource, person),
    };
  }

  async function startEnrollment(token: string): Promise<{ secret: string; uri: string }> {
    const started = await portal.as<{
      startTotpEnrollment: { enrollment: { secret: string; uri: string }; userErrors: UserErrors };
    }>(token, START);
    expect(started.data?.startTotpEnrollment.userErrors).toEqual([]);
    return started.data!.startTotpEnrollment.enrollment;
  }

  function confirm(token: string, code: string) {
    return portal.as<{
      confirmTotpEnrollment: { recoveryCodes: string[] | null; userErrors: UserErrors };
    }>(token, CONFIRM, { code });
  }

  /** Turns two-factor sign-in on with the code of the step before now's (so now's is unused). */
  async function enroll(token: string) {
    const { secret } = await startEnrollment(token);
    await awayFromStepEdge();
    const confirmed = await confirm(token, codeAt(secret, -1));
    expect(confirmed.data?.confirmTotpEnrollment.userErrors).toEqual([]);
    return { secret, recoveryCodes: confirmed.data!.confirmTotpEnrollment.recoveryCodes! };
  }

  async function enrolledPerson(
    company?: CompanyEntity,
    overrides: Partial<PersonEntity> & { accessLevel?: PersonEntity['accessLevel'] } = {},
  ) {
    const person = await newPerson(company, overrides);
    return { ...person, ...(await enroll(person.token)) };
  }

  async function signIn(email: string, password = PASSWORD) {
    const response = await portal.gql<{ signIn: SignInAnswer }>(SIGN_IN, { email, password });
    return { answer: response.data!.signIn, response };
  }

  async function verify(challenge: string, code: string) {
    const response = await portal.gql<{ verifyMfa: SignInAnswer }>(VERIFY, { challenge, code });
    return { answer: response.data!.verifyMfa, response };
  }

  /** The password step's challenge: signIn with two-factor sign-in on. */
  async function challengeFor(email: string, password = PASSWORD): Promise<string> {
    const { answer } = await signIn(email, password);
    expect(answer).toMatchObject({ token: null, mfaRequired: true, userErrors: [] });
    return answer.mfaChallenge!;
  }

  /** The token of an invitation or reset link, as its email would carry it. */
  function emailedLink(person: PersonEntity, kind: OneTimeTokenKind): Promise<string> {
    const hour = 60 * 60 * 1000;
    return issueOneTimeToken(portal.dataSource.manager, person.id, kind, hour, new Date());
  }

  /** The invited person accepts from their email, choosing PASSWORD. */
  async function acceptInvitation(invitee: PersonEntity) {
    const token = await emailedLink(invitee, OneTimeTokenKind.INVITATION);
    return portal.gql<{ acceptInvitation: SignInAnswer }>(ACCEPT_INVITATION, {
      token,
      password: PASSWORD,
    });
  }

  async function auditKinds(subjectId: string): Promise<string[]> {
    const events = await portal.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { subjectId }, order: { createdAt: 'ASC' } });
    return events.map((event) => event.kind);
  }

  return {
    newPerson,
    startEnrollment,
    confirm,
    enroll,
    enrolledPerson,
    signIn,
    verify,
    challengeFor,
    emailedLink,
    acceptInvitation,
    auditKinds,
  };
}

describeOnDialects('two-factor sign-in on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal();
  const {
    newPerson,
    startEnrollment,
    confirm,
    enroll,
    enrolledPerson,
    signIn,
    verify,
    challengeFor,
    emailedLink,
    acceptInvitation,
    auditKinds,
  } = accountSecurityHelpers(portal);

  it('should set up two-factor sign-in with a first code, answer ten recovery codes, and keep only the sealed secret', async () => {
    const { person, email, token } = await newPerson();
    const first = await startEnrollment(token);
    // asking again before confirming: another secret, and the first one's codes stop counting
    const { secret, uri } = await startEnrollment(token);
    expect(secret).not.toBe(first.secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(new URL(uri).pathname)).toBe(`/Entry Portal:${email}`);
    await awayFromStepEdge();
    expect(
      userErrorCodes((await confirm(token, codeAt(first.secret))).data?.confirmTotpEnrollment),
    ).toEqual(['INVALID_CODE']);
    // two steps of drift are too many, either way; one is fine
    for (const steps of [-2, 2])
      expect(
        userErrorCodes((await confirm(token, codeAt(secret, steps))).data?.confirmTotpEnrollment),
      ).toEqual(['INVALID_CODE']);
    const confirmed = await confirm(token, codeAt(secret, -1));
    const { recoveryCodes, userErrors } = confirmed.data!.confirmTotpEnrollment;
    expect(userErrors).toEqual([]);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes!)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);

    const me = await portal.as<{ me: { mfaEnabled: boolean; mustEnrollMfa: boolean } }>(token, ME);
    expect(me.data?.me).toMatchObject({ mfaEnabled: true, mustEnrollMfa: false });
    // on: no new secret until it is turned off, and the one in use is never shown again
    const again = await portal.as<{ startTotpEnrollment: { userErrors: UserErrors } }>(
      token,
      START,
    );
    expect(userErrorCodes(again.data?.startTotpEnrollment)).toEqual(['MFA_ALREADY_ENABLED']);

    // at rest: the secret sealed with SECRETS_KEY, bound to its owner; the codes only as hashes
    const stored = await portal.dataSource
      .getRepository(TotpCredentialEntity)
      .findOneByOrFail({ personId: person.id });
    expect(stored.sealedSecret).toMatch(/^v1\./);
    expect(stored.sealedSecret).not.toContain(secret);
    expect(stored.sealedSecret).not.toContain(secret.toLowerCase());
    expect(portal.secrets.open(stored.sealedSecret, `totp person ${person.id}`)).toBe(secret);
    expect(() =>
      portal.secrets.open(stored.sealedSecret, `totp person ${person.companyId}`),
    ).toThrow();
    const hashes = await portal.dataSource
      .getRepository(RecoveryCodeEntity)
      .findBy({ personId: person.id });
    expect(hashes).toHaveLength(10);
    for (const { codeHash } of hashes) {
      expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes!.some((code) => codeHash.includes(code.replace(/-/g, '')))).toBe(false);
    }

    const mail = await smtp.waitForMailTo(email, 'two-factor-enabled');
    expect(mail.subject).toBe('Tvåstegsinloggning är på för ditt konto i Entry Portal');
    expect(mail.link('/profile')).toBe('http://portal.test/profile');
    expect(mail.text).not.toContain(secret);
    expect(await auditKinds(person.id)).toEqual(['person.mfa_enabled']);
  });

  it('should sign in in two steps: a challenge for the password, the session for a code, each code once', async () => {
    const { person, email, secret } = await enrolledPerson();
    const { answer: first, response } = await signIn(email);
    expect(first).toMatchObject({ token: null, person: null, operator: null, mfaRequired: true });
    expect(first.mfaChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.headers.get('set-cookie')).toBeNull();

    const code = codeAt(secret);
    const verified = await verify(first.mfaChallenge!, code);
    // exactly what signIn answers without two-factor sign-in: the token, the person, the cookie
    expect(verified.answer).toMatchObject({
      mfaRequired: false,
      mfaChallenge: null,
      person: { id: person.id, mfaEnabled: true },
      operator: null,
      userErrors: [],
    });
    expect(verified.response.headers.get('set-cookie')).toMatch(/^portal_session=.+HttpOnly/);
    const me = await portal.as<{ me: { id: string } }>(verified.answer.token!, ME);
    expect(me.data?.me.id).toBe(person.id);

    // the same code again, with a new challenge: used already
    const second = await challengeFor(email);
    const reused = await verify(second, code);
    expect(reused.answer.token).toBeNull();
    expect(reused.answer.userErrors).toEqual([
      expect.objectContaining({ field: ['code'], code: 'INVALID_CODE' }),
    ]);
    // a used challenge is spent, whatever the code
    const spent = await verify(first.mfaChallenge!, codeAt(secret, 1));
    expect(spent.answer.userErrors).toEqual([
      expect.objectContaining({ field: ['challenge'], code: 'MFA_CHALLENGE_EXPIRED' }),
    ]);
    // one step of drift ahead is accepted; two are not
    await awayFromStepEdge();
    expect(userErrorCodes((await verify(second, codeAt(secret, 2))).answer)).toEqual([
      'INVALID_CODE',
    ]);
    expect((await verify(second, codeAt(secret, 1))).answer.token).toEqual(expect.any(String));
  });

  it('should sign in once with each recovery code, typed loosely, and email how many are left', async () => {
    const { person, email, recoveryCodes } = await enrolledPerson(undefined, { locale: 'fr' });
    const code = recoveryCodes[0]!;
    const loosely = code.toLowerCase().replace(/-/g, ' ');
    const used = await verify(await challengeFor(email), loosely);
    expect(used.answer).toMatchObject({ person: { id: person.id }, userErrors: [] });
    expect(used.answer.token).toEqual(expect.any(String));

    const mail = await smtp.waitForMailTo(email, 'recovery-code-used');
    expect(mail.subject).toBe(
      'Un code de récupération a servi à se connecter à votre compte Entry Portal',
    );
    expect(mail.text).toContain('Codes de récupération inutilisés restants : 9.');
    expect(await auditKinds(person.id)).toEqual([
      'person.mfa_enabled',
      'person.recovery_code_used',
    ]);

    const again = await verify(await challengeFor(email), code);
    expect(userErrorCodes(again.answer)).toEqual(['INVALID_CODE']);
    expect((await verify(await challengeFor(email), recoveryCodes[1]!)).answer.token).toEqual(
      expect.any(String),
    );
  });

  it('should let a challenge expire after 5 minutes', async () => {
    const { email, secret } = await enrolledPerson();
    const challenge = await challengeFor(email);
    const later = new Date(Date.now() + MFA_CHALLENGE_TTL_MS + 1_000);
    const meta = { ip: '127.0.0.1', userAgent: 'test' };
    const expired = verifyMfa(
      portal.dataSource,
      portal.secrets,
      portal.config.publicUrl,
      challenge,
      codeAt(secret, 0, later.getTime()),
      meta,
      later,
    );
    await expect(expired).rejects.toThrow(UserInputProblem);
    await expect(expired).rejects.toMatchObject({
      problems: [{ field: ['challenge'], code: 'MFA_CHALLENGE_EXPIRED' }],
    });
    // within the 5 minutes it still works
    expect((await verify(challenge, codeAt(secret))).answer.token).toEqual(expect.any(String));
  });

  it('should kill a challenge after 5 wrong codes and count them in the sign-in throttle', async () => {
    const { email, secret } = await enrolledPerson();
    const challenge = await challengeFor(email);
    const wrong = wrongCode(secret);
    for (let i = 0; i < 5; i++)
      expect(userErrorCodes((await verify(challenge, wrong)).answer)).toEqual(['INVALID_CODE']);
    const dead = await verify(challenge, codeAt(secret));
    expect(userErrorCodes(dead.answer)).toEqual(['MFA_CHALLENGE_EXPIRED']);

    const attempts = await portal.dataSource
      .getRepository(SignInAttemptEntity)
      .findBy({ emailKey: email });
    expect(attempts.filter((attempt) => attempt.succeeded === false)).toHaveLength(5);
    // the right password does not wipe them: this address from this IP waits now
    const { answer } = await signIn(email);
    expect(answer.mfaChallenge).toBeNull();
    expect(userErrorCodes(answer)).toEqual(['THROTTLED']);
  });

  it('should make new recovery codes with a current code, and stop the old ones', async () => {
    const { person, email, token, secret, recoveryCodes } = await enrolledPerson();
    const regenerate = (code: string) =>
      portal.as<{
        regenerateRecoveryCodes: { recoveryCodes: string[] | null; userErrors: UserErrors };
      }>(token, REGENERATE, { code });
    const refused = await regenerate(wrongCode(secret));
    expect(userErrorCodes(refused.data?.regenerateRecoveryCodes)).toEqual(['INVALID_CODE']);
    const failures = await portal.dataSource
      .getRepository(SignInAttemptEntity)
      .findBy({ emailKey: email, succeeded: false });
    expect(failures).toHaveLength(1);

    const fresh = (await regenerate(codeAt(secret))).data!.regenerateRecoveryCodes.recoveryCodes!;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => recoveryCodes.includes(code))).toEqual([]);
    const mail = await smtp.waitForMailTo(email, 'recovery-codes-regenerated');
    expect(mail.subject).toBe('Nya återställningskoder för ditt konto i Entry Portal');
    expect(await auditKinds(person.id)).toEqual([
      'person.mfa_enabled',
      'person.recovery_codes_regenerated',
    ]);
    expect(
      userErrorCodes((await verify(await challengeFor(email), recoveryCodes[0]!)).answer),
    ).toEqual(['INVALID_CODE']);
    expect((await verify(await challengeFor(email), fresh[0]!)).answer.token).toEqual(
      expect.any(String),
    );
  });

  it('should still ask for a code after a password reset: the emailed link is no second factor', async () => {
    const { person, email, secret } = await enrolledPerson();
    const link = await emailedLink(person, OneTimeTokenKind.PASSWORD_RESET);
    const reset = await portal.gql<{ resetPassword: { person: { mfaEnabled: boolean } } }>(
      RESET_PASSWORD,
      { token: link, password: 'another long passphrase' },
    );
    expect(reset.data?.resetPassword.person.mfaEnabled).toBe(true);
    const challenge = await challengeFor(email, 'another long passphrase');
    expect((await verify(challenge, codeAt(secret))).answer.person?.id).toBe(person.id);
  });

  it('should answer acceptInvitation with a challenge when the invited person has two-factor sign-in on', async () => {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const invitee = await buildPerson(portal.dataSource, company, {
      accessLevel: 'SYSTEM_ADMIN',
      status: PersonStatus.INVITED,
    });
    // set up through the services: an invitee cannot sign in to do it
    const deps = { dataSource: portal.dataSource, secrets: portal.secrets, config: portal.config };
    const account = { kind: 'person' as const, person: invitee };
    const { secret } = await startTotpEnrollment(deps, account);
    await awayFromStepEdge();
    await confirmTotpEnrollment(deps, account, codeAt(secret, -1), { viewer: null, ip: null });
    const accepted = await acceptInvitation(invitee);
    const answer = accepted.data!.acceptInvitation;
    expect(answer).toMatchObject({ token: null, person: null, mfaRequired: true, userErrors: [] });
    expect(accepted.headers.get('set-cookie')).toBeNull();
    const verified = await verify(answer.mfaChallenge!, codeAt(secret));
    expect(verified.answer.person?.id).toBe(invitee.id);
  });

  it('should turn two-factor sign-in off with the password and a code, and email the person', async () => {
    const { person, email, token, secret } = await enrolledPerson(undefined, { locale: 'nl' });
    const disable = (password: string, code: string) =>
      portal.as<{
        disableTotp: { person: { mfaEnabled: boolean } | null; userErrors: UserErrors };
      }>(token, DISABLE, { password, code });
    expect(
      userErrorCodes((await disable('not my password', codeAt(secret))).data?.disableTotp),
    ).toEqual(['WRONG_PASSWORD']);
    const off = await disable(PASSWORD, codeAt(secret));
    expect(off.data?.disableTotp).toEqual({
      person: { id: person.id, mfaEnabled: false },
      userErrors: [],
    });
    expect(
      await portal.dataSource.getRepository(TotpCredentialEntity).countBy({ personId: person.id }),
    ).toBe(0);
    expect(
      await portal.dataSource.getRepository(RecoveryCodeEntity).countBy({ personId: person.id }),
    ).toBe(0);
    const mail = await smtp.waitForMailTo(email, 'two-factor-disabled');
    expect(mail.subject).toBe('Tweestapsaanmelding staat uit voor uw Entry Portal-account');
    expect(await auditKinds(person.id)).toEqual(['person.mfa_enabled', 'person.mfa_disabled']);
    // one step again: the password alone signs in
    const { answer } = await signIn(email);
    expect(answer).toMatchObject({ mfaRequired: false, person: { id: person.id } });
    // and it can be set up again, with a new secret
    expect((await enroll(token)).recoveryCodes).toHaveLength(10);
  });
});

describeOnDialects('the company requirement of two-factor sign-in on %s', (suite) => {
  const portal = suite.startPortal();
  const { newPerson, enroll, signIn, verify, challengeFor, acceptInvitation, auditKinds } =
    accountSecurityHelpers(portal);

  it('should limit people without it to setting it up, keep them from turning it off, and leave API keys alone', async () => {
    const {
      person: admin,
      company,
      token: adminToken,
    } = await newPerson(undefined, {
      accessLevel: 'PAYMENT_ADMIN',
      locale: 'en',
    });
    const { token: colleagueToken } = await newPerson(company, {
      accessLevel: 'SYSTEM_ADMIN',
      locale: 'nl',
    });
    const viewer = { kind: 'person' as const, person: admin, company, mustEnrollMfa: false };
    const { secret: apiKey } = await createApiKey(
      portal.dataSource,
      viewer,
      { name: 'Door app', scopes: ['SITES_READ'] },
      { viewer, ip: null },
    );

    // only a payment admin decides
    const bySystemAdmin = await portal.as(colleagueToken, REQUIRE, { required: true });
    expect(refusalCode(bySystemAdmin)).toBe('FORBIDDEN');
    const required = await portal.as<{
      setCompanyMfaRequirement: { company: { requireMfa: boolean } };
    }>(adminToken, REQUIRE, { required: true });
    expect(required.data?.setCompanyMfaRequirement.company.requireMfa).toBe(true);
    expect(await auditKinds(company.id)).toEqual(['company.mfa_requirement_changed']);

    // from the next request on, both of them may only set it up
    const me = await portal.as<{
      me: { mustEnrollMfa: boolean; company: { requireMfa: boolean } };
    }>(colleagueToken, ME);
    expect(me.data?.me).toMatchObject({ mustEnrollMfa: true, company: { requireMfa: true } });
    const limited = await portal.as(colleagueToken, SITES);
    expect(refusalCode(limited)).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(limited.errors?.[0]?.message).toBe(
      'Stel tweestapsaanmelding in voordat u verdergaat: dit is verplicht voor uw account.',
    );
    expect(refusalCode(await portal.as(colleagueToken, '{ mySessions { id } }'))).toBe(
      'MFA_ENROLLMENT_REQUIRED',
    );
    // the admin too, even for turning the requirement off again: set it up first
    expect(refusalCode(await portal.as(adminToken, REQUIRE, { required: false }))).toBe(
      'MFA_ENROLLMENT_REQUIRED',
    );
    // an API key is no person: not affected
    const byKey = await portal.as<{ sites: { totalCount: number } }>(apiKey, SITES);
    expect(byKey.errors).toBeUndefined();
    // signing out still works
    const spare = await tokenFor(portal.dataSource, admin);
    expect((await portal.as(spare, 'mutation { signOut }')).data).toEqual({ signOut: true });
    expect((await portal.as(spare, ME)).data).toEqual({ me: null });

    const { secret } = await enroll(colleagueToken);
    expect((await portal.as(colleagueToken, SITES)).errors).toBeUndefined();
    const keepOn = await portal.as<{ disableTotp: { userErrors: UserErrors } }>(
      colleagueToken,
      DISABLE,
      {
        password: PASSWORD,
        code: codeAt(secret),
      },
    );
    expect(keepOn.data?.disableTotp.userErrors).toEqual([
      expect.objectContaining({
        code: 'MFA_REQUIRED',
        message:
          'Tweestapsaanmelding is verplicht voor uw account en kan daarom niet worden uitgeschakeld.',
      }),
    ]);

    // the admin sets it up, lifts the requirement, and the colleague may turn it off again
    await enroll(adminToken);
    const lifted = await portal.as<{
      setCompanyMfaRequirement: { company: { requireMfa: boolean } };
    }>(adminToken, REQUIRE, { required: false });
    expect(lifted.data?.setCompanyMfaRequirement.company.requireMfa).toBe(false);
    const off = await portal.as<{ disableTotp: { userErrors: UserErrors } }>(
      colleagueToken,
      DISABLE,
      {
        password: PASSWORD,
        code: codeAt(secret, 1),
      },
    );
    expect(off.data?.disableTotp.userErrors).toEqual([]);
  });

  it('should let an invited person of such a company accept, set it up, then sign in in two steps', async () => {
    const company = await buildCompany(portal.dataSource, {
      billingSetupComplete: true,
      requireMfa: true,
    });
    const invitee = await buildPerson(portal.dataSource, company, {
      accessLevel: 'SITE_ADMIN',
      status: PersonStatus.INVITED,
    });
    const accepted = await acceptInvitation(invitee);
    const token = accepted.data!.acceptInvitation.token!;
    expect(accepted.data?.acceptInvitation.mfaRequired).toBe(false);
    expect(refusalCode(await portal.as(token, SITES))).toBe('MFA_ENROLLMENT_REQUIRED');
    const { secret } = await enroll(token);
    expect((await portal.as(token, SITES)).errors).toBeUndefined();

    const { answer } = await signIn(invitee.email);
    expect(answer.mfaRequired).toBe(true);
    const verified = await verify(await challengeFor(invitee.email), codeAt(secret));
    expect(verified.answer.person?.id).toBe(invitee.id);
  });
});

describeOnDialects('operators and two-factor sign-in on %s', (suite) => {
  const OPERATOR = { email: 'ops.mfa@vendor.example', password: 'operator passphrase 2026' };
  const { portal, smtp } = suite.startMailingPortal({
    OPERATOR_EMAIL: OPERATOR.email,
    OPERATOR_PASSWORD: OPERATOR.password,
    OPERATOR_REQUIRE_MFA: 'true',
  });
  const { confirm, startEnrollment, signIn, verify, auditKinds } = accountSecurityHelpers(portal);

  it('should hold an operator to setting it up under OPERATOR_REQUIRE_MFA, then ask for a code at every sign-in', async () => {
    const { answer: first } = await signIn(OPERATOR.email, OPERATOR.password);
    expect(first.mfaRequired).toBe(false);
    const token = first.token!;
    const whoAmI = '{ currentOperator { id mfaEnabled mustEnrollMfa mfaRequired } }';
    const before = await portal.as<{ currentOperator: { mustEnrollMfa: boolean } }>(token, whoAmI);
    expect(before.data?.currentOperator).toMatchObject({
      mfaEnabled: false,
      mustEnrollMfa: true,
      mfaRequired: true,
    });
    expect(refusalCode(await portal.as(token, '{ pendingRegistrations { id } }'))).toBe(
      'MFA_ENROLLMENT_REQUIRED',
    );

    const { secret } = await startEnrollment(token);
    await awayFromStepEdge();
    expect(
      (await confirm(token, codeAt(secret, -1))).data?.confirmTotpEnrollment.recoveryCodes,
    ).toHaveLength(10);
    expect((await portal.as(token, '{ pendingRegistrations { id } }')).errors).toBeUndefined();
    const mail = await smtp.waitForMailTo(OPERATOR.email, 'two-factor-enabled');
    expect(mail.subject).toBe('Two-factor sign-in is on for your Entry Portal account');
    expect(await auditKinds(first.operator!.id)).toEqual(['operator.mfa_enabled']);

    const off = await portal.as<{ disableTotp: { person: null; userErrors: UserErrors } }>(
      token,
      DISABLE,
      { password: OPERATOR.password, code: codeAt(secret) },
    );
    expect(userErrorCodes(off.data?.disableTotp)).toEqual(['MFA_REQUIRED']);

    const { answer: second } = await signIn(OPERATOR.email, OPERATOR.password);
    expect(second).toMatchObject({ token: null, mfaRequired: true });
    const verified = await verify(second.mfaChallenge!, codeAt(secret));
    expect(verified.answer).toMatchObject({ person: null, operator: { id: first.operator!.id } });
    expect(verified.answer.token).toEqual(expect.any(String));
  });
});
