import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';

// Apart from operations.ts, and imported on demand: the billing wizard asks it once, at its end.
/** After the billing setup: is a transfer waiting for the new company (it registered for one)? */
export const WaitingTransferQuery = graphql(`
  query WaitingTransfer {
    siteTransfers(direction: INCOMING, status: PENDING, first: 1) {
      id
    }
  }
`);

/**
 * After a company's billing setup: where a site transfer waiting for it is shown (its
 * registration came from a transfer email, or one arrived meanwhile), to accept it now; null when
 * none waits. A failure is logged and answered as none: the caller stays where it was.
 */
export async function waitingTransferPath(client: ApolloClient): Promise<string | null> {
  try {
    const { data } = await client.query({
      query: WaitingTransferQuery,
      fetchPolicy: 'network-only',
    });
    const waiting = data?.siteTransfers[0];
    return waiting ? `/transfers?transfer=${encodeURIComponent(waiting.id)}` : null;
  } catch (error) {
    console.error('Looking for a site transfer waiting for the company failed', error);
    return null;
  }
}
