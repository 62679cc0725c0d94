import type { DataSource } from 'typeorm';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookMessageEntity } from './webhook-message.entity';

/** How long the delivery log keeps an event (and its deliveries): what the web page documents. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;
/** Messages deleted per statement: short transactions, so deliveries never wait long for locks. */
const PURGE_BATCH = 1_000;
/** At most this many batches per housekeeping pass; the next pass goes on. */
const PURGE_BATCHES_PER_PASS = 20;

/**
 * Deletes events older than the retention, with their deliveries (ON DELETE CASCADE), unless
 * one of them is still PENDING (a late redelivery keeps its event until it is done). Without
 * this, a busy company's log would grow by every event forever. Returns how many events.
 */
export async function purgeOldWebhookMessages(
  dataSource: DataSource,
  now = new Date(),
): Promise<number> {
  const cutoff = sqlDateTime(
    dataSource,
    new Date(now.getTime() - WEBHOOK_LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000),
  );
  let purged = 0;
  for (let batch = 0; batch < PURGE_BATCHES_PER_PASS; batch++) {
    const rows = await dataSource
      .getRepository(WebhookMessageEntity)
      .createQueryBuilder('message')
      .select('message.id', 'id')
      .where('message.createdAt < :cutoff', { cutoff })
      .andWhere(
        (query) =>
          `NOT EXISTS ${query
            .subQuery()
            .select('1')
            .from(WebhookDeliveryEntity, 'delivery')
            .where('delivery.messageId = message.id AND delivery.status = :pending')
            .getQuery()}`,
        { pending: WebhookDeliveryStatus.PENDING },
      )
      .orderBy('message.createdAt', 'ASC')
      .limit(PURGE_BATCH)
      .getRawMany<{ id: string }>();
    if (rows.length === 0) break;
    const ids = rows.map((row) => row.id);
    // SQLite enforces the cascade only with foreign keys on, so the deliveries go explicitly
    await inTransaction(dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .delete()
        .from(WebhookDeliveryEntity)
        .where('messageId IN (:...ids)', { ids })
        .execute();
      await manager
        .createQueryBuilder()
        .delete()
        .from(WebhookMessageEntity)
        .where('id IN (:...ids)', { ids })
        .execute();
    });
    purged += ids.length;
    if (rows.length < PURGE_BATCH) break;
  }
  return purged;
}
