import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { I18nextProvider } from '../lib/useTranslation';
import { BrowserRouter, useRoutes } from '../lib/router';
import type { Translator } from '../lib/translator';
import type { ViewerBootstrapQuery as ViewerBootstrapData } from '../gql/graphql';
import type { AuthErrorEvents } from './auth-redirects';
import { ApolloLoaderContext, useLoadedApollo, type ApolloLoader } from './lazy-apollo';
import { routes } from './routes';
import { ViewerProvider } from './ViewerProvider';

interface AppProps {
  i18n: Translator;
  /** Apollo Client, made when first needed (lazy-apollo.tsx) */
  apollo: ApolloLoader;
  /** the auth errors the client's link reports (see createApolloClient) */
  authErrors: AuthErrorEvents;
  /** who is signed in, from the request the app starts with (viewer-bootstrap.ts) */
  viewer?: Promise<ViewerBootstrapData | null>;
  /** its answer, when it came before the first render */
  knownViewer?: ViewerBootstrapData;
  /**
   * tests: a router in memory instead of the browser's address (passed in, so the app's own
   * bundle does not carry it)
   */
  Router?: ComponentType<{ children?: ReactNode }>;
  /** tests: rendered inside the router, after the pages */
  children?: ReactNode;
}

export function App({
  i18n,
  apollo,
  authErrors,
  viewer,
  knownViewer,
  Router = BrowserRouter,
  children,
}: AppProps) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApolloLoaderContext value={apollo}>
          <ViewerProvider bootstrap={viewer} known={knownViewer}>
            <Router>
              <AuthErrors events={authErrors} />
              <AppRoutes />
              {children}
            </Router>
          </ViewerProvider>
        </ApolloLoaderContext>
      </I18nextProvider>
    </StrictMode>
  );
}

function AppRoutes() {
  return useRoutes(routes);
}

/** Only Apollo Client's requests report auth errors: their answer comes with its chunk. */
function AuthErrors({ events }: { events: AuthErrorEvents }) {
  const apollo = useLoadedApollo();
  if (!apollo) return null;
  return (
    <apollo.Provider>
      <apollo.AuthErrorRedirects events={events} routes={routes} />
    </apollo.Provider>
  );
}
