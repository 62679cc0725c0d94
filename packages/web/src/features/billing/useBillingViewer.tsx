import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_RIGHTS, type AccessLevelRights } from '@entry/shared';
import type { ReactNode } from 'react';
import { useViewer } from '../../app/useViewer';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { BillingViewerQuery } from './viewer-operations';

export interface BillingViewer {
  /** who is signed in (the layout's answer), or null for a visitor */
  person: ReturnType<typeof useViewer>['person'];
  /** what their access level may do, once known */
  rights: AccessLevelRights | null;
  /** whether their company finished billing setup (false until known) */
  setupComplete: boolean;
  /**
   * What the page shows instead of its content while the person's level is unknown: the error
   * (with a retry) or "Loading"; null once it is known or nobody is signed in.
   */
  pending: ReactNode;
}

/**
 * The signed-in person's level and their company's billing state, for the payment and billing
 * pages: one query and one "loading or failed" answer instead of one per page.
 * `refresh`: ask the API again even when the cache has an answer (the pages where setup may
 * have just been finished elsewhere).
 */
export function useBillingViewer({ refresh }: { refresh: boolean }): BillingViewer {
  const { person, known } = useViewer();
  const viewer = useQuery(BillingViewerQuery, {
    skip: !person,
    ...(refresh ? { fetchPolicy: 'cache-and-network' as const } : {}),
  });
  const me = viewer.data?.me ?? null;
  let pending: ReactNode = null;
  if (viewer.error && !me) {
    pending = (
      <ErrorBanner
        error={viewer.error}
        context="Loading the signed-in person's level"
        onRetry={() => void viewer.refetch()}
      />
    );
  } else if (!known || (person && !me)) {
    pending = <Loading />;
  }
  return {
    person,
    rights: me ? ACCESS_LEVEL_RIGHTS[me.accessLevel.code] : null,
    setupComplete: me?.company?.billingSetupComplete ?? false,
    pending,
  };
}
