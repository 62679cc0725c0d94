import { useQuery } from '@apollo/client/react';
import { ACCESS_LEVEL_RIGHTS, type AccessLevelRights } from '@entry/shared';
import { useViewer } from '../../app/useViewer';
import { SiteViewerQuery } from './operations';

export interface SiteViewer {
  /** false until the answers are in: decide nothing before */
  known: boolean;
  /** a person or an operator has a session */
  signedIn: boolean;
  /** a person of a company, signed in */
  person: { id: string; firstName: string; lastName: string } | null;
  /** the person's rights, from the shared table (the server enforces the same) */
  rights: AccessLevelRights | null;
  /** false until a payment admin finishes billing setup: no sites can be created before */
  billingSetupComplete: boolean;
  error: unknown;
}

/**
 * The signed-in person with their access level's rights, for pages that hide what a person may
 * not do (create or deactivate sites, see site admins, see the invoice estimate).
 */
export function useSiteViewer(): SiteViewer {
  const viewer = useViewer();
  const person = viewer.person;
  const { data, error } = useQuery(SiteViewerQuery, {
    skip: !person,
    // Billing setup may have been finished since (by a colleague, or on the Payment page).
    fetchPolicy: 'cache-and-network',
  });
  const me = data?.me ?? null;
  const rights = me ? ACCESS_LEVEL_RIGHTS[me.accessLevel.code] : null;
  return {
    known: viewer.known && (!person || data !== undefined || error !== undefined),
    signedIn: Boolean(person ?? viewer.operator),
    person,
    rights,
    billingSetupComplete: me?.company?.billingSetupComplete ?? false,
    error: viewer.error ?? error,
  };
}
