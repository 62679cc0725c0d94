import type { Locale } from '@entry/shared';
import type { PageInfo } from '../common/common.types';
import {
  decodeCursor,
  pageCountsTotal,
  pageSize,
  toConnection,
  type Connection,
  type CursorKey,
  type Edge,
} from '../common/connection';

export interface NestedPageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly locale: Locale;
}

/** A page of a nested list as its loader read it: the rows, and the list's total when known. */
export interface NestedPage<T> {
  readonly rows: T[];
  /** from the page's own statement (a window count); null after a cursor */
  readonly total: number | null;
}

/** A connection whose parts are loaded when (and only if) GraphQL reads them. */
export interface DeferredConnection<T> {
  readonly edges: Promise<Edge<T>[]>;
  readonly pageInfo: Promise<PageInfo>;
  readonly totalCount: Promise<number>;
}

/**
 * A connection under each row of a list (Site.entryUsers, Person.sites): its page comes from a
 * batched loader, and each part is loaded only when the client asks for it. A first page's
 * statement also counts the list; after a cursor `count` does. The arguments are checked at
 * once, so a bad `first` or cursor is a BAD_USER_INPUT error of the field. `loadPage` gets how
 * many rows to fetch: the page size plus one.
 */
export function nestedConnection<T>(
  request: NestedPageRequest,
  loadPage: (limit: number) => Promise<NestedPage<T>>,
  keyOf: (row: T) => CursorKey,
  count: () => Promise<number>,
): DeferredConnection<T> {
  const size = pageSize(request.first);
  if (request.after) decodeCursor(request.after);
  let page: Promise<{ connection: Connection<T>; total: number | null }> | undefined;
  const loaded = () => {
    page ??= loadPage(size + 1).then(({ rows, total }) => ({
      connection: toConnection(rows, size, keyOf, 0),
      total,
    }));
    return page;
  };
  return {
    get edges() {
      return loaded().then(({ connection }) => connection.edges);
    },
    get pageInfo() {
      return loaded().then(({ connection }) => connection.pageInfo);
    },
    get totalCount() {
      if (!pageCountsTotal(request.after)) return count();
      return loaded().then(({ total }) => total ?? count());
    },
  };
}
