import { mailLinks } from '../../src/mail/mail-links';
import { MailOutboxEntity, MailStatus } from '../../src/mail/mail-outbox.entity';
import {
  createMailTransport,
  describeDeliveryError,
  type MailTransport,
} from '../../src/mail/mail-transport';
import {
  MAIL_MAX_ATTEMPTS,
  MAIL_RETRY_DELAYS_MS,
  startMailWorker,
  type MailWorker,
  type MailWorkerOptions,
} from '../../src/mail/mail-worker';
import { inTransaction } from '../../src/database/transaction';
import { enqueueMail, type MailMessage } from '../../src/mail/outbox';
import { silentLogger, type Logger } from '../../src/observability/logger';
import { describeOnDialects } from '../support/dialects';

const PUBLIC_URL = 'http://portal.test:4000';
const MAIL_FROM = 'Entry Portal <no-reply@portal.test>';

interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}

/** A clock the test moves: retries become due without waiting for them. */
function testClock(start = new Date('2026-11-23T09:00:00.000Z')) {
  let ms = start.getTime();
  return {
    now: () => new Date(ms),
    advance: (byMs: number) => {
      ms += byMs;
    },
  };
}

function approval(to: string, temporaryPassword = 'Tq7-ZmW4-pX9k'): MailMessage {
  return {
    template: 'registration-approved',
    to,
    locale: 'en',
    data: {
      firstName: 'Daisy',
      companyName: 'Nordic Doors AB',
      temporaryPassword,
      signInUrl: mailLinks(PUBLIC_URL).signIn,
    },
  };
}

