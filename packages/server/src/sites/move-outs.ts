import { IsNull, LessThan, type DataSource } from 'typeorm';
import { endOfDay, utcDay, WebhookEventType } from '@entry/shared';
import { recordAudit } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { publishWebhookEvent } from '../webhooks/webhook-outbox';
import { entryUserEvent } from '../webhooks/webhook-payloads';
import { EntryUserEntity } from './entry-user.entity';

/** Users removed per statement that finds them; a pass takes batches until none is left. */
const BATCH = 200;

/** The system, not a person: the audit log shows the removal without an actor. */
const SCHEDULE = { viewer: null, ip: null } as const;

/**
 * Removes every Entry app user whose move-out day has ended (UTC), as removeEntryUser would:
 * removedAt at the last instant of that day (so billing counts it and not the next, however late
 * this runs), the address freed for the site, an audit event and ENTRY_USER_REMOVED. Runs every
 * minute in every server process (housekeeping); each removal is claimed by a conditional UPDATE
 * in its own transaction, so of several processes exactly one removes a user and writes its
 * event. A server down at midnight removes them when it comes back. Returns how many it removed.
 */
export async function removeMovedOutUsers(dataSource: DataSource, now: Date): Promise<number> {
  const users = dataSource.getRepository(EntryUserEntity);
  let removed = 0;
  for (;;) {
    const due = await users.find({
      where: { removedAt: IsNull(), moveOutDate: LessThan(utcDay(now)) },
      order: { moveOutDate: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    let claimed = 0;
    for (const user of due) if (await removeOne(dataSource, user, now)) claimed += 1;
    removed += claimed;
    // another process took this batch: what is left is theirs to finish, or the next pass's
    if (due.length < BATCH || claimed === 0) return removed;
  }
}

async function removeOne(dataSource: DataSource, user: EntryUserEntity, now: Date) {
  return inTransaction(dataSource, async (manager) => {
    const removedAt = endOfDay(user.moveOutDate!);
    const removal = { removedAt, activeEmail: null, updatedAt: now };
    const { affected } = await manager
      .getRepository(EntryUserEntity)
      .update({ id: user.id, removedAt: IsNull(), moveOutDate: user.moveOutDate! }, removal);
    if (!affected) return false;
    await recordAudit(
      manager,
      SCHEDULE,
      {
        companyId: user.companyId,
        kind: 'entry_user.moved_out',
        subjectType: 'entry_user',
        subjectId: user.id,
        siteId: user.siteId,
        before: { removedAt: null },
        after: { moveOutDate: user.moveOutDate, removedAt: removedAt.toISOString() },
      },
      now,
    );
    await publishWebhookEvent(
      manager,
      user.companyId,
      entryUserEvent(WebhookEventType.ENTRY_USER_REMOVED, Object.assign(user, removal)),
      now,
    );
    return true;
  });
}
