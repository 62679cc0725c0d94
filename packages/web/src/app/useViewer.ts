import { createContext, useContext } from 'react';
import type { ViewerQuery as ViewerData } from '../gql/graphql';

export interface Viewer {
  person: NonNullable<ViewerData['me']> | null;
  operator: NonNullable<ViewerData['currentOperator']> | null;
  /** false until the first answer: pages wait for it before sending someone to sign in */
  known: boolean;
  error: unknown;
}

export const NO_VIEWER_YET: Viewer = {
  person: null,
  operator: null,
  known: false,
  error: undefined,
};

export const ViewerContext = createContext<Viewer>(NO_VIEWER_YET);

/** The signed-in person or operator (ViewerProvider.tsx keeps it). */
export function useViewer(): Viewer {
  return useContext(ViewerContext);
}
