import type { AccessLevelCode } from '@entry/shared';
import { createContext, useContext } from 'react';
import type { ViewerQuery as ViewerData } from '../gql/graphql';

/** A person's access as the page's answer gave it (ViewerBootstrap), before Apollo Client. */
export interface StartAccess {
  level: AccessLevelCode;
  billingSetupComplete: boolean;
}

export interface Viewer {
  person: NonNullable<ViewerData['me']> | null;
  operator: NonNullable<ViewerData['currentOperator']> | null;
  /** false until the first answer: pages wait for it before sending someone to sign in */
  known: boolean;
  error: unknown;
  /**
   * the person's access from the answer the app started with, for what paints before Apollo
   * Client has loaded (Home's billing notice); the current one is useAccess's
   */
  startAccess: StartAccess | null;
}

export const NO_VIEWER_YET: Viewer = {
  person: null,
  operator: null,
  known: false,
  error: undefined,
  startAccess: null,
};

export const ViewerContext = createContext<Viewer>(NO_VIEWER_YET);

/** The signed-in person or operator (ViewerProvider.tsx keeps it). */
export function useViewer(): Viewer {
  return useContext(ViewerContext);
}
