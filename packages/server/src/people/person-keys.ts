import type { QueryRunner } from 'typeorm';
import { foldForSearch } from '@entry/shared';

/** The folded columns a person row keeps beside its names: recompute on every name/email write. */
export function personKeys(person: { firstName: string; lastName: string; email: string }): {
  sortKey: string;
  searchText: string;
} {
  return {
    sortKey: foldForSearch(`${person.lastName} ${person.firstName}`),
    searchText: foldForSearch(`${person.firstName} ${person.lastName} ${person.email}`),
  };
}

/**
 * Fills sortKey and searchText of every existing person: folding needs Unicode normalization,
 * so migrations that add or change these columns call this instead of SQL.
 */
export async function backfillPersonKeys(queryRunner: QueryRunner): Promise<void> {
  const people: Array<{ id: string; firstName: string; lastName: string; email: string }> =
    await queryRunner.query('SELECT id, firstName, lastName, email FROM person');
  for (const person of people) {
    const keys = personKeys(person);
    await queryRunner.query('UPDATE person SET sortKey = ?, searchText = ? WHERE id = ?', [
      keys.sortKey,
      keys.searchText,
      person.id,
    ]);
  }
}
