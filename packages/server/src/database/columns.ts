import {
  Column,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type ColumnOptions,
  type ObjectType,
  type ValueTransformer,
} from 'typeorm';
import { LIMITS, normalizeEmail } from '@entry/shared';

/** Every row's primary key: a UUID the application generates. */
export function IdColumn(): PropertyDecorator {
  return PrimaryGeneratedColumn('uuid');
}

/** The id of another row (companyId, siteId): the same column type as the IdColumn it points at. */
export function RefColumn(): PropertyDecorator {
  return Column({ type: 'uuid' });
}

/**
 * The row a RefColumn points at, as a relation: a foreign key, and a parent that still has rows
 * cannot be deleted (they are history: invoices, billing periods, audit).
 */
export function BelongsTo<T>(parent: () => ObjectType<T>, refColumn: string): PropertyDecorator {
  return (target, property) => {
    ManyToOne(parent, { onDelete: 'RESTRICT' })(target, property);
    JoinColumn({ name: refColumn })(target, property);
  };
}

/**
 * Column shapes that must be the same on SQLite and MariaDB. MariaDB truncates datetimes to whole
 * seconds unless a precision is given, and list cursors and audit order need milliseconds.
 */
export function DateTimeColumn(
  options: Omit<ColumnOptions, 'type' | 'precision'> = {},
): PropertyDecorator {
  return Column({ ...options, type: 'datetime', precision: 3 });
}

const emailTransformer: ValueTransformer = {
  to: (value: string | null | undefined) =>
    typeof value === 'string' ? normalizeEmail(value) : value,
  from: (value: string | null) => value,
};

/**
 * Emails are stored in their canonical (trimmed, lower-case) form, so a plain unique index makes
 * them case-insensitively unique on both databases whatever the collation.
 */
export function EmailColumn(
  options: Omit<ColumnOptions, 'type' | 'length' | 'transformer'> = {},
): PropertyDecorator {
  return Column({ ...options, type: 'varchar', length: 254, transformer: emailTransformer });
}

/** Money is an integer count of minor units (cents, öre): never a float, never a decimal string. */
export function MoneyColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'integer' });
}

/**
 * The columns of someone with a name and an email address: a person of the portal, an Entry app
 * user. activeEmail is the email while the row holds it and NULL once it does not (an invitation
 * not yet accepted, a removed user), so a unique index over it lets NULLs repeat, on SQLite and
 * MariaDB alike. The entity declares its own indexes and the rest of its columns.
 */
export abstract class NameAndEmailColumns {
  @Column({ type: 'varchar', length: LIMITS.personName })
  firstName: string;

  @Column({ type: 'varchar', length: LIMITS.personName })
  lastName: string;

  @EmailColumn()
  email: string;

  @EmailColumn({ nullable: true })
  activeEmail: string | null;
}
