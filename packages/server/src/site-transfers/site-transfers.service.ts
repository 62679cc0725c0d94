import { randomUUID } from 'node:crypto';
import { MoreThan, type EntityManager } from 'typeorm';
import {
  normalizeSiteTransferInput,
  normalizeTransferText,
  SiteTransferProblemReason,
  UserErrorCode,
  utcDay,
  validateSiteTransferInput,
  validateTransferReason,
  type SiteTransferRequestInput,
} from '@entry/shared';
import type { AuditValues } from '../audit/audit-event.entity';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { assertBillingSetUp } from '../auth/billing-gate';
import type { PersonChange } from '../auth/decorators';
import { CompanyEntity } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { PersonEntity } from '../people/person.entity';
import { assertWithinEmailSendingLimits } from '../rate-limits/email-limits';
import { notFound } from '../sites/site-errors';
import { transferStateProblem } from './transfer-problems';
import { requireVisibleSite } from '../sites/sites.service';
import { siteScopeOf } from '../sites/site-scope';
import { currentEntryUserCount, lockHeldSite, moveSite } from './site-moves';
import { mailTransferDecided, mailTransferRequested, transferExpiry } from './site-transfer-mail';
import { findSiteTransfer, type SiteTransferDirection } from './site-transfer-queries';
import { SiteTransferEntity, SiteTransferStatus } from './site-transfer.entity';

const ID_FIELD = ['id'];
const SITE_FIELD = ['input', 'siteId'];
const EMAIL_FIELD = ['input', 'recipientEmail'];

/** The transfer is no longer pending: decided, cancelled or expired (also by a concurrent call). */
export function notPending(field: readonly string[] = ID_FIELD): UserInputProblem {
  return transferStateProblem(field, SiteTransferProblemReason.TRANSFER_NOT_PENDING);
}

/** One audit event of a transfer, in one company's log. */
export function recordTransferAudit(
  manager: EntityManager,
  actor: AuditActor,
  companyId: string,
  kind: string,
  transfer: SiteTransferEntity,
  after: AuditValues,
  now: Date,
): Promise<void> {
  return recordAudit(
    manager,
    actor,
    {
      companyId,
      kind,
      subjectType: 'site_transfer',
      subjectId: transfer.id,
      siteId: transfer.siteId,
      after: { siteName: transfer.siteName, recipientEmail: transfer.recipientEmail, ...after },
    },
    now,
  );
}

/**
 * A site's transfer to whoever holds `recipientEmail`. The answer is the same whether or not the
 * address is anyone's (no enumeration): the transfer waits, and the address gets an email
 * inviting it to answer, or to register first. Refused: an address of the sender's own
 * company (SAME_COMPANY), a site with a pending transfer already, and more requests to one
 * address or from one IP address than the email limits allow.
 */
export async function requestSiteTransfer(
  change: PersonChange,
  raw: SiteTransferRequestInput,
  now = new Date(),
): Promise<SiteTransferEntity> {
  const { dataSource, config, viewer, actor } = change;
  const input = normalizeSiteTransferInput(raw);
  // counted when it would email: a typo is not a request
  if (!validateSiteTransferInput(input).length)
    await assertWithinEmailSendingLimits(
      dataSource,
      config,
      'siteTransfer',
      { ip: actor.ip ?? 'unknown', address: input.recipientEmail },
      EMAIL_FIELD,
      now,
    );
  return inTransaction(dataSource, async (manager) => {
    // whether the viewer may see the site comes before how their input is judged
    const site = await requireVisibleSite(manager, siteScopeOf(viewer), input.siteId, SITE_FIELD);
    const problems = validateSiteTransferInput(input);
    if (problems.length) throw new UserInputProblem(problems);
    const colleague = await manager
      .getRepository(PersonEntity)
      .exists({ where: { activeEmail: input.recipientEmail, companyId: viewer.company.id } });
    if (colleague) throw UserInputProblem.of(EMAIL_FIELD, UserErrorCode.SAME_COMPANY);
    const created = manager.getRepository(SiteTransferEntity).create({
      id: randomUUID(),
      siteId: site.id,
      pendingSiteId: site.id,
      fromCompanyId: viewer.company.id,
      toCompanyId: null,
      requestedByPersonId: viewer.person.id,
      recipientEmail: input.recipientEmail,
      recipientLocale: change.locale,
      message: input.message ?? null,
      siteName: site.name,
      status: SiteTransferStatus.PENDING,
      createdAt: now,
      expiresAt: transferExpiry(now),
      decidedAt: null,
      decidedByPersonId: null,
      declineReason: null,
      effectiveDate: null,
      entryUserCount: null,
      nameAlreadyUsed: false,
      undoneAt: null,
      undoEffectiveDate: null,
      undoneByOperatorId: null,
      undoReason: null,
    });
    try {
      // one pending transfer per site: the unique index on pendingSiteId decides, even in a race
      await manager.getRepository(SiteTransferEntity).insert(created);
    } catch (error) {
      if (isUniqueViolation(error))
        throw transferStateProblem(SITE_FIELD, SiteTransferProblemReason.TRANSFER_PENDING);
      throw error;
    }
    await recordTransferAudit(
      manager,
      actor,
      viewer.company.id,
      'site_transfer.requested',
      created,
      {},
      now,
    );
    const entryUserCount = await currentEntryUserCount(manager, site.id);
    await mailTransferRequested(
      manager,
      config.publicUrl,
      created,
      {
        companyName: viewer.company.name,
        personName: `${viewer.person.firstName} ${viewer.person.lastName}`,
      },
      entryUserCount,
      now,
    );
    return created;
  });
}

/**
 * Takes a pending transfer out of PENDING, once: a conditional update, so of two concurrent
 * decisions (an accept and a cancel, two admins accepting) exactly one changes the row and the
 * other is told it is no longer pending.
 */
