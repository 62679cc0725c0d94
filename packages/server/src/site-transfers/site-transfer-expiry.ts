import { LessThanOrEqual, type DataSource } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import type { Config } from '../config/config';
import { inTransaction } from '../database/transaction';
import { currentEntryUserCount } from './site-moves';
import { mailTransferExpired } from './site-transfer-mail';
import { SiteTransferEntity, SiteTransferStatus } from './site-transfer.entity';
import { recordTransferAudit } from './site-transfers.service';

/** Transfers expired per housekeeping pass; the next pass (a minute later) takes the rest. */
export const EXPIRY_BATCH = 100;

/** Nobody asked: the portal itself expires a transfer. */
const PORTAL = { viewer: null, ip: null } as const;

/**
 * Marks the pending transfers past their expiresAt EXPIRED, each in its own transaction with its
 * audit event (the sender's log) and its emails (both sides). Safe in every server process at
 * once: a conditional update expires each transfer once, and one accepted or cancelled at the
 * same moment stays as that decision left it. Returns how many it expired.
 */
export async function expireSiteTransfers(
  dataSource: DataSource,
  config: Pick<Config, 'publicUrl'>,
  now = new Date(),
): Promise<number> {
  const due = await dataSource.getRepository(SiteTransferEntity).find({
    select: { id: true },
    where: { status: SiteTransferStatus.PENDING, expiresAt: LessThanOrEqual(now) },
    order: { expiresAt: 'ASC' },
    take: EXPIRY_BATCH,
  });
  let expired = 0;
  for (const { id } of due) {
    expired += await inTransaction(dataSource, async (manager) => {
      const transfers = manager.getRepository(SiteTransferEntity);
      const pending = await transfers.findOneByOrFail({ id });
      const { affected } = await transfers.update(
        { id, status: SiteTransferStatus.PENDING },
        {
          status: SiteTransferStatus.EXPIRED,
          pendingSiteId: null,
          decidedAt: now,
          entryUserCount: await currentEntryUserCount(manager, pending.siteId),
        },
      );
      if (!affected) return 0;
      const transfer = await transfers.findOneByOrFail({ id });
      const sender = await manager
        .getRepository(CompanyEntity)
        .findOneByOrFail({ id: transfer.fromCompanyId });
      await recordTransferAudit(
        manager,
        PORTAL,
        transfer.fromCompanyId,
        'site_transfer.expired',
        transfer,
        {},
        now,
      );
      await mailTransferExpired(manager, config.publicUrl, transfer, sender.name);
      return 1;
    });
  }
  return expired;
}
