import { IsNull, type DataSource } from 'typeorm';
import {
  normalizeTransferText,
  SITE_TRANSFER_UNDO_DAYS,
  SiteTransferProblemReason,
  utcDay,
  validateTransferReason,
  type Locale,
} from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import type { OperatorViewer } from '../auth/viewer';
import { newestFirstPage, type Connection } from '../common/connection';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { notFound } from '../sites/site-errors';
import { transferStateProblem } from './transfer-problems';
import { isId } from '../sites/site-scope';
import { lockHeldSite, moveSite } from './site-moves';
import { whereStatus } from './site-transfer-queries';
import { SiteTransferEntity, SiteTransferStatus } from './site-transfer.entity';
import { recordTransferAudit } from './site-transfers.service';

const ID_FIELD = ['id'];
const DAY_MS = 86_400_000;

/** Every transfer of every company, newest first: the operators' support view. */
export function listAllSiteTransfers(
  dataSource: DataSource,
  filter: {
    readonly first?: number | null;
    readonly after?: string | null;
    readonly status?: SiteTransferStatus | null;
  },
  locale: Locale,
  now = new Date(),
): Promise<Connection<SiteTransferEntity>> {
  return newestFirstPage(
    () => {
      const query = dataSource.getRepository(SiteTransferEntity).createQueryBuilder('transfer');
      return filter.status ? whereStatus(query, filter.status, now) : query;
    },
    'transfer',
    filter,
    locale,
  );
}

function notUndoable(): UserInputProblem {
  return transferStateProblem(ID_FIELD, SiteTransferProblemReason.TRANSFER_NOT_UNDOABLE, {
    days: SITE_TRANSFER_UNDO_DAYS,
  });
}

/**
 * An operator gives an accepted transfer's site back to its sender (a support case), within
 * SITE_TRANSFER_UNDO_DAYS of the acceptance and while the receiver still holds it: the same move
 * as the acceptance, backwards, in one transaction. Billing splits the same way: the receiver's
 * days end the day before the undo, the sender's start again on it (billing/transfer-split.ts);
 * invoices issued meanwhile stay as they are, each day billed once. A transfer the receiver asked
 * for the site meanwhile is cancelled.
 */
export function undoSiteTransfer(
  dataSource: DataSource,
  operator: OperatorViewer,
  actor: AuditActor,
  id: string,
  rawReason: string | null | undefined,
  now = new Date(),
): Promise<SiteTransferEntity> {
  const reason = normalizeTransferText(rawReason);
  return inTransaction(dataSource, async (manager) => {
    const transfers = manager.getRepository(SiteTransferEntity);
    const transfer = isId(id) ? await transfers.findOneBy({ id }) : null;
    if (!transfer) throw notFound(ID_FIELD);
    const problems = validateTransferReason(reason);
    if (problems.length) throw new UserInputProblem(problems);
    const receiverId = transfer.toCompanyId;
    if (
      transfer.status !== SiteTransferStatus.ACCEPTED ||
      !receiverId ||
      !transfer.decidedAt ||
      now.getTime() - transfer.decidedAt.getTime() > SITE_TRANSFER_UNDO_DAYS * DAY_MS
    )
      throw notUndoable();
    const site = await lockHeldSite(manager, transfer.siteId, receiverId);
    if (!site)
      throw transferStateProblem(ID_FIELD, SiteTransferProblemReason.TRANSFER_SITE_MOVED_ON);
    const undo = {
      undoneAt: now,
      undoEffectiveDate: utcDay(now),
      undoneByOperatorId: operator.operator.id,
      undoReason: reason,
    };
    // once: of two operators undoing at once, one moves the site
    const { affected } = await transfers.update({ id: transfer.id, undoneAt: IsNull() }, undo);
    if (!affected) throw notUndoable();
    Object.assign(transfer, undo);
    const onward = await transfers.findOneBy({ pendingSiteId: site.id });
    if (onward) {
      const cancelled = {
        status: SiteTransferStatus.CANCELLED,
        pendingSiteId: null,
        decidedAt: now,
      };
      await transfers.update({ id: onward.id }, cancelled);
      await recordTransferAudit(
        manager,
        actor,
        onward.fromCompanyId,
        'site_transfer.cancelled',
        Object.assign(onward, cancelled),
        { reason: 'UNDONE' },
        now,
      );
    }
    await moveSite(manager, site, transfer.fromCompanyId, now);
    for (const companyId of [receiverId, transfer.fromCompanyId])
      await recordTransferAudit(
        manager,
        actor,
        companyId,
        'site_transfer.undone',
        transfer,
        { reason, undoEffectiveDate: undo.undoEffectiveDate },
        now,
      );
    return transfer;
  });
}
