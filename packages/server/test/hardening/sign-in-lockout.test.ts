import type Redis from 'ioredis';
import { hashPassword } from '../../src/accounts/passwords';
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_IP_ATTEMPT_LIMIT,
  IP_ATTEMPT_LIMIT,
  KNOWN_IP_MS,
  MAX_DELAY_MS,
  progressiveDelayMs,
  purgeOldSignInAttempts,
} from '../../src/accounts/sign-in-throttle';
import { SignInAttemptEntity } from '../../src/accounts/sign-in-attempt.entity';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import { buildCompany, buildPerson } from '../factories';
import { gqlFrom } from '../support/client-address';
import { describeOnDialects } from '../support/dialects';
import {
  deleteRedisKeys,
  openTestRedis,
  redisTestPrefix,
  shiftThrottleTimes,
  testRedisUrl,
} from '../support/redis';

const PASSWORD = 'a long and proper passphrase';
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token userErrors { code message } }
}`;
const RESET_REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) { person { id } userErrors { code } }
}`;
type SignInResult = {
  signIn: { token: string | null; userErrors: Array<{ code: string; message: string }> };
};

/** A fresh loopback address per call: a client IP no test has used yet. */
let clientNumber = 0;
const nextClient = () => `127.1.${Math.floor(++clientNumber / 250)}.${(clientNumber % 250) + 2}`;

describe('the account-wide delay', () => {
  it('should grow 1, 2, 4, 8 minutes after the free failures and stop at 15', () => {
    const minutes = Array.from({ length: 8 }, (_, i) =>
      progressiveDelayMs(ACCOUNT_FREE_FAILURES - 1 + i),
    ).map((ms) => ms / 60_000);
    expect(minutes).toEqual([0, 1, 2, 4, 8, 15, 15, 15]);
    expect(MAX_DELAY_MS).toBe(15 * 60_000);
  });
});

const REDIS_URL = testRedisUrl();
/** Where the throttle counts: the database always, and Redis (REDIS_URL) when one answers. */
const stores = REDIS_URL ? (['the database', 'Redis'] as const) : (['the database'] as const);

