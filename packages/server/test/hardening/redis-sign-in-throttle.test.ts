import { hashPassword } from '../../src/accounts/passwords';
import { SignInAttemptEntity } from '../../src/accounts/sign-in-attempt.entity';
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_IP_ATTEMPT_LIMIT,
} from '../../src/accounts/sign-in-throttle';
import { buildCompany, buildPerson } from '../factories';
import { gqlFrom } from '../support/client-address';
import { testRedisUrl, twoPortalsOnOneRedis, withRedisDown } from '../support/redis';

const REDIS_URL = testRedisUrl();
const describeWithRedis = REDIS_URL ? describe : describe.skip;

const PASSWORD = 'a long and proper passphrase';
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token userErrors { code message } }
}`;
type SignInResult = {
  signIn: { token: string | null; userErrors: Array<{ code: string; message: string }> };
};

let clientNumber = 0;
const nextClient = () => `127.2.${Math.floor(++clientNumber / 250)}.${(clientNumber % 250) + 2}`;

/**
 * Two portals on two separate databases (SQLite files: nothing shared there) and one Redis: a
 * throttle that holds across them is counted in Redis, nowhere else. The account exists in both
 * databases under one address, as it would in the one database two processes share.
 */
describeWithRedis('the sign-in throttle counted in Redis (REDIS_URL) across two processes', () => {
  const shared = twoPortalsOnOneRedis('throttle2');

  async function account(): Promise<string> {
    const email = `throttled.${++clientNumber}.${Date.now()}@example.com`;
    const passwordHash = await hashPassword(PASSWORD);
    for (const portal of shared.portals)
      await buildPerson(portal.dataSource, await buildCompany(portal.dataSource), {
        email,
        passwordHash,
      });
    return email;
  }
  const signIn = (portal: number, from: string, email: string, password: string) =>
    gqlFrom<SignInResult>(shared.portals[portal]!.url, from, SIGN_IN, { email, password });
  const outcome = (answer: Awaited<ReturnType<typeof signIn>>) =>
    answer.data?.signIn.token ? 'OK' : (answer.data?.signIn.userErrors[0]?.code ?? 'ERROR');

  it('should throttle an (account, IP) after 5 failures spread over two processes', async () => {
    const email = await account();
    const attacker = nextClient();
    const tries: string[] = [];
    for (let i = 0; i <= ACCOUNT_IP_ATTEMPT_LIMIT; i++)
      tries.push(outcome(await signIn(i % 2, attacker, email, `guess ${i}`)));
    expect(tries).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'THROTTLED']);
    // neither process checks the right password from there now
    expect(outcome(await signIn(0, attacker, email, PASSWORD))).toBe('THROTTLED');
    expect(outcome(await signIn(1, attacker, email, PASSWORD))).toBe('THROTTLED');
  });

  it('should let at most 5 of 12 wrong passwords sent to both processes at once be checked', async () => {
    const email = await account();
    const attacker = nextClient();
    const codes = (
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => signIn(i % 2, attacker, email, `at once ${i}`)),
      )
    ).map(outcome);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(
      ACCOUNT_IP_ATTEMPT_LIMIT,
    );
    expect(codes.filter((code) => code === 'THROTTLED').length).toBeGreaterThanOrEqual(
      12 - ACCOUNT_IP_ATTEMPT_LIMIT,
    );
    expect(codes.filter((code) => !['INVALID_CREDENTIALS', 'THROTTLED'].includes(code))).toEqual(
      [],
    );
  });

  it("should delay an account guessed on both processes, and start its counts afresh on both after the owner's sign-in on one", async () => {
    const email = await account();
    const home = nextClient();
    expect(outcome(await signIn(0, home, email, PASSWORD))).toBe('OK');
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
      expect(outcome(await signIn(i % 2, nextClient(), email, `guess ${i}`))).toBe(
        'INVALID_CREDENTIALS',
      );
    const delayed = await signIn(1, nextClient(), email, 'one more');
    expect(delayed.data?.signIn.userErrors[0]?.message).toBe(
      'Too many attempts. Try again in 1 minutes.',
    );
    // the owner's usual network (known to process 0's database) signs in: the counts start afresh
    expect(outcome(await signIn(0, home, email, PASSWORD))).toBe('OK');
    expect(outcome(await signIn(1, nextClient(), email, 'guess afresh'))).toBe(
      'INVALID_CREDENTIALS',
    );
    // failures were counted in Redis only: each database holds the one success it was told of
    const rows = await shared.portals[1]!.dataSource.getRepository(SignInAttemptEntity).countBy({
      emailKey: email,
    });
    expect(rows).toBe(0);
  });

  it('should answer a sign-in 503 with Retry-After, and check no password, while Redis does not answer', async () => {
    await withRedisDown(async (portal) => {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company, {
        passwordHash: await hashPassword(PASSWORD),
      });
      const answer = await gqlFrom<SignInResult>(portal.url, nextClient(), SIGN_IN, {
        email: person.email,
        password: PASSWORD,
      });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(answer.data?.signIn?.token ?? null).toBeNull();
      expect(await portal.dataSource.getRepository(SignInAttemptEntity).count()).toBe(0);
    });
  });
});
