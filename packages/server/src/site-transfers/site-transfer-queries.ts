import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ErrorCode } from '@entry/shared';
import { queueSize } from '../common/connection';
import { sqlDateTime } from '../database/sql-values';
import { portalError } from '../graphql/errors';
import { isId } from '../sites/site-scope';
import { SiteTransferEntity, SiteTransferStatus } from './site-transfer.entity';

export type SiteTransferDirection = 'INCOMING' | 'OUTGOING';

/**
 * Keeps the transfers that are `companyId`'s in `direction`: OUTGOING, the ones it asked;
 * INCOMING, the ones it decided, and the undecided ones addressed to the address of one of its
 * people (so a company registered after the request finds it waiting).
 */
export function whereDirection(
  query: SelectQueryBuilder<SiteTransferEntity>,
  direction: SiteTransferDirection,
  companyId: string,
): SelectQueryBuilder<SiteTransferEntity> {
  if (direction === 'OUTGOING')
    return query.andWhere('transfer.fromCompanyId = :directionCompanyId', {
      directionCompanyId: companyId,
    });
  return query.andWhere(
    new Brackets((where) =>
      where.where('transfer.toCompanyId = :directionCompanyId').orWhere(
        `transfer.toCompanyId IS NULL AND EXISTS (SELECT 1 FROM person recipient
            WHERE recipient.activeEmail = transfer.recipientEmail
              AND recipient.companyId = :directionCompanyId)`,
      ),
    ),
    { directionCompanyId: companyId },
  );
}

/**
 * Keeps the transfers whose status, as the API shows it, is `status`: a pending transfer past its
 * expiresAt reads EXPIRED at once, before the housekeeping job marks it so.
 */
export function whereStatus(
  query: SelectQueryBuilder<SiteTransferEntity>,
  status: SiteTransferStatus,
  now: Date,
): SelectQueryBuilder<SiteTransferEntity> {
  const parameters = {
    statusPending: SiteTransferStatus.PENDING,
    statusNow: sqlDateTime(query.connection, now),
  };
  if (status === SiteTransferStatus.PENDING)
    return query.andWhere(
      'transfer.status = :statusPending AND transfer.expiresAt > :statusNow',
      parameters,
    );
  if (status === SiteTransferStatus.EXPIRED)
    return query.andWhere(
      `(transfer.status = :statusExpired
        OR (transfer.status = :statusPending AND transfer.expiresAt <= :statusNow))`,
      { ...parameters, statusExpired: SiteTransferStatus.EXPIRED },
    );
  return query.andWhere('transfer.status = :status', { status });
}

/** The status the API shows (see whereStatus). */
export function shownStatus(transfer: SiteTransferEntity, now: Date): SiteTransferStatus {
  return transfer.status === SiteTransferStatus.PENDING && transfer.expiresAt <= now
    ? SiteTransferStatus.EXPIRED
    : transfer.status;
}

function transfers(manager: EntityManager) {
  return manager.getRepository(SiteTransferEntity).createQueryBuilder('transfer');
}

/** One of the company's transfers in `direction`, or null (another company's id reads as unknown). */
export async function findSiteTransfer(
  manager: EntityManager,
  direction: SiteTransferDirection,
  companyId: string,
  id: string,
): Promise<SiteTransferEntity | null> {
  if (!isId(id)) return null;
  return whereDirection(
    transfers(manager).where('transfer.id = :id', { id }),
    direction,
    companyId,
  ).getOne();
}

export interface SiteTransferListFilter {
  readonly direction: SiteTransferDirection;
  readonly status?: SiteTransferStatus | null;
  /** 1..100; default 100 (a company has few transfers; the page shows them all) */
  readonly first?: number | null;
  /** the id of the last transfer of the page before */
  readonly after?: string | null;
}

/**
 * The company's transfers in a direction, newest first: a plain list (as the contract has it),
 * paged by `first` and `after` (the last id seen). An `after` that is not one of this list's
 * transfers is refused as a bad argument, whoever's it is.
 */
export async function listSiteTransfers(
  dataSource: DataSource,
  companyId: string,
  filter: SiteTransferListFilter,
  now: Date,
): Promise<SiteTransferEntity[]> {
  const size = queueSize(filter.first);
  const list = () => {
    const query = whereDirection(transfers(dataSource.manager), filter.direction, companyId);
    return filter.status ? whereStatus(query, filter.status, now) : query;
  };
  const page = list();
  if (filter.after) {
    const last = await findSiteTransfer(
      dataSource.manager,
      filter.direction,
      companyId,
      filter.after,
    );
    if (!last) throw portalError(ErrorCode.BAD_USER_INPUT, { argument: 'after' });
    page.andWhere(
      '(transfer.createdAt < :afterCreated OR (transfer.createdAt = :afterCreated AND transfer.id < :afterId))',
      { afterCreated: sqlDateTime(dataSource, last.createdAt), afterId: last.id },
    );
  }
  return page
    .orderBy('transfer.createdAt', 'DESC')
    .addOrderBy('transfer.id', 'DESC')
    .limit(size)
    .getMany();
}
