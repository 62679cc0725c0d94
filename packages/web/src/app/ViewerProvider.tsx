import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ViewerBootstrapQuery as ViewerBootstrapData } from '../gql/graphql';
import type { ViewerAnswer } from './apollo-runtime';
import { useApolloLoader, useLoadedApollo } from './lazy-apollo';
import { ViewerContext, type StartAccess, type Viewer } from './useViewer';

interface ViewerProviderProps {
  /**
   * The answer of the plain request the app starts with (viewer-bootstrap.ts), null if it
   * failed; without it (tests) the Viewer query goes through Apollo from the start.
   */
  bootstrap?: Promise<ViewerBootstrapData | null>;
  /** the bootstrap's answer, when it came before the first render: no "Loading" then */
  known?: ViewerBootstrapData;
  children: ReactNode;
}

/**
 * Who is signed in, for the layout and every page: first from the bootstrap request, then, once
 * Apollo Client is loaded, from its cache (signing in or out, a changed name, all show there).
 */
export function ViewerProvider({ bootstrap, known, children }: ViewerProviderProps) {
  const loader = useApolloLoader();
  const apollo = useLoadedApollo();
  const [answer, setAnswer] = useState<ViewerAnswer>(known ? { data: known } : {});
  const [startAccess, setStartAccess] = useState(() => startAccessOf(known));

  useEffect(() => {
    if (!bootstrap) {
      void loader.load();
      return;
    }
    let current = true;
    void bootstrap.then((data) => {
      if (!current) return;
      // Apollo's answer, if already there, is as new or newer.
      if (data) setAnswer((previous) => (previous.data || previous.error ? previous : { data }));
      setStartAccess((previous) => previous ?? startAccessOf(data));
      // A signed-in person uses Apollo on almost every screen (and Sign out needs it); a failed
      // bootstrap is asked again through Apollo, which shows the error as everywhere else.
      if (!data || data.me || data.currentOperator) void loader.load();
    });
    return () => {
      current = false;
    };
  }, [bootstrap, loader]);

  const viewer = useMemo<Viewer>(
    () => ({
      person: answer.data?.me ?? null,
      operator: answer.data?.currentOperator ?? null,
      known: answer.data !== undefined || answer.error !== undefined,
      error: answer.error,
      startAccess,
    }),
    [answer, startAccess],
  );
  return (
    <ViewerContext value={viewer}>
      {apollo && (
        <apollo.Provider>
          <apollo.ViewerFeed onAnswer={setAnswer} />
        </apollo.Provider>
      )}
      {children}
    </ViewerContext>
  );
}

function startAccessOf(data: ViewerBootstrapData | null | undefined): StartAccess | null {
  const me = data?.me;
  return me
    ? {
        level: me.accessLevel.code,
        billingSetupComplete: me.company?.billingSetupComplete ?? false,
      }
    : null;
}
