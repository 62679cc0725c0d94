import type { DataSource } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import { recordAudit } from '../audit/audit.service';
import { isOperating } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { addressOwner } from './email-ownership';
import { OneTimeTokenKind } from './one-time-token.entity';
import { findUsableOneTimeToken, useOneTimeToken } from './one-time-tokens';
import { newPasswordWeakness, weakPasswordProblem } from './password-policy';
import { hashPassword } from './passwords';
import type { SessionMeta } from './session.service';
import { passFirstFactor, type SignInOutcome } from './sign-in.service';

/**
 * From the invitation email: the invited person sets their password and is signed in (with
 * two-factor sign-in on, given a challenge for verifyMfa instead). The link works once, for 72
 * hours, and only while the invitation is still open.
 */
export async function acceptInvitation(
  dataSource: DataSource,
  token: string,
  password: string,
  meta: SessionMeta & { ip: string },
  now = new Date(),
): Promise<SignInOutcome> {
  const found = await findUsableOneTimeToken(
    dataSource.manager,
    OneTimeTokenKind.INVITATION,
    token,
    now,
    { person: { company: true } },
  );
  const person = found?.person;
  if (
    !found ||
    !person ||
    person.status !== PersonStatus.INVITED ||
    !person.company ||
    !isOperating(person.company.status)
  ) {
    throw UserInputProblem.of(['token'], UserErrorCode.INVALID_TOKEN);
  }
  const reason = newPasswordWeakness(password, person);
  if (reason) throw weakPasswordProblem(['password'], reason);
  const passwordHash = await hashPassword(password);
  // Accepting is what gives the person their address: since the invitation was sent, it may have
  // become another account's (they registered, or accepted another company's invitation).
  const addressTaken = () => UserInputProblem.of(['token'], UserErrorCode.TAKEN);
  const accept = inTransaction(dataSource, async (manager) => {
    await useOneTimeToken(manager, found, now);
    if (await addressOwner(manager, person.email, 'person')) throw addressTaken();
    await manager.getRepository(PersonEntity).update(
      { id: person.id },
      {
        passwordHash,
        activeEmail: person.email,
        status: PersonStatus.ACTIVE,
        passwordChangedAt: now,
        updatedAt: now,
      },
    );
    await recordAudit(
      manager,
      { viewer: null, ip: meta.ip },
      {
        companyId: person.companyId,
        kind: 'person.invitation_accepted',
        subjectType: 'person',
        subjectId: person.id,
        before: { status: PersonStatus.INVITED },
        after: { status: PersonStatus.ACTIVE },
      },
      now,
    );
  });
  await accept.catch((error: unknown) => {
    // two invitations of one address accepted at the same moment: the unique index decides
    throw isUniqueViolation(error) ? addressTaken() : error;
  });
  const active = await dataSource.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
  return passFirstFactor(dataSource, { kind: 'person', person: active }, meta, now);
}
