import { ACCESS_LEVEL_CODES, type AccessLevelCode } from '@entry/shared';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useFilterParams } from '../../../lib/useFilterParams';
import { PERSON_STATUSES } from '../labels';

const SEARCH_DELAY_MS = 300;

type PersonStatus = (typeof PERSON_STATUSES)[number];

const LEVELS: readonly string[] = ACCESS_LEVEL_CODES;

function asLevel(value: string | null): AccessLevelCode | null {
  return value && LEVELS.includes(value) ? (value as AccessLevelCode) : null;
}

function asStatus(value: string | null): PersonStatus | null {
  return value && (PERSON_STATUSES as readonly string[]).includes(value)
    ? (value as PersonStatus)
    : null;
}

/**
 * The people list's filters, kept in the address for the way back: the search (asked once
 * typing pauses), the access level and the status. `key` changes whenever the filters do.
 */
export function usePeopleFilters() {
  const [params, updateParams] = useFilterParams();
  const search = params.get('q') ?? '';
  const level = asLevel(params.get('level'));
  const status = asStatus(params.get('status'));
  const [text, setText] = useState(search);
  const settled = useDebouncedValue(text, SEARCH_DELAY_MS);

  useEffect(() => {
    if (settled === search) return;
    updateParams((next) => {
      if (settled.trim()) next.set('q', settled);
      else next.delete('q');
    });
  }, [settled, search, updateParams]);

  function setFilter(name: 'level' | 'status', value: string) {
    updateParams((next) => {
      if (value) next.set(name, value);
      else next.delete(name);
    });
  }

  return {
    search: search.trim(),
    level,
    status,
    /** what the search box shows */
    text,
    setText,
    setFilter,
    key: JSON.stringify([search.trim(), level, status]),
  };
}
