import { Brackets, type DataSource, type Repository } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { startPollingLoop } from '../jobs/polling-loop';
import type { Logger } from '../observability/logger';
import { MailOutboxEntity, MailStatus } from './mail-outbox.entity';
import { describeDeliveryError, MailDeliveryError, type MailTransport } from './mail-transport';

/** Wait before retry n (after the n-th failed attempt); the last value repeats. */
export const MAIL_RETRY_DELAYS_MS: readonly number[] = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  60 * 60_000,
  6 * 60 * 60_000,
];
/** After this many failed attempts (about 19 hours) the row is FAILED and stays for operators. */
export const MAIL_MAX_ATTEMPTS = 8;

export interface MailWorkerOptions {
  readonly dataSource: DataSource;
  readonly transport: MailTransport;
  readonly logger: Logger;
  /** how often to look for due mail; null: only when drain() is called (tests). Default 1000. */
  readonly pollIntervalMs?: number | null;
  /** the clock (tests move it forward to reach a retry) */
  readonly now?: () => Date;
  /**
   * Blank text and html once sent: they may hold a temporary password. Production sets it; in
   * development the dev outbox page shows the bodies, so they are kept.
   */
  readonly purgeBodiesAfterSend?: boolean;
  /** rows claimed per query */
  readonly batchSize?: number;
  /**
   * How long a claim holds a row. Longer than the SMTP timeouts, so a slow but live worker is
   * never overtaken; a crashed worker's rows are taken over after it.
   */
  readonly leaseMs?: number;
}

export interface MailWorker {
  /**
   * Sends everything due now (including rows whose previous claim expired) and resolves with
   * how many this call sent. After stop() it sends nothing.
   */
  drain(): Promise<number>;
  /** Stops polling and waits for the send in flight; the rest waits for the next start. */
  stop(): Promise<void>;
}

const DEFAULT_POLL_MS = 1_000;
const DEFAULT_BATCH = 20;
const DEFAULT_LEASE_MS = 5 * 60_000;
/** the longest pause between polls while the database keeps failing */

function retryDelay(failedAttempts: number): number {
  const index = Math.min(failedAttempts, MAIL_RETRY_DELAYS_MS.length) - 1;
  return MAIL_RETRY_DELAYS_MS[Math.max(index, 0)] ?? 60_000;
}

