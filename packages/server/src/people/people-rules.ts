import type { EntityManager } from 'typeorm';
import { ErrorCode, UserErrorCode, type AccessLevelCode } from '@entry/shared';
import { type CompanyEntity } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { portalError } from '../graphql/errors';
import type { Viewer } from '../auth/viewer';
import { PersonEntity, PersonStatus } from './person.entity';

export type PersonViewer = Extract<Viewer, { kind: 'person' }>;

/**
 * The rules about who may hand out which level, in one place:
 * - only a payment admin gives or takes away PAYMENT_ADMIN (no privilege escalation);
 * - nobody changes their own level.
 */
export function assertMayGrant(
  viewer: PersonViewer,
  target: { id?: string; accessLevel?: AccessLevelCode },
  nextLevel: AccessLevelCode | undefined,
): void {
  const touchesPaymentAdmin =
    nextLevel === 'PAYMENT_ADMIN' ||
    (nextLevel !== undefined && target.accessLevel === 'PAYMENT_ADMIN');
  if (touchesPaymentAdmin && viewer.person.accessLevel !== 'PAYMENT_ADMIN')
    throw portalError(ErrorCode.FORBIDDEN);
  if (
    target.id === viewer.person.id &&
    nextLevel !== undefined &&
    nextLevel !== target.accessLevel
  ) {
    throw portalError(ErrorCode.FORBIDDEN);
  }
}

/** Inviting colleagues waits until billing is set up (the notes' first-login wizard). */
export function assertBillingSetUp(company: CompanyEntity): void {
  if (!company.billingSetupComplete) throw portalError(ErrorCode.BILLING_SETUP_REQUIRED);
}

/**
 * Fails with LAST_PAYMENT_ADMIN unless the company keeps an active payment admin other than
 * `leaving`. On MariaDB the payment admins' rows are locked first, so two payment admins
 * demoting each other at the same moment cannot both succeed (SQLite runs one transaction at
 * a time anyway).
 */
export async function assertKeepsPaymentAdmin(
  manager: EntityManager,
  companyId: string,
  leaving: string,
  field: readonly string[],
): Promise<void> {
  const query = manager
    .getRepository(PersonEntity)
    .createQueryBuilder('person')
    .select(['person.id'])
    .where('person.companyId = :companyId', { companyId })
    .andWhere('person.accessLevel = :level', { level: 'PAYMENT_ADMIN' })
    .andWhere('person.status = :status', { status: PersonStatus.ACTIVE });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  const admins = await query.getMany();
  if (!admins.some((admin) => admin.id !== leaving))
    throw UserInputProblem.of(field, UserErrorCode.LAST_PAYMENT_ADMIN);
}

/**
 * Changing, disabling or removing a payment admin (their name included) is for payment admins
 * only: the people who hold the company's money decide about each other.
 */
export function assertMayManage(viewer: PersonViewer, target: PersonEntity): void {
  if (target.accessLevel === 'PAYMENT_ADMIN' && viewer.person.accessLevel !== 'PAYMENT_ADMIN') {
    throw portalError(ErrorCode.FORBIDDEN);
  }
}
