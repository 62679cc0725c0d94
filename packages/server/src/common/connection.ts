import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, LIMITS, type Locale } from '@entry/shared';
import { sqlDateTime } from '../database/sql-values';
import { portalError } from '../graphql/errors';
import { LIST_ROW_TYPE, PageInfo } from './common.types';

/**
 * Relay-style connections for every list that can grow: keyset pagination on (sort key, id), so a
 * page costs the same at row 10 and at row 10,000, and no row is skipped or repeated when rows
 * share a sort key.
 */
export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XEdge` and `XConnection` GraphQL types for a node type, as the contract names them. */
export function connectionTypes<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, LIST_ROW_TYPE)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, LIST_ROW_TYPE)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }

  return { EdgeType, ConnectionType };
}

/** `first` as asked, 1..100 (default 20); anything else is a bad request, not a silent clamp. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return LIMITS.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) {
    throw portalError(ErrorCode.BAD_USER_INPUT, {
      argument: 'first',
      min: 1,
      max: LIMITS.pageSizeMax,
    });
  }
  return first;
}

/**
 * `first` of a plain list that is a work queue (pendingRegistrations, paymentDiscrepancies): the
 * whole queue, up to 100, when omitted, so a console sees everything waiting; 1..100 otherwise.
 */
export function queueSize(first: number | null | undefined): number {
  return first === null || first === undefined ? LIMITS.pageSizeMax : pageSize(first);
}

export type CursorKey = readonly [sortKey: string, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What a list is sorted by, so that its cursors can be checked before they reach SQL. */
export type SortKeyKind = 'text' | 'datetime';

/** Longer than any cursor we issue: a sort key of at most 201 characters, a UUID, JSON, base64. */
const MAX_CURSOR_LENGTH = 2048;
/** Longer than any sort key column (site names: 200 characters, people's names: 201). */
const MAX_SORT_KEY_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A datetime sort key exactly as encodeCursor wrote it (toISOString), in the years both databases
 * store: "2026-13-45", "+275760-09-13…" or an unparsable date would otherwise reach SQL (a
 * RangeError on SQLite, an out-of-range value on MariaDB).
 */
function isDateTimeKey(sortKey: string): boolean {
  const date = new Date(sortKey);
  if (Number.isNaN(date.getTime())) return false;
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 && date.toISOString() === sortKey;
}

/**
 * The position a cursor of ours names, or null for anything we did not issue: not base64url,
 * too long, not JSON, not a pair, an id that is not a UUID, a sort key of the wrong type, length
 * or (for datetime lists) format. Every cursor of every list, GraphQL or REST, goes through here.
 */
export function parseCursor(cursor: string, sortKind: SortKeyKind = 'text'): CursorKey | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== 2) return null;
  const [sortKey, id] = key as unknown[];
  if (typeof sortKey !== 'string' || sortKey.length > MAX_SORT_KEY_LENGTH) return null;
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  if (sortKind === 'datetime' && !isDateTimeKey(sortKey)) return null;
  return [sortKey, id];
}

/** parseCursor, refusing a cursor we did not issue with BAD_USER_INPUT in the viewer's language. */
export function decodeCursor(cursor: string, sortKind: SortKeyKind = 'text'): CursorKey {
  const key = parseCursor(cursor, sortKind);
  if (!key) throw portalError(ErrorCode.BAD_USER_INPUT, { argument: 'after' });
  return key;
}

export interface KeysetOptions {
  /** newest first lists go DESC */
  readonly direction?: 'ASC' | 'DESC';
  /** what the sort column holds: a datetime's cursor carries its ISO string (default: text) */
  readonly sortKey?: SortKeyKind;
}

/**
 * Keeps the rows after the cursor in (sortColumn, id) order. `sortColumn` and `idColumn` are
 * qualified column names written by us, never user input.
 */
export function whereAfter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sortColumn: string,
  idColumn: string,
  after: string | null | undefined,
  locale: Locale,
  options: KeysetOptions = {},
): SelectQueryBuilder<T> {
  if (!after) return query;
  const sortKind = options.sortKey ?? 'text';
  const [sortKey, id] = decodeCursor(after, sortKind);
  const beyond = (options.direction ?? 'ASC') === 'ASC' ? '>' : '<';
  const cursorSort =
    sortKind === 'datetime' ? sqlDateTime(query.dataSource, new Date(sortKey)) : sortKey;
  return query.andWhere(
    `(${sortColumn} ${beyond} :cursorSort OR (${sortColumn} = :cursorSort AND ${idColumn} ${beyond} :cursorId))`,
    { cursorSort, cursorId: id },
  );
}

/** Orders by (sortColumn, id) and starts after the cursor (see whereAfter). */
export function applyKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sortColumn: string,
  idColumn: string,
  after: string | null | undefined,
  size: number,
  locale: Locale,
  options: KeysetOptions = {},
): SelectQueryBuilder<T> {
  const direction = options.direction ?? 'ASC';
  whereAfter(query, sortColumn, idColumn, after, locale, options);
  // One extra row tells whether there is a next page. limit(), not take(): the page query
  // selects one table, and take() would wrap it in a DISTINCT subquery.
  return query
    .orderBy(sortColumn, direction)
    .addOrderBy(idColumn, direction)
    .limit(size + 1);
}

/**
 * Whether a page's own statement can count the whole list: on a first page only. After a cursor
 * its WHERE keeps only what follows the cursor, so such pages count in a statement of their own.
 */
export function pageCountsTotal(after: string | null | undefined): boolean {
  return !after;
}

/** The column addListTotal and addWindowTotal add. */
export const TOTAL = 'total';

/**
 * Adds the list's total to every row of a first page: `counting` is the list's filtered query
 * (no order, no limit), run as an uncorrelated subquery, so once per statement. Cheaper than
 * COUNT(*) OVER () for a top-level list: that window makes both SQLite and MariaDB materialize
 * and sort the whole list, where LIMIT alone keeps only a page (measured: 2× slower on 10,000
 * sites). Returns whether it added it (see pageCountsTotal).
 */
export function addListTotal<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  after: string | null | undefined,
  counting: SelectQueryBuilder<ObjectLiteral>,
): boolean {
  if (!pageCountsTotal(after)) return false;
  query
    .addSelect(`(${counting.select('COUNT(*)').getQuery()})`, TOTAL)
    .setParameters(counting.getParameters());
  return true;
}

/**
 * Adds each parent's total to every row of a first page of a list nested under many parents
 * (COUNT(*) OVER (PARTITION BY parent), `partitionBy` a qualified column written by us): one
 * count per parent, in the statement that ranks their rows. Returns whether it added it.
 */
export function addWindowTotal<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  after: string | null | undefined,
  partitionBy: string,
): boolean {
  if (!pageCountsTotal(after)) return false;
  query.addSelect(`COUNT(*) OVER (PARTITION BY ${partitionBy})`, TOTAL);
  return true;
}

/** The total a page's rows carry (addListTotal, addWindowTotal), from its first row: 0 if none. */
export function totalOfRows(firstRow: Readonly<Record<string, unknown>> | undefined): number {
  return firstRow ? Number(firstRow[TOTAL]) : 0;
}

/** Turns the rows of applyKeyset (size + 1 at most) into a connection. */
export function toConnection<T>(
  rows: readonly T[],
  size: number,
  keyOf: (row: T) => CursorKey,
  totalCount: number,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * A page of a list ordered newest first on (createdAt, id), with its total: for the short
 * admin lists (API keys, a webhook endpoint's deliveries). `query` builds the filtered list
 * afresh for the count and for the page.
 */
export async function newestFirstPage<T extends { readonly createdAt: Date; readonly id: string }>(
  query: () => SelectQueryBuilder<T>,
  alias: string,
  options: { readonly first?: number | null; readonly after?: string | null },
  locale: Locale,
): Promise<Connection<T>> {
  const size = pageSize(options.first);
  const [totalCount, rows] = await Promise.all([
    query().getCount(),
    applyKeyset(query(), `${alias}.createdAt`, `${alias}.id`, options.after, size, locale, {
      direction: 'DESC',
      sortKey: 'datetime',
    }).getMany(),
  ]);
  return toConnection(rows, size, (row) => [row.createdAt.toISOString(), row.id], totalCount);
}