async function claimPending(
  manager: EntityManager,
  transfer: SiteTransferEntity,
  changes: Partial<SiteTransferEntity>,
  now: Date,
): Promise<SiteTransferEntity> {
  // the count as the decision found it (an acceptance counts again as it moves them)
  const decided = {
    ...changes,
    pendingSiteId: null,
    decidedAt: now,
    entryUserCount: await currentEntryUserCount(manager, transfer.siteId),
  };
  const { affected } = await manager
    .getRepository(SiteTransferEntity)
    .update(
      { id: transfer.id, status: SiteTransferStatus.PENDING, expiresAt: MoreThan(now) },
      decided,
    );
  if (!affected) throw notPending();
  return Object.assign(transfer, decided);
}

async function requireTransfer(
  manager: EntityManager,
  direction: SiteTransferDirection,
  companyId: string,
  id: string,
): Promise<SiteTransferEntity> {
  const transfer = await findSiteTransfer(manager, direction, companyId, id);
  if (!transfer) throw notFound(ID_FIELD);
  return transfer;
}

/** The sender takes a pending transfer back; nothing else changes. */
export function cancelSiteTransfer(
  change: PersonChange,
  id: string,
  now = new Date(),
): Promise<SiteTransferEntity> {
  const { dataSource, viewer, actor } = change;
  return inTransaction(dataSource, async (manager) => {
    const transfer = await requireTransfer(manager, 'OUTGOING', viewer.company.id, id);
    await claimPending(
      manager,
      transfer,
      { status: SiteTransferStatus.CANCELLED, decidedByPersonId: viewer.person.id },
      now,
    );
    await recordTransferAudit(
      manager,
      actor,
      transfer.fromCompanyId,
      'site_transfer.cancelled',
      transfer,
      {},
      now,
    );
    return transfer;
  });
}

/** The recipient says no, with an optional reason the sender is emailed. */
export function declineSiteTransfer(
  change: PersonChange,
  id: string,
  rawReason: string | null | undefined,
  now = new Date(),
): Promise<SiteTransferEntity> {
  const { dataSource, config, viewer, actor } = change;
  const reason = normalizeTransferText(rawReason);
  return inTransaction(dataSource, async (manager) => {
    const transfer = await requireTransfer(manager, 'INCOMING', viewer.company.id, id);
    const problems = validateTransferReason(reason);
    if (problems.length) throw new UserInputProblem(problems);
    await claimPending(
      manager,
      transfer,
      {
        status: SiteTransferStatus.DECLINED,
        toCompanyId: viewer.company.id,
        decidedByPersonId: viewer.person.id,
        declineReason: reason,
      },
      now,
    );
    for (const companyId of [transfer.fromCompanyId, viewer.company.id])
      await recordTransferAudit(
        manager,
        actor,
        companyId,
        'site_transfer.declined',
        transfer,
        { reason },
        now,
      );
    await mailTransferDecided(manager, config.publicUrl, transfer, { kind: 'declined' }, now);
    return transfer;
  });
}

/** How often an acceptance runs again when another one took the same name slot first. */
const NAME_SLOT_ATTEMPTS = 3;

/**
 * The recipient takes the site, in one transaction: the transfer is claimed (see claimPending),
 * the site moves with its users (site-moves.ts), both audit logs record it and the sender is
 * emailed. From effectiveDate (today, UTC) the site's days are billed to the receiver, up to the
 * day before to the sender (billing/transfer-split.ts). Needs the receiver's billing set up.
 */
export async function acceptSiteTransfer(
  change: PersonChange,
  id: string,
  now = new Date(),
): Promise<SiteTransferEntity> {
  const { dataSource, config, viewer, actor } = change;
  assertBillingSetUp(viewer.company);
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dataSource, async (manager) => {
        const transfer = await requireTransfer(manager, 'INCOMING', viewer.company.id, id);
        // the address may have joined the sender's company since the request
        if (transfer.fromCompanyId === viewer.company.id)
          throw UserInputProblem.of(ID_FIELD, UserErrorCode.SAME_COMPANY);
        await claimPending(
          manager,
          transfer,
          {
            status: SiteTransferStatus.ACCEPTED,
            toCompanyId: viewer.company.id,
            decidedByPersonId: viewer.person.id,
          },
          now,
        );
        const site = await lockHeldSite(manager, transfer.siteId, transfer.fromCompanyId);
        if (!site) throw notPending();
        const move = await moveSite(manager, site, viewer.company.id, now);
        const outcome = {
          effectiveDate: utcDay(now),
          entryUserCount: move.entryUserCount,
          nameAlreadyUsed: move.nameAlreadyUsed,
          siteName: site.name,
        };
        await manager.getRepository(SiteTransferEntity).update({ id: transfer.id }, outcome);
        Object.assign(transfer, outcome);
        const sender = await manager
          .getRepository(CompanyEntity)
          .findOneByOrFail({ id: transfer.fromCompanyId });
        const facts = {
          fromCompanyName: sender.name,
          toCompanyName: viewer.company.name,
          effectiveDate: outcome.effectiveDate,
          entryUserCount: outcome.entryUserCount,
        };
        for (const companyId of [transfer.fromCompanyId, viewer.company.id])
          await recordTransferAudit(
            manager,
            actor,
            companyId,
            'site_transfer.accepted',
            transfer,
            facts,
            now,
          );
        await mailTransferDecided(
          manager,
          config.publicUrl,
          transfer,
          { kind: 'accepted', receiverCompanyName: viewer.company.name },
          now,
        );
        return transfer;
      });
    } catch (error) {
      // two sites of one name accepted into one company at once took the same slot: again
      if (attempt < NAME_SLOT_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