describeOnDialects('mail outbox on %s', (suite) => {
  const db = suite.openMigratedDatabase();
  const dataSource = suite.dataSource;
  const capture = suite.startSmtpCapture();
  let smtp: MailTransport;
  const workers: MailWorker[] = [];

  const outbox = () => dataSource.getRepository(MailOutboxEntity);
  const worker = (options: Partial<MailWorkerOptions> = {}) => {
    const started = startMailWorker({
      dataSource,
      transport: smtp,
      logger: silentLogger,
      pollIntervalMs: null,
      ...options,
    });
    workers.push(started);
    return started;
  };

  beforeAll(() => {
    smtp = createMailTransport({
      smtpUrl: capture.url,
      mailFrom: MAIL_FROM,
      publicUrl: PUBLIC_URL,
      logger: silentLogger,
    });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((started) => started.stop()));
    await capture.up();
    capture.clear();
    await dataSource.createQueryBuilder().delete().from(MailOutboxEntity).execute();
  });

  afterAll(() => {
    smtp?.close();
  });

  describe('enqueueMail', () => {
    it('should write nothing when the transaction that enqueued the mail rolls back', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await enqueueMail(manager, approval('rollback@example.com'));
          throw new Error('the change that caused the mail failed');
        }),
      ).rejects.toThrow('the change that caused the mail failed');
      expect(await outbox().count()).toBe(0);
    });

    it('should send nothing when the worker runs while the transaction that enqueued is still open and then rolls back', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let enqueued: () => void = () => {};
      const written = new Promise<void>((resolve) => (enqueued = resolve));
      const transaction = inTransaction(dataSource, async (manager) => {
        await enqueueMail(manager, approval('uncommitted@example.com'));
        enqueued();
        await gate;
        throw new Error('the change that caused the mail failed');
      });
      // the row exists, uncommitted, while the worker looks for due mail
      await written;
      const drained = worker().drain();
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await expect(transaction).rejects.toThrow('the change that caused the mail failed');
      expect(await drained).toBe(0);
      expect(capture.messages).toHaveLength(0);
      expect(await outbox().count()).toBe(0);
    });

    it('should store the rendered mail as PENDING and due at once when the transaction commits', async () => {
      const clock = testClock();
      const row = await dataSource.transaction((manager) =>
        enqueueMail(manager, approval('  Daisy@Example.COM '), clock.now()),
      );
      const stored = await outbox().findOneByOrFail({ id: row.id });
      expect(stored).toMatchObject({
        template: 'registration-approved',
        toAddress: 'daisy@example.com',
        locale: 'en',
        subject: 'Your Entry Portal account is ready',
        status: MailStatus.PENDING,
        attempts: 0,
        lockedUntil: null,
        sentAt: null,
        messageId: null,
      });
      expect(stored.text).toContain('Temporary password: Tq7-ZmW4-pX9k');
      expect(stored.html).toContain('Tq7-ZmW4-pX9k');
      expect(stored.nextAttemptAt.toISOString()).toBe(clock.now().toISOString());
      expect(stored.createdAt.toISOString()).toBe(clock.now().toISOString());
    });

    it('should refuse an address list when one recipient is expected', async () => {
      await expect(
        enqueueMail(dataSource.manager, approval('a@example.com,b@example.com')),
      ).rejects.toThrow(/single email address/);
      expect(await outbox().count()).toBe(0);
    });
  });

  describe('delivery over SMTP', () => {
    it('should deliver with the template header, a Message-ID from the row id and both parts when drained', async () => {
      const row = await enqueueMail(dataSource.manager, approval('daisy@example.com'));
      expect(await worker().drain()).toBe(1);

      const mail = capture.lastTo('daisy@example.com');
      expect(capture.messages).toHaveLength(1);
      expect(mail?.template).toBe('registration-approved');
      expect(mail?.headers['x-portal-template']).toBe('registration-approved');
      expect(mail?.messageId).toBe(`<${row.id}@portal.test>`);
      expect(mail?.from).toBe('no-reply@portal.test');
      expect(mail?.subject).toBe('Your Entry Portal account is ready');
      expect(mail?.valueAfter('Temporary password: ')).toBe('Tq7-ZmW4-pX9k');
      expect(mail?.link('/sign-in')).toBe(`${PUBLIC_URL}/sign-in`);
      expect(mail?.html).toContain('Tq7-ZmW4-pX9k');

      const stored = await outbox().findOneByOrFail({ id: row.id });
      expect(stored.status).toBe(MailStatus.SENT);
      expect(stored.attempts).toBe(1);
      expect(stored.messageId).toBe(`<${row.id}@portal.test>`);
      expect(stored.sentAt).toBeInstanceOf(Date);
      expect(stored.lockedUntil).toBeNull();
      // development keeps the bodies for the dev outbox page
      expect(stored.text).toContain('Tq7-ZmW4-pX9k');
    });

    it('should read a reset token from the captured mail when a reset link is sent', async () => {
      await enqueueMail(dataSource.manager, {
        template: 'password-reset',
        to: 'oscar@example.com',
        locale: 'sv',
        data: { firstName: 'Oscar', resetUrl: mailLinks(PUBLIC_URL).resetPassword('tok_abc-123') },
      });
      await worker().drain();
      const mail = await capture.waitForMailTo('OSCAR@example.com', 'password-reset');
      expect(mail.token('/reset-password')).toBe('tok_abc-123');
      expect(mail.link('/reset-password')).toBe(`${PUBLIC_URL}/reset-password?token=tok_abc-123`);
    });

    it('should blank text and html after sending when bodies are purged', async () => {
      const row = await enqueueMail(dataSource.manager, approval('purge@example.com'));
      expect(await worker({ purgeBodiesAfterSend: true }).drain()).toBe(1);
      expect(capture.lastTo('purge@example.com')?.valueAfter('Temporary password: ')).toBe(
        'Tq7-ZmW4-pX9k',
      );
      const stored = await outbox().findOneByOrFail({ id: row.id });
      expect(stored).toMatchObject({ status: MailStatus.SENT, text: '', html: '' });
      expect(stored.subject).not.toBe('');
    });

    it.each(['refuse', 'tempfail'] as const)(
      'should keep the mail and deliver it exactly once when SMTP is down (%s) and comes back',
      async (mode) => {
        const clock = testClock();
        const logger = recordingLogger();
        const row = await enqueueMail(
          dataSource.manager,
          approval('retry@example.com'),
          clock.now(),
        );
        const mailWorker = worker({ now: clock.now, logger });

        await capture.down(mode);
        expect(await mailWorker.drain()).toBe(0);
        const failed = await outbox().findOneByOrFail({ id: row.id });
        expect(failed.status).toBe(MailStatus.PENDING);
        expect(failed.attempts).toBe(1);
        expect(failed.lastError).toEqual(expect.any(String));
        expect(failed.lastError?.length).toBeGreaterThan(0);
        expect(failed.lockedUntil).toBeNull();
        expect(failed.nextAttemptAt.getTime()).toBe(
          clock.now().getTime() + MAIL_RETRY_DELAYS_MS[0]!,
        );
        expect(logger.lines).toContainEqual(
          expect.objectContaining({
            level: 'warn',
            fields: expect.objectContaining({
              id: row.id,
              template: 'registration-approved',
              attempt: 1,
            }),
          }),
        );

        // not due yet: nothing is tried before the backoff has passed
        await capture.up();
        expect(await mailWorker.drain()).toBe(0);
        expect(capture.messages).toHaveLength(0);

        clock.advance(MAIL_RETRY_DELAYS_MS[0]!);
        expect(await mailWorker.drain()).toBe(1);
        expect(await mailWorker.drain()).toBe(0);
        expect(capture.messagesTo('retry@example.com')).toHaveLength(1);
        const sent = await outbox().findOneByOrFail({ id: row.id });
        expect(sent).toMatchObject({ status: MailStatus.SENT, attempts: 2 });
      },
    );

    it('should give up as FAILED after the last attempt when SMTP never comes back', async () => {
      const clock = testClock();
      const logger = recordingLogger();
      const row = await enqueueMail(dataSource.manager, approval('never@example.com'), clock.now());
      const mailWorker = worker({ now: clock.now, logger });
      await capture.down('tempfail');
      for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt += 1) {
        expect(await mailWorker.drain()).toBe(0);
        clock.advance(24 * 60 * 60_000);
      }
      const stored = await outbox().findOneByOrFail({ id: row.id });
      expect(stored).toMatchObject({ status: MailStatus.FAILED, attempts: MAIL_MAX_ATTEMPTS });
      expect(capture.rejected).toBe(MAIL_MAX_ATTEMPTS);
      expect(await mailWorker.drain()).toBe(0);
      expect(capture.rejected).toBe(MAIL_MAX_ATTEMPTS);
      expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1);
    });

    it('should keep SMTP credentials out of lastError when sending fails', async () => {
      const withCredentials = createMailTransport({
        smtpUrl: `smtp://mailer:S3cret-pa55@127.0.0.1:${capture.port}`,
        mailFrom: MAIL_FROM,
        publicUrl: PUBLIC_URL,
        logger: silentLogger,
      });
      try {
        const row = await enqueueMail(dataSource.manager, approval('creds@example.com'));
        await capture.down('tempfail');
        expect(await worker({ transport: withCredentials }).drain()).toBe(0);
        const stored = await outbox().findOneByOrFail({ id: row.id });
        expect(stored.lastError).toBeTruthy();
        expect(stored.lastError).not.toContain('S3cret-pa55');
      } finally {
        withCredentials.close();
      }
      expect(
        describeDeliveryError(new Error('connect to smtp://mailer:S3cret-pa55@mx failed'), [
          'S3cret-pa55',
        ]),
      ).toBe('connect to smtp://***@mx failed');
      expect(describeDeliveryError(new Error('x'.repeat(5000))).length).toBeLessThanOrEqual(1000);
    });

    it('should deliver each mail exactly once when two workers drain at the same time', async () => {
      const total = 45;
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < total; i += 1) {
          await enqueueMail(manager, approval(`person${i}@example.com`, `pw-${i}`));
        }
      });
      // On MariaDB a second connection pool, as a second server would have. SQLite is one
      // process's file: two workers there share its connection and take turns per statement
      // (two connections in one process would wait on each other's locks synchronously).
      const otherServer = suite.dialect === 'mysql' ? await db.connectAgain() : dataSource;
      const first = worker();
      const second = worker({ dataSource: otherServer });

      const [sentByFirst, sentBySecond] = await Promise.all([first.drain(), second.drain()]);

      expect(sentByFirst + sentBySecond).toBe(total);
      expect(capture.messages).toHaveLength(total);
      const ids = new Set(capture.messages.map((mail) => mail.messageId));
      expect(ids.size).toBe(total);
      for (let i = 0; i < total; i += 1) {
        expect(capture.messagesTo(`person${i}@example.com`)).toHaveLength(1);
      }
      const rows = await outbox().find();
      expect(rows.every((row) => row.status === MailStatus.SENT && row.attempts === 1)).toBe(true);
    });

    it('should take over the claim of a worker that died while sending once its lease has passed', async () => {
      const clock = testClock();
      const stale = await enqueueMail(
        dataSource.manager,
        approval('stale@example.com'),
        clock.now(),
      );
      const held = await enqueueMail(dataSource.manager, approval('held@example.com'), clock.now());
      await outbox().update(
        { id: stale.id },
        {
          status: MailStatus.SENDING,
          attempts: 1,
          lockedUntil: new Date(clock.now().getTime() - 1),
        },
      );
      await outbox().update(
        { id: held.id },
        {
          status: MailStatus.SENDING,
          attempts: 1,
          lockedUntil: new Date(clock.now().getTime() + 60_000),
        },
      );

      expect(await worker({ now: clock.now }).drain()).toBe(1);

      expect(capture.lastTo('stale@example.com')?.messageId).toBe(`<${stale.id}@portal.test>`);
      expect(capture.messagesTo('held@example.com')).toHaveLength(0);
      expect(await outbox().findOneByOrFail({ id: stale.id })).toMatchObject({
        status: MailStatus.SENT,
        attempts: 2,
      });
      expect(await outbox().findOneByOrFail({ id: held.id })).toMatchObject({
        status: MailStatus.SENDING,
        attempts: 1,
      });
    });

    it('should deliver by itself when the worker polls, and stop polling when stopped', async () => {
      const polling = worker({ pollIntervalMs: 20 });
      await enqueueMail(dataSource.manager, approval('polled@example.com'));
      await capture.waitForMailTo('polled@example.com', 'registration-approved', 5_000);

      await polling.stop();
      await enqueueMail(dataSource.manager, approval('after-stop@example.com'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(capture.messagesTo('after-stop@example.com')).toHaveLength(0);
      expect(await outbox().countBy({ status: MailStatus.PENDING })).toBe(1);
    });
  });

  describe('worker lifecycle', () => {
    it('should finish the send in flight and record it when stopped mid-send', async () => {
      let finishSend: () => void = () => {};
      let sendStarted: (mailId: string) => void = () => {};
      const started = new Promise<string>((resolve) => (sendStarted = resolve));
      const slow: MailTransport = {
        kind: 'smtp',
        send: (mail) =>
          new Promise((resolve) => {
            sendStarted(mail.id);
            finishSend = () => resolve({ messageId: `<${mail.id}@portal.test>` });
          }),
        close: () => {},
      };
      await enqueueMail(dataSource.manager, approval('first@example.com'));
      await enqueueMail(dataSource.manager, approval('second@example.com'));
      const mailWorker = worker({ transport: slow });

      const drained = mailWorker.drain();
      // Either mail may go first: two enqueued in the same millisecond are due at the same time.
      const inFlight = await started;
      let stopped = false;
      const stopping = mailWorker.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(stopped).toBe(false);
      finishSend();
      await stopping;

      expect(await drained).toBe(1);
      expect(await outbox().findOneByOrFail({ id: inFlight })).toMatchObject({
        status: MailStatus.SENT,
      });
      // the rest waits for the next worker
      expect(await outbox().countBy({ status: MailStatus.PENDING })).toBe(1);
    });

    it('should log the failure with context when a polling pass fails', async () => {
      const logger = recordingLogger();
      const broken = await db.connectAgain();
      await broken.destroy();
      const mailWorker = worker({ dataSource: broken, pollIntervalMs: 5, logger });
      const deadline = Date.now() + 5_000;
      while (!logger.lines.some((line) => line.level === 'error') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await mailWorker.stop();
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'error', message: 'mail: worker pass failed' }),
      );
    });
  });

  describe('dev outbox transport', () => {
    it('should mark the mail sent and log where to read it when there is no SMTP_URL', async () => {
      const logger = recordingLogger();
      const dev = createMailTransport({
        smtpUrl: null,
        mailFrom: MAIL_FROM,
        publicUrl: PUBLIC_URL,
        logger,
      });
      expect(dev.kind).toBe('dev-outbox');
      const row = await enqueueMail(dataSource.manager, approval('dev@example.com'));

      expect(await worker({ transport: dev, logger }).drain()).toBe(1);

      expect(capture.messages).toHaveLength(0);
      const stored = await outbox().findOneByOrFail({ id: row.id });
      expect(stored).toMatchObject({
        status: MailStatus.SENT,
        messageId: `<${row.id}@portal.test>`,
      });
      expect(stored.text).toContain('Temporary password: Tq7-ZmW4-pX9k');
      const perMessage = logger.lines.filter((line) => line.message.includes('dev@example.com'));
      expect(perMessage).toHaveLength(1);
      expect(perMessage[0]?.message).toContain('registration-approved');
      expect(perMessage[0]?.message).toContain(`view it at ${PUBLIC_URL}/dev/outbox`);
      // the password stays in the outbox, never in the log
      expect(JSON.stringify(logger.lines)).not.toContain('Tq7-ZmW4-pX9k');
    });
  });
});
