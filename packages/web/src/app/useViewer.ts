import { useQuery } from '@apollo/client/react';
import { ViewerQuery } from './operations';

/**
 * The signed-in person or operator. `known` is false until the first answer: pages wait for it
 * before deciding to send someone to the sign-in page.
 */
export function useViewer() {
  const { data, error, refetch } = useQuery(ViewerQuery);
  return {
    person: data?.me ?? null,
    operator: data?.currentOperator ?? null,
    known: data !== undefined || error !== undefined,
    error,
    refetch,
  };
}
