import { useQuery } from '@apollo/client/react';
import {
  ACCESS_LEVEL_RIGHTS,
  can as policyCan,
  type AccessLevelCode,
  type AccessLevelRights,
  type Action,
  type ActionTargets,
  type Principal,
} from '@entry/shared';
import { useMemo } from 'react';
import { AccessQuery } from './operations';
import { useViewer, type Viewer } from './useViewer';

/** What `can` needs besides the action: a colleague or a level for some, nothing for the rest. */
export type TargetOf<A extends Action> = ActionTargets[A] extends undefined
  ? []
  : [ActionTargets[A]];

/** Who is asking and what they may do: what every page decides with. */
export interface Access {
  /** false until we know who is signed in and, for a person, their access: decide nothing before */
  known: boolean;
  /** a person or an operator has a session */
  signedIn: boolean;
  person: Viewer['person'];
  operator: Viewer['operator'];
  /** the person's level; null for visitors and operators, and until known */
  level: AccessLevelCode | null;
  /** the level's rights, from the shared table the server enforces */
  rights: AccessLevelRights | null;
  /** false until a payment admin finishes billing setup (and until known) */
  billingSetupComplete: boolean;
  /** the session's or the access' request failed */
  error: unknown;
  /** asks the access again (the error's retry) */
  refetch: () => void;
  /** the shared policy (packages/shared/src/policy.ts) for the one signed in */
  can: <A extends Action>(action: A, ...target: TargetOf<A>) => boolean;
}

/** The principal of the shared policy: a person at their level, an operator, or nobody. */
function principalOf(
  person: Viewer['person'],
  operator: Viewer['operator'],
  level: AccessLevelCode | null,
): Principal | null {
  if (person && level) return { kind: 'person', id: person.id, accessLevel: level };
  if (operator) return { kind: 'operator' };
  return null;
}

/**
 * The signed-in person or operator (ViewerProvider's answer) with the person's access level and
 * their company's billing setup (the ViewerAccess fields of the page's ViewerBootstrap answer,
 * found in Apollo's cache). `refresh`: ask the API again even when the cache has an answer, on
 * pages where billing setup may have been finished since (by a colleague, on the Payment page).
 */
export function useAccess({ refresh = false }: { refresh?: boolean } = {}): Access {
  const viewer = useViewer();
  const { person } = viewer;
  const { data, error, refetch } = useQuery(AccessQuery, {
    skip: !person,
    ...(refresh ? { fetchPolicy: 'cache-and-network' as const } : {}),
  });
  const me = data?.me ?? null;
  const level = me?.accessLevel.code ?? null;
  const { known, operator, error: viewerError } = viewer;
  return useMemo<Access>(() => {
    const principal = principalOf(person, operator, level);
    return {
      known: known && (!person || data !== undefined || error !== undefined),
      signedIn: Boolean(person ?? operator),
      person,
      operator,
      level,
      rights: level ? ACCESS_LEVEL_RIGHTS[level] : null,
      billingSetupComplete: me?.company?.billingSetupComplete ?? false,
      error: viewerError ?? error,
      refetch: () => void refetch(),
      can: (action, ...target) => policyCan(principal, action, ...target),
    };
  }, [known, person, operator, viewerError, data, me, level, error, refetch]);
}
