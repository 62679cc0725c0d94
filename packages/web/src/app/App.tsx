import { StrictMode, type ReactNode } from 'react';
import { I18nextProvider } from '../lib/useTranslation';
import { BrowserRouter, MemoryRouter, useRoutes } from '../lib/router';
import type { Translator } from '../lib/translator';
import type { ViewerQuery as ViewerData } from '../gql/graphql';
import type { AuthErrorEvents } from './auth-redirects';
import { AuthErrorRedirects } from './AuthErrorRedirects';
import { ApolloLoaderContext, type ApolloLoader } from './lazy-apollo';
import { routes } from './routes';
import { ViewerProvider } from './ViewerProvider';

interface AppProps {
  i18n: Translator;
  /** Apollo Client, made when first needed (lazy-apollo.tsx) */
  apollo: ApolloLoader;
  /** the auth errors the client's link reports (see createApolloClient) */
  authErrors: AuthErrorEvents;
  /** who is signed in, from the request the app starts with (viewer-bootstrap.ts) */
  viewer?: Promise<ViewerData | null>;
  /** its answer, when it came before the first render */
  knownViewer?: ViewerData;
  /** tests: start at this path, in memory, instead of the browser's address */
  initialPath?: string;
  /** tests: rendered inside the router, after the pages */
  children?: ReactNode;
}

export function App({
  i18n,
  apollo,
  authErrors,
  viewer,
  knownViewer,
  initialPath,
  children,
}: AppProps) {
  const content = (
    <>
      <AuthErrorRedirects events={authErrors} routes={routes} />
      <AppRoutes />
      {children}
    </>
  );
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApolloLoaderContext value={apollo}>
          <ViewerProvider bootstrap={viewer} known={knownViewer}>
            {initialPath === undefined ? (
              <BrowserRouter>{content}</BrowserRouter>
            ) : (
              <MemoryRouter initialEntries={[initialPath]}>{content}</MemoryRouter>
            )}
          </ViewerProvider>
        </ApolloLoaderContext>
      </I18nextProvider>
    </StrictMode>
  );
}

function AppRoutes() {
  return useRoutes(routes);
}
