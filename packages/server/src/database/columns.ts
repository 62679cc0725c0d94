import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';
import { normalizeEmail } from '@entry/shared';

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
