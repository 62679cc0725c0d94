import type { EntityManager } from 'typeorm';
import {
  AccessLevelCode,
  can,
  ErrorCode,
  mayAssignLevel,
  PersonAction,
  UserErrorCode,
  type PersonTarget,
} from '@entry/shared';
import { principalOf } from '../auth/principal';
import type { PersonViewer } from '../auth/viewer';
import { UserInputProblem } from '../common/user-errors';
import { portalError } from '../graphql/errors';
import { PersonEntity, PersonStatus } from './person.entity';

/**
 * Who may hand out which level, as the shared policy says (packages/shared/src/policy.ts, where
 * the web app reads it too): only a payment admin gives or takes away the payment admin level,
 * and nobody changes their own level. `target: null` is an invitation; `nextLevel: undefined`
 * leaves the level alone.
 */
export function assertMayGrant(
  viewer: PersonViewer,
  target: PersonTarget | null,
  nextLevel: AccessLevelCode | undefined,
): void {
  if (nextLevel !== undefined && !mayAssignLevel(principalOf(viewer), target, nextLevel))
    throw portalError(ErrorCode.FORBIDDEN);
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
    .andWhere('person.accessLevel = :level', { level: AccessLevelCode.PAYMENT_ADMIN })
    .andWhere('person.status = :status', { status: PersonStatus.ACTIVE });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  const admins = await query.getMany();
  if (!admins.some((admin) => admin.id !== leaving))
    throw UserInputProblem.of(field, UserErrorCode.LAST_PAYMENT_ADMIN);
}

/**
 * Changing, disabling or removing a colleague within one's reach (the shared policy: only payment
 * admins decide about payment admins, their names included).
 */
export function assertMayManage(viewer: PersonViewer, target: PersonTarget): void {
  if (!can(principalOf(viewer), PersonAction.EDIT, target)) throw portalError(ErrorCode.FORBIDDEN);
}