describe.each(stores)('counted in %s', (store) => {
  describeOnDialects('sign-in lock-out on %s', (suite) => {
    // a prefix per run and dialect, its keys deleted after
    const prefix = redisTestPrefix('throttle');
    const portal = suite.startPortal(
      store === 'Redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {},
    );
    let redis: Redis | null = null;
    beforeAll(async () => {
      if (store === 'Redis') redis = await openTestRedis(REDIS_URL);
    });
    afterAll(async () => {
      if (!redis) return;
      await deleteRedisKeys(redis, prefix);
      redis.disconnect();
    });

    async function account(): Promise<string> {
      const company = await buildCompany(portal.dataSource);
      const person = await buildPerson(portal.dataSource, company, {
        passwordHash: await hashPassword(PASSWORD),
      });
      return person.email;
    }
    const signIn = (from: string, email: string, password: string) =>
      gqlFrom<SignInResult>(portal.url, from, SIGN_IN, { email, password });
    const outcome = (answer: Awaited<ReturnType<typeof signIn>>) =>
      answer.data?.signIn.token ? 'OK' : (answer.data?.signIn.userErrors[0]?.code ?? 'ERROR');
    /** as if every attempt so far had been made `ms` earlier */
    const travel = async (ms: number) => {
      const repository = portal.dataSource.getRepository(SignInAttemptEntity);
      for (const row of await repository.find())
        await repository.update(
          { id: row.id },
          { createdAt: new Date(row.createdAt.getTime() - ms) },
        );
      if (redis) await shiftThrottleTimes(redis, prefix, ms);
    };

    it("should let the owner sign in from another IP when an attacker's IP is throttled on the account", async () => {
      const email = await account();
      const attacker = nextClient();
      const tries: string[] = [];
      for (let i = 0; i <= ACCOUNT_IP_ATTEMPT_LIMIT; i++)
        tries.push(outcome(await signIn(attacker, email, `guess number ${i}`)));
      expect(tries.at(-1)).toBe('THROTTLED');
      expect(outcome(await signIn(attacker, email, PASSWORD))).toBe('THROTTLED');
      expect(outcome(await signIn(nextClient(), email, PASSWORD))).toBe('OK');
    });

    it('should slow guessing from many IPs progressively but let the owner in from an IP they used before', async () => {
      const email = await account();
      const home = nextClient();
      expect(outcome(await signIn(home, email, PASSWORD))).toBe('OK');
      for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
        expect(outcome(await signIn(nextClient(), email, `guess ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );

      const delayed = await signIn(nextClient(), email, `guess ${ACCOUNT_FREE_FAILURES}`);
      expect(delayed.data?.signIn.userErrors[0]).toEqual({
        code: 'THROTTLED',
        message: 'Too many attempts. Try again in 1 minutes.',
      });
      // the owner's usual network is not held up by the delay the guessing earned
      expect(outcome(await signIn(home, email, PASSWORD))).toBe('OK');

      // the owner's success started the counts afresh: guess again, 10 free, then 1 minute...
      for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
        expect(outcome(await signIn(nextClient(), email, `guess again ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      await travel(61_000);
      expect(outcome(await signIn(nextClient(), email, 'after one minute'))).toBe(
        'INVALID_CREDENTIALS',
      );
      // ...then 2 minutes after the 11th failure, for the right password too from a new IP
      const twoMinutes = await signIn(nextClient(), email, PASSWORD);
      expect(twoMinutes.data?.signIn.userErrors[0]?.message).toBe(
        'Too many attempts. Try again in 2 minutes.',
      );
      await travel(121_000);
      expect(outcome(await signIn(nextClient(), email, PASSWORD))).toBe('OK');
    });

    it('should let the owner in from a new IP after a password reset when guessing delays every unknown IP', async () => {
      const email = await account();
      for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
        expect(outcome(await signIn(nextClient(), email, `guess ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      const travelling = nextClient();
      expect(outcome(await signIn(travelling, email, PASSWORD))).toBe('THROTTLED');

      await gqlFrom(portal.url, travelling, RESET_REQUEST, { email });
      const mail = await portal.dataSource
        .getRepository(MailOutboxEntity)
        .findOneByOrFail({ toAddress: email, template: 'password-reset' });
      const token = /token=([\w-]+)/.exec(mail.text)?.[1];
      const reset = await gqlFrom<{ resetPassword: { userErrors: unknown[] } }>(
        portal.url,
        travelling,
        RESET,
        { token, password: 'a brand new passphrase 2026' },
      );
      expect(reset.data?.resetPassword.userErrors).toEqual([]);
      expect(outcome(await signIn(travelling, email, 'a brand new passphrase 2026'))).toBe('OK');
    });

    it('should purge failures after a day and keep a known IP for 30 days when housekeeping runs', async () => {
      const email = await account();
      const client = nextClient();
      expect(outcome(await signIn(client, email, 'wrong once'))).toBe('INVALID_CREDENTIALS');
      expect(outcome(await signIn(client, email, PASSWORD))).toBe('OK');
      const repository = portal.dataSource.getRepository(SignInAttemptEntity);
      const mine = () => repository.findBy({ emailKey: email });
      await purgeOldSignInAttempts(portal.dataSource, new Date(Date.now() + 25 * 60 * 60 * 1000));
      expect((await mine()).map((row) => row.succeeded)).toEqual([true]);
      await purgeOldSignInAttempts(portal.dataSource, new Date(Date.now() + KNOWN_IP_MS + 60_000));
      expect(await mine()).toEqual([]);
    });

    it('should still refuse an IP after its failures across accounts reach the per-IP limit', async () => {
      const sprayer = nextClient();
      for (let i = 0; i < IP_ATTEMPT_LIMIT; i++)
        expect(outcome(await signIn(sprayer, `spray.${i}.${Date.now()}@example.com`, 'x'))).toBe(
          'INVALID_CREDENTIALS',
        );
      const email = await account();
      expect(outcome(await signIn(sprayer, email, PASSWORD))).toBe('THROTTLED');
      expect(outcome(await signIn(nextClient(), email, PASSWORD))).toBe('OK');
    });

    it('should let at most 5 of 10 wrong passwords batched as aliases in one request be checked', async () => {
      const email = await account();
      const client = nextClient();
      const aliases = Array.from(
        { length: 10 },
        (_, i) =>
          `a${i}: signIn(email: $email, password: "wrong guess ${i}") { token userErrors { code } }`,
      ).join('\n');
      const answer = await gqlFrom<Record<string, SignInResult['signIn']>>(
        portal.url,
        client,
        `mutation ($email: String!) { ${aliases} }`,
        { email },
      );
      const codes = Object.values(answer.data!).map((result) => result.userErrors[0]?.code);
      expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(
        ACCOUNT_IP_ATTEMPT_LIMIT,
      );
      expect(codes.filter((code) => code === 'THROTTLED').length).toBeGreaterThanOrEqual(
        10 - ACCOUNT_IP_ATTEMPT_LIMIT,
      );
      expect(outcome(await signIn(client, email, PASSWORD))).toBe('THROTTLED');
    });

    if (store === 'Redis')
      it('should write nothing to the database for failed tries, only the successes it remembers IPs by', async () => {
        const email = await account();
        const client = nextClient();
        expect(outcome(await signIn(client, email, 'wrong once'))).toBe('INVALID_CREDENTIALS');
        expect(outcome(await signIn(client, email, PASSWORD))).toBe('OK');
        const rows = await portal.dataSource
          .getRepository(SignInAttemptEntity)
          .findBy({ emailKey: email });
        expect(rows.map((row) => row.succeeded)).toEqual([true]);
        const keys = await redis!.keys(`${prefix}si:*`);
        // hashed: Redis holds no address
        expect(keys.some((key) => key.includes(email))).toBe(false);
        expect(await redis!.pttl(keys.find((key) => key.includes(':si:ip:'))!)).toBeGreaterThan(0);
      });
  });
});
