import type { MockLink } from '@apollo/client/testing';
import { ALL_TRANSFERS_PAGE_SIZE, AllSiteTransfersQuery } from '../operations';

/** One transfer as allSiteTransfers answers it: accepted an hour ago unless told otherwise. */
export function transferNode(
  id: string,
  siteName: string,
  overrides: Record<string, unknown> = {},
) {
  const acceptedAt = new Date(Date.now() - 3_600_000);
  return {
    __typename: 'SiteTransfer',
    id,
    siteName,
    fromCompanyName: 'Berg Porttelefoni AB',
    toCompanyName: 'Lind Fastigheter AB',
    recipientEmail: 'eva@lind.se',
    status: 'ACCEPTED',
    createdAt: '2026-03-01T09:00:00.000Z',
    decidedAt: acceptedAt.toISOString(),
    effectiveDate: acceptedAt.toISOString().slice(0, 10),
    undoneAt: null,
    ...overrides,
  };
}

/** The answer to one page of allSiteTransfers (the first, unfiltered, unless told). */
export function allTransfers(
  nodes: readonly { id: string }[],
  {
    status = null,
    after = null,
    total = nodes.length,
    hasNextPage = false,
  }: { status?: string | null; after?: string | null; total?: number; hasNextPage?: boolean } = {},
): MockLink.MockedResponse {
  return {
    request: {
      query: AllSiteTransfersQuery,
      variables: { status, after, first: ALL_TRANSFERS_PAGE_SIZE },
    },
    result: {
      data: {
        allSiteTransfers: {
          __typename: 'SiteTransferConnection',
          totalCount: total,
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1]!.id}` : null,
          },
          edges: nodes.map((node) => ({
            __typename: 'SiteTransferEdge',
            cursor: `cursor-${node.id}`,
            node,
          })),
        },
      },
    },
  };
}
