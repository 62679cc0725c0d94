import type { Locale } from '@entry/shared';
import type { PageInfo } from '../common/common.types';
import {
  decodeCursor,
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

/** A connection whose parts are loaded when (and only if) GraphQL reads them. */
export interface DeferredConnection<T> {
  readonly edges: Promise<Edge<T>[]>;
  readonly pageInfo: Promise<PageInfo>;
  readonly totalCount: Promise<number>;
}

/**
 * A connection under each row of a list (Site.entryUsers, Person.sites): its page and its count
 * come from batched loaders, and each is loaded only when the client asks for it. The arguments
 * are checked at once, so a bad `first` or cursor is a BAD_USER_INPUT error of the field.
 * `loadRows` gets how many rows to fetch: the page size plus one.
 */
export function nestedConnection<T>(
  request: NestedPageRequest,
  loadRows: (limit: number) => Promise<T[]>,
  keyOf: (row: T) => CursorKey,
  count: () => Promise<number>,
): DeferredConnection<T> {
  const size = pageSize(request.first, request.locale);
  if (request.after) decodeCursor(request.after, request.locale);
  let page: Promise<Connection<T>> | undefined;
  const loadPage = () => {
    page ??= loadRows(size + 1).then((rows) => toConnection(rows, size, keyOf, 0));
    return page;
  };
  return {
    get edges() {
      return loadPage().then((connection) => connection.edges);
    },
    get pageInfo() {
      return loadPage().then((connection) => connection.pageInfo);
    },
    get totalCount() {
      return count();
    },
  };
}
