import { useQuery } from '@apollo/client/react';
import type { AccessLevelCode } from '@entry/shared';
import { useViewer } from '../../app/useViewer';
import { PeopleViewerQuery } from './operations';
import { canManagePeople, type PolicyViewer } from './people-policy';

export interface PeopleViewer {
  /** false until we know who is signed in and at which level */
  known: boolean;
  signedIn: boolean;
  /** null for anonymous visitors and operators */
  viewer: PolicyViewer | null;
  level: AccessLevelCode | null;
  managePeople: boolean;
  /** false until a payment admin finished the billing setup: no invitations before that */
  billingSetupComplete: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * The signed-in person's level (and their company's billing setup), for hiding what they may
 * not do. Asked only once `me` says someone is signed in.
 */
export function usePeopleViewer(): PeopleViewer {
  const { person, operator, known } = useViewer();
  const { data, error, refetch } = useQuery(PeopleViewerQuery, {
    skip: !person,
    // Billing setup may have been finished since (by a colleague, on the Payment page).
    fetchPolicy: 'cache-and-network',
  });
  const me = data?.me ?? null;
  const level = me?.accessLevel.code ?? null;
  return {
    known: known && (!person || data !== undefined || error !== undefined),
    signedIn: Boolean(person ?? operator),
    viewer: me && level ? { id: me.id, level } : null,
    level,
    managePeople: canManagePeople(level),
    billingSetupComplete: me?.company?.billingSetupComplete ?? false,
    error,
    refetch: () => void refetch(),
  };
}
