import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors';
import { InvoiceSequenceEntity } from './invoice-sequence.entity';

/** Years whose counter row is known to exist, per database: the row is never deleted. */
const knownYears = new WeakMap<DataSource, Set<number>>();

/**
 * Makes sure the year's counter row exists, outside any transaction. Creating it inside the
 * billing transaction would make two servers take gap locks on the missing row and deadlock
 * on MariaDB; an existing row is simply locked. Asked once per company by a billing run, it
 * answers from memory after the first time instead of a query per company.
 */
export async function ensureInvoiceYear(dataSource: DataSource, year: number): Promise<void> {
  const known = knownYears.get(dataSource) ?? new Set<number>();
  knownYears.set(dataSource, known);
  if (known.has(year)) return;
  const repository = dataSource.getRepository(InvoiceSequenceEntity);
  if (!(await repository.existsBy({ year }))) {
    try {
      await repository.insert({ year, lastSequence: 0 });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  known.add(year);
}

/**
 * The next invoice number of a year, taken inside the caller's transaction (after
 * ensureInvoiceYear). On MariaDB the year's row stays locked until that transaction ends, so
 * concurrent runs queue here, and a rolled-back invoice gives its number back: numbers stay
 * sequential and gap-free.
 */
export async function nextInvoiceNumber(
  manager: EntityManager,
  year: number,
): Promise<{ sequence: number; number: string }> {
  const repository = manager.getRepository(InvoiceSequenceEntity);
  const query = repository.createQueryBuilder('sequence').where('sequence.year = :year', { year });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  const row = await query.getOne();
  if (!row) throw new Error(`no invoice counter for ${year}: call ensureInvoiceYear first`);
  const sequence = row.lastSequence + 1;
  await repository.update({ year }, { lastSequence: sequence });
  return { sequence, number: formatInvoiceNumber(year, sequence) };
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}
