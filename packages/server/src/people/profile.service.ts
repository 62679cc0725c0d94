import type { DataSource } from 'typeorm';
import { isLocale, LIMITS, UserErrorCode, type FieldProblem } from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { PersonEntity } from './person.entity';
import { personKeys } from './person-keys';

export interface ProfileChanges {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly locale?: string | null;
}

/** A person's own name and language; every problem at once, nothing written on any. */
export async function updateProfile(
  dataSource: DataSource,
  person: PersonEntity,
  changes: ProfileChanges,
  actor: AuditActor,
  now = new Date(),
): Promise<PersonEntity> {
  const next: Partial<Pick<PersonEntity, 'firstName' | 'lastName' | 'locale'>> = {};
  const problems: FieldProblem[] = [];
  for (const field of ['firstName', 'lastName'] as const) {
    const value = changes[field];
    if (value === undefined || value === null) continue;
    const trimmed = value.trim();
    if (!trimmed) problems.push({ field: ['input', field], code: UserErrorCode.REQUIRED });
    else if (trimmed.length > LIMITS.personName)
      problems.push({
        field: ['input', field],
        code: UserErrorCode.TOO_LONG,
        params: { max: LIMITS.personName },
      });
    else if (trimmed !== person[field]) next[field] = trimmed;
  }
  if (changes.locale !== undefined && changes.locale !== null) {
    const locale = changes.locale.trim().toLowerCase();
    if (!isLocale(locale))
      problems.push({ field: ['input', 'locale'], code: UserErrorCode.INVALID });
    else if (locale !== person.locale) next.locale = locale;
  }
  if (problems.length) throw new UserInputProblem(problems);
  if (Object.keys(next).length === 0) return person;

  return inTransaction(dataSource, async (manager) => {
    await manager
      .getRepository(PersonEntity)
      .update(
        { id: person.id },
        { ...next, ...personKeys({ ...person, ...next }), updatedAt: now },
      );
    const before = Object.fromEntries(
      Object.keys(next).map((key) => [key, person[key as keyof typeof next]]),
    );
    await recordAudit(
      manager,
      actor,
      {
        companyId: person.companyId,
        kind: 'person.profile_updated',
        subjectType: 'person',
        subjectId: person.id,
        before,
        after: next,
      },
      now,
    );
    return manager.getRepository(PersonEntity).findOneByOrFail({ id: person.id });
  });
}
