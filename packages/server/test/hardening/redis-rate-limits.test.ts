import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimitCounterEntity } from '../../src/rate-limits/rate-limit-counter.entity';
import { gqlFrom } from '../support/client-address';
import { startTestPortal, type TestPortal } from '../portal';

type RegisterResult = {
  register: { company: { id: string } | null; userErrors: Array<{ code: string }> };
};
const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { company { id } userErrors { code } }
}`;

/**
 * The Redis the root test script found (TEST_REDIS_URL, redis://127.0.0.1:6379 by default; CI
 * starts one). Without it the suite is skipped, except in CI, where that is a failure.
 */
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? '';
if (!REDIS_URL && process.env['CI'] === 'true')
  throw new Error(
    'CI=true but TEST_REDIS_URL is not set: the Redis rate-limit suite would be skipped',
  );
const describeWithRedis = REDIS_URL ? describe : describe.skip;

const registration = (n: number) => ({
  type: 'INSTALLER',
  country: 'NL',
  companyName: `Redis Deuren ${n} B.V.`,
  companyAddress: 'Damrak 1, 1012 LG Amsterdam',
  firstName: 'Sanne',
  lastName: 'de Vries',
  email: `redis.registrant.${n}.${Date.now()}@example.com`,
});

/**
 * Two portals on two separate databases (SQLite files: nothing shared there) and one Redis: a
 * limit that holds across them is counted in Redis, nowhere else.
 */
describeWithRedis('rate limits counted in Redis (REDIS_URL)', () => {
  const prefix = `entry-test-${randomUUID().slice(0, 8)}:`;
  let redis: Redis;
  let portals: TestPortal[] = [];

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      REGISTRATION_LIMIT_PER_HOUR: '10',
    };
    try {
      portals = [await startTestPortal('sqlite', env), await startTestPortal('sqlite', env)];
    } catch (error) {
      for (const portal of portals) await portal.close();
      redis.disconnect();
      throw error;
    }
  });

  afterAll(async () => {
    for (const portal of portals) await portal.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('should let exactly 10 of 24 registrations from one IP through, spread over two servers at once, and write no counter rows', async () => {
    const client = '127.0.9.41';
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        gqlFrom<RegisterResult>(portals[n % 2]!.url, client, REGISTER, {
          input: registration(n),
        }),
      ),
    );
    const codes = answers.map(
      (answer) => answer.data?.register.userErrors.map((error) => error.code).join() ?? 'ERROR',
    );
    expect(codes.filter((code) => code === '')).toHaveLength(10);
    expect(codes.filter((code) => code === 'THROTTLED')).toHaveLength(14);
    for (const portal of portals)
      expect(await portal.dataSource.getRepository(RateLimitCounterEntity).count()).toBe(0);
    const keys = await redis.keys(`${prefix}rl:*`);
    // the per-IP bucket and one per address, each expiring with its window
    expect(keys.length).toBe(25);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000 + 1000);
  });

  it('should answer 503 with Retry-After, not let the request through, while Redis does not answer', async () => {
    const portal = await startTestPortal('sqlite', {
      // nothing listens there: Redis is "down"
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_KEY_PREFIX: prefix,
    });
    try {
      const answer = await gqlFrom<RegisterResult>(portal.url, '127.0.9.42', REGISTER, {
        input: registration(100),
      });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await portal.close();
    }
  });
});