/**
 * Delivers the outbox. Several workers (several servers on one MariaDB) may run at once: a row
 * is claimed with a conditional UPDATE that only one of them can win, and its lease end doubles
 * as the claim's token, so a worker whose claim was taken over cannot overwrite the new holder's
 * outcome. A send whose result could not be recorded is retried with the same Message-ID, which
 * lets the receiving side drop the duplicate.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { dataSource, transport, logger } = options;
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollIntervalMs =
    options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : options.pollIntervalMs;
  const purge = options.purgeBodiesAfterSend ?? false;
  // Each statement takes its turn with the portal's transactions. On SQLite the app has one
  // connection: a bare statement would run inside whatever transaction is open on it, see its
  // uncommitted outbox rows and send mail for a change that may still roll back.
  const step = <T>(work: (outbox: Repository<MailOutboxEntity>) => Promise<T>) =>
    inTransaction(dataSource, (manager) => work(manager.getRepository(MailOutboxEntity)));

  // A pass ends between items once stop() is called (`loop` is set below, before any pass runs).
  const stopped = () => loop.stopped;

  async function findDue(now: Date): Promise<MailOutboxEntity[]> {
    return step((outbox) =>
      outbox
        .createQueryBuilder('mail')
        .where(
          new Brackets((due) =>
            due
              .where('mail.status = :pending AND mail.nextAttemptAt <= :now')
              .orWhere('mail.status = :sending AND mail.lockedUntil <= :now'),
          ),
        )
        .setParameters({ pending: MailStatus.PENDING, sending: MailStatus.SENDING, now })
        .orderBy('mail.nextAttemptAt', 'ASC')
        .addOrderBy('mail.id', 'ASC')
        .limit(batchSize)
        .getMany(),
    );
  }

  /** The conditional UPDATE: true only for the one worker whose statement changed the row. */
  async function claim(row: MailOutboxEntity, now: Date, lease: Date): Promise<boolean> {
    const result = await step((outbox) =>
      outbox
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set({ status: MailStatus.SENDING, lockedUntil: lease, attempts: () => 'attempts + 1' })
        .where('id = :id', { id: row.id })
        .andWhere(
          new Brackets((due) =>
            due
              .where('(status = :pending AND nextAttemptAt <= :now)')
              .orWhere('(status = :sending AND lockedUntil <= :now)'),
          ),
        )
        .setParameters({ pending: MailStatus.PENDING, sending: MailStatus.SENDING, now })
        .execute(),
    );
    return result.affected === 1;
  }

  /** Records the outcome only while this worker still holds the claim. */
  async function settle(
    id: string,
    lease: Date,
    changes: Partial<Omit<MailOutboxEntity, 'id'>>,
  ): Promise<boolean> {
    const result = await step((outbox) =>
      outbox
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set(changes)
        .where('id = :id AND status = :sending AND lockedUntil = :lease', {
          id,
          sending: MailStatus.SENDING,
          lease,
        })
        .execute(),
    );
    return result.affected === 1;
  }

  /** A claim left behind by a worker that died while sending its last allowed attempt. */
  async function giveUpStaleClaim(row: MailOutboxEntity, now: Date): Promise<void> {
    const result = await step((outbox) =>
      outbox
        .createQueryBuilder()
        .update(MailOutboxEntity)
        .set({
          status: MailStatus.FAILED,
          lockedUntil: null,
          lastError: 'the worker stopped while sending the last attempt; not retried',
        })
        .where('id = :id AND status = :sending AND lockedUntil <= :now', {
          id: row.id,
          sending: MailStatus.SENDING,
          now,
        })
        .execute(),
    );
    if (result.affected === 1) {
      logger.error('mail: gave up after the last attempt was interrupted', {
        id: row.id,
        template: row.template,
        attempts: row.attempts,
      });
    }
  }

  /** Claims and sends one row: 'skipped' when another worker had it first. */
  async function deliver(row: MailOutboxEntity): Promise<'sent' | 'failed' | 'skipped'> {
    const claimedAt = clock();
    if (row.status === MailStatus.SENDING && row.attempts >= MAIL_MAX_ATTEMPTS) {
      await giveUpStaleClaim(row, claimedAt);
      return 'failed';
    }
    const lease = new Date(claimedAt.getTime() + leaseMs);
    if (!(await claim(row, claimedAt, lease))) return 'skipped';
    const attempt = row.attempts + 1;
    if (row.status === MailStatus.SENDING) {
      // The previous holder may have sent it before dying: same Message-ID, so it dedupes.
      logger.warn('mail: taking over a stale claim', { id: row.id, template: row.template });
    }

    let messageId: string;
    try {
      ({ messageId } = await transport.send({
        id: row.id,
        template: row.template,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
      }));
    } catch (error) {
      const description =
        error instanceof MailDeliveryError ? error.message : describeDeliveryError(error);
      const failedAt = clock();
      const givingUp = attempt >= MAIL_MAX_ATTEMPTS;
      const nextAttemptAt = givingUp
        ? failedAt
        : new Date(failedAt.getTime() + retryDelay(attempt));
      const recorded = await settle(row.id, lease, {
        status: givingUp ? MailStatus.FAILED : MailStatus.PENDING,
        nextAttemptAt,
        lockedUntil: null,
        lastError: description,
      });
      const context = {
        id: row.id,
        template: row.template,
        attempt,
        error: description,
        ...(error instanceof MailDeliveryError && error.responseCode !== null
          ? { smtpCode: error.responseCode }
          : {}),
        ...(givingUp ? {} : { nextAttemptAt: nextAttemptAt.toISOString() }),
      };
      if (givingUp) logger.error(`mail: gave up after ${attempt} attempts`, context);
      else logger.warn('mail: sending failed, will retry', context);
      if (!recorded)
        logger.warn('mail: the claim had expired; another worker holds the row', context);
      return 'failed';
    }

    const sentAt = clock();
    let recorded: boolean;
    try {
      recorded = await settle(row.id, lease, {
        status: MailStatus.SENT,
        sentAt,
        messageId,
        lockedUntil: null,
        lastError: null,
        ...(purge ? { text: '', html: '' } : {}),
      });
    } catch (error) {
      logger.error('mail: sent, but could not record it; it goes again after the lease', {
        id: row.id,
        template: row.template,
        messageId,
        error,
      });
      throw error;
    }
    if (transport.kind === 'smtp') {
      logger.info('mail: sent', { id: row.id, template: row.template, attempt, messageId });
    }
    if (!recorded) {
      logger.warn('mail: sent after the claim expired; another worker may send it again', {
        id: row.id,
        template: row.template,
        messageId,
      });
    }
    return 'sent';
  }

  async function pass(): Promise<number> {
    let sent = 0;
    while (!stopped()) {
      const due = await findDue(clock());
      if (due.length === 0) break;
      let claimedAny = false;
      for (const row of due) {
        if (stopped()) break;
        const outcome = await deliver(row);
        if (outcome === 'sent') sent += 1;
        if (outcome !== 'skipped') claimedAny = true;
      }
      // A short batch was everything due. A batch won entirely by other workers: they are
      // draining it, and looping on rows this worker cannot claim would only spin.
      if (!claimedAny || due.length < batchSize) break;
    }
    return sent;
  }

  const loop = startPollingLoop({ name: 'mail', logger, pollIntervalMs, pass });
  return loop;
}
