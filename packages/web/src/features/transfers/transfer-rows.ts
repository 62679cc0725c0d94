import type { SiteTransfersQuery as SiteTransfersResult } from '../../gql/graphql';

/** One transfer as the Transfers page reads it. */
export type TransferRow = SiteTransfersResult['incoming'][number];

export type TransferDirection = 'INCOMING' | 'OUTGOING';

/** What a person is about to do with a transfer: the dialog that asks them. */
export interface Decision {
  kind: 'accept' | 'decline' | 'cancel';
  transfer: TransferRow;
}

export const isPending = (transfer: Pick<TransferRow, 'status'>) => transfer.status === 'PENDING';

/** A decided transfer with the side the company was on: the history's rows. */
export interface HistoryRow {
  transfer: TransferRow;
  direction: TransferDirection;
}

/** Every decided transfer of both directions, the latest decision first. */
export function historyRows(
  incoming: readonly TransferRow[],
  outgoing: readonly TransferRow[],
): HistoryRow[] {
  const when = ({ transfer }: HistoryRow) => transfer.decidedAt ?? transfer.expiresAt;
  return [
    ...incoming.map((transfer) => ({ transfer, direction: 'INCOMING' as const })),
    ...outgoing.map((transfer) => ({ transfer, direction: 'OUTGOING' as const })),
  ]
    .filter((row) => !isPending(row.transfer))
    .sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0));
}
