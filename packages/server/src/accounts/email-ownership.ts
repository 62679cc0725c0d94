import type { EntityManager, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { normalizeEmail, type Locale } from '@entry/shared';
import type { MailMessage, MailTemplateData } from '../mail';
import { PersonEntity } from '../people/person.entity';
import { OperatorEntity } from './operator.entity';

/**
 * The one rule about email addresses: an address belongs to one account at most, a person's
 * or an operator's. A person holds their address from registering (or accepting an invitation)
 * until they are removed or their registration is rejected: `person.activeEmail`, unique. An
 * operator holds theirs for good: `operator.email`, unique. Every place that gives someone an
 * address asks `addressOwner` first, inside the transaction that writes the row.
 */
export type AddressOwner =
  | { readonly kind: 'person'; readonly person: PersonEntity }
  | { readonly kind: 'operator'; readonly operator: OperatorEntity };

/** Who is about to take an address: decides which table's look-up has to lock. */
export type Claimant = 'person' | 'operator';

/**
 * Each table's own unique index stops two claims of the same kind. Across the two tables no
 * index can, so the other kind's table is read with a locking read (MariaDB, REPEATABLE READ):
 * a look-up that finds nothing locks the gap where the address would go, and a concurrent insert
 * of that address by the other kind waits for this transaction (or one of the two fails as a
 * deadlock), so both can never commit. SQLite runs one transaction at a time anyway.
 */
function lockedIfOtherKind<T extends object>(
  manager: EntityManager,
  query: SelectQueryBuilder<T>,
  otherKind: boolean,
): SelectQueryBuilder<T> {
  return otherKind && manager.connection.options.type !== 'better-sqlite3'
    ? query.setLock('pessimistic_write')
    : query;
}

/** The account that holds `email` (any case), or null when the address is free. */
export async function addressOwner(
  manager: EntityManager,
  email: string,
  claimant: Claimant,
): Promise<AddressOwner | null> {
  const address = normalizeEmail(email);
  const person = await lockedIfOtherKind(
    manager,
    manager
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where('person.activeEmail = :address', { address }),
    claimant === 'operator',
  ).getOne();
  if (person) return { kind: 'person', person };
  const operator = await lockedIfOtherKind(
    manager,
    manager
      .getRepository(OperatorEntity)
      .createQueryBuilder('operator')
      .where('operator.email = :address', { address }),
    claimant === 'person',
  ).getOne();
  return operator ? { kind: 'operator', operator } : null;
}

/** The emails that go to an address's owner rather than to whoever typed the address. */
type OwnerTemplate = 'registration-attempted' | 'invitation-address-in-use';

/**
 * An email to the address's owner, in their language (operators read the portal's staff pages
 * in English), greeting them by their own name.
 */
export function mailToOwner<T extends OwnerTemplate>(
  owner: AddressOwner,
  template: T,
  data: Omit<MailTemplateData[T], 'firstName'>,
): MailMessage {
  const [to, firstName, locale]: [string, string, Locale] =
    owner.kind === 'person'
      ? [owner.person.email, owner.person.firstName, owner.person.locale]
      : [owner.operator.email, owner.operator.name, 'en'];
  // Omit<D, 'firstName'> plus firstName is D again, which TypeScript cannot see through T.
  return { template, to, locale, data: { ...data, firstName } } as unknown as MailMessage;
}

/**
 * People who still share an address with an operator: possible only in a database from before
 * addresses were kept apart (the migration gave such an address to the operator). Both can
 * still sign in, each with their own password; the vendor should give the person another
 * address or remove them. Reported at every start-up until that is done.
 */
export async function peopleSharingAnOperatorAddress(
  manager: EntityManager,
): Promise<Array<{ personId: string; email: string }>> {
  const rows: Array<{ personId: string; email: string }> = await manager
    .getRepository(PersonEntity)
    .createQueryBuilder('person')
    .innerJoin(OperatorEntity, 'operator', 'operator.email = person.email')
    .select('person.id', 'personId')
    .addSelect('person.email', 'email')
    .where('person.passwordHash IS NOT NULL')
    .getRawMany();
  return rows;
}

/**
 * For the migration that introduced person.activeEmail: everyone holds their address as before,
 * except invitations not yet accepted and rejected registrations (which now free it), and a
 * person whose address an operator also has: the operator keeps it (a vendor's staff account
 * outranks a company's), and start-up reports the person (peopleSharingAnOperatorAddress).
 */
export async function backfillActiveEmails(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `UPDATE person SET activeEmail = email
      WHERE status <> 'INVITED'
        AND companyId NOT IN (SELECT id FROM company WHERE status = 'REJECTED')
        AND email NOT IN (SELECT email FROM operator)`,
  );
}
