import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from '../../lib/router';
import { WaitingTransferQuery } from './operations';

/**
 * After a company's billing setup: if a site transfer is waiting for it (its registration came
 * from a transfer email, or one arrived meanwhile), go to that transfer, where it can be
 * accepted now. Answers whether it went; anything that fails leaves the caller where it was.
 */
export function useLandOnWaitingTransfer(): () => Promise<boolean> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      const { data } = await client.query({
        query: WaitingTransferQuery,
        fetchPolicy: 'network-only',
      });
      const waiting = data?.siteTransfers[0];
      if (!waiting) return false;
      navigate(`/transfers?transfer=${encodeURIComponent(waiting.id)}`);
      return true;
    } catch (error) {
      console.error('Looking for a site transfer waiting for the company failed', error);
      return false;
    }
  }, [client, navigate]);
}
