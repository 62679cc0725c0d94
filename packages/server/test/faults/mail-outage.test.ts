import { MailOutboxEntity, MailStatus } from '../../src/mail/mail-outbox.entity';
import { createMailTransport, type MailTransport } from '../../src/mail/mail-transport';
import { MAIL_RETRY_DELAYS_MS, startMailWorker } from '../../src/mail/mail-worker';
import { silentLogger } from '../../src/observability/logger';
import { buildCompany, buildPerson } from '../factories';
import { describeOnDialects } from '../support/dialects';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnDialects('SMTP going away and coming back, on %s', (suite) => {
  // the portal's own mail worker polls every 50 ms, as it does in production every second
  const { portal, smtp } = suite.startMailingPortal();
  let transport: MailTransport | undefined;

  afterAll(() => {
    transport?.close();
  });

  const outbox = () => portal.dataSource.getRepository(MailOutboxEntity);

  async function firstAttemptOf(to: string): Promise<MailOutboxEntity> {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const row = await outbox().findOneBy({ toAddress: to, template: 'password-reset' });
      if (row && row.attempts >= 1 && row.status === MailStatus.PENDING) return row;
      await sleep(25);
    }
    throw new Error(`the worker did not try the mail to ${to} within 5 s`);
  }

  it('should accept a reset request while SMTP is down, keep the mail waiting, and deliver it once when SMTP is back', async () => {
    const company = await buildCompany(portal.dataSource);
    const person = await buildPerson(portal.dataSource, company, { locale: 'sv' });
    await smtp.down('refuse');

    const requested = await portal.gql<{ requestPasswordReset: boolean }>(
      'mutation ($email: String!) { requestPasswordReset(email: $email) }',
      { email: person.email },
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data?.requestPasswordReset).toBe(true);

    // the worker tried at once, could not connect, and left the mail waiting with the reason
    const waiting = await firstAttemptOf(person.email);
    expect(waiting.lockedUntil).toBeNull();
    expect(waiting.sentAt).toBeNull();
    expect(waiting.lastError).toEqual(expect.stringMatching(/\S/));
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(
      Date.now() + MAIL_RETRY_DELAYS_MS[0]! - 5_000,
    );

    // SMTP is back, but the retry is not due: the polling worker leaves the mail alone
    await smtp.up();
    await sleep(300);
    expect(smtp.messagesTo(person.email)).toHaveLength(0);
    expect(await outbox().findOneByOrFail({ id: waiting.id })).toMatchObject({
      status: MailStatus.PENDING,
      attempts: 1,
    });

    // half a minute later: a worker whose clock has passed the retry delay (a second server,
    // or this one's worker after the wait) sends it
    const later = () => new Date(Date.now() + MAIL_RETRY_DELAYS_MS[0]! + 1_000);
    transport = createMailTransport({
      smtpUrl: portal.config.smtpUrl,
      mailFrom: portal.config.mailFrom,
      publicUrl: portal.config.publicUrl,
      logger: silentLogger,
    });
    const retrying = startMailWorker({
      dataSource: portal.dataSource,
      transport,
      logger: silentLogger,
      pollIntervalMs: null,
      now: later,
    });
    try {
      expect(await retrying.drain()).toBe(1);
      expect(await retrying.drain()).toBe(0);
    } finally {
      await retrying.stop();
    }
    expect(await portal.mailWorker.drain()).toBe(0);
    // and while the portal's own worker keeps polling, nothing goes out a second time
    await sleep(500);

    const sent = await outbox().findOneByOrFail({ id: waiting.id });
    expect(sent).toMatchObject({ status: MailStatus.SENT, attempts: 2, lastError: null });
    const delivered = smtp.messages.filter((mail) => mail.messageId === sent.messageId);
    expect(delivered).toHaveLength(1);
    expect(smtp.messagesTo(person.email)).toHaveLength(1);

    // the late mail still works: its link resets the password
    const token = delivered[0]!.token('/reset-password');
    expect(token).toBeDefined();
    const reset = await portal.gql<{ resetPassword: { userErrors: unknown[] } }>(
      'mutation ($token: String!) { resetPassword(token: $token, newPassword: "Lingonberry-Harbour-42") { userErrors { code } } }',
      { token },
    );
    expect(reset.data?.resetPassword.userErrors).toEqual([]);
  });
});
