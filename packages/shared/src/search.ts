/**
 * Text folded for search, uniqueness and sort order: no accents, lower case, single spaces.
 * Stored beside the original on write, and applied to search terms on read, so "kungs" finds
 * "Kungsgatan 12" and "å" matches "a" on SQLite and MariaDB alike, with plain indexes.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Escapes LIKE wildcards in a search term. Use with `ESCAPE '!'`: a backslash would need
 * different quoting on MariaDB (where it escapes inside strings) and SQLite (where it does not).
 */
export const LIKE_ESCAPE = '!';

export function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, (char) => `!${char}`);
}
