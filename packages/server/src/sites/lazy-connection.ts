import type { PageInfo } from '../common/common.types';
import type { Connection, Edge } from '../common/connection';

/**
 * A connection whose totalCount is counted only when a client asks for it (GraphQL reads the
 * property only then): the COUNT query is not paid by lists that do not show it, nor by pages
 * whose own statement counted the list already (`known`).
 */
export interface LazyConnection<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number | Promise<number>;
}

export function withLazyTotal<T>(
  page: Omit<Connection<T>, 'totalCount'>,
  count: () => Promise<number>,
  known: number | null = null,
): LazyConnection<T> {
  let counted: Promise<number> | undefined;
  return {
    edges: page.edges,
    pageInfo: page.pageInfo,
    get totalCount() {
      if (known !== null) return known;
      counted ??= count();
      return counted;
    },
  };
}
