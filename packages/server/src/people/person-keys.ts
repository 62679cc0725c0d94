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
