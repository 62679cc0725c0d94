import express from 'express';
import {
  devOutboxRouter,
  type DevOutboxMessage,
  type DevOutboxPage,
} from '../../src/mail/dev-outbox.router';
import { mailLinks } from '../../src/mail/mail-links';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import { enqueueMail } from '../../src/mail/outbox';
import { silentLogger } from '../../src/observability/logger';
import { describeOnDialects } from '../support/dialects';
import { serveOnLoopback } from '../support/loopback-server';

const links = mailLinks('http://portal.test');

/** The REST routes' refusal (http/rest-auth.ts) */
interface RestError {
  readonly error: { readonly code: string; readonly message: string };
}

describeOnDialects('dev outbox API on %s', (suite) => {
  suite.openMigratedDatabase();
  const dataSource = suite.dataSource;
  const server = suite.startBefore(
    () => {
      const app = express();
      app.use('/api/dev/outbox', devOutboxRouter(dataSource, silentLogger));
      return serveOnLoopback(app);
    },
    (started) => started.close(),
  );
  let baseUrl: string;
  /** ids in the order written: the oldest first */
  const written: string[] = [];

  async function get<T>(
    path: string,
    language?: string,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(
      `${baseUrl}${path}`,
      language ? { headers: { 'accept-language': language } } : {},
    );
    return {
      status: response.status,
      body: (await response.json()) as T,
      headers: response.headers,
    };
  }

  beforeAll(async () => {
    baseUrl = `${server.url}/api/dev/outbox`;

    // Seven emails a second apart, two of them at the very same millisecond and split across
    // pages of two (the cursor must neither skip nor repeat one), to two recipients in turn.
    const start = new Date('2026-11-23T08:00:00.000Z').getTime();
    const times = [0, 1, 2, 2, 3, 4, 5].map((second) => new Date(start + second * 1000));
    for (const [i, createdAt] of times.entries()) {
      const row = await enqueueMail(
        dataSource.manager,
        {
          template: 'password-reset',
          to: i % 2 === 0 ? 'even@example.com' : 'odd@example.com',
          locale: 'en',
          data: { firstName: `Person ${i}`, resetUrl: links.resetPassword(`token-${i}`) },
        },
        createdAt,
      );
      written.push(row.id);
    }
  });

  /** Newest first; at the same createdAt the larger id first (the list's order). */
  async function expectedOrder(to?: string): Promise<string[]> {
    const rows = await dataSource.getRepository(MailOutboxEntity).find({
      where: to ? { toAddress: to } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => row.id);
  }

  it('should list the newest email first with the fields of the list when asked', async () => {
    const { status, body, headers } = await get<DevOutboxPage>('');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.items).toHaveLength(written.length);
    expect(body.items[0]).toEqual({
      id: written[written.length - 1],
      template: 'password-reset',
      to: 'even@example.com',
      locale: 'en',
      subject: 'Reset your Entry Portal password',
      status: 'PENDING',
      attempts: 0,
      createdAt: '2026-11-23T08:00:05.000Z',
      sentAt: null,
      nextAttemptAt: '2026-11-23T08:00:05.000Z',
      lastError: null,
    });
    expect(body.items.map((item) => item.id)).toEqual(await expectedOrder());
    expect(body.pageInfo.hasNextPage).toBe(false);
  });

  it('should walk every email exactly once when paging with first and after', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = `?first=2${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const { status, body } = await get<DevOutboxPage>(query);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.id));
      after = body.pageInfo.hasNextPage ? body.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(await expectedOrder());
  });

  it('should list only the emails to one address when filtered by to', async () => {
    const { body } = await get<DevOutboxPage>('?to=ODD@example.com');
    expect(body.items.map((item) => item.id)).toEqual(await expectedOrder('odd@example.com'));
    expect(body.items.every((item) => item.to === 'odd@example.com')).toBe(true);
    expect(body.items).toHaveLength(3);
  });

  it('should return the text and HTML parts when one email is asked for by id', async () => {
    const id = written[0]!;
    const { status, body } = await get<DevOutboxMessage>(`/${id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.text).toContain('http://portal.test/reset-password?token=token-0');
    expect(body.html).toContain('href="http://portal.test/reset-password?token=token-0"');
  });

  it('should answer 404 in JSON when the id is unknown or malformed', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const { status, body } = await get<RestError>(`/${id}`);
      expect(status).toBe(404);
      expect(body.error).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    }
  });

  it.each(['?first=0', '?first=101', '?first=ten', '?after=garbage', '?first=1&first=2'])(
    'should answer 400 in JSON when the query is %s',
    async (query) => {
      const { status, body } = await get<RestError>(query);
      expect(status).toBe(400);
      expect(body.error).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String) });
    },
  );

  it('should answer its refusals in the language asked for, as the other REST routes do', async () => {
    const unknown = '/00000000-0000-4000-8000-000000000000';
    expect((await get<RestError>(unknown, 'nl')).body.error.message).toBe('Niet gevonden.');
    expect((await get<RestError>(unknown, 'en')).body.error.message).toBe('Not found.');
    expect((await get<RestError>('?first=0', 'nl')).body.error.message).toBe(
      'Het verzoek is ongeldig.',
    );
    expect((await get<RestError>('?first=0', 'en')).body.error.message).toBe(
      'The request is not valid.',
    );
  });
});
