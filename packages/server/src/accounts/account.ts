import type { EntityManager } from 'typeorm';
import { resolveLocale, type Locale } from '@entry/shared';
import type { CompanyEntity } from '../companies/company.entity';
import { PersonEntity } from '../people/person.entity';
import { OperatorEntity } from './operator.entity';

/** The two kinds of account that sign in: a person of a company, or one of the vendor's operators. */
export type Account =
  | { readonly kind: 'person'; readonly person: PersonEntity }
  | { readonly kind: 'operator'; readonly operator: OperatorEntity };

/**
 * An account with what its rules depend on: a person's company. A PersonViewer or an
 * OperatorViewer is one.
 */
export type AccountWithCompany =
  | { readonly kind: 'person'; readonly person: PersonEntity; readonly company: CompanyEntity }
  | { readonly kind: 'operator'; readonly operator: OperatorEntity };

/**
 * Which account a row belongs to, as AccountOwnedColumns stores it: usable as it is as a
 * TypeORM where clause over those columns.
 */
export type AccountOwner = { readonly personId: string } | { readonly operatorId: string };

export function ownerOf(account: Account): AccountOwner {
  return account.kind === 'person'
    ? { personId: account.person.id }
    : { operatorId: account.operator.id };
}

/** Both owner columns of a new row: the owner's id, and null in the other. */
export function ownerColumns(owner: AccountOwner): {
  personId: string | null;
  operatorId: string | null;
} {
  return 'personId' in owner
    ? { personId: owner.personId, operatorId: null }
    : { personId: null, operatorId: owner.operatorId };
}

/** The owner a row's AccountOwnedColumns name. */
export function ownerOfRow(row: {
  readonly personId: string | null;
  readonly operatorId: string | null;
}): AccountOwner {
  if (row.personId) return { personId: row.personId };
  if (row.operatorId) return { operatorId: row.operatorId };
  throw new Error('a row that belongs to no account');
}

/** The account's entity: what its email address, name and two-factor switch are read from. */
export function accountEntity(account: Account): PersonEntity | OperatorEntity {
  return account.kind === 'person' ? account.person : account.operator;
}

/** Whom the account's emails go to, greeting whom, in which language (operators: English). */
export function accountMailee(account: Account): {
  readonly to: string;
  readonly firstName: string;
  readonly locale: Locale;
} {
  return account.kind === 'person'
    ? {
        to: account.person.email,
        firstName: account.person.firstName,
        locale: resolveLocale(account.person.locale),
      }
    : { to: account.operator.email, firstName: account.operator.name, locale: 'en' };
}

/**
 * The account's row read afresh inside the caller's transaction and locked until it ends
 * (MariaDB; SQLite runs one transaction at a time anyway): changes to one account's sign-in
 * (two-factor on or off, a new secret) take turns. Null when the account is gone.
 */
export async function lockAccountRow(
  manager: EntityManager,
  account: Account,
): Promise<PersonEntity | OperatorEntity | null> {
  const query =
    account.kind === 'person'
      ? manager
          .getRepository(PersonEntity)
          .createQueryBuilder('account')
          .where('account.id = :id', { id: account.person.id })
      : manager
          .getRepository(OperatorEntity)
          .createQueryBuilder('account')
          .where('account.id = :id', { id: account.operator.id });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return query.getOne();
}
